import { carryTrendForward } from './carryTrendForward';

describe('carryTrendForward', () => {
  it('fills days without an evaluation with the day before, marked carried, up to today', () => {
    const result = carryTrendForward(
      [
        { day: '2026-11-28', counts: { gold: 1, none: 2 } },
        { day: '2026-11-30', counts: { gold: 2, none: 1 } },
      ],
      '2026-12-02',
      ['bronze', 'gold'],
    );
    expect(result.historySince).toBe('2026-11-28');
    expect(result.trend).toEqual([
      { day: '2026-11-28', counts: { none: 2, bronze: 0, gold: 1 } },
      {
        day: '2026-11-29',
        counts: { none: 2, bronze: 0, gold: 1 },
        carried: true,
      },
      { day: '2026-11-30', counts: { none: 1, bronze: 0, gold: 2 } },
      {
        day: '2026-12-01',
        counts: { none: 1, bronze: 0, gold: 2 },
        carried: true,
      },
      {
        day: '2026-12-02',
        counts: { none: 1, bronze: 0, gold: 2 },
        carried: true,
      },
    ]);
  });

  it('invents nothing before history begins', () => {
    expect(carryTrendForward([], '2026-12-02', ['gold'])).toEqual({
      trend: [],
      historySince: null,
    });
    const single = carryTrendForward(
      [{ day: '2026-12-02', counts: { gold: 3 } }],
      '2026-12-02',
      ['gold'],
    );
    expect(single).toEqual({
      trend: [{ day: '2026-12-02', counts: { none: 0, gold: 3 } }],
      historySince: '2026-12-02',
    });
  });
});
