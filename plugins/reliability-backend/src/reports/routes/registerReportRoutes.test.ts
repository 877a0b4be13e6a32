import { mockCredentials } from '@backstage/backend-test-utils';
import type {
  OnCallHealthResponse,
  ReliabilityReportResponse,
} from '@preflight/plugin-reliability-common';
import request from 'supertest';
import { makeReportData } from '../../__testUtils__/reportFixtures';
import { makeSnapshot } from '../../__testUtils__/snapshotFixtures';
import {
  ReliabilityTestBackend,
  startReliabilityTestBackend,
} from '../../__testUtils__/startReliabilityTestBackend';
import { lastFullMonth } from '../metrics/reportPeriod';

jest.setTimeout(60_000);

const api = (path: string) => `/api/reliability${path}`;

describe('report routes', () => {
  let backend: ReliabilityTestBackend;
  const month = lastFullMonth(new Date());

  beforeAll(async () => {
    backend = await startReliabilityTestBackend();
    backend.provider.snapshot = makeSnapshot(['PCHKOUT', 'PLEDGER', 'PSEARCH']);
    backend.provider.enableReportData(makeReportData());
    await backend.syncNow();
  });

  afterAll(async () => {
    await backend.stop();
  });

  const get = (path: string) => request(backend.server).get(api(path));

  it('reports the organisation over the last whole month, compared with the month before', async () => {
    const res = await get('/reports/organization');
    expect(res.status).toBe(200);
    const body: ReliabilityReportResponse = res.body;
    expect(body.period).toEqual(month);
    expect(body.scope).toMatchObject({
      kind: 'organization',
      ref: null,
      // Every annotated entity but metrics-pipeline, whose annotation is
      // malformed; payments-gateway and risk-scorer share PPAYGW1.
      entityCount: 6,
      serviceCount: 5,
    });
    // A, B (checkout) and S (search); P the month before.
    expect(body.incidents.total).toBe(3);
    expect(body.previousIncidents.total).toBe(1);
    // MTTA over A (300 s) and S (60 s); MTTR over 3600, 120 and 600 s.
    expect(body.incidents.mtta.meanSeconds).toBeCloseTo(180, 9);
    expect(body.incidents.mttr.meanSeconds).toBeCloseTo(1440, 9);
    expect(body.deltas.incidents).toMatchObject({
      current: 3,
      previous: 1,
      change: 2,
      direction: 'worsened',
    });
    expect(body.changeFailure.overall).toEqual({
      status: 'measured',
      changes: 1,
      failedChanges: 1,
      rate: 1,
    });
    expect(
      body.changeFailure.services.find(s => s.serviceId === 'PLEDGER'),
    ).toMatchObject({ status: 'no-change-data', rate: null });
    expect(body.alertQuality).toMatchObject({
      total: 3,
      noise: 1,
      actionable: 2,
    });
    expect(body.alertQuality.noisiestServices[0]).toMatchObject({
      serviceId: 'PCHKOUT',
      noise: 1,
      total: 2,
    });
    // Twelve months, ending with the report's month.
    expect(body.trend).toHaveLength(12);
    expect(body.trend[11]).toMatchObject({
      month: month.startDate.slice(0, 7),
      incidents: 3,
      highUrgency: 3,
    });
    expect(body.trend[10].incidents).toBe(1);
    expect(body.movers.incidents[0]).toMatchObject({
      serviceId: 'PCHKOUT',
      delta: { current: 2, previous: 1 },
    });
    // Ann's rotation serves checkout and ledger and search (one policy in
    // the fixture): A, B and S page her; S at 12:00, A at 10:00 and B at
    // 14:00 on a 10th, in business hours only on a weekday.
    const rotation = body.onCall.find(r => r.rotationId === 'PEPAY01')!;
    expect(rotation.pages).toBe(3);
    expect(rotation.people.map(p => p.personId)).toEqual(['PANN']);
    // Named as the source names them, read from what the syncs stored.
    expect(rotation.rotationName).toBe('Payments escalation');
    expect(rotation.people.map(p => p.personName)).toEqual(['Ann']);
    expect(body.dataAsOf).not.toBeNull();
    // Bounded lists say how many there are; the service map names only the
    // services the answer lists.
    expect(body.scope.rotationCount).toBe(body.onCall.length);
    expect(body.changeFailure).toMatchObject({
      serviceCount: 5,
      measuredServiceCount: 1,
    });
    const named = new Set([
      ...body.changeFailure.services.map(s => s.serviceId),
      ...body.alertQuality.noisiestServices.map(s => s.serviceId),
      ...[
        ...body.movers.incidents,
        ...body.movers.mttrMeanSeconds,
        ...body.movers.noise,
      ].map(m => m.serviceId),
      ...[body.incidents.longest, body.previousIncidents.longest].flatMap(l =>
        l ? [l.serviceId] : [],
      ),
    ]);
    expect(new Set(body.services.map(s => s.serviceId))).toEqual(named);
  });

  it('reports a group with its sub-groups and an entity alone', async () => {
    const group: ReliabilityReportResponse = (
      await get(
        `/reports/groups/default/team-payments?month=${month.startDate.slice(
          0,
          7,
        )}`,
      )
    ).body;
    expect(group.scope).toMatchObject({
      kind: 'group',
      ref: 'group:default/team-payments',
      title: 'Payments',
      includesSubgroups: true,
    });
    expect(group.services.map(s => s.entityRef)).toEqual(
      expect.arrayContaining([
        'component:default/checkout-api',
        'component:default/ledger-service',
      ]),
    );
    expect(group.services.map(s => s.entityRef)).not.toContain(
      'component:default/search-api',
    );
    expect(group.incidents.total).toBe(2);

    const entity = await get(
      `/reports/entities/component/default/checkout-api?from=${
        month.startDate
      }&to=${month.startDate.slice(0, 8)}10`,
    );
    expect(entity.status).toBe(200);
    const body: ReliabilityReportResponse = entity.body;
    expect(body.period).toMatchObject({
      kind: 'days',
      startDate: month.startDate,
      endDate: `${month.startDate.slice(0, 8)}11`,
    });
    expect(body.previousPeriod.endDate).toBe(month.startDate);
    expect(body.scope).toMatchObject({
      kind: 'entity',
      entityCount: 1,
      serviceCount: 1,
    });
    expect(body.incidents.total).toBe(2);
    expect(body.incidents.longest).toEqual({
      incidentId: 'A',
      serviceId: 'PCHKOUT',
      durationSeconds: 3600,
    });

    const unmapped: ReliabilityReportResponse = (
      await get('/reports/entities/component/default/fraud-detector')
    ).body;
    expect(unmapped.scope.serviceCount).toBe(0);
    expect(unmapped.incidents.total).toBe(0);
  });

  it('leaves out entities the caller may not see', async () => {
    const original = backend.catalog.getEntitiesByRefs.getMockImplementation();
    backend.catalog.getEntitiesByRefs.mockImplementation(
      async (req: { entityRefs: string[] }) => ({
        items: req.entityRefs.map(ref =>
          ref === 'component:default/search-api'
            ? undefined
            : { kind: 'Component', metadata: { name: 'x' } },
        ),
      }),
    );
    try {
      // Another caller than the other tests, so nothing is remembered.
      const res = await get('/reports/organization').set(
        'Authorization',
        mockCredentials.user.header('user:default/mallory'),
      );
      const body: ReliabilityReportResponse = res.body;
      expect(body.services.map(s => s.entityRef)).not.toContain(
        'component:default/search-api',
      );
      expect(body.incidents.total).toBe(2);
    } finally {
      backend.catalog.getEntitiesByRefs.mockImplementation(original!);
    }
  });

  it('answers 304 to a caller who already holds the answer of this data version', async () => {
    const first = await get('/reports/organization');
    expect(first.status).toBe(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const again = await get('/reports/organization').set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');

    // Another period is another answer: the full body, another tag.
    const other = await get(
      `/reports/organization?from=${month.startDate}&to=${month.startDate.slice(
        0,
        8,
      )}10`,
    ).set('If-None-Match', etag);
    expect(other.status).toBe(200);
    expect(other.headers.etag).not.toBe(etag);

    const health = await get('/groups/default/team-payments/on-call-health');
    expect(
      (
        await get('/groups/default/team-payments/on-call-health').set(
          'If-None-Match',
          health.headers.etag,
        )
      ).status,
    ).toBe(304);
  });

  it('shows a team the on-call health of the last 28 days', async () => {
    const res = await get('/groups/default/team-payments/on-call-health');
    expect(res.status).toBe(200);
    const body: OnCallHealthResponse = res.body;
    expect(body.group).toBe('group:default/team-payments');
    const today = new Date().toISOString().slice(0, 10);
    expect(body.period.endDate).toBe(today);
    expect(
      (Date.parse(body.period.end) - Date.parse(body.period.start)) /
        86_400_000,
    ).toBe(28);
    expect(body.rotations.map(r => r.rotationId)).toEqual(['PEPAY01']);
    expect(body.rotations[0].rotationName).toBe('Payments escalation');
  });

  it.each([
    ['month=2099-01', /month|not over yet/],
    ['month=2026-13', /month 2026-13/],
    ['month=May', /month "May"/],
    ['month=2026-01&from=2026-01-01&to=2026-01-31', /either month or from\/to/],
    ['from=2026-03-10&to=2026-03-01', /to \(2026-03-01\) is before from/],
    ['from=2024-01-01&to=2025-06-30', /spans 547 days/],
    ['from=2026-01-01', /to is missing/],
    ['timeZone=Mars/Olympus', /timeZone/],
    ['timeZone=Europe/Berlin', /timeZone "Europe\/Berlin" is not available/],
  ])('refuses %s with a message naming the field', async (query, message) => {
    const res = await get(`/reports/organization?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 404 for groups and entities the caller cannot see', async () => {
    expect((await get('/reports/groups/default/no-such-team')).status).toBe(
      404,
    );
    // A component is not a group.
    expect(
      (await get('/groups/default/checkout-api/on-call-health')).status,
    ).toBe(404);
    expect((await get('/reports/entities/component/default/nope')).status).toBe(
      404,
    );
  });

  it('requires credentials', async () => {
    const res = await get('/reports/organization').set(
      'Authorization',
      mockCredentials.none.header(),
    );
    expect(res.status).toBe(401);
  });
});
