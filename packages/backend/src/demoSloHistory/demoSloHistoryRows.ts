// eslint-disable-next-line @backstage/no-forbidden-package-imports -- workspace-only internals, not the published API
import type { SloHistoryRow } from '@preflight/plugin-reliability-backend/src/workspaceInternals';
import {
  addLocalDays,
  formatLocalDate,
  localDateOf,
  startOfLocalDay,
} from '@preflight/plugin-reliability-common';
import {
  createSliRandom,
  type DemoScenario,
  type DemoServiceProfile,
} from '@preflight/demo-fixtures';

/** One SLO of the demo catalog (catalog/slos/*.yaml). */
export interface DemoSlo {
  entityRef: string;
  ownerRef: string;
  sloId: string;
  sloName: string;
  /** The scenario service whose requests the SLO counts. */
  service: string;
  objective: number;
  windowDays: number;
  /** Latency SLOs count slow requests, availability ones failed requests. */
  kind: 'availability' | 'latency';
}

/** The demo catalog's SLOs; a test checks them against catalog/slos. */
export const DEMO_SLOS: readonly DemoSlo[] = [
  {
    entityRef: 'component:default/checkout-api',
    ownerRef: 'group:default/team-payments',
    sloId: 'checkout-api-availability',
    sloName: 'Checkout API availability',
    service: 'checkout-api',
    objective: 0.999,
    windowDays: 30,
    kind: 'availability',
  },
  {
    entityRef: 'component:default/checkout-api',
    ownerRef: 'group:default/team-payments',
    sloId: 'checkout-api-latency',
    sloName: 'Checkout API latency',
    service: 'checkout-api',
    objective: 0.99,
    windowDays: 28,
    kind: 'latency',
  },
  {
    entityRef: 'component:default/payments-gateway',
    ownerRef: 'group:default/team-payments',
    sloId: 'payments-gateway-availability',
    sloName: 'Payments gateway availability',
    service: 'payments-gateway',
    objective: 0.999,
    windowDays: 30,
    kind: 'availability',
  },
  {
    entityRef: 'component:default/search-api',
    ownerRef: 'group:default/team-search',
    sloId: 'search-api-availability',
    sloName: 'Search API availability',
    service: 'search-api',
    objective: 0.995,
    windowDays: 28,
    kind: 'availability',
  },
  {
    entityRef: 'component:default/recommendations',
    ownerRef: 'group:default/team-search',
    sloId: 'recommendations-availability',
    sloName: 'Recommendations availability',
    service: 'recommendations',
    objective: 0.99,
    windowDays: 7,
    kind: 'availability',
  },
];

// The live demo history reaches this far back; older days get occasional
// made-up incidents so a year of trend has something to show.
const SCENARIO_DAYS = 32;
// Page-level burn: the Workbook's 6-hour row fires from 6× the budget rate.
const PAGE_BURN_RATE = 6;

interface DayError {
  /** Share of the day's requests that were bad. */
  ratio: number;
  /** Seconds of the day burning at page level. */
  pageSeconds: number;
}

function baselineRatio(slo: DemoSlo, profile: DemoServiceProfile): number {
  if (slo.kind === 'latency') {
    // Requests above the 300 ms bucket the latency SLO reads.
    const shares = profile.latency?.cumulativeShares ?? [];
    return 1 - (shares[1] ?? 1);
  }
  return profile.baselineErrorRatio;
}

function dayError(
  slo: DemoSlo,
  profile: DemoServiceProfile,
  day: { startMs: number; endMs: number; key: string },
  nowMs: number,
  scenarioFromMs: number,
): DayError {
  const base = baselineRatio(slo, profile);
  const pageRatio = PAGE_BURN_RATE * (1 - slo.objective);
  const length = (day.endMs - day.startMs) / 1000;
  let ratio = base;
  let pageSeconds = 0;
  const episodes =
    day.startMs >= scenarioFromMs
      ? profile.errorEpisodes.map(e => ({
          fromMs: e.fromSeconds * 1000,
          toMs: Math.min(e.toSeconds * 1000, nowMs),
          ratio: e.errorRatio,
        }))
      : syntheticEpisode(slo, day);
  for (const episode of slo.kind === 'latency' ? [] : episodes) {
    const overlap =
      Math.max(
        0,
        Math.min(episode.toMs, day.endMs) -
          Math.max(episode.fromMs, day.startMs),
      ) / 1000;
    ratio += (overlap / length) * (episode.ratio - base);
    if (episode.ratio >= pageRatio) {
      pageSeconds += overlap;
    }
  }
  return { ratio, pageSeconds };
}

/** About one day in 25, an incident of 1 to 6 hours at 1–20 % errors. */
function syntheticEpisode(slo: DemoSlo, day: { startMs: number; key: string }) {
  const random = createSliRandom(`demo-slo-history:${slo.sloId}:${day.key}`);
  if (random.next() >= 0.04) {
    return [];
  }
  const fromMs = day.startMs + random.int(0, 17) * 3_600_000;
  return [
    {
      fromMs,
      toMs: fromMs + random.int(1, 6) * 3_600_000,
      ratio: 0.01 + random.next() * 0.19,
    },
  ];
}

/**
 * A year of daily SLO history rows for the demo SLOs, ending yesterday (the
 * SLO sync records today), deterministic for a given day: the scenario's
 * episodes for the days the live demo history covers, seeded incidents
 * before. Traffic is taken as even over the day, so attainment over a
 * rolling window is one minus the mean of its days' bad shares. Every row is
 * marked `demo`.
 */
export function demoSloHistoryRows(options: {
  scenario: DemoScenario;
  nowMs: number;
  timeZone: string;
  days: number;
}): SloHistoryRow[] {
  const { scenario, nowMs, timeZone, days } = options;
  const today = localDateOf(nowMs, timeZone);
  const scenarioFromMs = nowMs - SCENARIO_DAYS * 86_400_000;
  const rows: SloHistoryRow[] = [];
  for (const slo of DEMO_SLOS) {
    const profile = scenario.services.find(s => s.service === slo.service);
    if (!profile) {
      throw new Error(
        `demo SLO history: ${slo.entityRef} SLO "${slo.sloId}": the demo scenario has no service "${slo.service}"`,
      );
    }
    const budget = 1 - slo.objective;
    // The window before the first row reads as baseline days.
    const ratios: number[] = Array(slo.windowDays - 1).fill(
      baselineRatio(slo, profile),
    );
    for (let back = days; back >= 1; back--) {
      const date = addLocalDays(today, -back);
      const key = formatLocalDate(date);
      const startMs = startOfLocalDay(date, timeZone);
      const endMs = startOfLocalDay(addLocalDays(date, 1), timeZone);
      const error = dayError(
        slo,
        profile,
        { startMs, endMs, key },
        nowMs,
        scenarioFromMs,
      );
      ratios.push(error.ratio);
      const window = ratios.slice(-slo.windowDays);
      const windowRatio = window.reduce((a, b) => a + b, 0) / window.length;
      const traffic = profile.requestsPerMinute > 0;
      rows.push({
        entity_ref: slo.entityRef,
        slo_id: slo.sloId,
        time_zone: timeZone,
        day: key,
        owner_ref: slo.ownerRef,
        slo_name: slo.sloName,
        objective: slo.objective,
        attainment: traffic ? 1 - windowRatio : null,
        budget_remaining: traffic ? 1 - windowRatio / budget : null,
        budget_consumed: traffic
          ? error.ratio / (budget * slo.windowDays)
          : null,
        page_alert_seconds: traffic ? error.pageSeconds : 0,
        measured_at_ms: endMs - 60_000,
        closed: true,
        demo: true,
      });
    }
  }
  return rows;
}
