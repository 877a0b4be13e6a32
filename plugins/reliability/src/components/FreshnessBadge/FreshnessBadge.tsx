import type { SourceHealth } from '@preflight/plugin-reliability-common';
import { formatDateTime } from '../../utils';
import { AsOfChip } from '../AsOfChip';

export interface FreshnessBadgeProps {
  sources: SourceHealth[];
  /** The source the card's data comes from; otherwise the oldest source counts. */
  sourceId?: string;
  now: Date;
}

function pickSource(
  sources: SourceHealth[],
  sourceId: string | undefined,
): SourceHealth | undefined {
  const matching = sourceId
    ? sources.find(source => source.id === sourceId)
    : undefined;
  if (matching) {
    return matching;
  }
  // Without a named source, the data is only as fresh as its oldest part.
  return [...sources].sort(
    (a, b) =>
      (a.lastSuccessAt ? Date.parse(a.lastSuccessAt) : 0) -
      (b.lastSuccessAt ? Date.parse(b.lastSuccessAt) : 0),
  )[0];
}

/**
 * "as of 3m ago": when the data on the card was last read from its source.
 * Turns to a warning colour when the source is stale.
 */
export function FreshnessBadge(props: FreshnessBadgeProps) {
  const { sources, sourceId, now } = props;
  const source = pickSource(sources, sourceId);
  if (!source) {
    return null;
  }
  const detail = source.lastSuccessAt
    ? `Last successful sync of ${source.displayName}: ${formatDateTime(
        source.lastSuccessAt,
      )}`
    : `${source.displayName} has not synced successfully yet`;
  return (
    <AsOfChip
      asOf={source.lastSuccessAt}
      now={now}
      detail={detail}
      stale={source.stale}
    />
  );
}
