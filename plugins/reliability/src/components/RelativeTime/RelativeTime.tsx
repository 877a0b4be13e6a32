import Tooltip from '@mui/material/Tooltip';
import { formatDateTime, formatRelativeTime } from '../../utils';

export interface RelativeTimeProps {
  /** ISO-8601 instant. */
  value: string;
  now: Date;
  /** Also print the absolute time, e.g. `in 2h (Mon, Mar 3, 09:00 UTC)`. */
  withAbsolute?: boolean;
  /** With `withAbsolute`, print the absolute time first: `Mon, Mar 3, 09:00 UTC (in 2h)`. */
  absoluteFirst?: boolean;
}

/**
 * An instant shown relative to `now`, with the absolute time in the text or
 * in a tooltip, inside a `<time>` element carrying the exact instant.
 */
export function RelativeTime(props: RelativeTimeProps) {
  const { value, now, withAbsolute, absoluteFirst } = props;
  const relative = formatRelativeTime(value, now);
  const absolute = formatDateTime(value);
  if (withAbsolute) {
    return (
      <time dateTime={value}>
        {absoluteFirst
          ? `${absolute} (${relative})`
          : `${relative} (${absolute})`}
      </time>
    );
  }
  return (
    <Tooltip title={absolute} describeChild>
      <time dateTime={value}>{relative}</time>
    </Tooltip>
  );
}
