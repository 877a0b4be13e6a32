import { storedScorecard } from '../__testUtils__/scorecardFixtures';
import type { EntityScorecard } from '@preflight/plugin-reliability-common';
import {
  isCompact,
  joinScorecard,
  splitScorecard,
  StoredScorecardJson,
  toStoredForm,
} from './compactScorecard';

const { scorecard } = storedScorecard({
  entityRef: 'component:default/checkout-api',
  ownerRef: 'group:default/team-payments',
  levelId: 'bronze',
  checks: {
    'owner-set': 'pass',
    'runbook-linked': { state: 'fail', exempt: true },
    'slo-met': 'not-applicable',
  },
});

describe('compact scorecards', () => {
  it('keeps what is particular to the entity and gives back the whole scorecard', () => {
    const { compact, presentations } = splitScorecard(scorecard);
    expect(isCompact(compact)).toBe(true);
    expect(isCompact(scorecard)).toBe(false);
    expect(compact.checks[1]).toEqual({
      checkId: 'runbook-linked',
      state: 'fail',
      message: 'runbook-linked is fail',
      facts: [{ label: 'checked', value: true, sourceId: 'catalog' }],
      passing: true,
      exemption: expect.objectContaining({ reason: 'migrating' }),
    });
    expect(presentations.get('runbook-linked')).toEqual({
      title: scorecard.checks[1].title,
      category: scorecard.checks[1].category,
      description: scorecard.checks[1].description,
      fix: scorecard.checks[1].fix,
      levelId: 'bronze',
    });
    expect(JSON.stringify(compact).length).toBeLessThan(
      JSON.stringify(scorecard).length,
    );
    expect(joinScorecard(compact, presentations)).toEqual(scorecard);
  });

  it('reads a check whose presentation is gone as its id rather than failing', () => {
    const { compact } = splitScorecard(scorecard);
    const joined = joinScorecard(compact, new Map());
    expect(joined.checks.map(c => c.title)).toEqual([
      'owner-set',
      'runbook-linked',
      'slo-met',
    ]);
    expect(joined.checks[0].state).toBe('pass');
  });
});

describe('scorecards stored in format 2', () => {
  const pagerduty = {
    sourceId: 'pagerduty:default',
    asOf: '2026-11-20T09:58:00.000Z',
    stale: false,
  };
  const prometheus = {
    sourceId: 'prometheus:main',
    asOf: null,
    stale: true,
  };
  const [ownerSet, runbook, sloMet] = scorecard.checks;
  // Every shape a check result can take: facts with the freshness of a
  // listed source, of an unlisted one, of the catalog, none, a null value;
  // an exemption, a blocked check, and what a custom check might add.
  const evaluated: EntityScorecard = {
    ...scorecard,
    sources: [pagerduty, prometheus],
    checks: [
      {
        ...ownerSet,
        facts: [
          {
            label: 'Owner',
            value: 'group:default/team-payments',
            sourceId: 'catalog',
          },
          { label: 'Members', value: 3, sourceId: 'catalog' },
        ],
      },
      {
        // In the order the evaluation builds a result.
        checkId: runbook.checkId,
        title: runbook.title,
        category: runbook.category,
        description: runbook.description,
        fix: runbook.fix,
        levelId: runbook.levelId,
        state: runbook.state,
        message: runbook.message,
        facts: [
          { label: 'Escalation levels', value: 2, ...pagerduty },
          { label: 'Attainment', value: null, ...prometheus },
          {
            label: 'Other',
            value: false,
            sourceId: 'pagerduty:eu',
            asOf: null,
            stale: true,
          },
          { label: 'Plain', value: 'no source' },
        ],
        exemption: runbook.exemption,
        passing: runbook.passing,
        blockedBy: 'owner-set',
      },
      // The exemption after `passing`: another order, kept as it is.
      { ...runbook, checkId: 'exempt-later' },
      {
        ...sloMet,
        facts: [
          // Not the usual order or shape: kept as they are.
          { value: 1, label: 'Value first' },
          { label: 'Extra', value: 2, sourceId: 'catalog', note: 'x' } as never,
          { label: 'No value', value: undefined as never },
        ],
      },
      { ...ownerSet, checkId: 'custom', facts: [], details: { a: 1 } } as never,
    ],
  };
  const presentations = splitScorecard(evaluated).presentations;
  const stored = () =>
    JSON.parse(JSON.stringify(toStoredForm(evaluated))) as StoredScorecardJson;
  // What a row of format 1 (written until now) read as.
  const readFromFormat1 = joinScorecard(
    JSON.parse(JSON.stringify(splitScorecard(evaluated).compact)),
    presentations,
  );

  it('reads back exactly what format 1 read, key order included', () => {
    const read = joinScorecard(stored(), presentations);
    expect(read).toEqual(JSON.parse(JSON.stringify(evaluated)));
    expect(JSON.stringify(read)).toBe(JSON.stringify(readFromFormat1));
  });

  it('keeps each distinct freshness once, the listed sources by position', () => {
    const form = toStoredForm(evaluated) as unknown as {
      v: number;
      freshness: unknown[];
      checks: unknown[][];
    };
    expect(form.v).toBe(2);
    expect(form.freshness).toEqual([
      { sourceId: 'catalog' },
      { sourceId: 'pagerduty:eu', asOf: null, stale: true },
    ]);
    expect(form.checks[1][3]).toEqual([
      ['Escalation levels', 2, 0],
      ['Attainment', null, 1],
      ['Other', false, 3],
      ['Plain', 'no source'],
    ]);
    expect(form.checks[1][5]).toEqual({
      exemption: runbook.exemption,
      blockedBy: 'owner-set',
    });
    expect(form.checks[2]).not.toBeInstanceOf(Array);
    expect(form.checks[4]).not.toBeInstanceOf(Array);
    // Fewer bytes than format 1 (about half on the benchmark's fleet).
    const usual = { ...evaluated, checks: evaluated.checks.slice(0, 2) };
    expect(JSON.stringify(toStoredForm(usual)).length).toBeLessThan(
      JSON.stringify(splitScorecard(usual).compact).length,
    );
  });

  it('reads rows of every earlier form the same way', () => {
    const exempt = toStoredForm(scorecard);
    expect(
      joinScorecard(
        JSON.parse(JSON.stringify(exempt)),
        splitScorecard(scorecard).presentations,
      ),
    ).toEqual(scorecard);
    expect(isCompact(stored())).toBe(true);
    expect(
      joinScorecard(JSON.parse(JSON.stringify(evaluated)), undefined),
    ).toEqual(JSON.parse(JSON.stringify(evaluated)));
  });

  it('refuses a format it does not know, naming the entity', () => {
    expect(() =>
      joinScorecard({ ...stored(), v: 3 } as never, presentations),
    ).toThrow(
      'The scorecard of component:default/checkout-api is stored in format 3, which this version of the backend cannot read',
    );
  });

  it('reads a check whose presentation is gone as its id', () => {
    const read = joinScorecard(stored(), new Map());
    expect(read.checks[0]).toMatchObject({
      title: 'owner-set',
      state: 'pass',
      facts: readFromFormat1.checks[0].facts,
    });
  });
});
