import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { createTestClock } from '../__testUtils__/createTestClock';
import { pagedResponse } from '../__testUtils__/pagedResponse';
import { PagerDutyClient } from '../client/PagerDutyClient';
import type { PdOnCall } from '../client/pagerDutyTypes';
import { generatedOnCalls } from '../__testUtils__/generatedEntities';
import { listOnCalls } from './listOnCalls';
import type { SyncContext } from './SyncContext';

const BASE = 'https://api.pagerduty.test';
const NOW = Date.parse('2025-06-04T10:00:00Z');
const HOUR = 3_600_000;

const server = setupServer();
registerMswTestHooks(server);

describe('listOnCalls', () => {
  it('halves a batch of policies whose on-calls exceed the 10,000 offset cap', async () => {
    const policyIds = Array.from(
      { length: 50 },
      (_, i) => `PEP${String(i).padStart(4, '0')}`,
    );
    // 210 hourly shifts per policy: 10,500 entries for the whole batch
    const entries: PdOnCall[] = policyIds.flatMap(policyId =>
      generatedOnCalls(policyId, 210, NOW),
    );
    const batches: number[] = [];
    server.use(
      http.get(`${BASE}/oncalls`, ({ request }) => {
        const url = new URL(request.url);
        const ids = url.searchParams.getAll('escalation_policy_ids[]');
        if (url.searchParams.get('offset') === '0') batches.push(ids.length);
        return pagedResponse(
          request,
          'oncalls',
          entries.filter(e => ids.includes(e.escalation_policy.id)),
        );
      }),
    );
    const time = createTestClock(NOW);
    const client = new PagerDutyClient({
      accountId: 'big',
      baseUrl: BASE,
      token: 'token-big-account',
      clock: time.clock,
    });
    const context: SyncContext = { client, warnings: [] };

    const result = await listOnCalls(context, {
      policyIds,
      since: NOW,
      until: NOW + 9 * 24 * HOUR,
      batchSize: 50,
    });

    expect(result).toHaveLength(10_500);
    expect(batches).toEqual([50, 25, 25]);
    expect(context.warnings).toEqual([]);
  });

  it('reads a range longer than 90 days in ranges PagerDuty accepts, keeping only the levels asked for', async () => {
    const DAY = 24 * HOUR;
    const ranges: Array<[number, number, string[]]> = [];
    const entries: PdOnCall[] = [
      ...generatedOnCalls('PEP0001', 3, NOW - 150 * DAY),
      ...generatedOnCalls('PEP0001', 3, NOW - 20 * DAY),
    ];
    entries[1] = { ...entries[1], escalation_level: 2 };
    server.use(
      http.get(`${BASE}/oncalls`, ({ request }) => {
        const url = new URL(request.url);
        const since = Date.parse(url.searchParams.get('since')!);
        const until = Date.parse(url.searchParams.get('until')!);
        ranges.push([since, until, url.searchParams.getAll('include[]')]);
        return pagedResponse(
          request,
          'oncalls',
          entries.filter(
            e => Date.parse(e.start!) < until && Date.parse(e.end!) > since,
          ),
        );
      }),
    );
    const time = createTestClock(NOW);
    const client = new PagerDutyClient({
      accountId: 'big',
      baseUrl: BASE,
      token: 'token-big-account',
      clock: time.clock,
    });

    const result = await listOnCalls(
      { client, warnings: [] },
      {
        policyIds: ['PEP0001'],
        since: NOW - 180 * DAY,
        until: NOW,
        batchSize: 50,
        includeUsers: false,
        levels: [1],
      },
    );

    expect(ranges).toEqual([
      [NOW - 180 * DAY, NOW - 90 * DAY, []],
      [NOW - 90 * DAY, NOW, []],
    ]);
    expect(result).toHaveLength(5);
    expect(result.every(e => e.escalation_level === 1)).toBe(true);
  });
});
