import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { pagerDutyGet } from './testing/simulatorClient';

describe('main (command line)', () => {
  it('prints the URL once listening, serves the demo fleet, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'main.ts',
        '--port',
        '0',
        '--now',
        '2026-03-11T10:00:00Z',
      ],
      {
        cwd: __dirname,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const lines = createInterface({ input: child.stdout! });
      const [line] = (await once(lines, 'line')) as [string];
      expect(line).toMatch(
        /^PAGERDUTY_SIMULATOR_URL=http:\/\/127\.0\.0\.1:\d+$/,
      );
      const url = line.split('=')[1];
      const res = await pagerDutyGet(url, '/services/PCHKOUT');
      expect(res.body.service.name).toBe('checkout-api');
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
