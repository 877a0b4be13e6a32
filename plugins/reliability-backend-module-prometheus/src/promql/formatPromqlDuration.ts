/**
 * Seconds as the shortest exact PromQL duration: `2592000` → `30d`,
 * `5400` → `90m`, `90` → `90s`.
 */
export function formatPromqlDuration(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds <= 0) {
    throw new RangeError(
      `${seconds} is not a positive whole number of seconds`,
    );
  }
  for (const [unit, length] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
  ] as const) {
    if (seconds % length === 0) {
      return `${seconds / length}${unit}`;
    }
  }
  return `${seconds}s`;
}
