import { useEffect, useState } from 'react';

/**
 * The current time, re-read every `intervalMs` so relative times
 * ("3m ago") stay true while a page is open. An `override` pins the clock,
 * which is how tests and screenshots get stable text.
 * @public
 */
export function useNow(override?: Date, intervalMs: number = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  const pinned = override !== undefined;
  useEffect(() => {
    if (pinned) {
      return undefined;
    }
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [pinned, intervalMs]);
  return override ?? now;
}
