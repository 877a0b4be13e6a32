import { mockCredentials } from '@backstage/backend-test-utils';
import type { SourceHealth } from '@preflight/plugin-reliability-common';
import { entity } from '../../__testUtils__/readinessFixtures';
import { FakeSloProvider } from '../../__testUtils__/FakeSloProvider';
import type { AlertRuleStore } from '../../alertRules/AlertRuleStore';
import { SloProviderRegistry } from '../../slo/SloProviderRegistry';
import { alertRuleFactsOfPage, alertRuleSourceIds } from './alertRuleFacts';
import type {
  ReadinessFactSources,
  ReadinessRunContext,
} from './ReadinessFactSources';

function sourcesWith(options: {
  store: boolean;
  servesRules: boolean;
}): ReadinessFactSources {
  const provider = new FakeSloProvider();
  if (options.servesRules) {
    Object.assign(provider, { listAlertRules: jest.fn(async () => []) });
  }
  const sloRegistry = new SloProviderRegistry();
  sloRegistry.add(provider);
  sloRegistry.start();
  return {
    sloRegistry,
    ...(options.store ? { alertRuleStore: {} as AlertRuleStore } : {}),
  } as ReadinessFactSources;
}

const checkout = entity('Component', 'checkout-api');
const checkoutRef = 'component:default/checkout-api';

const context: ReadinessRunContext = {
  credentials: mockCredentials.service(),
  now: new Date('2026-11-22T12:00:00.000Z'),
  alertRules: [
    {
      sourceId: 'metrics:east',
      group: 'checkout',
      name: 'CheckoutErrors',
      labels: { service: 'checkout-api', severity: 'page' },
      annotations: {},
    },
  ],
  alertRuleErrors: [
    {
      sourceId: 'metrics:west',
      error: 'rules not served',
      since: '2026-11-22T00:00:00.000Z',
    },
    // A source no longer configured: not reported.
    {
      sourceId: 'metrics:gone',
      error: 'gone',
      since: '2026-11-21T00:00:00.000Z',
    },
  ],
  owners: new Map(),
};

const eastHealth: SourceHealth = {
  id: 'metrics:east',
  type: 'metrics',
  displayName: 'Metrics (east)',
  lastAttemptAt: '2026-11-22T11:59:00.000Z',
  lastSuccessAt: '2026-11-22T11:59:00.000Z',
  lastError: null,
  errorSince: null,
  stale: false,
  ageSeconds: 60,
  warnings: [],
};

function factsOf(sources: ReadinessFactSources) {
  return alertRuleFactsOfPage({
    sources,
    context,
    entities: [checkout],
    entityRefs: [checkoutRef],
    ruleSourceIds: alertRuleSourceIds(sources),
    declarations: [{ entityRef: checkoutRef, slos: [], problems: [] }],
    sloHealth: new Map([['metrics:east', eastHealth]]),
  })(checkoutRef);
}

describe('alertRuleFactsOfPage', () => {
  it('attributes rules and reports the freshness and failures of the rule sources only', () => {
    expect(factsOf(sourcesWith({ store: true, servesRules: true }))).toEqual({
      rules: [
        {
          name: 'CheckoutErrors',
          group: 'checkout',
          sourceId: 'metrics:east',
          severity: 'page',
        },
      ],
      freshness: [
        {
          sourceId: 'metrics:east',
          asOf: '2026-11-22T11:59:00.000Z',
          stale: false,
        },
        // Registered, never synced.
        { sourceId: 'metrics:west', asOf: null, stale: false },
      ],
      unreadable: [
        {
          sourceId: 'metrics:west',
          error: 'rules not served',
          since: '2026-11-22T00:00:00.000Z',
        },
      ],
    });
  });

  it('knows no rules and no rule sources without an alert rule store', () => {
    const sources = sourcesWith({ store: false, servesRules: true });
    expect(alertRuleSourceIds(sources)).toEqual([]);
    expect(factsOf(sources)).toEqual({ rules: [], freshness: [] });
  });

  it('reads rules only from SLO sources whose provider serves them', () => {
    expect(
      alertRuleSourceIds(sourcesWith({ store: true, servesRules: false })),
    ).toEqual([]);
  });
});
