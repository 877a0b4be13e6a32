import type {
  MetricDelta,
  ReportDeltas,
  ReportMovers,
  ReportServiceRef,
} from '@preflight/plugin-reliability-common';
import { formatDuration } from './formatDuration';
import { formatPercent, NO_DATA } from './formatPercent';

/**
 * What a report figure measures, which decides how it is written:
 * `count` whole numbers, `seconds` durations, `ratio` fractions shown as
 * percentages (changes in percentage points), `attainment` the same with
 * two decimals (99.95 % and 99.9 % differ by half the budget), `rate`
 * decimals.
 */
export type ReportUnit = 'count' | 'seconds' | 'ratio' | 'attainment' | 'rate';

/** One headline figure of a report. */
export interface ReportHeadline {
  key: keyof ReportDeltas;
  label: string;
  unit: ReportUnit;
  /** What a missing figure means, "no data" unless said otherwise. */
  missing?: string;
  /** What the figure means, for a tooltip. */
  help: string;
}

/** The headline figures in the order a review reads them. */
export const REPORT_HEADLINES: ReadonlyArray<ReportHeadline> = [
  {
    key: 'incidents',
    label: 'Incidents',
    unit: 'count',
    help: 'Incidents created in the period, all urgencies.',
  },
  {
    key: 'highUrgency',
    label: 'High-urgency incidents',
    unit: 'count',
    help: 'Incidents created in the period at high urgency.',
  },
  {
    key: 'mttaMeanSeconds',
    label: 'MTTA (mean)',
    unit: 'seconds',
    help: 'Mean time to first acknowledgement, over acknowledged incidents.',
  },
  {
    key: 'mttrMeanSeconds',
    label: 'MTTR (mean)',
    unit: 'seconds',
    help: 'Mean time to resolve, over resolved incidents.',
  },
  {
    key: 'mttrP90Seconds',
    label: 'MTTR (p90)',
    unit: 'seconds',
    help: '90th percentile of the time to resolve.',
  },
  {
    key: 'openAtPeriodEnd',
    label: 'Open at period end',
    unit: 'count',
    help: 'Incidents, whenever created, still open when the period ended.',
  },
  {
    key: 'changeFailureRate',
    label: 'Change failure rate',
    unit: 'ratio',
    missing: 'no change data',
    help: 'Changes followed by a high-urgency incident on the same service within the window, over all changes of services with change data.',
  },
  {
    key: 'actionableShare',
    label: 'Actionable incidents',
    unit: 'ratio',
    help: 'Share of incidents that were not noise (noise: never acknowledged and resolved within minutes, or resolved automatically).',
  },
  {
    key: 'pages',
    label: 'Pages',
    unit: 'count',
    help: 'High-urgency incidents while somebody held a level-1 shift.',
  },
  {
    key: 'offHoursPages',
    label: 'Off-hours pages',
    unit: 'count',
    help: 'Pages outside the business hours of at least one person paged.',
  },
  {
    key: 'sleepHoursPages',
    label: 'Sleep-hours pages',
    unit: 'count',
    help: 'Pages during the sleep hours of at least one person paged.',
  },
  {
    key: 'pagesPerShift',
    label: 'Pages per shift',
    unit: 'rate',
    help: 'Pages divided by the on-call shifts of the period.',
  },
];

/** The measures services are ranked by movement on, in the order shown. */
export const MOVER_MEASURES: ReadonlyArray<{
  key: keyof ReportMovers;
  label: string;
  unit: ReportUnit;
}> = [
  { key: 'incidents', label: 'Incidents', unit: 'count' },
  { key: 'mttrMeanSeconds', label: 'MTTR (mean)', unit: 'seconds' },
  { key: 'noise', label: 'Noise', unit: 'count' },
];

const rateFormat = new Intl.NumberFormat('en-US', {
  maximumFractionDigits: 2,
});

/** A report figure in its unit, or `missing` ("no data") when there is none. */
export function formatReportValue(
  value: number | null | undefined,
  unit: ReportUnit,
  missing: string = NO_DATA,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return missing;
  }
  switch (unit) {
    case 'count':
      return String(Math.round(value));
    case 'seconds':
      return formatDuration(value);
    case 'ratio':
      return formatPercent(value, 1);
    case 'attainment':
      return formatPercent(value, 2);
    default:
      return rateFormat.format(value);
  }
}

/** A change with its sign: `+3`, `−18m`, `+2.5 pp`, `+0.75`. */
function formatSignedChange(change: number, unit: ReportUnit): string {
  const sign = change > 0 ? '+' : '−';
  const size = Math.abs(change);
  switch (unit) {
    case 'count':
      return `${sign}${Math.round(size)}`;
    case 'seconds':
      return `${sign}${formatDuration(size)}`;
    case 'ratio':
      // A rate's change is in percentage points; "+50%" of 5% misleads.
      return `${sign}${formatPercent(size, 1).replace('%', ' pp')}`;
    case 'attainment':
      return `${sign}${formatPercent(size, 2).replace('%', ' pp')}`;
    default:
      return `${sign}${rateFormat.format(size)}`;
  }
}

/** How a judged change reads in words. */
export function directionLabel(direction: MetricDelta['direction']): string {
  switch (direction) {
    case 'improved':
      return 'better';
    case 'worsened':
      return 'worse';
    case 'unchanged':
      return 'no change';
    default:
      return 'not comparable';
  }
}

/**
 * The change of a figure since the previous period in words, judged:
 * `+3 (+33.3%), worse`, `−18m (−20%), better`, `no change`, or
 * `no previous figure` when one side is missing.
 */
export function formatDeltaChange(
  delta: MetricDelta,
  unit: ReportUnit,
): string {
  if (delta.change === null || delta.direction === null) {
    return delta.previous === null && delta.current !== null
      ? 'no previous figure'
      : 'not comparable';
  }
  if (delta.change === 0 || delta.direction === 'unchanged') {
    return 'no change';
  }
  const relative =
    unit !== 'ratio' && unit !== 'attainment' && delta.relativeChange !== null
      ? ` (${delta.relativeChange > 0 ? '+' : '−'}${formatPercent(
          Math.abs(delta.relativeChange),
          1,
        )})`
      : '';
  return `${formatSignedChange(
    delta.change,
    unit,
  )}${relative}, ${directionLabel(delta.direction)}`;
}

/**
 * An arrow for the way a figure moved, so the change reads without its
 * colour: up, down, or level.
 */
export function deltaArrow(delta: MetricDelta): string {
  if (delta.change === null || delta.direction === null) {
    return '';
  }
  if (delta.change > 0) {
    return '▲';
  }
  return delta.change < 0 ? '▼' : '▬';
}

/**
 * Finds the catalog entity behind a provider's service id; `undefined`
 * when the report has none (the service is then shown by its id).
 */
export function serviceRefIndex(
  services: ReadonlyArray<ReportServiceRef>,
): (serviceId: string) => ReportServiceRef | undefined {
  const byId = new Map(services.map(service => [service.serviceId, service]));
  return serviceId => byId.get(serviceId);
}
