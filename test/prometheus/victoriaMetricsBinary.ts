import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

const INSTALL_HINT =
  'Install it with `sudo apt-get install -y victoria-metrics` (Debian/Ubuntu; scripts/ensure-system-packages.sh does), ' +
  'or point VICTORIA_METRICS_BIN at the binary. These tests need a real VictoriaMetrics and are never skipped.';

/** The `victoria-metrics` binary and its version. */
export interface VictoriaMetricsBinary {
  path: string;
  /** e.g. `victoria-metrics-20220801-…-v1.79.0` or the package's own string */
  version: string;
}

let found: VictoriaMetricsBinary | undefined;

/**
 * Finds `victoria-metrics` (VICTORIA_METRICS_BIN, or PATH); throws with
 * install advice when it is missing.
 */
export function requireVictoriaMetricsBinary(): VictoriaMetricsBinary {
  if (found) {
    return found;
  }
  const override = process.env.VICTORIA_METRICS_BIN;
  const candidates = override
    ? [override]
    : (process.env.PATH ?? '')
        .split(path.delimiter)
        .filter(Boolean)
        .map(dir => path.join(dir, 'victoria-metrics'));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
    } catch {
      continue;
    }
    const version = execFileSync(candidate, ['-version'], {
      encoding: 'utf8',
      timeout: 10_000,
    }).trim();
    found = { path: candidate, version };
    return found;
  }
  throw new Error(
    override
      ? `VICTORIA_METRICS_BIN=${override} is not an executable file. ${INSTALL_HINT}`
      : `The real-VictoriaMetrics tests need \`victoria-metrics\`, which is not on PATH. ${INSTALL_HINT}`,
  );
}
