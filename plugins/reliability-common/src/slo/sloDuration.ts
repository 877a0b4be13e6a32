/**
 * OpenSLO duration shorthand to seconds and back. The OpenSLO v1 units are
 * `m` (minutes), `h` (hours), `d` (days), `w` (weeks), `M` (months), `Q`
 * (quarters) and `Y` (years) — case matters: `1m` is a minute, `1M` a month.
 *
 * Rolling windows and time slices take only fixed-length units: a month,
 * quarter or year varies in length, so a rolling window written with them
 * would be measured over an arbitrary number of days; we ask for days
 * instead of guessing. Calendar-aligned windows take d, w, M, Q and Y (see
 * {@link parseCalendarWindowDuration}).
 */

/** A fixed-length unit of an OpenSLO duration: minutes, hours, days or weeks. @public */
export type FixedDurationUnit = 'm' | 'h' | 'd' | 'w';

const UNIT_SECONDS: Readonly<Record<FixedDurationUnit, number>> = {
  m: 60,
  h: 3_600,
  d: 86_400,
  w: 604_800,
};

/** A unit of an OpenSLO duration. @public */
export type SloDurationUnit = FixedDurationUnit | 'M' | 'Q' | 'Y';

/** An OpenSLO duration as a whole number of one unit, e.g. `{ amount: 1, unit: 'M' }`. @public */
export interface SloDurationParts {
  amount: number;
  unit: SloDurationUnit;
}

const UNIT_NAMES: Record<SloDurationUnit, string> = {
  m: 'minutes',
  h: 'hours',
  d: 'days',
  w: 'weeks',
  M: 'months',
  Q: 'quarters',
  Y: 'years',
};

// Units people write that OpenSLO does not define, and what they meant.
const LOOKALIKES: Record<string, string> = {
  s: 'seconds are not an OpenSLO unit; SLO durations are whole minutes or longer, e.g. "5m"',
  S: 'seconds are not an OpenSLO unit; SLO durations are whole minutes or longer, e.g. "5m"',
  H: 'OpenSLO writes hours as "h"',
  D: 'OpenSLO writes days as "d"',
  W: 'OpenSLO writes weeks as "w"',
  q: 'OpenSLO writes quarters as "Q"',
  y: 'OpenSLO writes years as "Y"',
  mo: 'OpenSLO writes months as "M" ("m" is minutes)',
};

// A positive integer (no sign, no leading zero, no fraction) and one unit.
const DURATION = /^([1-9][0-9]{0,5})([a-zA-Z]+)$/;

/** Thrown by the duration parsers for anything they cannot read. @public */
export class InvalidSloDurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidSloDurationError';
  }
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/**
 * Reads an OpenSLO duration shorthand in any unit the specification defines
 * (`m`, `h`, `d`, `w`, `M`, `Q`, `Y`).
 *
 * @throws {@link InvalidSloDurationError} for anything else, saying what to
 * write instead (e.g. "OpenSLO writes days as "d"" for `30D`).
 * @public
 */
export function parseSloDurationParts(value: string): SloDurationParts {
  if (typeof value !== 'string') {
    throw new InvalidSloDurationError(
      `${describe(
        value,
      )} is not a duration; write a number and a unit, e.g. "30d"`,
    );
  }
  const match = DURATION.exec(value);
  if (!match) {
    throw new InvalidSloDurationError(
      `${describe(
        value,
      )} is not a duration; write a positive whole number and one of m, h, d, w, e.g. "5m", "1h", "28d" or "4w"`,
    );
  }
  const unit = match[2];
  if (!(unit in UNIT_NAMES)) {
    const hint = LOOKALIKES[unit];
    throw new InvalidSloDurationError(
      `${describe(value)} has unknown unit "${unit}"${
        hint ? ` (${hint})` : ''
      }; use one of m, h, d, w, e.g. "5m", "1h", "28d" or "4w" (M, Q and Y for calendar windows)`,
    );
  }
  return { amount: Number(match[1]), unit: unit as SloDurationUnit };
}

/**
 * Reads the duration of a calendar-aligned window: whole days, weeks,
 * months, quarters or years (`1d`, `1w`, `1M`, `1Q`, `1Y`).
 *
 * @throws {@link InvalidSloDurationError} for minutes and hours — `1m` is
 * one minute in OpenSLO, usually written for a month (`1M`) — and for
 * anything {@link parseSloDurationParts} refuses.
 * @public
 */
export function parseCalendarWindowDuration(value: string): SloDurationParts {
  const parts = parseSloDurationParts(value);
  if (parts.unit === 'm') {
    throw new InvalidSloDurationError(
      `${describe(value)} is ${parts.amount} minute${
        parts.amount === 1 ? '' : 's'
      } in OpenSLO ("m" is minutes); a calendar window of minutes is not supported. For months write "${
        parts.amount
      }M"`,
    );
  }
  if (parts.unit === 'h') {
    throw new InvalidSloDurationError(
      `${describe(
        value,
      )}: a calendar window is whole days, weeks, months, quarters or years (d, w, M, Q, Y), e.g. "1M"`,
    );
  }
  return parts;
}

/**
 * Parses an OpenSLO duration shorthand into seconds.
 *
 * Accepts a positive integer followed by `m` (minutes), `h` (hours),
 * `d` (days) or `w` (weeks), e.g. `5m`, `1h`, `7d`, `28d`, `30d`, `4w`.
 *
 * @throws {@link InvalidSloDurationError} for anything else, with a message
 * saying what to write instead.
 * @public
 */
export function parseSloDuration(value: string): number {
  const { amount, unit } = parseSloDurationParts(value);
  if (unit === 'M' || unit === 'Q' || unit === 'Y') {
    throw new InvalidSloDurationError(
      `${describe(value)} uses a calendar unit (${unit}: ${
        UNIT_NAMES[unit]
      }) whose length varies; write a rolling window in days, e.g. "30d", or make the window calendar-aligned (isRolling: false with a calendar)`,
    );
  }
  return amount * UNIT_SECONDS[unit];
}

const NOMINAL_CALENDAR_DAYS: Record<SloDurationUnit, number> = {
  m: 1 / 1440,
  h: 1 / 24,
  d: 1,
  w: 7,
  M: 30,
  Q: 91,
  Y: 365,
};

/**
 * The nominal length of a calendar window in seconds (a month is 30 days, a
 * quarter 91, a year 365): what its burn-rate alert windows are scaled to
 * and what the window bound compares; never used to measure the window,
 * whose real bounds come from the calendar.
 * @public
 */
export function nominalCalendarWindowSeconds(parts: SloDurationParts): number {
  return Math.round(parts.amount * NOMINAL_CALENDAR_DAYS[parts.unit] * 86_400);
}

/**
 * Formats seconds as the shortest exact duration shorthand, e.g.
 * `2592000` → `30d`, `5400` → `90m`; usable in PromQL range selectors.
 *
 * @throws RangeError when `seconds` is not a positive whole number of minutes.
 * @public
 */
export function formatSloDuration(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds <= 0 || seconds % 60 !== 0) {
    throw new RangeError(
      `${seconds} seconds is not a positive whole number of minutes`,
    );
  }
  // Days rather than weeks: "28d" reads better than "4w" on an SLO card and
  // PromQL accepts both.
  if (seconds % UNIT_SECONDS.d === 0) {
    return `${seconds / UNIT_SECONDS.d}d`;
  }
  if (seconds % UNIT_SECONDS.h === 0) {
    return `${seconds / UNIT_SECONDS.h}h`;
  }
  return `${seconds / UNIT_SECONDS.m}m`;
}
