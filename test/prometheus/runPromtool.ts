import { execFile } from 'node:child_process';
import { requirePrometheusBinaries } from './prometheusBinaries';

/** Outcome of one `promtool` run; a non-zero exit code is a result, not an exception. */
export interface PromtoolResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Default deadline of one `promtool` run. */
export const PROMTOOL_TIMEOUT_MS = 120_000;

/**
 * Runs `promtool` with `args`. Resolves with the exit code and output whatever
 * the exit code; rejects only when promtool cannot run at all or exceeds the
 * deadline (it is killed then).
 */
export function runPromtool(
  args: readonly string[],
  options: { timeoutMs?: number; cwd?: string } = {},
): Promise<PromtoolResult> {
  const { promtool } = requirePrometheusBinaries();
  const timeoutMs = options.timeoutMs ?? PROMTOOL_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    execFile(
      promtool,
      [...args],
      {
        cwd: options.cwd,
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve({ exitCode: 0, stdout, stderr });
          return;
        }
        if (error.killed || error.signal) {
          reject(
            new Error(
              `promtool ${args.join(
                ' ',
              )} did not finish within ${timeoutMs} ms (${
                error.signal ?? 'killed'
              })`,
            ),
          );
          return;
        }
        if (typeof error.code === 'number') {
          resolve({ exitCode: error.code, stdout, stderr });
          return;
        }
        reject(new Error(`promtool could not run: ${error.message}`));
      },
    );
  });
}
