import type { StoredAlertRule } from './AlertRuleStore';
import { attributeAlertRules } from './attributeAlertRules';

function rule(
  name: string,
  labels: Record<string, string>,
  annotations: Record<string, string> = {},
  sourceId = 'prometheus:main',
): StoredAlertRule {
  return { sourceId, group: 'g', name, labels, annotations };
}

const entities = [
  {
    entityRef: 'component:default/checkout-api',
    name: 'checkout-api',
    sloServices: ['checkout'],
  },
  {
    entityRef: 'component:default/search-indexer',
    name: 'search-indexer',
    sloServices: [],
  },
  {
    entityRef: 'api:default/checkout-api',
    name: 'checkout-api',
    sloServices: [],
  },
  {
    entityRef: 'component:payments/Ledger',
    name: 'Ledger',
    sloServices: [],
  },
];

function names(result: Map<string, { name: string }[]>) {
  return Object.fromEntries(
    [...result].map(([ref, facts]) => [ref, facts.map(fact => fact.name)]),
  );
}

describe('attributeAlertRules', () => {
  it('attributes by entity label, case-insensitively, to that entity only', () => {
    const result = attributeAlertRules(
      [
        rule('ByRef', {
          entity: 'Component:Default/Checkout-API',
          service: 'search-indexer',
        }),
        rule('OtherNamespace', { entity: 'component:payments/ledger' }),
        rule('Shorthand', { entity: 'search-indexer' }),
      ],
      entities,
    );
    expect(names(result)).toEqual({
      'component:default/checkout-api': ['ByRef'],
      'component:payments/Ledger': ['OtherNamespace'],
      'component:default/search-indexer': ['Shorthand'],
    });
  });

  it('attributes by service label to every entity of that name or SLO service', () => {
    const result = attributeAlertRules(
      [
        rule('ByName', { service: 'checkout-api' }),
        rule('BySloService', { service: 'Checkout' }),
        rule('Indexer', { service: 'search-indexer' }),
      ],
      entities,
    );
    expect(names(result)).toEqual({
      'component:default/checkout-api': ['ByName', 'BySloService'],
      // Same name, another kind: the service label cannot tell them apart.
      'api:default/checkout-api': ['ByName'],
      'component:default/search-indexer': ['Indexer'],
    });
  });

  it('leaves out rules that name nobody, an unknown entity or a malformed ref', () => {
    const result = attributeAlertRules(
      [
        rule('NoLabels', { severity: 'page' }),
        rule('UnknownService', { service: 'billing' }),
        rule('UnknownEntity', {
          entity: 'component:default/billing',
          service: 'checkout-api',
        }),
        rule('Malformed', { entity: 'component:/', service: 'checkout-api' }),
      ],
      entities,
    );
    expect(result.size).toBe(0);
  });

  it('reports runbook_url and severity, trimmed, and keeps rules of different sources apart', () => {
    const result = attributeAlertRules(
      [
        rule(
          'WithRunbook',
          { service: 'search-indexer', severity: ' page ' },
          { runbook_url: ' https://runbooks.example.com/indexer ' },
        ),
        rule(
          'BlankRunbook',
          { service: 'search-indexer' },
          { runbook_url: ' ' },
        ),
        rule(
          'WithRunbook',
          { service: 'search-indexer', severity: 'page' },
          { runbook_url: 'https://runbooks.example.com/indexer' },
          'prometheus:eu',
        ),
      ],
      entities,
    );
    expect(result.get('component:default/search-indexer')).toEqual([
      {
        name: 'WithRunbook',
        group: 'g',
        sourceId: 'prometheus:main',
        runbookUrl: 'https://runbooks.example.com/indexer',
        severity: 'page',
      },
      { name: 'BlankRunbook', group: 'g', sourceId: 'prometheus:main' },
      {
        name: 'WithRunbook',
        group: 'g',
        sourceId: 'prometheus:eu',
        runbookUrl: 'https://runbooks.example.com/indexer',
        severity: 'page',
      },
    ]);
  });

  it('gives a rule matched by name and SLO service to the entity once', () => {
    const result = attributeAlertRules(
      [rule('Once', { service: 'checkout-api' })],
      [
        {
          entityRef: 'component:default/checkout-api',
          name: 'checkout-api',
          sloServices: ['checkout-api', 'CHECKOUT-API'],
        },
      ],
    );
    expect(names(result)).toEqual({
      'component:default/checkout-api': ['Once'],
    });
  });
});
