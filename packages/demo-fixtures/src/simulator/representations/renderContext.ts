import type { FleetIndex } from '../fleetIndex';
import { formatTimestamp } from '../http/timestamps';

/** What every representation needs besides the record itself. */
export interface RenderContext {
  /** base of `self` links (PagerDuty's API host by default) */
  apiBaseUrl: string;
  /** base of `html_url` links, e.g. `https://acme.pagerduty.com` */
  webBaseUrl: string;
  /** zone timestamps are rendered in (the `time_zone` parameter or the account's) */
  timeZone: string;
  index: FleetIndex;
}

/** Formats a timestamp in the context's zone. */
export function timestamp(context: RenderContext, ms: number): string {
  return formatTimestamp(ms, context.timeZone);
}
