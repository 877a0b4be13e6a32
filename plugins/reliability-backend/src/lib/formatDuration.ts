/**
 * A duration in the largest unit that keeps it exact enough for a message:
 * `50 ms`, `30 s`, `10 min`.
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  const seconds = Math.round(ms / 1000);
  if (seconds < 120 || seconds % 60 !== 0) {
    return `${seconds} s`;
  }
  return `${seconds / 60} min`;
}
