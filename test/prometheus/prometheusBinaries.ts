import { accessSync, constants } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Paths of the Prometheus binaries the real-server tests use, and their version. */
export interface PrometheusBinaries {
  prometheus: string;
  promtool: string;
  /** e.g. `2.42.0+ds` */
  version: string;
}

const INSTALL_HINT =
  'Install them with `sudo apt-get install -y prometheus` (Debian/Ubuntu; the package ships both ' +
  '`prometheus` and `promtool`), or point PROMETHEUS_BIN and PROMTOOL_BIN at the binaries. ' +
  'These tests need a real Prometheus and are never skipped.';

/** The executable named `name` on PATH, or undefined. */
function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) {
      continue;
    }
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this PATH entry
    }
  }
  return undefined;
}

/** The binary from the environment override or PATH; throws with install advice. */
function requireBinary(name: string, envVariable: string): string {
  const override = process.env[envVariable];
  if (override) {
    try {
      accessSync(override, constants.X_OK);
      return override;
    } catch {
      throw new Error(
        `${envVariable}=${override} is not an executable file. ${INSTALL_HINT}`,
      );
    }
  }
  const found = findOnPath(name);
  if (!found) {
    throw new Error(
      `The real-Prometheus tests need \`${name}\`, which is not on PATH. ${INSTALL_HINT}`,
    );
  }
  return found;
}

const cache = new Map<string, PrometheusBinaries>();

/**
 * Finds `prometheus` and `promtool` (PATH, or PROMETHEUS_BIN / PROMTOOL_BIN)
 * and reads their version. Throws an error that says how to install them when
 * they are missing: the real-server tests fail loudly instead of skipping.
 */
export function requirePrometheusBinaries(): PrometheusBinaries {
  const cacheKey = `${process.env.PROMETHEUS_BIN}\0${process.env.PROMTOOL_BIN}\0${process.env.PATH}`;
  const cached = cache.get(cacheKey);
  if (cached) {
    return cached;
  }
  const prometheus = requireBinary('prometheus', 'PROMETHEUS_BIN');
  const promtool = requireBinary('promtool', 'PROMTOOL_BIN');
  const output = execFileSync(promtool, ['--version'], {
    encoding: 'utf8',
    timeout: 10_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const version = /version (\S+)/.exec(output)?.[1] ?? 'unknown';
  const binaries = { prometheus, promtool, version };
  cache.set(cacheKey, binaries);
  return binaries;
}
