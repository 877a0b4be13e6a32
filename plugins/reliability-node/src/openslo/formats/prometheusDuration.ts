// Prometheus duration units, largest first, in milliseconds (a year is 365
// days in Prometheus).
const UNITS: ReadonlyArray<[string, number]> = [
  ['y', 365 * 86_400_000],
  ['w', 7 * 86_400_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
  ['ms', 1],
];

const DURATION =
  /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/**
 * Parses a Prometheus duration as Pyrra writes windows and latencies
 * (`28d`, `2w`, `1w3d`, `200ms`) into milliseconds; `undefined` when it is
 * not one or is zero.
 */
export function parsePrometheusDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text === '') {
    return undefined;
  }
  let total = 0;
  UNITS.forEach(([, milliseconds], index) => {
    const amount = match[index + 1];
    if (amount !== undefined) {
      total += Number(amount) * milliseconds;
    }
  });
  return total > 0 && Number.isSafeInteger(total) ? total : undefined;
}
