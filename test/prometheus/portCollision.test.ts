import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  PROMETHEUS_HARNESS_TIMEOUT_MS,
  startPrometheusWithSliHistory,
} from './startPrometheusWithSliHistory';
import { startVictoriaMetricsWithSliHistory } from './startVictoriaMetricsWithSliHistory';

// The first port handed out is one another server already holds, as when a
// parallel test's server took it between the check and the bind.
const handedOut: number[] = [];
jest.mock('./freeLoopbackPort', () => {
  const actual = jest.requireActual('./freeLoopbackPort');
  return {
    freeLoopbackPort: async () => {
      const port = handedOut.shift();
      return port ?? actual.freeLoopbackPort();
    },
  };
});

/** A server that answers like a ready Prometheus or VictoriaMetrics of someone else. */
async function otherServer() {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url?.split('?')[0]}`);
    if (req.url === '/flags') {
      res.end('-storageDataPath="/somewhere/else"\n');
    } else if (req.url === '/api/v1/status/flags') {
      res.setHeader('Content-Type', 'application/json');
      res.end(
        JSON.stringify({
          status: 'success',
          data: { 'storage.tsdb.path': '/somewhere/else' },
        }),
      );
    } else {
      res.end('ready');
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

jest.setTimeout(PROMETHEUS_HARNESS_TIMEOUT_MS);

it.each([
  ['VictoriaMetrics', startVictoriaMetricsWithSliHistory],
  ['Prometheus', startPrometheusWithSliHistory],
])(
  'a %s harness given a port another server holds starts its own server on another port',
  async (_engine, start) => {
    const other = await otherServer();
    handedOut.push(other.port);
    const harness = await start();
    try {
      expect(harness.url).not.toBe(`http://127.0.0.1:${other.port}`);
      // Nothing was imported into, or queried from, the other server.
      expect(
        other.requests.filter(
          r => !/ \/(-\/ready|flags|api\/v1\/status\/flags)$/.test(r),
        ),
      ).toEqual([]);
      const answer = await fetch(
        `${harness.url}/api/v1/query?query=vector(1)&time=${harness.evaluationTimeSeconds}`,
      );
      expect(answer.status).toBe(200);
    } finally {
      await harness.stop();
      await other.close();
    }
  },
);
