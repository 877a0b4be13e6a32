import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseOpenSloDocuments } from '@preflight/plugin-reliability-node';
import { demoScenario } from '@preflight/demo-fixtures';
import { DEMO_SLOS, demoSloHistoryRows } from './demoSloHistoryRows';

const SLO_DIR = resolve(__dirname, '../../../../catalog/slos');
const NOW_MS = Date.parse('2026-12-02T09:00:00Z');
const NOW_S = NOW_MS / 1000;

function rows() {
  return demoSloHistoryRows({
    // The search-api outage lies within the last 32 days.
    scenario: demoScenario(NOW_S - 86_400, NOW_S),
    nowMs: NOW_MS,
    timeZone: 'Europe/Berlin',
    days: 400,
  });
}

describe('demoSloHistoryRows', () => {
  it('covers exactly the SLOs the demo catalog declares', () => {
    const declared = readdirSync(SLO_DIR).flatMap(file => {
      const component = file.replace(/\.yaml$/, '');
      const { definitions } = parseOpenSloDocuments(
        readFileSync(resolve(SLO_DIR, file), 'utf8'),
        { entityRef: `component:default/${component}`, file },
      );
      return definitions.map(d => ({
        entityRef: d.entityRef,
        sloId: d.id,
        sloName: d.displayName,
        objective: d.target,
        windowDays: d.windowSeconds / 86_400,
      }));
    });
    expect(
      DEMO_SLOS.map(s => ({
        entityRef: s.entityRef,
        sloId: s.sloId,
        sloName: s.sloName,
        objective: s.objective,
        windowDays: s.windowDays,
      })),
    ).toEqual(expect.arrayContaining(declared));
    expect(DEMO_SLOS).toHaveLength(declared.length);
  });

  it('writes a year of demo rows ending yesterday, the same on every run', () => {
    const first = rows();
    expect(first).toEqual(rows());
    expect(first.every(row => row.demo)).toBe(true);
    const checkout = first.filter(
      row => row.slo_id === 'checkout-api-availability',
    );
    expect(checkout).toHaveLength(400);
    expect(checkout[checkout.length - 1].day).toBe('2026-12-01');
    expect(checkout[0].day).toBe('2025-10-28');
    // Quiet days burn the baseline: 0.02 % of a 0.1 % budget over 30 days.
    const quiet = checkout.find(r => r.page_alert_seconds === 0)!;
    expect(quiet.budget_consumed).toBeGreaterThan(0);
    // No traffic: no attainment, never 100 % or 0 %.
    const recommendations = first.filter(
      row => row.slo_id === 'recommendations-availability',
    );
    expect(recommendations.every(r => r.attainment === null)).toBe(true);
  });

  it('shows the scenario’s search-api outage: budget exhausted, page time', () => {
    const search = rows().filter(
      row => row.slo_id === 'search-api-availability',
    );
    const outage = search.filter(
      r => r.page_alert_seconds > 0 && r.day >= '2026-11-01',
    );
    // 12 hours at 35 % errors, seven days before now (split over local days).
    expect(outage.reduce((sum, r) => sum + r.page_alert_seconds, 0)).toBe(
      12 * 3600,
    );
    const after = search.find(r => r.day === '2026-11-30')!;
    expect(after.budget_remaining).toBeLessThan(0);
  });
});
