import type { DemoServiceProfile } from './demoScenario';

/**
 * Every status code a service answers with, sorted. Shared by the demo
 * Prometheus' generator and the simulated source, which must show the same
 * series.
 */
export function statusCodes(profile: DemoServiceProfile): string[] {
  const codes = new Set(['200']);
  if (profile.baselineErrorRatio > 0) {
    codes.add(profile.baselineErrorCode);
  }
  profile.errorEpisodes.forEach(e =>
    Object.keys(e.codeShares).forEach(code => codes.add(code)),
  );
  return [...codes].sort();
}

/**
 * Traffic is higher in the UTC afternoon; averages 1 over a day. Shared by the
 * demo Prometheus' generator and the simulated source.
 */
export function diurnalFactor(timeSeconds: number): number {
  const dayFraction = (timeSeconds % 86400) / 86400;
  return 1 + 0.3 * Math.cos(2 * Math.PI * (dayFraction - 15 / 24));
}
