import type {
  MetricDelta,
  ReliabilityReportResponse,
} from '@preflight/plugin-reliability-common';
import { formatDateTime } from './formatDateTime';
import { formatBudgetRemaining, formatPercent } from './formatPercent';
import {
  formatDeltaChange,
  formatReportValue,
  MOVER_MEASURES,
  REPORT_HEADLINES,
  ReportUnit,
} from './reportFigures';
import { formatReportPeriod, periodLastDay } from './reportPeriod';
import { REPORT_SLO_HEADLINES } from './reportSloFigures';
import {
  formatDurationMeasure,
  formatFairness,
  personLabel,
  reportNames,
  rotationLabel,
  unlistedNote,
} from './reportText';

/**
 * Text from the catalog (titles, ids) in a table cell: a `|` would split
 * the cell and a line break would end the table.
 */
function cell(text: string | number): string {
  return String(text)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

function table(
  columns: string[],
  align: Array<'left' | 'right'>,
  rows: Array<Array<string | number>>,
): string[] {
  return [
    `| ${columns.map(cell).join(' | ')} |`,
    `| ${align.map(a => (a === 'right' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map(row => `| ${row.map(cell).join(' | ')} |`),
  ];
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function deltaRow(
  label: string,
  delta: MetricDelta,
  unit: ReportUnit,
  missing?: string,
): string[] {
  return [
    label,
    formatReportValue(delta.current, unit, missing),
    formatReportValue(delta.previous, unit, missing),
    formatDeltaChange(delta, unit),
  ];
}

function header(report: ReliabilityReportResponse): string[] {
  const { scope, period, previousPeriod } = report;
  const lines = [
    `# Reliability report: ${scope.title}, ${formatReportPeriod(period)}`,
    '',
    `- Period: ${period.startDate} to ${periodLastDay(period)} (${
      period.timeZone
    }), compared with ${previousPeriod.startDate} to ${periodLastDay(
      previousPeriod,
    )}`,
    `- Scope: ${plural(scope.entityCount, 'entity', 'entities')}, ${
      scope.serviceCount
    } with on-call data${
      scope.kind === 'group' && scope.includesSubgroups
        ? ', sub-teams included'
        : ''
    }`,
    `- Data as of: ${
      report.dataAsOf
        ? formatDateTime(report.dataAsOf, { timeZone: 'UTC', locale: 'en-US' })
        : 'not synced yet'
    }; history starts on ${report.historyStartsOn ?? 'no day yet'}`,
  ];
  for (const warning of report.warnings) {
    lines.push('', `> **Warning:** ${warning.replace(/[\r\n]+/g, ' ')}`);
  }
  return lines;
}

function headline(report: ReliabilityReportResponse): string[] {
  return [
    '## Headline',
    '',
    ...table(
      [
        'Measure',
        formatReportPeriod(report.period),
        formatReportPeriod(report.previousPeriod),
        'Change',
      ],
      ['left', 'right', 'right', 'left'],
      REPORT_HEADLINES.map(h =>
        deltaRow(h.label, report.deltas[h.key], h.unit, h.missing),
      ),
    ),
  ];
}

function slos(report: ReliabilityReportResponse): string[] {
  const { slos: summary } = report;
  const names = reportNames(report);
  const history = summary.historyStartsOn
    ? ` SLO history starts on ${summary.historyStartsOn}; days before it have no SLO data.`
    : '';
  const demo = summary.demoData
    ? ['', '_Demo data: generated from the demo scenario, not measured._']
    : [];
  if (summary.total === 0) {
    return ['## SLOs', '', `No SLO data for this period.${history}`, ...demo];
  }
  const trend = summary.trend.filter(point => point.slos > 0);
  return [
    '## SLOs',
    '',
    `${plural(summary.total, 'SLO', 'SLOs')}, ${
      summary.meetingObjective
    } meeting the objective at period end, ${
      summary.budgetExhausted
    } with no error budget left; page-level alerts fired for ${formatReportValue(
      summary.pageAlertSeconds,
      'seconds',
    )}.${history}`,
    ...demo,
    '',
    ...table(
      [
        'Figure',
        formatReportPeriod(report.period),
        formatReportPeriod(report.previousPeriod),
        'Change',
      ],
      ['left', 'right', 'right', 'left'],
      REPORT_SLO_HEADLINES.map(h =>
        deltaRow(h.label, summary.deltas[h.key], h.unit, h.missing),
      ),
    ),
    '',
    ...table(
      [
        'Entity',
        'SLO',
        'Objective',
        'Attainment',
        'Budget left',
        'Budget consumed',
        'Page alert',
        'Days with data',
      ],
      ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
      summary.slos.map(slo => [
        names.entity(slo.entityRef),
        slo.sloName,
        formatPercent(slo.objective),
        formatPercent(slo.attainment),
        formatBudgetRemaining(slo.budgetLeft),
        formatPercent(slo.budgetConsumed, 1),
        formatReportValue(slo.pageAlertSeconds, 'seconds'),
        String(slo.daysWithData),
      ]),
    ),
    ...(summary.total > summary.slos.length
      ? [
          '',
          `Listed: the ${summary.slos.length} SLOs with the least budget left of ${summary.total}.`,
        ]
      : []),
    ...(trend.length > 0
      ? [
          '',
          '### SLOs by month',
          '',
          ...(trend.length < summary.trend.length
            ? [
                `${plural(
                  summary.trend.length - trend.length,
                  'month',
                  'months',
                )} of the last ${
                  summary.trend.length
                } have no SLO data and are left out.`,
                '',
              ]
            : []),
          ...table(
            [
              'Month',
              'SLOs',
              'Meeting objective',
              'Mean attainment',
              'Lowest attainment',
              'Mean budget consumed',
              'Page alert',
            ],
            ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
            trend.map(point => [
              point.month,
              String(point.slos),
              String(point.meetingObjective),
              formatReportValue(point.meanAttainment, 'attainment'),
              formatReportValue(point.minAttainment, 'attainment'),
              formatReportValue(point.meanBudgetConsumed, 'ratio'),
              formatReportValue(point.pageAlertSeconds, 'seconds'),
            ]),
          ),
        ]
      : []),
  ];
}

function incidents(report: ReliabilityReportResponse): string[] {
  const { incidents: measures } = report;
  const names = reportNames(report);
  const { longest } = measures;
  return [
    '## Incidents',
    '',
    ...table(
      ['Measure', 'Value'],
      ['left', 'left'],
      [
        [
          'Incidents',
          `${measures.total} (${measures.byUrgency.high} high, ${measures.byUrgency.low} low urgency)`,
        ],
        [
          'MTTA',
          `${formatDurationMeasure(measures.mtta)} (${
            measures.mtta.count
          } acknowledged, ${measures.unacknowledged} not)`,
        ],
        [
          'MTTR',
          `${formatDurationMeasure(measures.mttr)} (${
            measures.mttr.count
          } resolved, ${measures.unresolved} not)`,
        ],
        ['Open at period end', measures.openAtPeriodEnd],
        [
          'Longest',
          longest
            ? `${formatReportValue(
                longest.durationSeconds,
                'seconds',
              )}, ${names.service(longest.serviceId)} (${longest.incidentId})`
            : 'none resolved',
        ],
      ],
    ),
  ];
}

function changeFailure(report: ReliabilityReportResponse): string[] {
  const { changeFailure: measure } = report;
  const names = reportNames(report);
  const { overall } = measure;
  const unlisted = unlistedNote(measure.services.length, measure.serviceCount, {
    one: 'service',
    many: 'services',
  });
  const summary =
    overall.status === 'no-change-data'
      ? 'No change data: no service in scope recorded a change event.'
      : `${formatReportValue(overall.rate, 'ratio')} (${
          overall.failedChanges
        } failed of ${plural(
          overall.changes,
          'change',
          'changes',
        )}; a high-urgency incident within ${
          measure.windowMinutes
        } minutes of a change counts against it).`;
  return [
    '## Change failure rate',
    '',
    summary,
    ...(measure.services.length > 0
      ? [
          '',
          ...table(
            ['Service', 'Changes', 'Failed', 'Rate'],
            ['left', 'right', 'right', 'right'],
            measure.services.map(service => [
              names.service(service.serviceId),
              service.changes,
              service.failedChanges,
              service.status === 'no-change-data'
                ? 'no change data'
                : formatReportValue(service.rate, 'ratio'),
            ]),
          ),
        ]
      : []),
    ...(unlisted ? ['', `Most failed changes first; ${unlisted}.`] : []),
  ];
}

function onCall(report: ReliabilityReportResponse): string[] {
  const lines = ['## On-call load'];
  if (report.onCall.length === 0) {
    return [...lines, '', 'No on-call rotations in scope.'];
  }
  for (const rotation of report.onCall) {
    lines.push(
      '',
      `### Rotation ${rotationLabel(rotation)}`,
      '',
      `${formatReportValue(rotation.shifts, 'rate')} shifts, ${plural(
        rotation.pages,
        'page',
        'pages',
      )} (${formatReportValue(
        rotation.pagesPerShift,
        'rate',
      )} per shift, ${formatReportValue(
        rotation.pagesPerPersonPerWeek,
        'rate',
      )} per person per week), ${rotation.offHoursPages} off hours, ${
        rotation.sleepHoursPages
      } in sleep hours; fairness (Gini, 0 = even): ${formatFairness(
        rotation.fairness,
      )}.`,
    );
    if (rotation.people.length > 0) {
      lines.push(
        '',
        ...table(
          [
            'Person',
            'Shifts',
            'Pages',
            'Per shift',
            'Per week',
            'Off hours',
            'Sleep hours',
          ],
          ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
          rotation.people.map(person => [
            personLabel(person.personId, person.personName),
            formatReportValue(person.shifts, 'rate'),
            person.pages,
            formatReportValue(person.pagesPerShift, 'rate'),
            formatReportValue(person.pagesPerWeek, 'rate'),
            person.offHoursPages,
            person.sleepHoursPages,
          ]),
        ),
      );
    }
  }
  const unlisted = unlistedNote(
    report.onCall.length,
    report.scope.rotationCount,
    { one: 'rotation', many: 'rotations' },
  );
  if (unlisted) {
    lines.push('', `Most pages first; ${unlisted}.`);
  }
  return lines;
}

function alertQuality(report: ReliabilityReportResponse): string[] {
  const { alertQuality: measure } = report;
  const names = reportNames(report);
  const lines = [
    '## Alert quality',
    '',
    measure.total === 0
      ? 'No incidents in the period.'
      : `${formatReportValue(measure.actionableShare, 'ratio')} actionable (${
          measure.actionable
        } of ${plural(measure.total, 'incident', 'incidents')}; ${
          measure.noise
        } noise).`,
  ];
  if (measure.noisiestServices.length > 0) {
    lines.push(
      '',
      ...table(
        ['Service', 'Incidents', 'Noise', 'Noise share'],
        ['left', 'right', 'right', 'right'],
        measure.noisiestServices.map(service => [
          names.service(service.serviceId),
          service.total,
          service.noise,
          formatReportValue(service.noiseShare, 'ratio'),
        ]),
      ),
    );
  }
  return lines;
}

function movers(report: ReliabilityReportResponse): string[] {
  const names = reportNames(report);
  const rows = MOVER_MEASURES.flatMap(measure =>
    report.movers[measure.key].map(movement => [
      measure.label,
      names.service(movement.serviceId),
      ...deltaRow('', movement.delta, measure.unit).slice(1),
    ]),
  );
  return [
    '## Services that moved most',
    '',
    ...(rows.length === 0
      ? ['No service moved.']
      : table(
          [
            'Measure',
            'Service',
            formatReportPeriod(report.period),
            formatReportPeriod(report.previousPeriod),
            'Change',
          ],
          ['left', 'left', 'right', 'right', 'left'],
          rows,
        )),
  ];
}

/**
 * A reliability report as Markdown a manager pastes into a review
 * document: the headline table with month-over-month changes judged
 * better or worse, then one section per measure. Written from the
 * response alone, so it says exactly what the page shows.
 * @public
 */
export function reliabilityReportMarkdown(
  report: ReliabilityReportResponse,
): string {
  return `${[
    header(report),
    headline(report),
    slos(report),
    incidents(report),
    changeFailure(report),
    onCall(report),
    alertQuality(report),
    movers(report),
  ]
    .map(section => section.join('\n'))
    .join('\n\n')}\n`;
}
