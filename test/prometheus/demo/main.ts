/**
 * Starts the demo Prometheus (see README.md):
 * `node --import tsx test/prometheus/demo/main.ts --port 9099`.
 * Prints `PROMETHEUS_URL=http://127.0.0.1:<port>` once it is ready and stops
 * on SIGTERM/SIGINT.
 */
import { startDemoPrometheus } from './startDemoPrometheus';

function portArgument(): number {
  const index = process.argv.indexOf('--port');
  const port = Number(index >= 0 ? process.argv[index + 1] : 9099);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(
      `--port must be a TCP port, got ${process.argv[index + 1]}`,
    );
  }
  return port;
}

async function main() {
  const started = Date.now();
  const demo = await startDemoPrometheus({ port: portArgument() });
  const { cacheHit, cacheMs, recentMs, startMs } = demo.timings;
  process.stderr.write(
    `demo Prometheus: history to ${demo.historyEnd.toISOString()}, ` +
      `cache ${
        cacheHit ? 'hit' : 'built'
      } ${cacheMs} ms, recent ${recentMs} ms, ` +
      `server ${startMs} ms, total ${Date.now() - started} ms\n`,
  );
  process.stdout.write(`PROMETHEUS_URL=${demo.url}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    demo.stop().then(
      () => process.exit(0),
      error => {
        process.stderr.write(`${error}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
