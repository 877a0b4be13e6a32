import type {
  OnCallReportData,
  OnCallReportIncident,
} from '@preflight/plugin-reliability-node';
import { lastFullMonth, previousPeriod } from '../reports/metrics/reportPeriod';

/** An instant on the 10th of the period's month, at `time` UTC. */
function on10th(startDate: string, time: string): string {
  return `${startDate.slice(0, 8)}10T${time}Z`;
}

function incident(
  id: string,
  serviceId: string,
  fields: Partial<OnCallReportIncident>,
): OnCallReportIncident {
  return {
    id,
    title: id,
    serviceId,
    status: 'resolved',
    urgency: 'high',
    createdAt: '',
    firstAcknowledgedAt: null,
    resolvedAt: null,
    ...fields,
  };
}

/**
 * Report data around the last whole month (UTC) before `now`, worked by
 * hand:
 * - PCHKOUT, last month: change C1 at 09:30 on the 10th; incident A at
 *   10:00 (acknowledged 10:05, resolved 11:00) fails it; incident B at
 *   14:00, never acknowledged, resolved 14:02, is noise. 2 incidents, MTTA
 *   300 s over 1, MTTR (3600 + 120) / 2 = 1860 s, CFR 1/1, noise 1 of 2.
 * - PCHKOUT, the month before: incident P at 10:00 on the 10th,
 *   acknowledged after 600 s, resolved after 7200 s; no change.
 * - PSEARCH, last month: incident S at 12:00 on the 10th, acknowledged after
 *   60 s, resolved after 600 s.
 * - PLEDGER: nothing at all (no change data).
 * - Level 1 of PEPAY01 (checkout's policy): Ann holds it through both
 *   months.
 */
export function makeReportData(now: Date = new Date()): OnCallReportData {
  const month = lastFullMonth(now);
  const before = previousPeriod(month);
  const at = (time: string) => on10th(month.startDate, time);
  const atBefore = (time: string) => on10th(before.startDate, time);
  return {
    incidents: [
      incident('A', 'PCHKOUT', {
        createdAt: at('10:00:00'),
        firstAcknowledgedAt: at('10:05:00'),
        resolvedAt: at('11:00:00'),
      }),
      incident('B', 'PCHKOUT', {
        createdAt: at('14:00:00'),
        resolvedAt: at('14:02:00'),
        autoResolved: true,
      }),
      incident('P', 'PCHKOUT', {
        createdAt: atBefore('10:00:00'),
        firstAcknowledgedAt: atBefore('10:10:00'),
        resolvedAt: atBefore('12:00:00'),
      }),
      incident('S', 'PSEARCH', {
        createdAt: at('12:00:00'),
        firstAcknowledgedAt: at('12:01:00'),
        resolvedAt: at('12:10:00'),
      }),
    ],
    changeEvents: [
      { id: 'C1', serviceId: 'PCHKOUT', timestamp: at('09:30:00') },
    ],
    shifts: [
      {
        policyId: 'PEPAY01',
        user: { id: 'PANN', name: 'Ann', timeZone: 'UTC' },
        start: before.start,
        end: month.end,
      },
    ],
    warnings: [],
  };
}
