import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { ReliabilityReportResponse } from '@preflight/plugin-reliability-common';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import {
  ReliabilityTestBackend,
  startReliabilityTestBackend,
} from '../../__testUtils__/startReliabilityTestBackend';
import { lastFullMonth, previousPeriod } from '../metrics/reportPeriod';
import {
  DatabaseSloHistoryStore,
  type SloHistoryRow,
} from './DatabaseSloHistoryStore';

jest.setTimeout(60_000);

const api = (p: string) => `/api/reliability${p}`;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
ajv.addSchema(
  parseYaml(
    fs.readFileSync(path.resolve(__dirname, '../../../openapi.yaml'), 'utf8'),
  ),
  'openapi',
);
const validSloSection = ajv.compile({
  $ref: 'openapi#/components/schemas/ReportSloSummary',
});

describe('the report routes’ SLO section', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const month = lastFullMonth(new Date());
  const previous = previousPeriod(month);
  let backend: ReliabilityTestBackend;

  function row(overrides: Partial<SloHistoryRow>): SloHistoryRow {
    return {
      entity_ref: 'component:default/checkout-api',
      slo_id: 'availability',
      time_zone: 'UTC',
      day: month.startDate,
      owner_ref: 'group:default/team-payments',
      slo_name: 'Checkout availability',
      objective: 0.99,
      attainment: 0.995,
      budget_remaining: 0.5,
      budget_consumed: 0.1,
      page_alert_seconds: 0,
      measured_at_ms: Date.parse(month.start),
      closed: true,
      demo: false,
      ...overrides,
    };
  }

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    backend = await startReliabilityTestBackend({ knex });
    const store = new DatabaseSloHistoryStore(await migratedDatabase(knex));
    const lastDay = month.startDate.replace(/-\d\d$/, '-10');
    await store.writeRows([
      // Checkout: two days this month, one last month.
      row({ page_alert_seconds: 600 }),
      row({
        day: lastDay,
        attainment: 0.985,
        budget_remaining: -0.5,
        budget_consumed: 0.2,
        page_alert_seconds: 300,
      }),
      row({
        day: previous.startDate,
        attainment: 0.999,
        budget_remaining: 0.9,
      }),
      // Fraud detector (no on-call service, owned by a sub-team): created
      // mid-month.
      row({
        entity_ref: 'component:default/fraud-detector',
        slo_id: 'latency',
        slo_name: 'Scoring latency',
        owner_ref: 'group:default/team-fraud',
        objective: 0.95,
        day: lastDay,
        attainment: 0.97,
        budget_remaining: 0.4,
        budget_consumed: 0.6,
      }),
      // Search: another team's.
      row({
        entity_ref: 'component:default/search-api',
        owner_ref: 'group:default/team-search',
        attainment: 0.999,
        budget_remaining: 0.9,
        budget_consumed: 0.1,
      }),
    ]);
  });

  afterAll(async () => {
    await backend?.stop();
  });

  const get = async (p: string): Promise<ReliabilityReportResponse> => {
    const res = await request(backend.server).get(api(p));
    expect(res.status).toBe(200);
    expect(validSloSection(res.body.slos)).toBe(true);
    return res.body;
  };

  it('adds up the organisation’s SLOs at the period end, with deltas and a trend', async () => {
    const { slos } = await get('/reports/organization');
    expect(slos.total).toBe(3);
    expect(slos.meetingObjective).toBe(2);
    expect(slos.budgetExhausted).toBe(1);
    expect(slos.pageAlertSeconds).toBe(900);
    expect(slos.period.minAttainment).toBeCloseTo(0.97, 12);
    expect(slos.period.meanAttainment).toBeCloseTo(
      (0.985 + 0.97 + 0.999) / 3,
      12,
    );
    expect(slos.period.meanBudgetConsumed).toBeCloseTo(
      (0.3 + 0.6 + 0.1) / 3,
      12,
    );
    expect(slos.deltas.meanAttainment.previous).toBeCloseTo(0.999, 12);
    expect(slos.slos[0]).toMatchObject({
      entityRef: 'component:default/checkout-api',
      sloName: 'Checkout availability',
      attainment: 0.985,
      meetsObjective: false,
      budgetLeft: -0.5,
      daysWithData: 2,
      previousAttainment: 0.999,
    });
    expect(slos.trend).toHaveLength(12);
    expect(slos.trend[11]).toMatchObject({
      month: month.startDate.slice(0, 7),
      slos: 3,
    });
    expect(slos.trend[10]).toMatchObject({ slos: 1, meanAttainment: 0.999 });
    expect(slos.trend[0]).toMatchObject({ slos: 0, meanAttainment: null });
    expect(slos.historyStartsOn).toBe(previous.startDate);
  });

  it('scopes a team by its owned entities (also those without an on-call service), and an entity alone', async () => {
    // The scorecards have not stored ancestry yet: the group stands for
    // itself, so team-fraud's SLO is its own.
    const fraud = await get('/reports/groups/default/team-fraud');
    expect(fraud.slos.slos.map(s => s.sloName)).toEqual(['Scoring latency']);
    expect(fraud.slos.slos[0]).toMatchObject({
      daysWithData: 1,
      previousAttainment: null,
    });
    const payments = await get('/reports/groups/default/team-payments');
    expect(payments.slos.total).toBe(1);
    const entity = await get('/reports/entities/component/default/search-api');
    expect(entity.slos.slos.map(s => s.entityRef)).toEqual([
      'component:default/search-api',
    ]);
  });

  it('says there is no SLO data for a period before the history', async () => {
    const { slos } = await get('/reports/organization?month=2020-01');
    expect(slos.total).toBe(0);
    expect(slos.period.meanAttainment).toBeNull();
    expect(slos.period.pageAlertSeconds).toBeNull();
  });
});
