import { incident } from './__testUtils__/builders';
import { april } from './__testUtils__/timelines';
import { computeAlertQuality } from './alertQuality';

/**
 * April 2026 (UTC):
 * a1 A never acknowledged, resolved after 3 m            noise
 * a2 A never acknowledged, resolved after exactly 5 m    noise (inclusive)
 * a3 A never acknowledged, resolved after 5 m 1 s        actionable
 * a4 A acknowledged after 1 m, resolved after 2 m        actionable
 * a5 B never acknowledged, auto-resolved after 40 m      noise
 * a6 B acknowledged, then auto-resolved after 40 m       actionable
 * a7 B never acknowledged, still open                    actionable (so far)
 * a8 C never acknowledged, resolved after 1 m            noise
 * a9 C in March, noise                                    not in April
 *
 * 8 incidents, 4 noise: actionable share 4/8. Per service: A 2 of 4,
 * C 1 of 1, B 1 of 3: A first (most noise), then C (higher share), then B.
 */
const incidents = [
  incident('a1', 'A', '2026-04-02T10:00:00Z', null, 3),
  incident('a2', 'A', '2026-04-02T11:00:00Z', null, 5),
  incident('a3', 'A', '2026-04-02T12:00:00Z', null, 5 + 1 / 60),
  incident('a4', 'A', '2026-04-02T13:00:00Z', 1, 2),
  incident('a5', 'B', '2026-04-03T10:00:00Z', null, 40, { autoResolved: true }),
  incident('a6', 'B', '2026-04-03T11:00:00Z', 2, 40, { autoResolved: true }),
  incident('a7', 'B', '2026-04-03T12:00:00Z', null, null),
  incident('a8', 'C', '2026-04-04T10:00:00Z', null, 1),
  incident('a9', 'C', '2026-03-30T10:00:00Z', null, 1),
];

describe('computeAlertQuality', () => {
  it('counts transient and auto-resolved unacknowledged incidents as noise', () => {
    expect(computeAlertQuality(incidents, april)).toEqual({
      total: 8,
      actionable: 4,
      noise: 4,
      actionableShare: 0.5,
      noisiestServices: [
        { serviceId: 'A', total: 4, noise: 2, noiseShare: 0.5 },
        { serviceId: 'C', total: 1, noise: 1, noiseShare: 1 },
        { serviceId: 'B', total: 3, noise: 1, noiseShare: 1 / 3 },
      ],
    });
  });

  it('honours the transient threshold and the list length', () => {
    // 2 minutes: only a8 (1 m) and a5 (auto-resolved) remain noise
    const result = computeAlertQuality(incidents, april, {
      transientMinutes: 2,
      limit: 1,
    });
    expect(result.noise).toBe(2);
    expect(result.actionableShare).toBe(6 / 8);
    expect(result.noisiestServices.map(s => s.serviceId)).toEqual(['C']);
  });

  it('has no share without incidents', () => {
    expect(computeAlertQuality([], april)).toEqual({
      total: 0,
      actionable: 0,
      noise: 0,
      actionableShare: null,
      noisiestServices: [],
    });
  });
});
