import type { IncidentFact } from '@preflight/plugin-reliability-common';
import type { RotationDailyRow } from './dailyRowTypes';
import { tallyOnCall } from './onCallLoad';
import { OnCallHours, validateOnCallHours } from './pageHours';
import type { RotationInput } from './types';
import { localDayWindow } from './localDayWindow';

/** Input of {@link foldRotationDay}. */
export interface FoldRotationDayInput {
  rotation: RotationInput;
  /** The local day, `YYYY-MM-DD`. */
  day: string;
  timeZone: string;
  /** Incidents of the rotation's services created that day (others ignored). */
  incidents: readonly IncidentFact[];
  hours: OnCallHours;
}

/**
 * Folds one rotation's day into a compact row: shifts pro rata for the part
 * of each shift within the day, pages of incidents created that day (see
 * `tallyOnCall`). Rotations get their own rows, not a share of each
 * service's, because one rotation serves many services and its shifts must
 * be counted once. Rebuild a row when shifts or on-call hours change.
 * @throws InputError on a malformed day, an unknown zone or invalid hours.
 */
export function foldRotationDay(input: FoldRotationDayInput): RotationDailyRow {
  validateOnCallHours(input.hours);
  const { day, window } = localDayWindow(input.day, input.timeZone);
  return {
    rotationId: input.rotation.rotationId,
    day,
    timeZone: input.timeZone,
    ...tallyOnCall(input.rotation, input.incidents, window, input.hours),
  };
}

/**
 * True when nobody was on call and nothing paged: storage may skip it.
 */
export function isEmptyRotationDailyRow(row: RotationDailyRow): boolean {
  return row.people.length === 0 && row.pages === 0;
}
