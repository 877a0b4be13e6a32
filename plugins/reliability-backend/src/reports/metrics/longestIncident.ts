/** Longest first; equal durations by incident id so the answer is stable. */
function longer(
  candidate: { incidentId: string; durationMs: number },
  current: { incidentId: string; durationMs: number } | null,
): boolean {
  if (current === null || candidate.durationMs > current.durationMs) {
    return true;
  }
  return (
    candidate.durationMs === current.durationMs &&
    candidate.incidentId < current.incidentId
  );
}

/**
 * The single rule for picking the longest of two incidents, shared by the
 * raw computation and the daily fold.
 */
export function longestOf<T extends { incidentId: string; durationMs: number }>(
  candidate: T,
  current: T | null,
): T {
  return longer(candidate, current) ? candidate : (current as T);
}
