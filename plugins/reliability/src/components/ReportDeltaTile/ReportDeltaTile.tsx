import type { MetricDelta } from '@preflight/plugin-reliability-common';
import { formatReportValue, ReportHeadline } from '../../utils';
import { ReportDeltaText } from '../ReportDeltaText';
import { StatTile } from '../StatTile';

export interface ReportDeltaTileProps {
  /** What the figure is (the report's headlines, the SLO section's figures). */
  headline: Pick<ReportHeadline, 'label' | 'unit' | 'missing' | 'help'>;
  delta: MetricDelta;
  /** Names the previous period, e.g. "October 2026". */
  previousLabel: string;
}

/** One headline figure with its value in the previous period and the judged change. */
export function ReportDeltaTile(props: ReportDeltaTileProps) {
  const { headline, delta, previousLabel } = props;
  return (
    <StatTile
      label={headline.label}
      help={headline.help}
      value={formatReportValue(delta.current, headline.unit, headline.missing)}
      detail={
        <>
          <ReportDeltaText delta={delta} unit={headline.unit} />
          <br />
          {previousLabel}:{' '}
          {formatReportValue(delta.previous, headline.unit, headline.missing)}
        </>
      }
    />
  );
}
