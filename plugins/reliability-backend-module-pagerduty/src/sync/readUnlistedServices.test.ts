import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createTestClock } from '../__testUtils__/createTestClock';
import { generatedServices } from '../__testUtils__/generatedEntities';
import * as fixture from '../__testUtils__/smallAccountFixture';
import { PagerDutyClient } from '../client/PagerDutyClient';
import { isPagerDutyError } from '../client/PagerDutyError';
import { readUnlistedServices } from './readUnlistedServices';
import type { SyncContext } from './SyncContext';

const BASE = 'https://api.pagerduty.test';
const server = setupServer();
registerMswTestHooks(server);

const [listed, unlisted, broken] = generatedServices(3, ['PTA']);
const policy = { ...fixture.escalationPolicies[0], id: 'PEP0001' };

function setup(status: Record<string, number> = {}) {
  const asked: string[] = [];
  server.use(
    http.get(`${BASE}/services/:id`, ({ params }) => {
      const id = String(params.id);
      asked.push(`/services/${id}`);
      if (status[id]) {
        return HttpResponse.json(
          { error: { message: 'nope', code: 2100 } },
          { status: status[id] },
        );
      }
      const service = [listed, unlisted, broken].find(s => s.id === id);
      return service
        ? HttpResponse.json({ service })
        : HttpResponse.json(
            { error: { message: 'Not Found', code: 2100 } },
            { status: 404 },
          );
    }),
    http.get(`${BASE}/escalation_policies/:id`, ({ params }) => {
      asked.push(`/escalation_policies/${params.id}`);
      return HttpResponse.json({ escalation_policy: policy });
    }),
  );
  const time = createTestClock('2025-06-04T10:00:00Z');
  const client = new PagerDutyClient({
    accountId: 'big',
    baseUrl: BASE,
    token: 'token-big-account',
    clock: time.clock,
    retry: { maxAttempts: 1 },
  });
  const context: SyncContext = { client, warnings: [] };
  return { context, asked };
}

describe('readUnlistedServices', () => {
  it('reads the missed annotated services and their policies, sorting out wrong and unreadable ids', async () => {
    const { context, asked } = setup({ [broken.id]: 503 });

    const result = await readUnlistedServices(context, {
      annotatedIds: [listed.id, unlisted.id, 'PNOSUCH', broken.id, 'not an id'],
      listed: [listed],
      listedPolicies: [],
      policiesIncomplete: false,
      maxLookups: 10,
    });

    expect(result.services.map(s => s.id)).toEqual([unlisted.id]);
    expect(result.policies.map(p => p.id)).toEqual(['PEP0001']);
    expect(result.confirmedMissing).toEqual(['PNOSUCH']);
    expect(result.unreached).toEqual([broken.id]);
    // Nothing is asked for ids already listed or not shaped like ids.
    expect(asked).toEqual([
      `/services/${unlisted.id}`,
      '/services/PNOSUCH',
      `/services/${broken.id}`,
      '/escalation_policies/PEP0001',
    ]);
  });

  it('stops at its lookup bound and leaves the rest for later syncs', async () => {
    const { context, asked } = setup();

    const result = await readUnlistedServices(context, {
      annotatedIds: [unlisted.id, broken.id, 'PNOSUCH'],
      listed: [],
      listedPolicies: [policy],
      policiesIncomplete: false,
      maxLookups: 1,
    });

    expect(result.services.map(s => s.id)).toEqual([unlisted.id]);
    expect(result.unreached).toEqual([broken.id, 'PNOSUCH']);
    expect(asked).toHaveLength(1);
  });

  it('reads the missing policy of a listed annotated service when the policy list was incomplete', async () => {
    const { context, asked } = setup();

    const result = await readUnlistedServices(context, {
      annotatedIds: [listed.id],
      listed: [listed],
      listedPolicies: [],
      policiesIncomplete: true,
      maxLookups: 5,
    });

    expect(result.services).toEqual([]);
    expect(result.policies.map(p => p.id)).toEqual(['PEP0001']);
    expect(asked).toEqual(['/escalation_policies/PEP0001']);
  });

  it('fails on a refused token, which would fail every other request too', async () => {
    const { context } = setup({ [unlisted.id]: 401 });

    const error = await readUnlistedServices(context, {
      annotatedIds: [unlisted.id],
      listed: [],
      listedPolicies: [],
      policiesIncomplete: false,
      maxLookups: 5,
    }).catch(e => e);

    expect(isPagerDutyError(error, 'auth')).toBe(true);
  });
});
