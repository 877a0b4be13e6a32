/**
 * Wall-clock arithmetic in IANA time zones with nothing but `Intl`: the
 * offset of a zone at an instant is read back from `formatToParts`, so DST
 * rules come from the runtime's time-zone database (no dependency).
 */

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/** A calendar day without a time zone. @public */
export interface LocalDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

/** The wall-clock reading of an instant in a time zone. @public */
export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};

// Creating a DateTimeFormat costs far more than using one; folds call this
// for every page, so one formatter per zone is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      // h23: 'hour12: false' renders midnight as "24" on some ICU versions
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * True when the runtime knows `timeZone` as an IANA zone.
 * @public
 */
export function isKnownTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') {
    return false;
  }
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall-clock reading of the instant `ms` in `timeZone`.
 * @public
 */
export function localDateTime(ms: number, timeZone: string): LocalDateTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    parts[part.type] = part.value;
  }
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday],
  };
}

/**
 * Orders two local dates: negative when `a` is earlier.
 * @public
 */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return (
    Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day)
  );
}

/**
 * The local date `days` calendar days after `date` (before when negative).
 * @public
 */
export function addLocalDays(date: LocalDate, days: number): LocalDate {
  // UTC has no DST, so calendar arithmetic on it is exact.
  const shifted = new Date(
    Date.UTC(date.year, date.month - 1, date.day) + days * MS_PER_DAY,
  );
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/**
 * Calendar days from `from` to `to` (negative when `to` is earlier).
 * @public
 */
export function localDaysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(compareLocalDates(to, from) / MS_PER_DAY);
}

/**
 * Formats a local date as `YYYY-MM-DD`.
 * @public
 */
export function formatLocalDate(date: LocalDate): string {
  const pad = (value: number, width: number) =>
    String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** The local date of the instant `ms` in `timeZone`. @public */
export function localDateOf(ms: number, timeZone: string): LocalDate {
  const { year, month, day } = localDateTime(ms, timeZone);
  return { year, month, day };
}

// Offset of the zone at an instant, in ms (local wall clock − UTC), at
// whole-second precision, which is all any zone needs.
function offsetAt(ms: number, timeZone: string): number {
  const local = localDateTime(ms, timeZone);
  const wallAsUtc = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
  );
  return wallAsUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The first instant (epoch ms) of the local day `date` in `timeZone`.
 *
 * Usually local midnight. Where midnight is skipped by a DST change (e.g.
 * America/Santiago in September) the day starts at the change; where it
 * happens twice (a zone falling back across midnight) the earlier one.
 * A day is therefore 23, 24 or 25 hours long around DST changes.
 * @public
 */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  // Every offset in force within a day of the wanted midnight; subtracting
  // the right one from the wall-clock reading gives the instant.
  const offsets = new Set(
    [wall - MS_PER_DAY, wall, wall + MS_PER_DAY].map(ms =>
      offsetAt(ms, timeZone),
    ),
  );
  let best: number | undefined;
  for (const offset of offsets) {
    const candidate = wall - offset;
    const local = localDateTime(candidate, timeZone);
    const isMidnight =
      compareLocalDates(local, date) === 0 &&
      local.hour === 0 &&
      local.minute === 0 &&
      local.second === 0;
    if (isMidnight && (best === undefined || candidate < best)) {
      best = candidate;
    }
  }
  if (best !== undefined) {
    return best;
  }
  // Midnight does not exist: find the first instant whose local date has
  // reached `date`. Offsets lie within −12 h … +14 h, which brackets it.
  let before = wall - 14 * MS_PER_HOUR - 1;
  let after = wall + 12 * MS_PER_HOUR;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (compareLocalDates(localDateOf(middle, timeZone), date) >= 0) {
      after = middle;
    } else {
      before = middle;
    }
  }
  return after;
}

/** A wall-clock reading without a time zone or weekday. @public */
export type LocalWallTime = Omit<LocalDateTime, 'weekday'>;

/**
 * The instant (epoch ms) the wall clock of `timeZone` reads `wall`.
 *
 * Around DST changes: a reading that happens twice (clocks fall back) is
 * the earlier instant; one that never happens (clocks spring forward) is
 * moved forward by the gap, e.g. 02:30 on the day New York skips 02:00–03:00
 * is 03:30 EDT — the usual reading of "the same time that day".
 * @public
 */
export function instantOfWallTime(
  wall: LocalWallTime,
  timeZone: string,
): number {
  const wallMs = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  );
  const offsets = [
    ...new Set(
      [wallMs - MS_PER_DAY, wallMs, wallMs + MS_PER_DAY].map(ms =>
        offsetAt(ms, timeZone),
      ),
    ),
  ];
  const matching = offsets
    .map(offset => wallMs - offset)
    .filter(candidate => offsetAt(candidate, timeZone) === wallMs - candidate)
    .sort((a, b) => a - b);
  if (matching.length > 0) {
    return matching[0];
  }
  // In a gap the offset before the change (the smaller one when clocks
  // spring forward) carries the reading past it.
  return wallMs - Math.min(...offsets);
}
