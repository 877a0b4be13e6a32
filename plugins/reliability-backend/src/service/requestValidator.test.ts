import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { scorecardFleet, testRubric } from '../__testUtils__/scorecardFixtures';
import {
  ReliabilityTestBackend,
  startReliabilityTestBackend,
} from '../__testUtils__/startReliabilityTestBackend';
import {
  ScorecardTestBackend,
  startScorecardTestBackend,
} from '../__testUtils__/startScorecardTestBackend';
import { spec } from '../generated/router';
import { REPORT_OPERATIONS_CHECKING_INPUT } from '../reports/routes/registerReportRoutes';
import { REVIEW_OPERATIONS_CHECKING_INPUT } from '../reviews/registerReviewRoutes';
import { SCORECARD_OPERATIONS_CHECKING_INPUT } from '../scorecards/registerScorecardRoutes';

jest.setTimeout(60_000);

const api = (p: string) => `/api/reliability${p}`;
const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'team-payments', namespace: 'default' },
    spec: {},
  },
];
const addSloMet = { op: 'add', checkId: 'slo-met', levelId: 'gold' };

describe('requests are validated against openapi.yaml by the served router', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let backend: ScorecardTestBackend;

  beforeAll(async () => {
    backend = await startScorecardTestBackend({
      knex: await databases.init('SQLITE_3'),
      entities,
      rubric: testRubric,
      now: () => new Date('2026-11-21T12:00:00.000Z'),
    });
    await backend.store.writeScorecards(
      scorecardFleet(),
      new Date('2026-11-21T09:00:00Z'),
    );
  });

  afterAll(async () => {
    await backend.stop();
  });

  const preview = (body: unknown) =>
    request(backend.server)
      .post(api('/scorecards/preview'))
      .send(body as object);

  it('refuses a body field the spec does not document, naming it (the route used to ignore it)', async () => {
    expect((await preview({ changes: [addSloMet] })).status).toBe(200);
    const res = await preview({
      changes: [addSloMet, { ...addSloMet, reason: 'try it' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      name: 'InputError',
      message:
        'Invalid preview request: changes[1].reason: is not a field of this request',
    });
  });

  it('refuses a team-view page size the spec documents as digits only', async () => {
    const team = (query: string) =>
      request(backend.server).get(
        api(`/groups/default/team-payments/scorecards?${query}`),
      );
    expect((await team('limit=10&offset=')).status).toBe(200);
    // The route's own message, as before, for what it checks itself.
    const tooMany = await team('limit=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toBe(
      'limit: expected a whole number from 1 to 100, got "101"',
    );
  });

  it('validates a HEAD as the GET it is answered by', async () => {
    const head = await request(backend.server).head(
      api(`/entities/component/default/${'x'.repeat(64)}/scorecard`),
    );
    expect(head.status).toBe(400);
    const get = await request(backend.server).get(
      api(`/entities/component/default/${'x'.repeat(64)}/scorecard`),
    );
    expect(get.status).toBe(400);
    expect(get.body.error.message).toBe(
      `Invalid entity reference: name: name must be at most 63 characters, got "${'x'.repeat(
        64,
      )}"`,
    );
  });

  it('still parses bodies up to 64 kB, answering a larger or broken one as before', async () => {
    const large = await request(backend.server)
      .post(api('/scorecards/preview'))
      .set('Content-Type', 'application/json')
      .send(
        JSON.stringify({ changes: [addSloMet], pad: 'x'.repeat(70 * 1024) }),
      );
    expect(large.status).toBe(413);
    const broken = await request(backend.server)
      .post(api('/scorecards/preview'))
      .set('Content-Type', 'application/json')
      .send('{"changes": [');
    expect(broken.status).toBe(400);
    expect(broken.body.error.name).not.toBe('InputError');
  });

  it('serves the spec it validates against, to authenticated callers', async () => {
    const res = await request(backend.server).get(api('/openapi.json'));
    expect(res.status).toBe(200);
    expect(res.body.info.title).toBe(spec.info.title);
    expect(Object.keys(res.body.paths)).toContain(
      '/api/reliability/scorecards/preview',
    );
    const anonymous = await request(backend.server)
      .get(api('/openapi.json'))
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
  });
});

describe('the validated router accepts what the routes always accepted', () => {
  let backend: ReliabilityTestBackend;

  beforeAll(async () => {
    backend = await startReliabilityTestBackend();
  });

  afterAll(async () => {
    await backend.stop();
  });

  it.each([
    [
      'reserved characters left unencoded, as people type them',
      '/groups/default/team-payments/scorecards?owner=group:default/team-payments&search=a+b',
    ],
    [
      'empty values, meaning the defaults',
      '/groups/default/team-payments/scorecards?sort=&direction=&failing=&limit=&offset=',
    ],
    [
      'a team filter within its limit once trimmed',
      `/groups/default/team-payments/scorecards?search=%20%20${'x'.repeat(
        199,
      )}`,
    ],
    ['repeated review states', '/reviews?state=draft&state=approved'],
    ['comma-separated review states', '/reviews?state=draft,approved'],
    ['an empty review state', '/reviews?state='],
    [
      'an unknown query parameter',
      '/reports/organization?timeZone=UTC&foo=bar',
    ],
  ])('%s', async (_what, path) => {
    const res = await request(backend.server).get(api(path));
    expect(res.body.error).toBeUndefined();
    expect(res.status).toBe(200);
  });
});

it('names only documented operations as checking their input in the route', () => {
  const documented = Object.values(spec.paths).flatMap(item =>
    Object.values(item as Record<string, { operationId?: string }>)
      .map(operation => operation.operationId)
      .filter(Boolean),
  );
  for (const operationId of [
    ...SCORECARD_OPERATIONS_CHECKING_INPUT,
    ...REPORT_OPERATIONS_CHECKING_INPUT,
    ...REVIEW_OPERATIONS_CHECKING_INPUT,
  ]) {
    expect(documented).toContain(operationId);
  }
});
