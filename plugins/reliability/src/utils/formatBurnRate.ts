import { NO_DATA } from './formatPercent';

/**
 * Formats a burn rate as a multiple of the sustainable rate: `14.4×`,
 * `0.25×`. Two decimals below 10 (where the difference between 0.5 and 1
 * matters), one above. `null` and non-finite values read "no data".
 */
export function formatBurnRate(burnRate: number | null | undefined): string {
  if (
    burnRate === null ||
    burnRate === undefined ||
    !Number.isFinite(burnRate)
  ) {
    return NO_DATA;
  }
  const digits = Math.abs(burnRate) < 10 ? 2 : 1;
  const text = new Intl.NumberFormat('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits === 2 ? 2 : 1,
  }).format(burnRate);
  return `${text}×`;
}
