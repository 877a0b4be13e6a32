import { buildSloSection } from './buildSloSection';
import type { SloPeriodRow } from './SloHistoryStore';

function row(overrides: Partial<SloPeriodRow>): SloPeriodRow {
  return {
    entityRef: 'component:default/checkout',
    sloId: 'availability',
    sloName: 'Availability',
    objective: 0.99,
    days: 30,
    firstDay: '2026-11-01',
    lastDay: '2026-11-30',
    attainment: 0.995,
    budgetRemaining: 0.5,
    budgetConsumed: 0.3,
    pageAlertSeconds: 600,
    demo: false,
    ...overrides,
  };
}

const MONTHS = ['2026-10', '2026-11'];

describe('buildSloSection', () => {
  it('adds up the scope at period end, with an SLO created mid-period', () => {
    const section = buildSloSection({
      current: [
        row({}),
        // Declared on 21 November: ten days of data, its own end state.
        row({
          entityRef: 'component:default/search',
          sloId: 'latency',
          sloName: 'Latency',
          objective: 0.95,
          days: 10,
          firstDay: '2026-11-21',
          attainment: 0.9,
          budgetRemaining: -1,
          budgetConsumed: 2,
          pageAlertSeconds: 3_600,
        }),
      ],
      previous: [
        row({ attainment: 0.999, budgetConsumed: 0.1, pageAlertSeconds: 0 }),
      ],
      trendMonths: MONTHS,
      months: [
        {
          month: '2026-11',
          slos: 2,
          meetingObjective: 1,
          attainmentSum: 1.895,
          attainmentCount: 2,
          attainmentMin: 0.9,
          budgetConsumedSum: 2.3,
          budgetConsumedCount: 2,
          pageAlertSeconds: 4_200,
        },
      ],
      historyStartsOn: '2026-10-15',
    });
    expect(section.total).toBe(2);
    expect(section.meetingObjective).toBe(1);
    expect(section.budgetExhausted).toBe(1);
    expect(section.pageAlertSeconds).toBe(4_200);
    expect(section.period).toEqual({
      slos: 2,
      meetingObjective: 1,
      meanAttainment: (0.995 + 0.9) / 2,
      minAttainment: 0.9,
      meanBudgetConsumed: (0.3 + 2) / 2,
      pageAlertSeconds: 4_200,
    });
    // Least budget left first; the mid-period SLO had no previous figures.
    expect(
      section.slos.map(s => [
        s.sloId,
        s.daysWithData,
        s.meetsObjective,
        s.previousAttainment,
      ]),
    ).toEqual([
      ['latency', 10, false, null],
      ['availability', 30, true, 0.999],
    ]);
    expect(section.deltas.meetingObjective).toMatchObject({
      current: 1,
      previous: 1,
      change: 0,
      direction: 'unchanged',
    });
    expect(section.deltas.minAttainment.direction).toBe('worsened');
    expect(section.deltas.minAttainment.change).toBeCloseTo(0.9 - 0.999, 12);
    expect(section.deltas.meanBudgetConsumed.direction).toBe('worsened');
    expect(section.deltas.pageAlertSeconds).toMatchObject({
      current: 4_200,
      previous: 0,
      change: 4_200,
      relativeChange: null,
    });
    // A month without rows is "no SLO data", not zeros.
    expect(section.trend).toEqual([
      {
        month: '2026-10',
        slos: 0,
        meetingObjective: 0,
        meanAttainment: null,
        minAttainment: null,
        meanBudgetConsumed: null,
        pageAlertSeconds: null,
      },
      {
        month: '2026-11',
        slos: 2,
        meetingObjective: 1,
        meanAttainment: 0.9475,
        minAttainment: 0.9,
        meanBudgetConsumed: 1.15,
        pageAlertSeconds: 4_200,
      },
    ]);
  });

  it('gives no deltas against a period without SLO data', () => {
    const section = buildSloSection({
      current: [row({})],
      previous: [],
      trendMonths: MONTHS,
      months: [],
      historyStartsOn: '2026-11-01',
    });
    expect(section.previousPeriod.pageAlertSeconds).toBeNull();
    for (const delta of Object.values(section.deltas)) {
      expect(delta.change).toBeNull();
    }
  });

  it('lists at most the limit, the figures still cover every SLO', () => {
    const section = buildSloSection({
      current: [
        row({ sloId: 'a', budgetRemaining: 0.9 }),
        row({ sloId: 'b', budgetRemaining: 0.1 }),
        row({ sloId: 'c', budgetRemaining: null, attainment: null }),
      ],
      previous: [],
      trendMonths: MONTHS,
      months: [],
      historyStartsOn: null,
      listLimit: 2,
    });
    expect(section.total).toBe(3);
    expect(section.slos.map(s => s.sloId)).toEqual(['b', 'a']);
  });
});
