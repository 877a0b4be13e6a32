/**
 * One incident as an on-call source reports it, normalized: the input of
 * {@link computeIncidentStats}. Timestamps are ISO-8601 strings.
 * @public
 */
export interface IncidentFact {
  id: string;
  /** The human-facing incident number, e.g. PagerDuty's `incident_number`. */
  number?: number;
  title: string;
  serviceId: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  urgency: 'high' | 'low';
  createdAt: string;
  /** When the incident was first acknowledged; null when it never was. */
  firstAcknowledgedAt: string | null;
  /** When the incident was resolved; null while it is open. */
  resolvedAt: string | null;
  htmlUrl?: string;
}
