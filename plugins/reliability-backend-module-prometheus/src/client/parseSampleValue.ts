/**
 * Turns a Prometheus sample value string into a number: `"NaN"` (e.g. 0/0
 * from a ratio without traffic) becomes `null` so that no NaN ever leaves the
 * client; `"+Inf"` / `"-Inf"` become ±Infinity (a latency quantile above the
 * highest bucket is a real, bad value). Returns `undefined` for anything that
 * is not a Prometheus number.
 */
export function parseSampleValue(value: unknown): number | null | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  switch (value) {
    case 'NaN':
      return null;
    case '+Inf':
    case 'Inf':
      return Infinity;
    case '-Inf':
      return -Infinity;
    default: {
      // Number('') is 0 and Number(' 1') is 1; Prometheus never sends those.
      if (value.trim() !== value || value === '') {
        return undefined;
      }
      const number = Number(value);
      return Number.isNaN(number) ? undefined : number;
    }
  }
}
