/** Shown wherever a figure cannot be computed (no traffic, bad value). @public */
export const NO_DATA = 'no data';

// Building an Intl.NumberFormat costs far more than formatting with one, and
// a scorecard evaluation formats figures of thousands of SLOs: one per
// number of decimals, built on first use.
const formats = new Map<number, Intl.NumberFormat>();
function percentFormat(digits: number): Intl.NumberFormat {
  let format = formats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      maximumFractionDigits: digits,
      minimumFractionDigits: 0,
    });
    formats.set(digits, format);
  }
  return format;
}

/**
 * Formats a fraction as a percentage with as few decimals as say something
 * true: `99.95%`, `99.9%`, `-12.5%`. SLO figures live just below 100%, so a
 * value under 100% is never rounded up to `100%` (99.999% stays 99.999%).
 * `null`, `NaN` and infinities read "no data".
 * @public
 */
export function formatPercent(
  fraction: number | null | undefined,
  maximumFractionDigits: number = 2,
): string {
  if (
    fraction === null ||
    fraction === undefined ||
    !Number.isFinite(fraction)
  ) {
    return NO_DATA;
  }
  const percent = fraction * 100;
  let digits = maximumFractionDigits;
  // Add decimals until a value just under 100% no longer prints as 100%.
  while (
    digits < 5 &&
    percent < 100 &&
    Number(percent.toFixed(digits)) >= 100
  ) {
    digits += 1;
  }
  const text = percentFormat(digits).format(percent);
  // "-0%" says nothing a reader can use.
  return `${text === '-0' ? '0' : text}%`;
}

/**
 * Error budget left in words, the same on every card: `42.5% left`,
 * `exhausted (-12.5%)`, or `no data`.
 * @public
 */
export function formatBudgetRemaining(budgetRemaining: number | null): string {
  if (budgetRemaining === null || !Number.isFinite(budgetRemaining)) {
    return NO_DATA;
  }
  if (budgetRemaining <= 0) {
    return `exhausted (${formatPercent(budgetRemaining, 1)})`;
  }
  return `${formatPercent(budgetRemaining, 1)} left`;
}
