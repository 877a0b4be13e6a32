import { BURN_RATE_WINDOWS } from '@preflight/plugin-reliability-common';
import { availabilitySlo, withIndicator } from '../__testUtils__/sloDefinition';
import { parseVectorSelector } from '../promql';
import { planBatchedQueries } from './planBatchedQueries';
import type { PlannableSlo, PlannedInstantQuery, QueryPlan } from './QueryPlan';

const DAY = 86_400;

function plannable(
  definition: PlannableSlo['definition'],
  instance = 'main',
): PlannableSlo {
  return {
    ref: `${definition.entityRef}/${definition.id}`,
    instance,
    definition,
  };
}

function instantQueries(plan: QueryPlan): PlannedInstantQuery[] {
  return plan.queries.filter(
    (q): q is PlannedInstantQuery => q.kind === 'instant',
  );
}

/** The selectors inside a counts query, parsed back. */
function selectorsOf(promql: string) {
  return [...promql.matchAll(/increase\((.*?)\[[0-9]+[mhd]\]\)/g)].map(match =>
    parseVectorSelector(match[1]),
  );
}

describe('planBatchedQueries', () => {
  const services = [
    'checkout-api',
    'search-api',
    'payments-gateway',
    'recommendations',
  ];

  it('measures a calendar window over its elapsed part and keeps burn-rate windows scaled to its nominal length', () => {
    const plan = planBatchedQueries(
      [
        {
          ...plannable(
            availabilitySlo('billing-api', {
              window: '1M',
              rolling: false,
              calendar: {
                startTime: '2024-07-01 00:00:00',
                timeZone: 'Europe/Berlin',
              },
            }),
          ),
          periodSeconds: 61 * 3600,
        },
      ],
      BURN_RATE_WINDOWS,
    );
    const instant = instantQueries(plan);
    const period = instant.find(q =>
      q.members.some(m => m.purposes.includes('period')),
    )!;
    expect(period.windowSeconds).toBe(61 * 3600);
    expect(period.promql).toContain('[61h]');
    expect(
      instant.find(q => q.members.some(m => m.purposes.includes('3d')))!
        .windowSeconds,
    ).toBe(3 * DAY);
    const range = plan.queries.find(q => q.kind === 'range')!;
    expect(range).toMatchObject({ rangeSeconds: 61 * 3600, stepSeconds: 3600 });
  });

  it('measures SLOs of one shape with one grouped query per window, plus one range query', () => {
    const plan = planBatchedQueries(
      services.map(service => plannable(availabilitySlo(service))),
      BURN_RATE_WINDOWS,
    );

    // 7 burn-rate windows + the 30d SLO window, and the burn-down series.
    expect(plan.queries).toHaveLength(9);
    expect(plan.unbatchedQueryCount).toBe(4 * 9);
    expect(plan.rejected).toEqual([]);

    const oneHour = instantQueries(plan).find(q => q.windowSeconds === 3600)!;
    expect(oneHour.promql).toBe(
      'label_replace(sum by (service) (increase(http_requests_total{code=~"5..",service=~"checkout-api|payments-gateway|recommendations|search-api"}[1h])), "preflight_part", "numerator", "", "")\n' +
        'or\n' +
        'label_replace(sum by (service) (increase(http_requests_total{service=~"checkout-api|payments-gateway|recommendations|search-api"}[1h])), "preflight_part", "total", "", "")',
    );
    expect(oneHour.groupingLabels).toEqual(['service']);
    expect(oneHour.members).toContainEqual({
      ref: 'component:default/search-api/search-api-availability',
      groupValues: { service: 'search-api' },
      purposes: ['1h'],
    });

    const period = instantQueries(plan).find(
      q => q.windowSeconds === 30 * DAY,
    )!;
    expect(period.members.every(m => m.purposes.join() === 'period')).toBe(
      true,
    );

    const [range] = plan.queries.filter(q => q.kind === 'range');
    expect(range).toMatchObject({
      values: 'counts',
      rangeSeconds: 30 * DAY,
      stepSeconds: 3600,
    });
    expect(range.members).toHaveLength(4);
  });

  it('shares burn-rate queries between SLO windows but asks each period only for its SLOs', () => {
    const plan = planBatchedQueries(
      [
        plannable(availabilitySlo('a')),
        plannable(
          availabilitySlo('b', { window: '28d', windowSeconds: 28 * DAY }),
        ),
      ],
      BURN_RATE_WINDOWS,
    );
    const byWindow = new Map(
      instantQueries(plan).map(q => [q.windowSeconds, q]),
    );
    expect(byWindow.get(300)!.members.map(m => m.groupValues.service)).toEqual([
      'a',
      'b',
    ]);
    expect(
      byWindow.get(30 * DAY)!.members.map(m => m.groupValues.service),
    ).toEqual(['a']);
    expect(
      byWindow.get(28 * DAY)!.members.map(m => m.groupValues.service),
    ).toEqual(['b']);
    expect(byWindow.get(30 * DAY)!.promql).toContain('service="a"');
    // The 28d SLO's windows are the 30-day ones × 28/30: its 1h window is
    // 56m, measured for it alone.
    expect(
      byWindow.get(56 * 60)!.members.map(m => m.groupValues.service),
    ).toEqual(['b']);
    expect(byWindow.get(3600)!.members.map(m => m.groupValues.service)).toEqual(
      ['a'],
    );
    // A 10d SLO window doubles as its scaled 3d burn-rate window (1d):
    // one query serves both.
    const tenDays = planBatchedQueries(
      [
        plannable(
          availabilitySlo('c', { window: '10d', windowSeconds: 10 * DAY }),
        ),
      ],
      BURN_RATE_WINDOWS,
    );
    const oneDay = instantQueries(tenDays).find(q => q.windowSeconds === DAY)!;
    expect(oneDay.members[0].purposes).toEqual(['3d']);
    // 10d: 5m (floor), 10m, 20m, 40m, 2h, 8h, 1d; and 10d itself
    expect(instantQueries(tenDays).map(q => q.windowSeconds / 60)).toEqual([
      5, 10, 20, 40, 120, 480, 1440, 14400,
    ]);
    expect(tenDays.queries).toHaveLength(8 + 1);
  });

  it('keeps different shapes and instances apart', () => {
    const latency = withIndicator(availabilitySlo('a', { id: 'a-latency' }), {
      kind: 'ratio-good',
      counter: true,
      goodQuery: 'http_request_duration_seconds_bucket{service="a",le="0.3"}',
      totalQuery: 'http_request_duration_seconds_count{service="a"}',
    });
    const plan = planBatchedQueries(
      [
        plannable(availabilitySlo('a')),
        plannable(availabilitySlo('b')),
        plannable(latency),
        plannable(availabilitySlo('c'), 'other'),
      ],
      BURN_RATE_WINDOWS,
    );
    // Three groups (a+b, a-latency, c on another instance), 9 queries each.
    expect(plan.queries).toHaveLength(27);
    const instances = new Set(
      plan.queries
        .filter(q => q.promql.includes('service="c"'))
        .map(q => q.instance),
    );
    expect(instances).toEqual(new Set(['other']));
  });

  it('batches a sum(rate(…[$window])) template with plain selectors of the same shape', () => {
    const templated = withIndicator(availabilitySlo('b'), {
      kind: 'ratio-bad',
      counter: true,
      badQuery:
        'sum(rate(http_requests_total{code=~"5..", service="b"}[$window]))',
      totalQuery: 'sum(rate(http_requests_total{service="b"}[$window]))',
    });
    const plan = planBatchedQueries(
      [plannable(availabilitySlo('a')), plannable(templated)],
      BURN_RATE_WINDOWS,
    );
    expect(plan.queries).toHaveLength(9);
    expect(plan.queries[0].promql).toContain('service=~"a|b"');
  });

  it('evaluates other templates alone, summed, with the window filled in', () => {
    const custom = withIndicator(availabilitySlo('a'), {
      kind: 'ratio-bad',
      counter: true,
      badQuery:
        'sum by (pod) (rate(http_requests_total{service="a",code=~"5.."}[$window])) # per pod',
      totalQuery:
        'sum by (pod) (rate(http_requests_total{service="a"}[$window]))',
    });
    const plan = planBatchedQueries(
      [plannable(custom), plannable(availabilitySlo('b'))],
      BURN_RATE_WINDOWS,
    );
    const fiveMinutes = instantQueries(plan).filter(
      q => q.windowSeconds === 300,
    );
    expect(fiveMinutes).toHaveLength(2);
    const alone = fiveMinutes.find(q => q.members[0].ref.includes('/a-'))!;
    expect(alone.promql).toBe(
      'label_replace(sum(\nsum by (pod) (rate(http_requests_total{service="a",code=~"5.."}[5m])) # per pod\n), "preflight_part", "numerator", "", "")\n' +
        'or\n' +
        'label_replace(sum(\nsum by (pod) (rate(http_requests_total{service="a"}[5m]))\n), "preflight_part", "total", "", "")',
    );
    expect(alone.members).toEqual([
      {
        ref: 'component:default/a/a-availability',
        groupValues: {},
        purposes: ['5m'],
      },
    ]);
  });

  it('measures an SLO alone, with escaped values, when its label value is unsafe for a regex', () => {
    const hostile = 'x"}) or vector(1) or up{a="';
    const definition = withIndicator(availabilitySlo('evil', { id: 'evil' }), {
      kind: 'ratio-bad',
      counter: true,
      badQuery: `http_requests_total{service="${hostile.replace(
        /"/g,
        '\\"',
      )}",code=~"5.."}`,
      totalQuery: `http_requests_total{service="${hostile.replace(
        /"/g,
        '\\"',
      )}"}`,
    });
    const plan = planBatchedQueries(
      [
        plannable(definition),
        plannable(availabilitySlo('a')),
        plannable(availabilitySlo('b')),
      ],
      BURN_RATE_WINDOWS,
    );
    expect(plan.queries).toHaveLength(18);
    const evil = plan.queries.filter(q =>
      q.members.some(m => m.ref.endsWith('/evil')),
    );
    expect(evil).toHaveLength(9);
    for (const query of evil) {
      expect(query.members).toHaveLength(1);
      const [numerator, total] = selectorsOf(query.promql);
      expect(numerator.matchers).toContainEqual({
        name: 'service',
        op: '=',
        value: hostile,
      });
      expect(total.matchers).toEqual([
        { name: 'service', op: '=', value: hostile },
      ]);
      // The only unquoted "or" is the one joining numerator and total.
      expect(query.promql.split('\nor\n')).toHaveLength(2);
    }
  });

  it('rejects SLOs whose queries cannot be measured, naming the field', () => {
    const broken = withIndicator(availabilitySlo('a'), {
      kind: 'ratio-bad',
      counter: true,
      badQuery: 'sum(http_requests_total{service="a"})',
      totalQuery: 'http_requests_total{service="a"}',
    });
    const plan = planBatchedQueries(
      [plannable(broken), plannable(availabilitySlo('b'))],
      BURN_RATE_WINDOWS,
    );
    expect(plan.rejected).toEqual([
      {
        ref: 'component:default/a/a-availability',
        problem: expect.objectContaining({
          field: 'ratioMetric.bad.metricSource.spec.query',
        }),
      },
    ]);
    expect(plan.queries).toHaveLength(9);
    expect(plan.unbatchedQueryCount).toBe(9);
  });

  it('splits large groups so that no query selects more than maxGroupSize SLOs', () => {
    const slos = ['a', 'b', 'c', 'd', 'e'].map(s =>
      plannable(availabilitySlo(s)),
    );
    const plan = planBatchedQueries(slos, BURN_RATE_WINDOWS, {
      maxGroupSize: 2,
    });
    expect(plan.queries).toHaveLength(3 * 9);
    expect(Math.max(...plan.queries.map(q => q.members.length))).toBe(2);
  });

  it('groups objectives that read the same series once', () => {
    const first = availabilitySlo('a', { id: 'a-availability#0' });
    const second = availabilitySlo('a', {
      id: 'a-availability#1',
      objectiveIndex: 1,
      target: 0.99,
    });
    const plan = planBatchedQueries(
      [plannable(first), plannable(second), plannable(availabilitySlo('b'))],
      BURN_RATE_WINDOWS,
    );
    expect(plan.queries).toHaveLength(9);
    expect(plan.queries[0].promql).toContain('service=~"a|b"');
    expect(plan.queries[0].members).toHaveLength(3);
  });

  it('gives the per-SLO baseline when batching is off', () => {
    const slos = services.map(service => plannable(availabilitySlo(service)));
    const plan = planBatchedQueries(slos, BURN_RATE_WINDOWS, {
      batching: false,
    });
    expect(plan.queries).toHaveLength(plan.unbatchedQueryCount);
    expect(plan.queries[0].promql).toContain(
      'sum (increase(http_requests_total{service="checkout-api",code=~"5.."}[5m]))',
    );
  });

  it('uses one bucket per time slice for Timeslices SLOs, and refuses slices Prometheus cannot return', () => {
    const sliced = availabilitySlo('a', {
      budgetingMethod: 'Timeslices',
      timeSliceTarget: 0.95,
      timeSliceWindowSeconds: 300,
    });
    const tooFine = availabilitySlo('b', {
      budgetingMethod: 'Timeslices',
      timeSliceTarget: 0.95,
      timeSliceWindowSeconds: 60,
      objectiveIndex: 2,
    });
    const plan = planBatchedQueries(
      [plannable(sliced), plannable(tooFine)],
      BURN_RATE_WINDOWS,
    );
    const [range] = plan.queries.filter(q => q.kind === 'range');
    expect(range).toMatchObject({ stepSeconds: 300, rangeSeconds: 30 * DAY });
    expect(range.promql).toContain('[5m]');
    expect(plan.rejected).toEqual([
      {
        ref: 'component:default/b/b-availability',
        problem: expect.objectContaining({
          field: 'spec.objectives[2].timeSliceWindow',
          message: expect.stringContaining('43200 slices'),
        }),
      },
    ]);
  });

  it('reads threshold SLIs as one range query at the slice step', () => {
    const latency = withIndicator(
      availabilitySlo('a', {
        id: 'a-p99',
        thresholdOp: 'lte',
        thresholdValue: 0.3,
        budgetingMethod: 'Timeslices',
        timeSliceWindowSeconds: 600,
      }),
      {
        kind: 'threshold',
        query:
          'histogram_quantile(0.99, sum by (le) (rate(x_bucket{service="a"}[$window])))',
      },
    );
    const plan = planBatchedQueries([plannable(latency)], BURN_RATE_WINDOWS);
    expect(plan.queries).toEqual([
      expect.objectContaining({
        kind: 'range',
        values: 'threshold',
        stepSeconds: 600,
        promql:
          'histogram_quantile(0.99, sum by (le) (rate(x_bucket{service="a"}[10m])))',
      }),
    ]);
    expect(plan.unbatchedQueryCount).toBe(1);
  });
});
