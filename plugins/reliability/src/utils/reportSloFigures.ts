import type { ReportSloSummary } from '@preflight/plugin-reliability-common';
import type { ReportUnit } from './reportFigures';

/** One of the SLO section's scope figures. */
export interface ReportSloHeadline {
  key: keyof ReportSloSummary['deltas'];
  label: string;
  unit: ReportUnit;
  missing?: string;
  help: string;
}

/** The SLO section's figures, in the order the page and exports show them. */
export const REPORT_SLO_HEADLINES: ReadonlyArray<ReportSloHeadline> = [
  {
    key: 'meetingObjective',
    label: 'SLOs meeting objective',
    unit: 'count',
    missing: 'no SLO data',
    help: 'SLOs whose attainment at the end of the period reaches their objective.',
  },
  {
    key: 'meanAttainment',
    label: 'Mean attainment',
    unit: 'attainment',
    missing: 'no SLO data',
    help: 'Mean over the SLOs of their attainment (over each SLO window) at the end of the period.',
  },
  {
    key: 'minAttainment',
    label: 'Lowest attainment',
    unit: 'attainment',
    missing: 'no SLO data',
    help: 'The lowest attainment of any SLO at the end of the period.',
  },
  {
    key: 'meanBudgetConsumed',
    label: 'Mean budget consumed',
    unit: 'ratio',
    missing: 'no SLO data',
    help: "Mean over the SLOs of the error budget their bad events consumed during the period, as a share of one SLO window's budget.",
  },
  {
    key: 'pageAlertSeconds',
    label: 'Page alert time',
    unit: 'seconds',
    missing: 'no SLO data',
    help: 'Time with a page-level burn-rate alert firing, added up over the SLOs.',
  },
];
