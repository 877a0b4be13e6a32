import {
  IncidentFact,
  mergeIntervals,
  OnCallFairness,
  OnCallLoadMeasure,
  OnCallPersonLoad,
  parseInstant,
  ReportPeriod,
  TimeInterval,
} from '@preflight/plugin-reliability-common';
import type { PersonDailyLoad, RotationDailyRow } from './dailyRowTypes';
import { giniCoefficient } from './gini';
import {
  classifyPageTime,
  OnCallHours,
  validateOnCallHours,
} from './pageHours';
import { periodBounds } from './reportPeriod';
import { selectDailyRows } from './selectDailyRows';
import { level1ShiftIntervals, shiftUnitsWithin } from './shiftUnits';
import type { RotationInput } from './types';

const MS_PER_WEEK = 7 * 86_400_000;
const MS_PER_HOUR = 3_600_000;

/**
 * A rotation's load within a window: the additive part of a daily row, so
 * that windows (days) add up to a period.
 */
export type OnCallTally = Pick<
  RotationDailyRow,
  'shifts' | 'pages' | 'offHoursPages' | 'sleepHoursPages' | 'people'
>;

function overlapMs(intervals: TimeInterval[], window: TimeInterval): number {
  return intervals.reduce(
    (sum, interval) =>
      sum +
      Math.max(
        0,
        Math.min(interval.end, window.end) -
          Math.max(interval.start, window.start),
      ),
    0,
  );
}

/**
 * Tallies a rotation's on-call load within `window`.
 *
 * - A page is a high-urgency incident of one of the rotation's services
 *   created in the window while at least one person held a level-1 shift:
 *   the stored data says who was on call at level 1, and PagerDuty notifies
 *   level 1 first for every high-urgency incident. Low-urgency incidents do
 *   not page at night by PagerDuty's default urgency rules and are left out;
 *   escalations to higher levels are not stored and are not counted.
 * - Each person on a level-1 shift at that instant was paged (overlapping
 *   shifts page both); the rotation counts the incident once, off-hours or
 *   sleep-hours when it was so for at least one person paged, each in their
 *   own time zone.
 * - Shifts count pro rata (see `shiftUnitsWithin`); on-call time merges a
 *   person's overlapping shifts.
 */
export function tallyOnCall(
  rotation: RotationInput,
  incidents: readonly IncidentFact[],
  window: TimeInterval,
  hours: OnCallHours,
): OnCallTally {
  const shifts = level1ShiftIntervals(rotation.shifts);
  const byPerson = new Map<
    string,
    { load: PersonDailyLoad; timeZone?: string; intervals: TimeInterval[] }
  >();
  let rotationShifts = 0;
  for (const { personId, timeZone, interval } of shifts) {
    const units = shiftUnitsWithin(interval, window);
    if (units === 0) {
      continue;
    }
    rotationShifts += units;
    let entry = byPerson.get(personId);
    if (!entry) {
      entry = {
        load: {
          personId,
          shifts: 0,
          onCallMs: 0,
          pages: 0,
          offHoursPages: 0,
          sleepHoursPages: 0,
        },
        timeZone,
        intervals: [],
      };
      byPerson.set(personId, entry);
    }
    entry.load.shifts += units;
    entry.intervals.push(interval);
  }
  for (const entry of byPerson.values()) {
    entry.load.onCallMs = overlapMs(mergeIntervals(entry.intervals), window);
  }

  const services = new Set(rotation.serviceIds);
  const seen = new Set<string>();
  let pages = 0;
  let offHoursPages = 0;
  let sleepHoursPages = 0;
  for (const incident of incidents) {
    const createdMs = parseInstant(incident.createdAt);
    if (
      incident.urgency !== 'high' ||
      !services.has(incident.serviceId) ||
      createdMs === undefined ||
      createdMs < window.start ||
      createdMs >= window.end ||
      seen.has(incident.id)
    ) {
      continue;
    }
    seen.add(incident.id);
    let paged = false;
    let offHours = false;
    let sleepHours = false;
    for (const entry of byPerson.values()) {
      const onShift = entry.intervals.some(
        interval => interval.start <= createdMs && createdMs < interval.end,
      );
      if (onShift) {
        const when = classifyPageTime(createdMs, entry.timeZone, hours);
        paged = true;
        offHours ||= when.offHours;
        sleepHours ||= when.sleepHours;
        entry.load.pages += 1;
        entry.load.offHoursPages += when.offHours ? 1 : 0;
        entry.load.sleepHoursPages += when.sleepHours ? 1 : 0;
      }
    }
    pages += paged ? 1 : 0;
    offHoursPages += offHours ? 1 : 0;
    sleepHoursPages += sleepHours ? 1 : 0;
  }

  return {
    shifts: rotationShifts,
    pages,
    offHoursPages,
    sleepHoursPages,
    people: [...byPerson.values()]
      .map(entry => entry.load)
      .sort((a, b) => (a.personId < b.personId ? -1 : 1)),
  };
}

function fairnessOf(people: OnCallPersonLoad[]): OnCallFairness {
  if (people.length < 2) {
    return { gini: null, reason: 'fewer-than-two-people' };
  }
  const gini = giniCoefficient(people.map(person => person.pages));
  return gini === null
    ? { gini: null, reason: 'no-pages' }
    : { gini, reason: null };
}

/**
 * Turns a tally over a whole period into the report's figures. Per week
 * means per week of the period's length (a 31-day month is 31/7 weeks);
 * pages per person per week is the mean of the people's figures, over the
 * people who held a shift in the period.
 */
export function onCallLoadFromTally(
  rotationId: string,
  tally: OnCallTally,
  period: ReportPeriod,
): OnCallLoadMeasure {
  const { start, end } = periodBounds(period);
  const weeks = (end - start) / MS_PER_WEEK;
  const people: OnCallPersonLoad[] = tally.people
    .map(person => ({
      personId: person.personId,
      shifts: person.shifts,
      onCallHours: person.onCallMs / MS_PER_HOUR,
      pages: person.pages,
      offHoursPages: person.offHoursPages,
      sleepHoursPages: person.sleepHoursPages,
      pagesPerShift: person.shifts > 0 ? person.pages / person.shifts : null,
      pagesPerWeek: person.pages / weeks,
    }))
    .sort((a, b) => b.pages - a.pages || (a.personId < b.personId ? -1 : 1));
  const personPages = people.reduce((sum, person) => sum + person.pages, 0);
  return {
    rotationId,
    shifts: tally.shifts,
    pages: tally.pages,
    pagesPerShift: tally.shifts > 0 ? tally.pages / tally.shifts : null,
    offHoursPages: tally.offHoursPages,
    sleepHoursPages: tally.sleepHoursPages,
    pagesPerPersonPerWeek:
      people.length === 0 ? null : personPages / people.length / weeks,
    people,
    fairness: fairnessOf(people),
  };
}

/**
 * On-call load of one rotation over a period from raw shifts and incidents
 * (see {@link tallyOnCall} for what a page is and how shifts crossing the
 * period's bounds count).
 * @throws InputError when `hours` are invalid.
 */
export function computeOnCallLoad(
  rotation: RotationInput,
  incidents: readonly IncidentFact[],
  period: ReportPeriod,
  hours: OnCallHours,
): OnCallLoadMeasure {
  validateOnCallHours(hours);
  return onCallLoadFromTally(
    rotation.rotationId,
    tallyOnCall(rotation, incidents, periodBounds(period), hours),
    period,
  );
}

/**
 * Adds tallies: counts and on-call time exactly, pro-rata shifts up to
 * floating-point rounding (about 1e-12 of a shift per day added).
 */
export function addOnCallTallies(tallies: Iterable<OnCallTally>): OnCallTally {
  const people = new Map<string, PersonDailyLoad>();
  const sum: OnCallTally = {
    shifts: 0,
    pages: 0,
    offHoursPages: 0,
    sleepHoursPages: 0,
    people: [],
  };
  for (const tally of tallies) {
    sum.shifts += tally.shifts;
    sum.pages += tally.pages;
    sum.offHoursPages += tally.offHoursPages;
    sum.sleepHoursPages += tally.sleepHoursPages;
    for (const person of tally.people) {
      const total = people.get(person.personId) ?? {
        personId: person.personId,
        shifts: 0,
        onCallMs: 0,
        pages: 0,
        offHoursPages: 0,
        sleepHoursPages: 0,
      };
      total.shifts += person.shifts;
      total.onCallMs += person.onCallMs;
      total.pages += person.pages;
      total.offHoursPages += person.offHoursPages;
      total.sleepHoursPages += person.sleepHoursPages;
      people.set(person.personId, total);
    }
  }
  sum.people = [...people.values()];
  return sum;
}

/**
 * {@link computeOnCallLoad} from one rotation's daily rows: exact but for
 * the pro-rata shift sums (see {@link addOnCallTallies}).
 */
export function onCallLoadFromDailyRows(
  rotationId: string,
  rows: readonly RotationDailyRow[],
  period: ReportPeriod,
): OnCallLoadMeasure {
  const ofRotation = rows.filter(row => row.rotationId === rotationId);
  return onCallLoadFromTally(
    rotationId,
    addOnCallTallies(selectDailyRows(ofRotation, period)),
    period,
  );
}
