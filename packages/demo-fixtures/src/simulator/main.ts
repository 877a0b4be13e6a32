import { parseArgs } from 'node:util';
import { demoFleet } from './fixtures/demoFleet';
import { generatedFleet } from './fixtures/generatedFleet';
import {
  DEFAULT_SIMULATOR_TOKEN,
  startPagerDutySimulator,
} from './startPagerDutySimulator';

const usage = `Usage: node --import tsx packages/demo-fixtures/src/simulator/main.ts [options]

  --port <n>              port on 127.0.0.1 (default 0: any free port)
  --fleet demo|generated  fixture data (default demo)
  --services <n>          services of the generated fleet (default 10000)
  --now <iso>             freeze the clock at this instant (default: real time)
  --rate-limit <n>        requests per minute per token (default 960)
  --no-rate-limit-headers omit ratelimit-* headers
  --latency-ms <n>        delay before each answer (default 0)
  --token <key>           accepted API key, repeatable (default ${DEFAULT_SIMULATOR_TOKEN})
  --time-zone <zone>      account time zone for rendered timestamps (default UTC)

Prints PAGERDUTY_SIMULATOR_URL=http://127.0.0.1:<port> once listening.`;

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      fleet: { type: 'string', default: 'demo' },
      services: { type: 'string', default: '10000' },
      now: { type: 'string' },
      'rate-limit': { type: 'string', default: '960' },
      'no-rate-limit-headers': { type: 'boolean', default: false },
      'latency-ms': { type: 'string', default: '0' },
      token: { type: 'string', multiple: true },
      'time-zone': { type: 'string', default: 'UTC' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const integer = (name: string, value: string) => {
    if (!/^\d+$/.test(value)) {
      throw new Error(`--${name} must be a non-negative integer, got ${value}`);
    }
    return Number(value);
  };
  const now = values.now ? new Date(values.now) : undefined;
  if (now && Number.isNaN(now.getTime())) {
    throw new Error(`--now must be an ISO timestamp, got ${values.now}`);
  }
  const fleetNow = now ?? new Date();
  if (values.fleet !== 'demo' && values.fleet !== 'generated') {
    throw new Error(`--fleet must be demo or generated, got ${values.fleet}`);
  }
  const fleet =
    values.fleet === 'generated'
      ? generatedFleet({
          services: integer('services', values.services),
          now: fleetNow,
        })
      : demoFleet(fleetNow);
  const simulator = await startPagerDutySimulator({
    port: integer('port', values.port),
    fleet,
    now,
    rateLimitPerMinute: integer('rate-limit', values['rate-limit']),
    rateLimitHeaders: !values['no-rate-limit-headers'],
    latencyMs: integer('latency-ms', values['latency-ms']),
    tokens: values.token ?? [DEFAULT_SIMULATOR_TOKEN],
    accountTimeZone: values['time-zone'],
  });
  process.stdout.write(`PAGERDUTY_SIMULATOR_URL=${simulator.url}\n`);
  const stop = () => {
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch(error => {
  process.stderr.write(
    `${error instanceof Error ? error.message : error}\n\n${usage}\n`,
  );
  process.exit(2);
});
