/**
 * Name of the recording rule holding an SLO's error ratio over a window,
 * e.g. `slo:sli_error:ratio_rate5m` (the Sloth/Pyrra convention).
 */
export function sliErrorRatioRecord(window: string): string {
  return `slo:sli_error:ratio_rate${window}`;
}
