import type { OnCallShift } from '@preflight/plugin-reliability-common';
import type {
  OnCallReportIncident,
  OnCallReportShift,
} from '@preflight/plugin-reliability-node';
import type {
  RotationDailyRow,
  ServiceDailyRow,
} from '../metrics/dailyRowTypes';
import {
  foldRotationDay,
  isEmptyRotationDailyRow,
} from '../metrics/foldRotationDay';
import {
  foldServiceDay,
  isEmptyServiceDailyRow,
} from '../metrics/foldServiceDay';
import { localDayWindow } from '../metrics/localDayWindow';
import type { OnCallHours } from '../metrics/pageHours';
import {
  addLocalDays,
  formatLocalDate,
  localDateOf,
  parseLocalDate,
} from '../metrics/zonedTime';
import type { ReportFoldInputs } from '../store/ReportStore';

/** Options of {@link foldSourceDays}. */
export interface FoldSourceDaysOptions {
  /** First and last local day to fold (inclusive), `YYYY-MM-DD`. */
  fromDay: string;
  toDay: string;
  timeZone: string;
  /** Incidents open at the first day's start, created in the days, and up to the change window after them. */
  inputs: ReportFoldInputs;
  /** The escalation policy (rotation) each known service uses. */
  policyOfService: ReadonlyMap<string, string>;
  hours: OnCallHours;
  changeWindowMinutes: number;
  transientMinutes: number;
}

function dayOf(ms: number, timeZone: string): string {
  return formatLocalDate(localDateOf(ms, timeZone));
}

function daysBetween(fromDay: string, toDay: string): string[] {
  const days: string[] = [];
  let date = parseLocalDate(fromDay, 'fromDay');
  for (let day = fromDay; day <= toDay; ) {
    days.push(day);
    date = addLocalDays(date, 1);
    day = formatLocalDate(date);
  }
  return days;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string) {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item)) ?? [];
    list.push(item);
    groups.set(key(item), list);
  }
  return groups;
}

/**
 * The days of `[fromDay, toDay]` a service's row can be non-empty on: days
 * with an incident created or a change made, and days at whose end an
 * incident was open. Other days fold to empty rows, which are not stored.
 */
function serviceDays(
  incidents: readonly OnCallReportIncident[],
  changeMs: readonly number[],
  options: FoldSourceDaysOptions,
): Set<string> {
  const { fromDay, toDay, timeZone } = options;
  const days = new Set<string>();
  const add = (day: string) => {
    if (day >= fromDay && day <= toDay) days.add(day);
  };
  for (const ms of changeMs) add(dayOf(ms, timeZone));
  for (const incident of incidents) {
    const created = Date.parse(incident.createdAt);
    if (!Number.isFinite(created)) continue;
    const first = dayOf(created, timeZone);
    add(first);
    const resolved =
      incident.status === 'resolved' && incident.resolvedAt
        ? Date.parse(incident.resolvedAt)
        : Number.POSITIVE_INFINITY;
    // Open at the end of every day from its creation until it resolved.
    const last = Number.isFinite(resolved) ? dayOf(resolved, timeZone) : toDay;
    if (last > first) {
      const start = first < fromDay ? fromDay : first;
      const end = last > toDay ? toDay : last;
      if (start <= end) daysBetween(start, end).forEach(add);
    }
  }
  return days;
}

function toOnCallShift(shift: OnCallReportShift): OnCallShift {
  return {
    level: 1,
    user: { ...shift.user, contactMethods: [] },
    start: shift.start,
    end: shift.end,
  };
}

/**
 * Folds a source's days `[fromDay, toDay]` into the daily rows reports add
 * up, from the stored raw data: one row per service and day with anything
 * to count, one per rotation (escalation policy) and day with a shift or a
 * page. Empty rows are left out, as reports read a missing row as empty.
 */
export function foldSourceDays(options: FoldSourceDaysOptions): {
  serviceRows: ServiceDailyRow[];
  rotationRows: RotationDailyRow[];
} {
  const { inputs, timeZone } = options;
  const incidentsByService = groupBy(inputs.incidents, i => i.serviceId);
  const changesByService = groupBy(inputs.changeEvents, c => c.serviceId);

  const serviceRows: ServiceDailyRow[] = [];
  const serviceIds = new Set([
    ...incidentsByService.keys(),
    ...changesByService.keys(),
  ]);
  for (const serviceId of [...serviceIds].sort()) {
    const incidents = incidentsByService.get(serviceId) ?? [];
    const changes = changesByService.get(serviceId) ?? [];
    const days = serviceDays(
      incidents,
      changes.map(change => Date.parse(change.timestamp)),
      options,
    );
    for (const day of [...days].sort()) {
      const row = foldServiceDay({
        serviceId,
        day,
        timeZone,
        incidents,
        changes,
        changeWindowMinutes: options.changeWindowMinutes,
        transientMinutes: options.transientMinutes,
      });
      if (!isEmptyServiceDailyRow(row)) serviceRows.push(row);
    }
  }

  const rotationRows: RotationDailyRow[] = [];
  const shiftsByPolicy = groupBy(inputs.shifts, s => s.policyId);
  const servicesByPolicy = new Map<string, string[]>();
  for (const [serviceId, policyId] of options.policyOfService) {
    const list = servicesByPolicy.get(policyId) ?? [];
    list.push(serviceId);
    servicesByPolicy.set(policyId, list);
  }
  const allDays = daysBetween(options.fromDay, options.toDay);
  for (const policyId of [...shiftsByPolicy.keys()].sort()) {
    const shifts = (shiftsByPolicy.get(policyId) ?? []).map(toOnCallShift);
    const serviceIdsOfPolicy = servicesByPolicy.get(policyId) ?? [];
    const incidents = serviceIdsOfPolicy.flatMap(
      id => incidentsByService.get(id) ?? [],
    );
    for (const day of allDays) {
      const { window } = localDayWindow(day, timeZone);
      // Only the shifts and incidents of the day: a year of shifts is
      // folded day by day without rescanning every shift.
      const dayShifts = shifts.filter(shift => {
        const start =
          shift.start === null ? -Infinity : Date.parse(shift.start);
        const end = shift.end === null ? Infinity : Date.parse(shift.end);
        return start < window.end && end > window.start;
      });
      const dayIncidents = incidents.filter(incident => {
        const created = Date.parse(incident.createdAt);
        return created >= window.start && created < window.end;
      });
      if (dayShifts.length === 0 && dayIncidents.length === 0) continue;
      const row = foldRotationDay({
        rotation: {
          rotationId: policyId,
          serviceIds: serviceIdsOfPolicy,
          shifts: dayShifts,
        },
        day,
        timeZone,
        incidents: dayIncidents,
        hours: options.hours,
      });
      if (!isEmptyRotationDailyRow(row)) rotationRows.push(row);
    }
  }
  return { serviceRows, rotationRows };
}
