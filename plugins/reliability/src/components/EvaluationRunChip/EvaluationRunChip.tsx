import { formatDateTime } from '../../utils';
import { AsOfChip } from '../AsOfChip';

export interface EvaluationRunChipProps {
  /** When the last scorecard evaluation run completed; null: never. */
  lastEvaluatedAt: string | null;
  now: Date;
  /** Warning colour, e.g. when some results used stale facts. */
  stale?: boolean;
}

/** "as of 4m ago" for views built from the last evaluation run. */
export function EvaluationRunChip(props: EvaluationRunChipProps) {
  const { lastEvaluatedAt, now, stale } = props;
  return (
    <AsOfChip
      asOf={lastEvaluatedAt}
      now={now}
      missingLabel="not evaluated yet"
      detail={
        lastEvaluatedAt
          ? `Last evaluation run: ${formatDateTime(lastEvaluatedAt)}`
          : 'No evaluation run has completed yet'
      }
      stale={stale}
    />
  );
}
