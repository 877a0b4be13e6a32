import { mockCredentials } from '@backstage/backend-test-utils';
import type { ReliabilityReportResponse } from '@preflight/plugin-reliability-common';
import request from 'supertest';
import { makeReportData } from '../../__testUtils__/reportFixtures';
import { makeSnapshot } from '../../__testUtils__/snapshotFixtures';
import {
  component,
  ReliabilityTestBackend,
  startReliabilityTestBackend,
  testEntities,
} from '../../__testUtils__/startReliabilityTestBackend';
import { lastFullMonth } from '../metrics/reportPeriod';

jest.setTimeout(60_000);

const api = (path: string) => `/api/reliability${path}`;

// Titles anyone editing a catalog file could write: each must reach the
// spreadsheet as text, never as a formula or a broken row.
const HOSTILE_TITLES = [
  '=HYPERLINK("http://evil.example","click")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A9)',
  'Billing, "EU"',
  'two\nlines',
];

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes, line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe('the all-services CSV of a report', () => {
  let backend: ReliabilityTestBackend;
  const month = lastFullMonth(new Date());
  const monthText = month.startDate.slice(0, 7);
  // Thirty more services than the report's lists of 25 can name.
  const extra = Array.from({ length: 30 }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return component(
      `svc-${n}`,
      { 'pagerduty.com/service-id': `PSVC0${n}` },
      i < HOSTILE_TITLES.length ? { title: HOSTILE_TITLES[i] } : {},
    );
  });

  beforeAll(async () => {
    backend = await startReliabilityTestBackend({
      entities: [...testEntities, ...extra],
    });
    backend.provider.snapshot = makeSnapshot([
      'PCHKOUT',
      'PLEDGER',
      'PSEARCH',
      ...extra.map(e => e.metadata.annotations!['pagerduty.com/service-id']),
    ]);
    backend.provider.enableReportData(makeReportData());
    await backend.syncNow();
  });

  afterAll(async () => {
    await backend.stop();
  });

  const get = (path: string) => request(backend.server).get(api(path));

  it('lists every service of the organisation, with its figures, beyond the 25 the report names', async () => {
    const res = await get(
      `/reports/organization/services.csv?month=${monthText}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="reliability-services-organization-${monthText}.csv"`,
    );
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(res.text.slice(1));
    expect(header).toEqual([
      'Entity',
      'Title',
      'Owner',
      'Service',
      'Incidents',
      'High urgency',
      'Low urgency',
      'Previous incidents',
      'MTTA mean (s)',
      'MTTR mean (s)',
      'Unacknowledged',
      'Unresolved',
      'Open at period end',
      'Noise incidents',
      'Noise share',
      'Changes',
      'Failed changes',
      'Change failure rate',
      'Note',
    ]);
    // The report's mapped entities: its six plus the thirty, each a row.
    const report: ReliabilityReportResponse = (
      await get(`/reports/organization?month=${monthText}`)
    ).body;
    expect(report.scope.entityCount).toBe(36);
    expect(rows).toHaveLength(36);
    expect(rows.every(row => row.length === header.length)).toBe(true);
    const byRef = new Map(rows.map(row => [row[0], row]));
    const col = (name: string) => header.indexOf(name);

    // checkout-api: A (acknowledged after 300 s, resolved after 3600 s) and
    // B (auto-resolved after 120 s, noise) this month, P the month before,
    // one change (C1) followed by A within the hour: failed.
    const checkout = byRef.get('component:default/checkout-api')!;
    expect(checkout[col('Service')]).toBe('PCHKOUT');
    expect(checkout[col('Owner')]).toBe('group:default/team-payments');
    expect(checkout[col('Incidents')]).toBe('2');
    expect(checkout[col('Previous incidents')]).toBe('1');
    expect(checkout[col('MTTA mean (s)')]).toBe('300');
    expect(checkout[col('MTTR mean (s)')]).toBe('1860');
    expect(checkout[col('Noise incidents')]).toBe('1');
    expect(checkout[col('Noise share')]).toBe('0.5');
    expect(checkout[col('Changes')]).toBe('1');
    expect(checkout[col('Failed changes')]).toBe('1');
    expect(checkout[col('Change failure rate')]).toBe('1');
    expect(checkout[col('Note')]).toBe('');

    // A quiet service: zeros, and no change data rather than 0 %.
    const quiet = byRef.get('component:default/svc-30')!;
    expect(quiet[col('Incidents')]).toBe('0');
    expect(quiet[col('MTTA mean (s)')]).toBe('');
    expect(quiet[col('Change failure rate')]).toBe('');
    expect(quiet[col('Note')]).toBe('no change data');

    // Hostile titles arrive as the text they are, formulas defused with a
    // leading apostrophe, commas, quotes and line breaks inside one cell.
    HOSTILE_TITLES.forEach((title, i) => {
      const row = byRef.get(
        `component:default/svc-${String(i + 1).padStart(2, '0')}`,
      )!;
      expect(row[col('Title')]).toBe(
        /^[=+\-@]/.test(title) ? `'${title}` : title,
      );
    });
    expect(res.text).not.toMatch(/(^|,)[=+\-@]/m);
  });

  it('lists a group’s services only, and leaves out what the caller may not see', async () => {
    const group = await get(`/reports/groups/default/team-search/services.csv`);
    expect(group.status).toBe(200);
    const [, ...rows] = parseCsv(group.text.slice(1));
    expect(rows.map(row => row[0])).toEqual(['component:default/search-api']);
    expect(group.headers['content-disposition']).toContain(
      'reliability-services-team-search-',
    );

    const original = backend.catalog.getEntitiesByRefs.getMockImplementation();
    backend.catalog.getEntitiesByRefs.mockImplementation(
      async (req: { entityRefs: string[] }) => ({
        items: req.entityRefs.map(ref =>
          ref === 'component:default/svc-07'
            ? undefined
            : { kind: 'Component', metadata: { name: 'x' } },
        ),
      }),
    );
    try {
      const hidden = await get('/reports/organization/services.csv').set(
        'Authorization',
        mockCredentials.user.header('user:default/mallory'),
      );
      const refs = parseCsv(hidden.text.slice(1)).map(row => row[0]);
      expect(refs).toHaveLength(36);
      expect(refs).not.toContain('component:default/svc-07');
    } finally {
      backend.catalog.getEntitiesByRefs.mockImplementation(original!);
    }
  });

  it('refuses a bad period, an unknown group and a caller without credentials', async () => {
    const bad = await get('/reports/organization/services.csv?month=2026-13');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/month 2026-13/);
    expect(
      (await get('/reports/groups/default/no-such-team/services.csv')).status,
    ).toBe(404);
    expect(
      (
        await get('/reports/organization/services.csv').set(
          'Authorization',
          mockCredentials.none.header(),
        )
      ).status,
    ).toBe(401);
  });
});
