const UNITS: ReadonlyArray<[suffix: string, seconds: number]> = [
  ['d', 86_400],
  ['h', 3_600],
  ['m', 60],
  ['s', 1],
];

/**
 * Formats a duration in seconds as at most two units, e.g. `4m 30s`,
 * `1h 12m`, `3d 4h`. Two units keep MTTA/MTTR and handoff times precise
 * enough to act on without turning into a stopwatch.
 */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds === 0) {
    return '0s';
  }
  const parts: string[] = [];
  let rest = seconds;
  for (const [suffix, size] of UNITS) {
    if (parts.length === 2) {
      break;
    }
    const amount = Math.floor(rest / size);
    if (amount > 0) {
      parts.push(`${amount}${suffix}`);
      rest -= amount * size;
    } else if (parts.length === 1) {
      // Stop at the first empty unit after the leading one: "2h" rather than "2h 0m".
      break;
    }
  }
  return parts.join(' ');
}
