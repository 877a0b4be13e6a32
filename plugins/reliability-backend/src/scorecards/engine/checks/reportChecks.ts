import type {
  CheckFactValue,
  FactFreshness,
} from '@preflight/plugin-reliability-common';
import type {
  CheckOutcome,
  EntityReadinessFacts,
  ReportFacts,
  ScorecardCheck,
} from '@preflight/plugin-reliability-node';
import { formatPercent } from '@preflight/plugin-reliability-common';
import {
  numberParam,
  outcome,
  SERVICE_KINDS,
  sourceFact,
  tierSuffix,
  untrustedSources,
} from './checkSupport';
import { onCallProblem } from './onCallGuard';

const RELIABILITY_DOCS = 'https://sre.google/workbook/on-call/';

/** Report facts known to be present and trustworthy. */
type TrustedReports = ReportFacts & { freshness: FactFreshness };

/** `1 page`, `3 pages`. */
function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Shares as the report shows them, e.g. `12.5%`. */
const share = (fraction: number) => formatPercent(fraction, 1);

/** Ratios such as pages per shift, e.g. `1.5`, `2`. */
const ratio = (value: number) =>
  value.toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * The outcome for an entity whose report figures cannot be judged: the
 * on-call link is broken (as every on-call check), or there is no report
 * data, or the report sync never ran or lags the period. Otherwise the
 * trusted figures.
 */
function reportFigures(
  facts: EntityReadinessFacts,
  what: string,
): { problem: CheckOutcome } | { reports: TrustedReports } {
  const problem = onCallProblem(facts, what);
  if (problem) {
    return { problem };
  }
  const reports = facts.reports;
  if (!reports) {
    return {
      problem: outcome(
        'error',
        `There is no report data for PagerDuty service ${
          facts.onCall.serviceId ?? 'of this entity'
        } yet, so ${what} cannot be judged`,
      ),
    };
  }
  const untrusted = untrustedSources(
    reports.freshness ? [reports.freshness] : [],
    'Report figures',
  );
  if (untrusted || !reports.freshness) {
    return {
      problem:
        untrusted ??
        outcome(
          'error',
          `Report figures are not known yet, so ${what} cannot be judged`,
        ),
    };
  }
  return { reports: reports as TrustedReports };
}

function within(reports: ReportFacts): string {
  return `in the last ${reports.windowDays} days`;
}

/** Change failure rate over the report window under a limit. */
export const changeFailureRateUnderCheck: ScorecardCheck = {
  id: 'change-failure-rate-under',
  defaults: {
    title: 'Few changes fail',
    category: 'incidents',
    description:
      'The share of changes (PagerDuty change events) followed within an hour by a high-urgency incident on the same service, over the last 28 days, is under the limit for the tier. Services that send no change events cannot be judged.',
    fix: {
      text: 'Send deploys as PagerDuty change events, and review the failed ones: canaries, feature flags and automated rollbacks keep a bad change from paging.',
      url: 'https://dora.dev/guides/dora-metrics-four-keys/',
    },
    appliesTo: { kinds: SERVICE_KINDS },
    params: { maxChangeFailurePercent: 30 },
    paramsByTier: { 'tier-1': { maxChangeFailurePercent: 15 } },
  },
  evaluate({ facts, params }) {
    const figures = reportFigures(facts, 'the change failure rate');
    if ('problem' in figures) {
      return figures.problem;
    }
    const { reports } = figures;
    const { changeFailure, freshness } = reports;
    const maxPercent = numberParam(params, 'maxChangeFailurePercent');
    const limit = `${share(maxPercent / 100)}${tierSuffix(facts)}`;
    const used: CheckFactValue[] = [
      sourceFact(
        `Changes ${within(reports)}`,
        changeFailure.changes,
        freshness,
      ),
      sourceFact('Failed changes', changeFailure.failedChanges, freshness),
      sourceFact(
        'Change failure rate',
        changeFailure.rate === null ? null : share(changeFailure.rate),
        freshness,
      ),
      sourceFact('Limit', limit, freshness),
    ];
    if (
      changeFailure.status === 'no-change-data' ||
      changeFailure.rate === null
    ) {
      // No deploys reported is not a perfect record: it cannot be judged.
      return outcome(
        'error',
        `No change data: PagerDuty service ${
          facts.onCall.serviceId ?? 'of this entity'
        } received no change events ${within(
          reports,
        )}, so the change failure rate cannot be judged`,
        used,
      );
    }
    const message = `The change failure rate ${within(reports)} is ${share(
      changeFailure.rate,
    )} (${changeFailure.failedChanges} of ${count(
      changeFailure.changes,
      'change',
    )} failed); the limit is ${limit}`;
    // Compared in whole counts: 3 of 20 is exactly 15 %, which 0.15 * 100 is not.
    return outcome(
      changeFailure.failedChanges * 100 <= maxPercent * changeFailure.changes
        ? 'pass'
        : 'fail',
      message,
      used,
    );
  },
};

/** The rotation's pages per on-call shift under a limit. */
export const pagesPerShiftUnderCheck: ScorecardCheck = {
  id: 'pages-per-shift-under',
  defaults: {
    title: 'On-call shifts are sustainable',
    category: 'on-call',
    description:
      "Pages per on-call shift of the service's rotation (level 1 of its escalation policy), over the last 28 days, are under the limit for the tier.",
    fix: {
      text: 'Fix or remove the alerts that page most often, lower the urgency of those that can wait, or split the rotation.',
      url: RELIABILITY_DOCS,
    },
    appliesTo: { kinds: SERVICE_KINDS },
    params: { maxPagesPerShift: 3 },
    paramsByTier: { 'tier-1': { maxPagesPerShift: 2 } },
  },
  evaluate({ facts, params }) {
    const figures = reportFigures(facts, 'pages per shift');
    if ('problem' in figures) {
      return figures.problem;
    }
    const { reports } = figures;
    const { onCall, freshness } = reports;
    const max = numberParam(params, 'maxPagesPerShift');
    const limit = `${ratio(max)}${tierSuffix(facts)}`;
    if (!onCall || onCall.pagesPerShift === null) {
      return outcome(
        'error',
        `No on-call shifts of the service's rotation are known ${within(
          reports,
        )}, so pages per shift cannot be judged`,
        [sourceFact('Shifts', onCall?.shifts ?? null, freshness)],
      );
    }
    const used = [
      sourceFact(`Pages ${within(reports)}`, onCall.pages, freshness),
      sourceFact('Shifts', ratio(onCall.shifts), freshness),
      sourceFact('Pages per shift', ratio(onCall.pagesPerShift), freshness),
      sourceFact('Limit', limit, freshness),
    ];
    return outcome(
      onCall.pagesPerShift <= max ? 'pass' : 'fail',
      `Rotation ${onCall.rotationId} had ${ratio(
        onCall.pagesPerShift,
      )} pages per shift ${within(reports)} (${count(
        onCall.pages,
        'page',
      )} over ${ratio(onCall.shifts)} ${
        onCall.shifts === 1 ? 'shift' : 'shifts'
      }); the limit is ${limit}`,
      used,
    );
  },
};

/** The rotation's pages outside business hours under a limit. */
export const offHoursPagesUnderCheck: ScorecardCheck = {
  id: 'off-hours-pages-under',
  defaults: {
    title: 'Few pages outside business hours',
    category: 'on-call',
    description:
      "Pages outside business hours of the service's rotation (level 1 of its escalation policy), over the last 28 days, are under the limit for the tier.",
    fix: {
      text: 'Find the alerts that fire at night and fix their cause, or make them low urgency so they wait for the morning.',
      url: RELIABILITY_DOCS,
    },
    appliesTo: { kinds: SERVICE_KINDS },
    params: { maxOffHoursPages: 10 },
    paramsByTier: { 'tier-1': { maxOffHoursPages: 5 } },
  },
  evaluate({ facts, params }) {
    const figures = reportFigures(facts, 'pages outside business hours');
    if ('problem' in figures) {
      return figures.problem;
    }
    const { reports } = figures;
    const { onCall, freshness } = reports;
    const max = numberParam(params, 'maxOffHoursPages');
    const limit = `${max}${tierSuffix(facts)}`;
    if (!onCall) {
      return outcome(
        'error',
        `No on-call data of the service's rotation is known ${within(
          reports,
        )}, so pages outside business hours cannot be judged`,
        [sourceFact('Rotation', null, freshness)],
      );
    }
    return outcome(
      onCall.offHoursPages <= max ? 'pass' : 'fail',
      `Rotation ${onCall.rotationId} had ${count(
        onCall.offHoursPages,
        'page',
      )} outside business hours ${within(reports)}; the limit is ${limit}`,
      [
        sourceFact(
          `Pages outside business hours ${within(reports)}`,
          onCall.offHoursPages,
          freshness,
        ),
        sourceFact('Limit', limit, freshness),
      ],
    );
  },
};

/** The share of noise among the service's incidents under a limit. */
export const alertNoiseUnderCheck: ScorecardCheck = {
  id: 'alert-noise-under',
  defaults: {
    title: 'Alerts are actionable',
    category: 'incidents',
    description:
      'The share of incidents over the last 28 days that were noise (auto-resolved, or resolved within 5 minutes without acknowledgement) is under the limit for the tier.',
    fix: {
      text: 'Tune or delete the alerts that resolve by themselves: raise thresholds, add a duration, or page only on symptoms users feel.',
      url: RELIABILITY_DOCS,
    },
    appliesTo: { kinds: SERVICE_KINDS },
    params: { maxNoisePercent: 30 },
    paramsByTier: { 'tier-1': { maxNoisePercent: 20 } },
  },
  evaluate({ facts, params }) {
    const figures = reportFigures(facts, 'alert noise');
    if ('problem' in figures) {
      return figures.problem;
    }
    const { reports } = figures;
    const { alerts, freshness } = reports;
    const maxPercent = numberParam(params, 'maxNoisePercent');
    const limit = `${share(maxPercent / 100)}${tierSuffix(facts)}`;
    if (alerts.total === 0) {
      return outcome('pass', `No incidents ${within(reports)}, so no noise`, [
        sourceFact(`Incidents ${within(reports)}`, 0, freshness),
      ]);
    }
    const noiseShare = alerts.noise / alerts.total;
    return outcome(
      alerts.noise * 100 <= maxPercent * alerts.total ? 'pass' : 'fail',
      `${share(noiseShare)} of incidents ${within(reports)} were noise (${
        alerts.noise
      } of ${alerts.total}); the limit is ${limit}`,
      [
        sourceFact(`Incidents ${within(reports)}`, alerts.total, freshness),
        sourceFact('Noise incidents', alerts.noise, freshness),
        sourceFact('Noise share', share(noiseShare), freshness),
        sourceFact('Limit', limit, freshness),
      ],
    );
  },
};

/** Checks judging the report figures. */
export const reportChecks = [
  changeFailureRateUnderCheck,
  pagesPerShiftUnderCheck,
  offHoursPagesUnderCheck,
  alertNoiseUnderCheck,
];
