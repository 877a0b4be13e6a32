import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { createTestClock } from '../__testUtils__/createTestClock';
import { pagedResponse } from '../__testUtils__/pagedResponse';
import { PagerDutyClient } from '../client/PagerDutyClient';
import type { PdIncident } from '../client/pagerDutyTypes';
import { generatedIncidents as incidents } from '../__testUtils__/generatedEntities';
import { listSplitByTime } from './listSplitByTime';
import type { SyncContext } from './SyncContext';

const BASE = 'https://api.pagerduty.test';
const NOW = Date.parse('2025-06-04T10:00:00Z');
const DAY = 86_400_000;

const server = setupServer();
registerMswTestHooks(server);

function serve(all: PdIncident[]) {
  const windows: Array<[number, number]> = [];
  server.use(
    http.get(`${BASE}/incidents`, ({ request }) => {
      const url = new URL(request.url);
      const since = Date.parse(url.searchParams.get('since')!);
      const until = Date.parse(url.searchParams.get('until')!);
      if (url.searchParams.get('offset') === '0') windows.push([since, until]);
      return pagedResponse(
        request,
        'incidents',
        all.filter(i => {
          const at = Date.parse(i.created_at);
          return at >= since && at < until;
        }),
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
  return { context, windows };
}

describe('listSplitByTime', () => {
  it('halves the time window until every part fits under the 10,000 offset cap', async () => {
    // 12,000 incidents spread evenly over 90 days
    const all = incidents(
      12_000,
      i => NOW - 90 * DAY + i * Math.floor((90 * DAY) / 12_000),
    );
    const { context, windows } = serve(all);

    const result = await listSplitByTime<PdIncident>(context, {
      path: '/incidents',
      key: 'incidents',
      query: { 'statuses[]': ['resolved'] },
      since: NOW - 90 * DAY,
      until: NOW,
    });

    expect(result).toHaveLength(12_000);
    expect(new Set(result.map(i => i.id)).size).toBe(12_000);
    expect(context.warnings).toEqual([]);
    // the whole window, then its two halves
    expect(windows).toEqual([
      [NOW - 90 * DAY, NOW],
      [NOW - 90 * DAY, NOW - 45 * DAY],
      [NOW - 45 * DAY, NOW],
    ]);
  });

  it('reports a window that cannot be split further instead of truncating silently', async () => {
    // 10,200 incidents within one second (an alert storm)
    const all = incidents(10_200, i => NOW - 30_000 + (i % 1000));
    const { context } = serve(all);

    const result = await listSplitByTime<PdIncident>(context, {
      path: '/incidents',
      key: 'incidents',
      query: {},
      since: NOW - 90 * DAY,
      until: NOW,
    });

    expect(result).toHaveLength(10_000);
    expect(context.warnings).toHaveLength(1);
    expect(context.warnings[0]).toMatch(
      /^incidents: .* holds 10200, more than PagerDuty can list \(10,000 offset limit\); only 10000 were read$/,
    );
  });
});
