import type { DurationHistogram } from './durationHistogram';

/**
 * Durations summed for exact means and bucketed for approximate
 * percentiles. Sums are whole milliseconds, so adding rows loses nothing.
 */
export interface DurationSummary {
  count: number;
  sumMs: number;
  histogram: DurationHistogram;
}

/**
 * One service's day, pre-aggregated (see `foldServiceDay`). Everything is
 * about incidents created and changes made on that local day, except
 * `openAtDayEnd`, a snapshot at the day's end.
 */
export interface ServiceDailyRow {
  serviceId: string;
  /** Local day `YYYY-MM-DD` in `timeZone`. */
  day: string;
  /** Zone of the day boundaries; reports must use the same zone. */
  timeZone: string;
  high: number;
  low: number;
  /** Time to first acknowledgement of the day's acknowledged incidents. */
  ack: DurationSummary;
  unacknowledged: number;
  /** Time to resolve of the day's resolved incidents. */
  resolve: DurationSummary;
  unresolved: number;
  /** Incidents of the service (created any day) unresolved at the day's end. */
  openAtDayEnd: number;
  /** The day's longest resolved incident. */
  longest: { incidentId: string; durationMs: number } | null;
  /** The day's incidents that were noise (see `isNoiseIncident`). */
  noise: number;
  changes: number;
  failedChanges: number;
}

/**
 * One person's day in a rotation.
 */
export interface PersonDailyLoad {
  personId: string;
  /** Pro-rata shifts (see `shiftUnitsWithin`). */
  shifts: number;
  /** Milliseconds on call that day, overlapping shifts counted once. */
  onCallMs: number;
  pages: number;
  offHoursPages: number;
  sleepHoursPages: number;
}

/**
 * One rotation's day, pre-aggregated (see `foldRotationDay`): pages of
 * incidents created that local day and the shifts' share of that day.
 */
export interface RotationDailyRow {
  rotationId: string;
  /** Local day `YYYY-MM-DD` in `timeZone`. */
  day: string;
  timeZone: string;
  /** Pro-rata shifts of the rotation. */
  shifts: number;
  /** Pages of the day, each incident once. */
  pages: number;
  offHoursPages: number;
  sleepHoursPages: number;
  /** People with a shift overlapping the day, by personId. */
  people: PersonDailyLoad[];
}
