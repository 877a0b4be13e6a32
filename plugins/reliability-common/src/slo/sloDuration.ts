/**
 * OpenSLO duration shorthand (`5m`, `1h`, `7d`, `4w`) to seconds and back.
 *
 * Only fixed-length units are accepted. OpenSLO also allows `M`, `Q` and `Y`,
 * but their length depends on the calendar, so a rolling window written with
 * them would be evaluated over an arbitrary number of days; we ask for days
 * instead of guessing.
 */

const UNIT_SECONDS = {
  m: 60,
  h: 3_600,
  d: 86_400,
  w: 604_800,
} as const;

type DurationUnit = keyof typeof UNIT_SECONDS;

// A positive integer (no sign, no leading zero, no fraction) and one unit.
const DURATION = /^([1-9][0-9]{0,5})([a-zA-Z]+)$/;

/** Thrown by {@link parseSloDuration} for anything but `<integer><m|h|d|w>`. @public */
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
  const amount = Number(match[1]);
  const unit = match[2];
  if (unit === 'M' || unit === 'Q' || unit === 'Y') {
    throw new InvalidSloDurationError(
      `${describe(
        value,
      )} uses a calendar unit (${unit}) whose length varies; write the window in days, e.g. "30d"`,
    );
  }
  if (!(unit in UNIT_SECONDS)) {
    throw new InvalidSloDurationError(
      `${describe(
        value,
      )} has unknown unit "${unit}"; use one of m, h, d, w, e.g. "5m", "1h", "28d" or "4w"`,
    );
  }
  return amount * UNIT_SECONDS[unit as DurationUnit];
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
