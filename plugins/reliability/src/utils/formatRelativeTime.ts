import { formatDuration } from './formatDuration';

/**
 * Describes `target` relative to `now`, e.g. `in 2h 15m`, `3m ago`,
 * `just now`. `now` is a parameter so that screens and tests agree on one
 * clock.
 */
export function formatRelativeTime(target: Date | string, now: Date): string {
  const targetMs =
    typeof target === 'string' ? Date.parse(target) : target.getTime();
  if (Number.isNaN(targetMs)) {
    return 'at an unknown time';
  }
  const diffSeconds = (targetMs - now.getTime()) / 1000;
  if (Math.abs(diffSeconds) < 60) {
    return diffSeconds > 0 ? 'in less than a minute' : 'just now';
  }
  const duration = formatDuration(Math.abs(diffSeconds));
  return diffSeconds > 0 ? `in ${duration}` : `${duration} ago`;
}
