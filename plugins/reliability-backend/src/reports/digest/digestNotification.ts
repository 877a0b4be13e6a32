import { parseEntityRef } from '@backstage/catalog-model';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  boundUserValue,
  type MetricDelta,
  type ReliabilityReportResponse,
} from '@preflight/plugin-reliability-common';

/** The topic every monthly report digest carries (the bell can filter on it). */
export const REPORT_DIGEST_TOPIC = 'reliability-report-digest';

const TITLE_MAX = 160;
const DESCRIPTION_MAX = 600;

/** The group page's reliability report tab. */
export function reportTabLink(groupRef: string): string {
  const { kind, namespace, name } = parseEntityRef(groupRef);
  // The catalog's entity route lower-cases kind and namespace.
  return `/catalog/${encodeURIComponent(
    namespace.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}/reliability-report`;
}

function minutes(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** ` (+3 vs previous month)`, or nothing when there is no comparison. */
function change(delta: MetricDelta, format: (value: number) => string) {
  if (delta.change === null || delta.previous === null) return '';
  if (delta.change === 0) return ' (unchanged)';
  const sign = delta.change > 0 ? '+' : '−';
  return ` (${sign}${format(Math.abs(delta.change))})`;
}

function figure(
  label: string,
  delta: MetricDelta,
  format: (value: number) => string,
): string | undefined {
  if (delta.current === null) return undefined;
  return `${label} ${format(delta.current)}${change(delta, format)}`;
}

const count = (value: number) => String(Math.round(value));
const percent = (value: number) => `${Math.round(value * 100)} %`;
const percentPoints = (value: number) => `${Math.round(value * 100)} pp`;

/**
 * The monthly digest of one team: its report of the month, with the headline
 * figures and how each moved since the month before, linking to the
 * team's report tab. Scoped per team and month: a repeated send replaces
 * the earlier one instead of adding another.
 */
export function digestNotification(
  report: ReliabilityReportResponse,
): NotificationSendOptions {
  const groupRef = report.scope.ref;
  if (!groupRef || report.scope.kind !== 'group') {
    throw new Error('A digest is of a group report');
  }
  const month = report.period.startDate.slice(0, 7);
  const team = boundUserValue(report.scope.title, 80);
  const d = report.deltas;
  const figures = [
    figure('Incidents', d.incidents, count),
    figure('high urgency', d.highUrgency, count),
    figure('MTTA', d.mttaMeanSeconds, minutes),
    figure('MTTR', d.mttrMeanSeconds, minutes),
    d.changeFailureRate.current === null
      ? undefined
      : `change failure rate ${percent(d.changeFailureRate.current)}${change(
          d.changeFailureRate,
          percentPoints,
        )}`,
    figure('pages', d.pages, count),
    figure('off-hours pages', d.offHoursPages, count),
  ].filter((text): text is string => text !== undefined);
  const services = `${report.scope.serviceCount} service${
    report.scope.serviceCount === 1 ? '' : 's'
  }`;
  return {
    recipients: { type: 'entity', entityRef: groupRef },
    payload: {
      title: boundUserValue(
        `Reliability report of ${team} for ${month}`,
        TITLE_MAX,
      ),
      description: boundUserValue(
        `${month}, ${services}, changes vs the month before: ${figures.join(
          ', ',
        )}.`,
        DESCRIPTION_MAX,
      ),
      link: reportTabLink(groupRef),
      severity: 'low',
      topic: REPORT_DIGEST_TOPIC,
      scope: `${REPORT_DIGEST_TOPIC}:${groupRef}:${month}`,
    },
  };
}
