import type {
  MetricDelta,
  ReliabilityReportResponse,
} from '@preflight/plugin-reliability-common';
import { CsvCell, toCsv } from './toCsv';
import {
  directionLabel,
  MOVER_MEASURES,
  REPORT_HEADLINES,
  ReportUnit,
  serviceRefIndex,
} from './reportFigures';
import { personLabel, reportNames, rotationLabel } from './reportText';
import { REPORT_SLO_HEADLINES } from './reportSloFigures';

/** Columns of the CSV export, one figure a row. */
const COLUMNS = [
  'Section',
  'Measure',
  'Subject',
  'Entity',
  'Unit',
  'Value',
  'Previous',
  'Change',
  'Judgement',
  'Note',
];

type Row = {
  section: string;
  measure: string;
  subject: string;
  entity?: string;
  unit: ReportUnit;
  value: number | null;
  previous?: number | null;
  change?: number | null;
  judgement?: string;
  note?: string;
};

/**
 * Floating-point sums such as 0.075 − 0.05 = 0.024999999999999994 would
 * land in the reader's spreadsheet as is; six decimals are more than any
 * figure here means.
 */
function figure(value: number | null | undefined): CsvCell {
  return value === null || value === undefined
    ? null
    : Number(value.toFixed(6));
}

function fromDelta(delta: MetricDelta) {
  return {
    value: delta.current,
    previous: delta.previous,
    change: delta.change,
    judgement: delta.direction ? directionLabel(delta.direction) : undefined,
  };
}

function rows(report: ReliabilityReportResponse): Row[] {
  const names = reportNames(report);
  const serviceRef = serviceRefIndex(report.services);
  const refOf = (serviceId: string) => serviceRef(serviceId)?.entityRef;
  const scope = { subject: report.scope.title, entity: report.scope.ref ?? '' };
  const out: Row[] = [];

  for (const h of REPORT_HEADLINES) {
    const delta = report.deltas[h.key];
    out.push({
      section: 'Headline',
      measure: h.label,
      ...scope,
      unit: h.unit,
      ...fromDelta(delta),
      note: delta.current === null && h.missing ? h.missing : undefined,
    });
  }

  const { incidents, previousIncidents } = report;
  out.push(
    {
      section: 'Incidents',
      measure: 'Low-urgency incidents',
      ...scope,
      unit: 'count',
      value: incidents.byUrgency.low,
      previous: previousIncidents.byUrgency.low,
    },
    {
      section: 'Incidents',
      measure: 'MTTA (p90)',
      ...scope,
      unit: 'seconds',
      value: incidents.mtta.p90Seconds,
      previous: previousIncidents.mtta.p90Seconds,
    },
    {
      section: 'Incidents',
      measure: 'Unacknowledged',
      ...scope,
      unit: 'count',
      value: incidents.unacknowledged,
    },
    {
      section: 'Incidents',
      measure: 'Unresolved',
      ...scope,
      unit: 'count',
      value: incidents.unresolved,
    },
  );
  if (incidents.longest) {
    out.push({
      section: 'Incidents',
      measure: 'Longest incident',
      subject: names.service(incidents.longest.serviceId),
      entity: refOf(incidents.longest.serviceId),
      unit: 'seconds',
      value: incidents.longest.durationSeconds,
      note: `incident ${incidents.longest.incidentId}`,
    });
  }

  for (const headline of REPORT_SLO_HEADLINES) {
    out.push({
      section: 'SLOs',
      measure: headline.label,
      ...scope,
      unit: headline.unit,
      ...fromDelta(report.slos.deltas[headline.key]),
      note:
        report.slos.deltas[headline.key].current === null
          ? headline.missing
          : undefined,
    });
  }
  for (const point of report.slos.trend) {
    const base = { section: 'SLO trend', subject: point.month, entity: '' };
    if (point.slos === 0) {
      out.push({
        ...base,
        measure: 'SLOs with data',
        unit: 'count',
        value: 0,
        note: 'no SLO data',
      });
      continue;
    }
    out.push(
      { ...base, measure: 'SLOs with data', unit: 'count', value: point.slos },
      {
        ...base,
        measure: 'SLOs meeting objective',
        unit: 'count',
        value: point.meetingObjective,
      },
      {
        ...base,
        measure: 'Mean attainment',
        unit: 'attainment',
        value: point.meanAttainment,
      },
      {
        ...base,
        measure: 'Lowest attainment',
        unit: 'attainment',
        value: point.minAttainment,
      },
      {
        ...base,
        measure: 'Mean budget consumed',
        unit: 'ratio',
        value: point.meanBudgetConsumed,
      },
      {
        ...base,
        measure: 'Page alert time',
        unit: 'seconds',
        value: point.pageAlertSeconds,
      },
    );
  }
  for (const slo of report.slos.slos) {
    const subject = `${names.entity(slo.entityRef)}: ${slo.sloName}`;
    const base = { section: 'SLOs', subject, entity: slo.entityRef };
    out.push(
      { ...base, measure: 'Objective', unit: 'ratio', value: slo.objective },
      { ...base, measure: 'Attainment', unit: 'ratio', value: slo.attainment },
      { ...base, measure: 'Budget left', unit: 'ratio', value: slo.budgetLeft },
      {
        ...base,
        measure: 'Budget consumed',
        unit: 'ratio',
        value: slo.budgetConsumed,
      },
      {
        ...base,
        measure: 'Page alert time',
        unit: 'seconds',
        value: slo.pageAlertSeconds,
      },
    );
  }

  for (const service of report.changeFailure.services) {
    const base = {
      section: 'Change failure',
      subject: names.service(service.serviceId),
      entity: refOf(service.serviceId),
    };
    const noData = service.status === 'no-change-data';
    out.push(
      { ...base, measure: 'Changes', unit: 'count', value: service.changes },
      {
        ...base,
        measure: 'Failed changes',
        unit: 'count',
        value: service.failedChanges,
      },
      {
        ...base,
        measure: 'Change failure rate',
        unit: 'ratio',
        value: noData ? null : service.rate,
        note: noData ? 'no change data' : undefined,
      },
    );
  }

  // The report lists the worst services and the most paged rotations only:
  // say how many it leaves out rather than pass the list off as complete.
  const unlistedServices =
    report.changeFailure.serviceCount - report.changeFailure.services.length;
  if (unlistedServices > 0) {
    out.push({
      section: 'Change failure',
      measure: 'Services not listed',
      ...scope,
      unit: 'count',
      value: unlistedServices,
      note: 'the report lists those with the most failed changes',
    });
  }
  const unlistedRotations = report.scope.rotationCount - report.onCall.length;
  if (unlistedRotations > 0) {
    out.push({
      section: 'On-call',
      measure: 'Rotations not listed',
      ...scope,
      unit: 'count',
      value: unlistedRotations,
      note: 'the report lists the most paged ones',
    });
  }

  for (const rotation of report.onCall) {
    const base = { section: 'On-call', subject: rotationLabel(rotation) };
    out.push(
      { ...base, measure: 'Shifts', unit: 'rate', value: rotation.shifts },
      { ...base, measure: 'Pages', unit: 'count', value: rotation.pages },
      {
        ...base,
        measure: 'Pages per shift',
        unit: 'rate',
        value: rotation.pagesPerShift,
      },
      {
        ...base,
        measure: 'Pages per person per week',
        unit: 'rate',
        value: rotation.pagesPerPersonPerWeek,
      },
      {
        ...base,
        measure: 'Off-hours pages',
        unit: 'count',
        value: rotation.offHoursPages,
      },
      {
        ...base,
        measure: 'Sleep-hours pages',
        unit: 'count',
        value: rotation.sleepHoursPages,
      },
      {
        ...base,
        measure: 'Fairness (Gini)',
        unit: 'rate',
        value: rotation.fairness.gini,
        note: rotation.fairness.reason ?? undefined,
      },
    );
    for (const person of rotation.people) {
      const who = {
        section: 'On-call',
        subject: personLabel(person.personId, person.personName),
        note: `rotation ${rotationLabel(rotation)}`,
      };
      out.push(
        { ...who, measure: 'Pages', unit: 'count', value: person.pages },
        {
          ...who,
          measure: 'Pages per week',
          unit: 'rate',
          value: person.pagesPerWeek,
        },
        {
          ...who,
          measure: 'Off-hours pages',
          unit: 'count',
          value: person.offHoursPages,
        },
        {
          ...who,
          measure: 'Sleep-hours pages',
          unit: 'count',
          value: person.sleepHoursPages,
        },
      );
    }
  }

  for (const service of report.alertQuality.noisiestServices) {
    out.push({
      section: 'Alert quality',
      measure: 'Noise share',
      subject: names.service(service.serviceId),
      entity: refOf(service.serviceId),
      unit: 'ratio',
      value: service.noiseShare,
      note: `${service.noise} of ${service.total} incidents`,
    });
  }

  for (const measure of MOVER_MEASURES) {
    for (const movement of report.movers[measure.key]) {
      out.push({
        section: 'Movers',
        measure: measure.label,
        subject: names.service(movement.serviceId),
        entity: refOf(movement.serviceId),
        unit: measure.unit,
        ...fromDelta(movement.delta),
      });
    }
  }
  return out;
}

/**
 * A reliability report as CSV, one figure a row (section, measure, what
 * it is about, unit, value, previous value, change, judgement), so a
 * spreadsheet can pivot it. Values are raw: counts, seconds, fractions
 * 0..1; a missing figure is an empty cell with the reason in the note
 * ("no change data"), never 0.
 * @public
 */
export function reliabilityReportCsv(
  report: ReliabilityReportResponse,
): string {
  return toCsv([
    COLUMNS,
    ...rows(report).map(row => [
      row.section,
      row.measure,
      row.subject,
      row.entity ?? '',
      // Attainment is a fraction like any ratio; only the page shows it
      // with more decimals.
      row.unit === 'attainment' ? 'ratio' : row.unit,
      figure(row.value),
      figure(row.previous),
      figure(row.change),
      row.judgement ?? '',
      row.note ?? '',
    ]),
  ]);
}
