import {
  buildReadinessFacts,
  buildSloFact,
  neverSyncedSource,
  staleSource,
} from '../__testUtils__/buildReadinessFacts';
import { runCheck } from '../__testUtils__/runCheck';
import type { SloFact } from '@preflight/plugin-reliability-node';
import {
  sloBudgetLeftCheck,
  sloChecks,
  sloDefinedCheck,
  sloMetCheck,
  sloNoPageAlertCheck,
} from './sloChecks';

const prometheusFact = {
  sourceId: 'prometheus:main',
  asOf: '2026-11-23T11:55:00.000Z',
  stale: false,
};

const withSlos = (...slos: SloFact[]) =>
  buildReadinessFacts({ slos: { slos } });

const measuredChecks = [
  sloMetCheck,
  sloBudgetLeftCheck,
  sloNoPageAlertCheck,
].map(check => [check.id, check] as const);

describe('slo-defined', () => {
  it('passes with one SLO', async () => {
    const result = await runCheck(sloDefinedCheck, buildReadinessFacts());
    expect(result).toEqual({
      state: 'pass',
      message: '1 SLO declared',
      facts: [{ label: 'SLOs', value: 1, sourceId: 'catalog' }],
    });
  });

  it('fails without SLOs', async () => {
    const result = await runCheck(
      sloDefinedCheck,
      buildReadinessFacts({
        slos: { declared: false, slos: [], freshness: [] },
      }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe('0 SLOs declared; at least 1 required');
  });

  it('fails naming the first problem of a broken OpenSLO file', async () => {
    const result = await runCheck(
      sloDefinedCheck,
      buildReadinessFacts({
        slos: {
          slos: [],
          problems: [
            {
              entityRef: 'component:default/checkout',
              file: 'slos/checkout.yaml',
              field: 'spec.objectives[0].target',
              message: 'must be between 0 and 1',
            },
          ],
        },
      }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe(
      '0 usable SLOs; slos/checkout.yaml spec.objectives[0].target: must be between 0 and 1',
    );
    expect(result.facts).toContainEqual({
      label: 'OpenSLO problems',
      value: 1,
      sourceId: 'catalog',
    });
  });

  it('uses a configured minimum', async () => {
    const result = await runCheck(sloDefinedCheck, buildReadinessFacts(), {
      params: { minSlos: 2 },
    });
    expect(result.state).toBe('fail');
    expect(result.message).toBe('1 SLO declared; at least 2 required');
  });
});

describe('checks reading SLO measurements', () => {
  it.each(measuredChecks)(
    '%s does not apply without SLOs',
    async (_id, check) => {
      const result = await runCheck(
        check,
        buildReadinessFacts({
          slos: { declared: false, slos: [], freshness: [] },
        }),
      );
      expect(result.state).toBe('not-applicable');
      expect(result.message).toContain('declares no SLO');
    },
  );

  it.each(measuredChecks)(
    '%s is an error before the SLO is first measured',
    async (_id, check) => {
      const result = await runCheck(
        check,
        withSlos(
          buildSloFact({
            state: 'awaiting-sync',
            attainment: null,
            budgetRemaining: null,
            alertState: null,
            evaluatedAt: null,
          }),
        ),
      );
      expect(result.state).toBe('error');
      expect(result.message).toBe(
        'Checkout availability has not been measured yet',
      );
      expect(result.facts).toEqual([
        { label: 'SLO state', value: 'awaiting-sync', ...prometheusFact },
      ]);
    },
  );

  it.each(measuredChecks)(
    '%s is an error when the SLO could not be measured, saying why',
    async (_id, check) => {
      const result = await runCheck(
        check,
        withSlos(
          buildSloFact({
            state: 'error',
            attainment: null,
            budgetRemaining: null,
            alertState: null,
            errors: ['query timed out'],
          }),
        ),
      );
      expect(result.state).toBe('error');
      expect(result.message).toBe(
        'Checkout availability could not be measured: query timed out',
      );
    },
  );

  it.each(measuredChecks)(
    '%s is an error when the metrics source is stale',
    async (_id, check) => {
      const result = await runCheck(
        check,
        buildReadinessFacts({
          slos: { freshness: [staleSource('prometheus:main')] },
        }),
      );
      expect(result.state).toBe('error');
      expect(result.message).toContain(
        'SLO measurements from prometheus:main are stale (last good sync Sun, Nov 22, 08:00 UTC)',
      );
      expect(result.facts[0]).toMatchObject({
        sourceId: 'prometheus:main',
        stale: true,
      });
    },
  );

  it.each(measuredChecks)(
    '%s is an error when the metrics source never synced',
    async (_id, check) => {
      const result = await runCheck(
        check,
        buildReadinessFacts({
          slos: { freshness: [neverSyncedSource('prometheus:main')] },
        }),
      );
      expect(result.state).toBe('error');
      expect(result.message).toContain('has not synced successfully');
      expect(result.facts[0]).toMatchObject({
        sourceId: 'prometheus:main',
        asOf: null,
      });
    },
  );

  it('covers every SLO check but slo-defined', () => {
    expect(sloChecks.map(check => check.id)).toEqual([
      'slo-defined',
      ...measuredChecks.map(([id]) => id),
    ]);
  });
});

describe('slo-met', () => {
  it('passes when attainment meets the objective, naming both', async () => {
    const result = await runCheck(sloMetCheck, buildReadinessFacts());
    expect(result.state).toBe('pass');
    expect(result.message).toBe('All 1 SLOs meet their objectives');
    expect(result.facts).toEqual([
      {
        label: 'Checkout availability (99.9% over 28d)',
        value: '99.95%',
        ...prometheusFact,
      },
    ]);
  });

  it('passes exactly at the objective', async () => {
    const result = await runCheck(
      sloMetCheck,
      withSlos(buildSloFact({ attainment: 0.999 })),
    );
    expect(result.state).toBe('pass');
  });

  it('fails below the objective, naming attainment and objective', async () => {
    const result = await runCheck(
      sloMetCheck,
      withSlos(
        buildSloFact({ attainment: 0.9981 }),
        buildSloFact({
          id: 'latency',
          displayName: 'Checkout latency',
          objective: 0.99,
        }),
      ),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe(
      'Checkout availability is at 99.81%, below its 99.9% objective',
    );
    expect(result.facts).toHaveLength(2);
  });

  it('warns when an SLO had no traffic to judge', async () => {
    const result = await runCheck(
      sloMetCheck,
      withSlos(
        buildSloFact(),
        buildSloFact({
          id: 'batch',
          displayName: 'Batch success',
          state: 'no-data',
          attainment: null,
          budgetRemaining: null,
        }),
      ),
    );
    expect(result.state).toBe('warning');
    expect(result.facts).toContainEqual({
      label: 'Batch success (99.9% over 28d)',
      value: 'no traffic',
      ...prometheusFact,
    });
  });
});

describe('slo-budget-left', () => {
  it('passes with half the budget left', async () => {
    const result = await runCheck(sloBudgetLeftCheck, buildReadinessFacts());
    expect(result.state).toBe('pass');
    expect(result.message).toBe(
      'The lowest budget left is 50% (Checkout availability)',
    );
    expect(result.facts).toEqual([
      {
        label: 'Checkout availability budget left',
        value: '50%',
        ...prometheusFact,
      },
    ]);
  });

  it('warns below 25% left', async () => {
    const result = await runCheck(
      sloBudgetLeftCheck,
      withSlos(buildSloFact({ budgetRemaining: 0.1 })),
    );
    expect(result.state).toBe('warning');
    expect(result.message).toBe(
      'Checkout availability has only 10% of its error budget left',
    );
  });

  it.each([0, -0.4])(
    'fails with %s of the budget left',
    async budgetRemaining => {
      const result = await runCheck(
        sloBudgetLeftCheck,
        withSlos(
          buildSloFact(),
          buildSloFact({ id: 'b', displayName: 'Search', budgetRemaining }),
        ),
      );
      expect(result.state).toBe('fail');
      expect(result.message).toContain(
        `Search has ${
          budgetRemaining * 100
        }% of its error budget left (must stay above 0%)`,
      );
    },
  );

  it('uses configured thresholds', async () => {
    const facts = withSlos(buildSloFact({ budgetRemaining: 0.5 }));
    const warned = await runCheck(sloBudgetLeftCheck, facts, {
      params: { warnBudgetRemaining: 0.6 },
    });
    expect(warned.state).toBe('warning');
    const failed = await runCheck(sloBudgetLeftCheck, facts, {
      params: { minBudgetRemaining: 0.5 },
    });
    expect(failed.state).toBe('fail');
  });

  it('warns when no SLO had traffic', async () => {
    const result = await runCheck(
      sloBudgetLeftCheck,
      withSlos(
        buildSloFact({
          state: 'no-data',
          attainment: null,
          budgetRemaining: null,
        }),
      ),
    );
    expect(result.state).toBe('warning');
  });
});

describe('slo-no-page-alert', () => {
  it('passes when no burn alert fires', async () => {
    const result = await runCheck(sloNoPageAlertCheck, buildReadinessFacts());
    expect(result).toEqual({
      state: 'pass',
      message: 'No burn-rate alert is firing',
      facts: [
        {
          label: 'Checkout availability alert',
          value: 'ok',
          ...prometheusFact,
        },
      ],
    });
  });

  it('fails while a page-level burn alert fires', async () => {
    const result = await runCheck(
      sloNoPageAlertCheck,
      withSlos(buildSloFact({ alertState: 'page' })),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe(
      'Page-level burn alert firing: Checkout availability',
    );
  });

  it('warns while a ticket-level burn alert fires', async () => {
    const result = await runCheck(
      sloNoPageAlertCheck,
      withSlos(buildSloFact({ alertState: 'ticket' })),
    );
    expect(result.state).toBe('warning');
    expect(result.message).toBe(
      'Ticket-level burn alert firing: Checkout availability',
    );
  });

  it('warns, rather than passes, while an alert state is unknown because the metrics stopped', async () => {
    const result = await runCheck(
      sloNoPageAlertCheck,
      withSlos(buildSloFact({ alertState: 'unknown' })),
    );
    expect(result.state).toBe('warning');
    expect(result.message).toBe(
      'Burn alert state unknown (metrics stopped while burning): Checkout availability',
    );
  });
});
