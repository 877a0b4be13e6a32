import type { OnCallAssignment, ResolvedEscalationLevel } from '../api';
import type { EscalationPolicyRecord, OnCallShift } from '../types';
import { daysToMilliseconds, formatInstant } from './durations';
import { mergeIntervals, TimeInterval } from './mergeIntervals';
import { shiftInterval } from './shiftInterval';

/** How far ahead gaps are reported, matching the synced on-call horizon. */
const GAP_HORIZON_DAYS = 7;

interface TimedShift {
  shift: OnCallShift;
  interval: TimeInterval;
}

function covers(interval: TimeInterval, at: number): boolean {
  return interval.start <= at && at < interval.end;
}

// The same person can hold a level through two schedules at once; those are
// two assignments (each schedule pages them), while repeated or fragmented
// shifts of one person through one schedule are a single assignment.
function assignmentKey(shift: OnCallShift): string {
  return `${shift.user.id}\u0000${shift.schedule?.id ?? ''}`;
}

function formatBound(ms: number): string | null {
  return Number.isFinite(ms) ? formatInstant(ms) : null;
}

function compareAssignments(a: OnCallAssignment, b: OnCallAssignment): number {
  return (
    a.person.name.localeCompare(b.person.name, 'en') ||
    a.person.id.localeCompare(b.person.id, 'en') ||
    (a.schedule?.name ?? '').localeCompare(b.schedule?.name ?? '', 'en') ||
    (a.schedule?.id ?? '').localeCompare(b.schedule?.id ?? '', 'en')
  );
}

/**
 * Who holds the level at instant `at`. Each assignment's start/end is the
 * continuous coverage of that person+schedule around `at` (fragments and
 * duplicates merged), so "on call until" shows when they really hand off.
 */
function assignmentsAt(shifts: TimedShift[], at: number): OnCallAssignment[] {
  const byKey = new Map<string, TimedShift[]>();
  for (const timed of shifts) {
    const key = assignmentKey(timed.shift);
    const group = byKey.get(key);
    if (group) {
      group.push(timed);
    } else {
      byKey.set(key, [timed]);
    }
  }

  const assignments: OnCallAssignment[] = [];
  for (const group of byKey.values()) {
    const current = group.find(timed => covers(timed.interval, at));
    if (!current) {
      continue;
    }
    const span = mergeIntervals(group.map(timed => timed.interval)).find(
      interval => covers(interval, at),
    );
    // A covering shift always lies inside one merged interval; fall back to
    // it anyway so the assignment is never dropped.
    const { start, end } = span ?? current.interval;
    const assignment: OnCallAssignment = {
      person: current.shift.user,
      start: formatBound(start),
      end: formatBound(end),
    };
    if (current.shift.schedule) {
      assignment.schedule = current.shift.schedule;
    }
    assignments.push(assignment);
  }
  return assignments.sort(compareAssignments);
}

function peopleAt(shifts: TimedShift[], at: number): Set<string> {
  const people = new Set<string>();
  for (const timed of shifts) {
    if (covers(timed.interval, at)) {
      people.add(timed.shift.user.id);
    }
  }
  return people;
}

function sameMembers(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) {
    return false;
  }
  for (const member of a) {
    if (!b.has(member)) {
      return false;
    }
  }
  return true;
}

/**
 * The first future instant at which the set of people holding the level
 * changes. Only shift boundaries can change it, so those are the candidates;
 * boundaries where a person hands over to themselves (a fragmented shift) are
 * skipped.
 */
function nextHandoff(
  shifts: TimedShift[],
  now: number,
): ResolvedEscalationLevel['nextHandoff'] {
  const boundaries = new Set<number>();
  for (const { interval } of shifts) {
    for (const bound of [interval.start, interval.end]) {
      if (Number.isFinite(bound) && bound > now) {
        boundaries.add(bound);
      }
    }
  }
  const peopleNow = peopleAt(shifts, now);
  for (const at of [...boundaries].sort((a, b) => a - b)) {
    if (!sameMembers(peopleAt(shifts, at), peopleNow)) {
      return { at: formatInstant(at), onCall: assignmentsAt(shifts, at) };
    }
  }
  return null;
}

/** The parts of `[from, to)` no shift covers. */
function gapsBetween(
  shifts: TimedShift[],
  from: number,
  to: number,
): ResolvedEscalationLevel['gaps'] {
  const gaps: ResolvedEscalationLevel['gaps'] = [];
  let cursor = from;
  for (const covered of mergeIntervals(shifts.map(timed => timed.interval))) {
    if (covered.start >= to) {
      break;
    }
    if (covered.end <= cursor) {
      continue;
    }
    if (covered.start > cursor) {
      gaps.push({
        start: formatInstant(cursor),
        end: formatInstant(covered.start),
      });
    }
    cursor = covered.end;
  }
  if (cursor < to) {
    gaps.push({ start: formatInstant(cursor), end: formatInstant(to) });
  }
  return gaps;
}

/**
 * Resolves an escalation policy at instant `now`: for each level of the
 * policy (sorted by level number), who is on call, the next change of who is
 * on call, and the gaps where nobody holds the level.
 *
 * - `onCallNow`: shifts of the level covering `now` (start `null` or `<= now`,
 *   end `null` or `> now`), one assignment per person and schedule, sorted by
 *   name. Its start/end span the person's continuous coverage through that
 *   schedule, merging fragments and duplicates.
 * - `nextHandoff`: the earliest instant after `now`, within the known shifts,
 *   at which the set of people on the level changes, with who holds it right
 *   after (empty when a gap begins, including where the known shifts end);
 *   `null` when nothing changes, e.g. permanent on-call.
 * - `gaps`: the parts of `[now, now + 7 days)` that no shift of the level
 *   covers, after merging overlapping and touching shifts.
 *
 * Shifts are taken as final: the source has already applied overrides (as
 * PagerDuty's `/oncalls` does), but they may be fragmented, overlapping or
 * duplicated. Shifts with unparseable or empty time ranges, and shifts of
 * levels the policy does not define, are ignored.
 *
 * @throws RangeError when `now` is an invalid date.
 * @public
 */
export function resolveEscalationLevels(
  policy: EscalationPolicyRecord,
  now: Date,
): ResolvedEscalationLevel[] {
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) {
    throw new RangeError('resolveEscalationLevels: "now" is an invalid date');
  }
  const horizonEnd = nowMs + daysToMilliseconds(GAP_HORIZON_DAYS);

  const timedShifts: TimedShift[] = [];
  for (const shift of policy.shifts) {
    const interval = shiftInterval(shift);
    if (interval) {
      timedShifts.push({ shift, interval });
    }
  }

  return [...policy.levels]
    .sort((a, b) => a.level - b.level)
    .map(definition => {
      const shifts = timedShifts.filter(
        timed => timed.shift.level === definition.level,
      );
      return {
        level: definition.level,
        delayMinutes: definition.delayMinutes,
        targets: [...definition.targets],
        onCallNow: assignmentsAt(shifts, nowMs),
        nextHandoff: nextHandoff(shifts, nowMs),
        gaps: gapsBetween(shifts, nowMs, horizonEnd),
      };
    });
}
