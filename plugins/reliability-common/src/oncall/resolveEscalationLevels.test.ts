import type {
  EscalationLevelDefinition,
  EscalationPolicyRecord,
  OnCallPerson,
  OnCallShift,
} from '../types';
import { resolveEscalationLevels } from './resolveEscalationLevels';

function person(name: string, id: string): OnCallPerson {
  return {
    id,
    name,
    email: `${name.toLowerCase()}@example.com`,
    contactMethods: [
      { type: 'email', address: `${name.toLowerCase()}@example.com` },
    ],
  };
}

const alice = person('Alice', 'PUALICE');
const bob = person('Bob', 'PUBOB01');
const carol = person('Carol', 'PUCAROL');
const dana = person('Dana', 'PUDANA1');
const erin = person('Erin', 'PUERIN1');
const frank = person('Frank', 'PUFRANK');
const grace = person('Grace', 'PUGRACE');

const primary = { id: 'PSPAY01', name: 'Payments primary' };
const secondary = { id: 'PSPAY02', name: 'Payments secondary' };
const platformPrimary = { id: 'PSPLT01', name: 'Platform primary' };

function shift(
  level: number,
  user: OnCallPerson,
  start: string | null,
  end: string | null,
  schedule?: { id: string; name: string },
): OnCallShift {
  return schedule
    ? { level, user, start, end, schedule }
    : { level, user, start, end };
}

function levelDef(
  level: number,
  target: { type: 'user' | 'schedule'; id: string; name: string },
): EscalationLevelDefinition {
  return { level, delayMinutes: 30, targets: [target] };
}

function policy(
  levels: EscalationLevelDefinition[],
  shifts: OnCallShift[],
): EscalationPolicyRecord {
  return { id: 'PETEST1', name: 'Test policy', numLoops: 1, levels, shifts };
}

function names(assignments: Array<{ person: OnCallPerson }>): string[] {
  return assignments.map(a => a.person.name);
}

// Wednesday 2024-05-15 15:00 UTC; weekly handoffs are on Mondays 09:00 UTC.
const NOW = new Date('2024-05-15T15:00:00.000Z');

/** PEPAY01 as in the demo fleet: carol overrides bob today 12:00–18:00. */
function paymentsPolicy(): EscalationPolicyRecord {
  return policy(
    // deliberately out of order: the result must be sorted by level
    [
      levelDef(3, { type: 'user', ...dana }),
      levelDef(1, { type: 'schedule', ...primary }),
      levelDef(2, { type: 'schedule', ...secondary }),
    ],
    [
      shift(1, alice, '2024-05-06T09:00:00Z', '2024-05-13T09:00:00Z', primary),
      shift(1, bob, '2024-05-13T09:00:00Z', '2024-05-15T12:00:00Z', primary),
      shift(1, carol, '2024-05-15T12:00:00Z', '2024-05-15T18:00:00Z', primary),
      shift(1, bob, '2024-05-15T18:00:00Z', '2024-05-20T09:00:00Z', primary),
      shift(1, carol, '2024-05-20T09:00:00Z', '2024-05-27T09:00:00Z', primary),
      shift(
        2,
        carol,
        '2024-05-13T09:00:00Z',
        '2024-05-20T09:00:00Z',
        secondary,
      ),
      shift(
        2,
        alice,
        '2024-05-20T09:00:00Z',
        '2024-05-27T09:00:00Z',
        secondary,
      ),
      shift(3, dana, null, null),
    ],
  );
}

/** PEPLT01: erin/frank daily 06:00–22:00 UTC, nobody at night; grace permanent at L2. */
function platformPolicy(): EscalationPolicyRecord {
  const shifts: OnCallShift[] = [];
  for (let day = 15; day <= 23; day++) {
    const date = `2024-05-${String(day).padStart(2, '0')}`;
    shifts.push(
      shift(
        1,
        day % 2 === 1 ? erin : frank,
        `${date}T06:00:00Z`,
        `${date}T22:00:00Z`,
        platformPrimary,
      ),
    );
  }
  shifts.push(shift(2, grace, null, null));
  return policy(
    [
      levelDef(1, { type: 'schedule', ...platformPrimary }),
      levelDef(2, { type: 'user', ...grace }),
    ],
    shifts,
  );
}

describe('resolveEscalationLevels', () => {
  describe('multi-level policy', () => {
    it('returns every defined level sorted by level number with its definition', () => {
      const levels = resolveEscalationLevels(paymentsPolicy(), NOW);

      expect(levels.map(l => l.level)).toEqual([1, 2, 3]);
      expect(levels[0].delayMinutes).toBe(30);
      expect(levels[0].targets).toEqual([{ type: 'schedule', ...primary }]);
      expect(levels[2].targets).toEqual([{ type: 'user', ...dana }]);
    });

    it('shows who holds each level now, the next handoff and no gaps', () => {
      const [l1, l2, l3] = resolveEscalationLevels(paymentsPolicy(), NOW);

      // the override: carol holds level 1 inside bob's week
      expect(l1.onCallNow).toEqual([
        {
          person: carol,
          start: '2024-05-15T12:00:00.000Z',
          end: '2024-05-15T18:00:00.000Z',
          schedule: primary,
        },
      ]);
      expect(l1.nextHandoff).toEqual({
        at: '2024-05-15T18:00:00.000Z',
        onCall: [
          {
            person: bob,
            start: '2024-05-15T18:00:00.000Z',
            end: '2024-05-20T09:00:00.000Z',
            schedule: primary,
          },
        ],
      });
      expect(l1.gaps).toEqual([]);

      expect(l2.onCallNow).toEqual([
        {
          person: carol,
          start: '2024-05-13T09:00:00.000Z',
          end: '2024-05-20T09:00:00.000Z',
          schedule: secondary,
        },
      ]);
      expect(l2.nextHandoff?.at).toBe('2024-05-20T09:00:00.000Z');
      expect(names(l2.nextHandoff!.onCall)).toEqual(['Alice']);
      expect(l2.gaps).toEqual([]);

      expect(l3.onCallNow).toEqual([{ person: dana, start: null, end: null }]);
      expect(l3.nextHandoff).toBeNull();
      expect(l3.gaps).toEqual([]);
    });
  });

  describe('overrides fragmenting a shift', () => {
    it('before the override, bob is on call until the override starts', () => {
      const [l1] = resolveEscalationLevels(
        paymentsPolicy(),
        new Date('2024-05-15T10:00:00Z'),
      );

      expect(l1.onCallNow).toEqual([
        {
          person: bob,
          start: '2024-05-13T09:00:00.000Z',
          end: '2024-05-15T12:00:00.000Z',
          schedule: primary,
        },
      ]);
      expect(l1.nextHandoff?.at).toBe('2024-05-15T12:00:00.000Z');
      expect(names(l1.nextHandoff!.onCall)).toEqual(['Carol']);
      expect(l1.gaps).toEqual([]);
    });

    it('after the override, bob is back and the next handoff is the weekly one', () => {
      const [l1] = resolveEscalationLevels(
        paymentsPolicy(),
        new Date('2024-05-15T18:00:00Z'),
      );

      expect(names(l1.onCallNow)).toEqual(['Bob']);
      expect(l1.onCallNow[0].start).toBe('2024-05-15T18:00:00.000Z');
      expect(l1.nextHandoff?.at).toBe('2024-05-20T09:00:00.000Z');
      expect(names(l1.nextHandoff!.onCall)).toEqual(['Carol']);
    });

    it('joins contiguous fragments of one person into one assignment and no handoff', () => {
      const fragmented = policy(
        [levelDef(1, { type: 'schedule', ...primary })],
        [
          shift(
            1,
            bob,
            '2024-05-13T09:00:00Z',
            '2024-05-14T00:00:00Z',
            primary,
          ),
          shift(
            1,
            bob,
            '2024-05-14T00:00:00Z',
            '2024-05-15T00:00:00Z',
            primary,
          ),
          shift(
            1,
            bob,
            '2024-05-15T00:00:00Z',
            '2024-05-20T09:00:00Z',
            primary,
          ),
          shift(
            1,
            carol,
            '2024-05-20T09:00:00Z',
            '2024-05-27T09:00:00Z',
            primary,
          ),
        ],
      );

      const [l1] = resolveEscalationLevels(
        fragmented,
        new Date('2024-05-13T12:00:00Z'),
      );

      expect(l1.onCallNow).toEqual([
        {
          person: bob,
          start: '2024-05-13T09:00:00.000Z',
          end: '2024-05-20T09:00:00.000Z',
          schedule: primary,
        },
      ]);
      // the fragment boundaries at midnight are not handoffs
      expect(l1.nextHandoff?.at).toBe('2024-05-20T09:00:00.000Z');
      expect(names(l1.nextHandoff!.onCall)).toEqual(['Carol']);
      expect(l1.gaps).toEqual([]);
    });
  });

  describe('a schedule gap tonight', () => {
    it('at night: nobody now, the gap is reported, the next handoff brings someone', () => {
      const [l1, l2] = resolveEscalationLevels(
        platformPolicy(),
        new Date('2024-05-15T23:00:00Z'),
      );

      expect(l1.onCallNow).toEqual([]);
      expect(l1.nextHandoff).toEqual({
        at: '2024-05-16T06:00:00.000Z',
        onCall: [
          {
            person: frank,
            start: '2024-05-16T06:00:00.000Z',
            end: '2024-05-16T22:00:00.000Z',
            schedule: platformPrimary,
          },
        ],
      });
      expect(l1.gaps[0]).toEqual({
        start: '2024-05-15T23:00:00.000Z',
        end: '2024-05-16T06:00:00.000Z',
      });
      // one gap per night within the 7-day horizon, the last cut at the horizon
      expect(l1.gaps).toHaveLength(8);
      expect(l1.gaps[1]).toEqual({
        start: '2024-05-16T22:00:00.000Z',
        end: '2024-05-17T06:00:00.000Z',
      });
      expect(l1.gaps[7]).toEqual({
        start: '2024-05-22T22:00:00.000Z',
        end: '2024-05-22T23:00:00.000Z',
      });

      // the permanent level 2 still covers the night
      expect(names(l2.onCallNow)).toEqual(['Grace']);
      expect(l2.gaps).toEqual([]);
    });

    it("during the day: the next handoff is to nobody, as tonight's gap begins", () => {
      const [l1] = resolveEscalationLevels(platformPolicy(), NOW);

      expect(names(l1.onCallNow)).toEqual(['Erin']);
      expect(l1.onCallNow[0].end).toBe('2024-05-15T22:00:00.000Z');
      expect(l1.nextHandoff).toEqual({
        at: '2024-05-15T22:00:00.000Z',
        onCall: [],
      });
      expect(l1.gaps[0]).toEqual({
        start: '2024-05-15T22:00:00.000Z',
        end: '2024-05-16T06:00:00.000Z',
      });
    });

    it('reports a gap from where the known shifts end to the horizon', () => {
      const ending = policy(
        [levelDef(1, { type: 'schedule', ...primary })],
        [
          shift(
            1,
            alice,
            '2024-05-13T09:00:00Z',
            '2024-05-17T09:00:00Z',
            primary,
          ),
        ],
      );

      const [l1] = resolveEscalationLevels(ending, NOW);

      expect(names(l1.onCallNow)).toEqual(['Alice']);
      expect(l1.nextHandoff).toEqual({
        at: '2024-05-17T09:00:00.000Z',
        onCall: [],
      });
      expect(l1.gaps).toEqual([
        { start: '2024-05-17T09:00:00.000Z', end: '2024-05-22T15:00:00.000Z' },
      ]);
    });
  });

  describe('permanent on-call', () => {
    it('a user with null start and end is on call now, forever, with no handoff and no gap', () => {
      const mesh = policy(
        [levelDef(1, { type: 'user', ...frank })],
        [shift(1, frank, null, null)],
      );

      expect(resolveEscalationLevels(mesh, NOW)).toEqual([
        {
          level: 1,
          delayMinutes: 30,
          targets: [{ type: 'user', ...frank }],
          onCallNow: [{ person: frank, start: null, end: null }],
          nextHandoff: null,
          gaps: [],
        },
      ]);
    });

    it('a shift open only at its start ends where its end says', () => {
      const openStart = policy(
        [levelDef(1, { type: 'user', ...frank })],
        [shift(1, frank, null, '2024-05-16T00:00:00Z')],
      );

      const [l1] = resolveEscalationLevels(openStart, NOW);

      expect(l1.onCallNow).toEqual([
        { person: frank, start: null, end: '2024-05-16T00:00:00.000Z' },
      ]);
      expect(l1.nextHandoff).toEqual({
        at: '2024-05-16T00:00:00.000Z',
        onCall: [],
      });
    });
  });

  describe('overlapping and duplicate shifts', () => {
    it('lists a person once when the same shift is returned twice', () => {
      const duplicated = policy(
        [levelDef(1, { type: 'schedule', ...primary })],
        [
          shift(
            1,
            bob,
            '2024-05-13T09:00:00Z',
            '2024-05-20T09:00:00Z',
            primary,
          ),
          shift(
            1,
            bob,
            '2024-05-13T09:00:00Z',
            '2024-05-20T09:00:00Z',
            primary,
          ),
        ],
      );

      const [l1] = resolveEscalationLevels(duplicated, NOW);

      expect(l1.onCallNow).toHaveLength(1);
      expect(l1.onCallNow[0]).toMatchObject({
        person: bob,
        start: '2024-05-13T09:00:00.000Z',
        end: '2024-05-20T09:00:00.000Z',
      });
      expect(l1.nextHandoff).toEqual({
        at: '2024-05-20T09:00:00.000Z',
        onCall: [],
      });
    });

    it('merges overlapping shifts of one person and schedule into their whole span', () => {
      const overlapping = policy(
        [levelDef(1, { type: 'schedule', ...primary })],
        [
          shift(
            1,
            bob,
            '2024-05-15T09:00:00Z',
            '2024-05-15T16:00:00Z',
            primary,
          ),
          shift(
            1,
            bob,
            '2024-05-15T12:00:00Z',
            '2024-05-15T18:00:00Z',
            primary,
          ),
          shift(
            1,
            carol,
            '2024-05-15T18:00:00Z',
            '2024-05-23T00:00:00Z',
            primary,
          ),
        ],
      );

      const [l1] = resolveEscalationLevels(overlapping, NOW);

      expect(l1.onCallNow).toEqual([
        {
          person: bob,
          start: '2024-05-15T09:00:00.000Z',
          end: '2024-05-15T18:00:00.000Z',
          schedule: primary,
        },
      ]);
      // 16:00 ends one of bob's shifts but bob is still on call: not a handoff
      expect(l1.nextHandoff?.at).toBe('2024-05-15T18:00:00.000Z');
      expect(names(l1.nextHandoff!.onCall)).toEqual(['Carol']);
      expect(l1.gaps).toEqual([]);
    });

    it('keeps one assignment per schedule when a person holds the level through two', () => {
      const twoSchedules = policy(
        [
          {
            level: 1,
            delayMinutes: 15,
            targets: [
              { type: 'schedule', ...secondary },
              { type: 'schedule', ...primary },
            ],
          },
        ],
        [
          shift(
            1,
            carol,
            '2024-05-15T09:00:00Z',
            '2024-05-15T20:00:00Z',
            secondary,
          ),
          shift(
            1,
            bob,
            '2024-05-15T09:00:00Z',
            '2024-05-15T18:00:00Z',
            secondary,
          ),
          shift(
            1,
            bob,
            '2024-05-15T09:00:00Z',
            '2024-05-16T09:00:00Z',
            primary,
          ),
          shift(
            1,
            alice,
            '2024-05-15T20:00:00Z',
            '2024-05-16T09:00:00Z',
            secondary,
          ),
        ],
      );

      const [l1] = resolveEscalationLevels(twoSchedules, NOW);

      // sorted by name, then schedule name
      expect(l1.onCallNow.map(a => [a.person.name, a.schedule?.name])).toEqual([
        ['Bob', 'Payments primary'],
        ['Bob', 'Payments secondary'],
        ['Carol', 'Payments secondary'],
      ]);
      // bob leaving one schedule at 18:00 keeps the same people on call;
      // at 20:00 carol hands over to alice
      expect(l1.nextHandoff?.at).toBe('2024-05-15T20:00:00.000Z');
      expect(
        l1.nextHandoff!.onCall.map(a => [a.person.name, a.schedule?.name]),
      ).toEqual([
        ['Alice', 'Payments secondary'],
        ['Bob', 'Payments primary'],
      ]);
      expect(l1.gaps).toEqual([
        { start: '2024-05-16T09:00:00.000Z', end: '2024-05-22T15:00:00.000Z' },
      ]);
    });

    it('reports who remains when one of two people on the level leaves', () => {
      const pair = policy(
        [levelDef(1, { type: 'schedule', ...primary })],
        [
          shift(
            1,
            bob,
            '2024-05-15T09:00:00Z',
            '2024-05-15T18:00:00Z',
            primary,
          ),
          shift(
            1,
            alice,
            '2024-05-15T09:00:00Z',
            '2024-05-15T20:00:00Z',
            secondary,
          ),
        ],
      );

      const [l1] = resolveEscalationLevels(pair, NOW);

      expect(names(l1.onCallNow)).toEqual(['Alice', 'Bob']);
      expect(l1.nextHandoff?.at).toBe('2024-05-15T18:00:00.000Z');
      expect(names(l1.nextHandoff!.onCall)).toEqual(['Alice']);
      expect(l1.gaps).toEqual([
        { start: '2024-05-15T20:00:00.000Z', end: '2024-05-22T15:00:00.000Z' },
      ]);
    });
  });

  describe('shift boundaries', () => {
    const boundary = policy(
      [levelDef(1, { type: 'schedule', ...primary })],
      [
        shift(
          1,
          alice,
          '2024-05-08T15:00:00Z',
          '2024-05-15T15:00:00Z',
          primary,
        ),
        shift(1, bob, '2024-05-15T15:00:00Z', '2024-05-22T15:00:00Z', primary),
      ],
    );

    it('a shift starting exactly now is on call; one ending exactly now is not', () => {
      const [l1] = resolveEscalationLevels(boundary, NOW);

      expect(names(l1.onCallNow)).toEqual(['Bob']);
      expect(l1.nextHandoff).toEqual({
        at: '2024-05-22T15:00:00.000Z',
        onCall: [],
      });
      expect(l1.gaps).toEqual([]);
    });
  });

  describe('empty and partial data', () => {
    it('an empty policy resolves to no levels', () => {
      expect(resolveEscalationLevels(policy([], []), NOW)).toEqual([]);
    });

    it('a level with no shifts has nobody now, no handoff and a gap over the whole horizon', () => {
      const [l1] = resolveEscalationLevels(
        policy([levelDef(1, { type: 'schedule', ...primary })], []),
        NOW,
      );

      expect(l1.onCallNow).toEqual([]);
      expect(l1.nextHandoff).toBeNull();
      expect(l1.gaps).toEqual([
        { start: '2024-05-15T15:00:00.000Z', end: '2024-05-22T15:00:00.000Z' },
      ]);
    });

    it('ignores shifts of levels the policy does not define', () => {
      const levels = resolveEscalationLevels(
        policy(
          [levelDef(1, { type: 'schedule', ...primary })],
          [shift(2, bob, null, null), shift(7, carol, null, null)],
        ),
        NOW,
      );

      expect(levels.map(l => l.level)).toEqual([1]);
      expect(levels[0].onCallNow).toEqual([]);
      expect(levels[0].gaps).toHaveLength(1);
    });

    it('ignores shifts with unparseable or inverted times instead of failing', () => {
      const [l1] = resolveEscalationLevels(
        policy(
          [levelDef(1, { type: 'schedule', ...primary })],
          [
            shift(1, alice, 'not a date', '2024-05-20T09:00:00Z', primary),
            shift(
              1,
              bob,
              '2024-05-20T09:00:00Z',
              '2024-05-13T09:00:00Z',
              primary,
            ),
            shift(
              1,
              carol,
              '2024-05-13T09:00:00Z',
              '2024-05-20T09:00:00Z',
              primary,
            ),
          ],
        ),
        NOW,
      );

      expect(names(l1.onCallNow)).toEqual(['Carol']);
      expect(l1.nextHandoff).toEqual({
        at: '2024-05-20T09:00:00.000Z',
        onCall: [],
      });
    });

    it('rejects an invalid "now"', () => {
      expect(() =>
        resolveEscalationLevels(paymentsPolicy(), new Date('nope')),
      ).toThrow(RangeError);
    });

    it('does not modify the policy it is given', () => {
      const input = paymentsPolicy();
      const before = JSON.parse(JSON.stringify(input));

      resolveEscalationLevels(input, NOW);

      expect(input).toEqual(before);
    });
  });
});
