import type { PdOnCall } from '../client/pagerDutyTypes';
import { OnCallHistoryCache } from './OnCallHistoryCache';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2025-06-04T10:00:00Z');

function shift(policy: string, startMs: number, hours = 12): PdOnCall {
  return {
    escalation_policy: {
      id: policy,
      type: 'escalation_policy_reference',
      self: `https://api.pagerduty.test/escalation_policies/${policy}`,
    },
    escalation_level: 1,
    user: { id: 'PUALICE', type: 'user_reference', summary: 'Alice' },
    schedule: { id: 'PSCH001', type: 'schedule_reference' },
    start: new Date(startMs).toISOString(),
    end: new Date(startMs + hours * HOUR).toISOString(),
  };
}

/** A source of twice-daily shifts per policy, recording what was asked. */
function source(policies: string[]) {
  const all = policies.flatMap(policy =>
    Array.from({ length: 2 * 100 }, (_, i) =>
      shift(policy, T0 - 95 * DAY + i * 12 * HOUR),
    ),
  );
  const asked: Array<[string[], number, number]> = [];
  const reader = async (ids: string[], since: number, until: number) => {
    asked.push([ids, since, until]);
    return all.filter(
      e =>
        ids.includes(e.escalation_policy.id) &&
        Date.parse(e.start!) < until &&
        Date.parse(e.end!) > since,
    );
  };
  return { reader, asked };
}

const window = (now: number) => ({
  since: now - 90 * DAY,
  until: now - 7 * DAY,
});

describe('OnCallHistoryCache', () => {
  it('reads only the days and policies a later sync has not seen', async () => {
    const cache = new OnCallHistoryCache();
    const { reader, asked } = source(['PEP1', 'PEP2']);

    const first = await cache.read(
      { policyIds: ['PEP1'], ...window(T0), now: T0 },
      reader,
    );
    const later = T0 + 5 * 60_000;
    const second = await cache.read(
      { policyIds: ['PEP1', 'PEP2'], ...window(later), now: later },
      reader,
    );

    expect(asked).toEqual([
      [['PEP1'], T0 - 90 * DAY, T0 - 7 * DAY],
      [['PEP2'], later - 90 * DAY, later - 7 * DAY],
      [['PEP1'], T0 - 7 * DAY, later - 7 * DAY],
    ]);
    expect(first.length).toBeGreaterThan(160);
    // Same shifts as a full read would give, each once.
    const full = await source(['PEP1', 'PEP2']).reader(
      ['PEP1', 'PEP2'],
      later - 90 * DAY,
      later - 7 * DAY,
    );
    const keys = (entries: PdOnCall[]) =>
      entries.map(e => `${e.escalation_policy.id} ${e.start}`).sort();
    expect(keys(second)).toEqual(keys(full));
  });

  it('drops policies that are gone and reads everything again once a day', async () => {
    const cache = new OnCallHistoryCache();
    const { reader, asked } = source(['PEP1', 'PEP2']);
    await cache.read(
      { policyIds: ['PEP1', 'PEP2'], ...window(T0), now: T0 },
      reader,
    );

    const later = T0 + HOUR;
    const one = await cache.read(
      { policyIds: ['PEP2'], ...window(later), now: later },
      reader,
    );
    expect(one.every(e => e.escalation_policy.id === 'PEP2')).toBe(true);

    const nextDay = T0 + DAY + HOUR;
    await cache.read(
      { policyIds: ['PEP2'], ...window(nextDay), now: nextDay },
      reader,
    );
    expect(asked[asked.length - 1]).toEqual([
      ['PEP2'],
      nextDay - 90 * DAY,
      nextDay - 7 * DAY,
    ]);
  });
});
