import type { RequestState } from '../../hooks/useKeyedRequest';
import { CardLoading } from '../CardLoading';
import { SummaryErrorPanel } from '../SummaryErrorPanel';

export interface RequestPendingProps {
  /** A request that has no value yet. */
  state: RequestState<unknown>;
  /** What is loading, e.g. "Loading scorecard". */
  loadingLabel: string;
  /** Placeholder rows while loading. */
  rows?: number;
  /** What the request is about, named in a "not found" error. */
  subject?: string;
}

/**
 * What a card shows before its data is there: the error with a retry when
 * the request failed, a placeholder while it loads.
 */
export function RequestPending(props: RequestPendingProps) {
  const { state, loadingLabel, rows, subject = state.entityRef } = props;
  if (state.error) {
    return (
      <SummaryErrorPanel
        error={state.error}
        entityRef={subject}
        onRetry={state.retry}
      />
    );
  }
  return <CardLoading label={loadingLabel} rows={rows} />;
}
