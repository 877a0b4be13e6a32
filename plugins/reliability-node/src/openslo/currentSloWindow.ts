import { calendarWindowAt } from '@preflight/plugin-reliability-common';
import type { SloDefinition } from './SloDefinition';

/**
 * The SLO window an SLO is measured over at `at`: a rolling window ends at
 * `at` and is `windowSeconds` long; a calendar-aligned one is the calendar
 * window in force at `at` (see {@link @preflight/plugin-reliability-common#calendarWindowAt}), measured from its
 * start up to `at`, and `end` is when it resets.
 * @public
 */
export function currentSloWindow(
  definition: Pick<
    SloDefinition,
    'rolling' | 'calendar' | 'window' | 'windowSeconds'
  >,
  at: Date,
): { start: Date; end: Date } {
  if (definition.rolling || !definition.calendar) {
    return {
      start: new Date(at.getTime() - definition.windowSeconds * 1000),
      end: at,
    };
  }
  return calendarWindowAt(
    { ...definition.calendar, duration: definition.window },
    at,
  );
}
