import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import { evaluateSloBudget } from '@preflight/plugin-reliability-common';
import {
  parseOpenSloDocuments,
  type SloDefinition,
} from '@preflight/plugin-reliability-node';
import { SimulatedDemoSloProvider } from './SimulatedDemoSloProvider';

const SLO_DIR = resolve(__dirname, '../../../../catalog/slos');
const NOW = new Date('2026-11-22T09:00:00Z');

function catalogSlos(component: string): SloDefinition[] {
  const file = `${component}.yaml`;
  const { definitions, problems } = parseOpenSloDocuments(
    readFileSync(resolve(SLO_DIR, file), 'utf8'),
    { entityRef: `component:default/${component}`, file },
  );
  expect(problems).toEqual([]);
  return definitions;
}

function componentEntity(
  name: string,
  annotations: Record<string, string> = {},
) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {},
  } as Entity;
}

/** Measures a catalog component's SLOs and evaluates them as the SLO card does. */
async function evaluate(name: string, now = NOW) {
  const provider = new SimulatedDemoSloProvider({ startedAt: NOW });
  const slos = catalogSlos(name);
  const batch = await provider.measureSlos('simulated:demo', slos, {
    signal: new AbortController().signal,
    now,
  });
  expect(batch.observations.map(o => o.errors)).toEqual(slos.map(() => []));
  return batch.observations.map((measurement, k) => ({
    measurement,
    evaluation: evaluateSloBudget({
      objective: slos[k].target,
      periodSeconds: slos[k].windowSeconds,
      period: measurement.period ?? null,
      windows: measurement.windows,
    }),
  }));
}

describe('SimulatedDemoSloProvider', () => {
  it('names its one source as simulated demo data', () => {
    expect(new SimulatedDemoSloProvider().listSources()).toEqual([
      {
        id: 'simulated:demo',
        type: 'simulated',
        displayName: 'Simulated demo data (no Prometheus)',
      },
    ]);
  });

  it('places SLOs on the demo instance only', () => {
    const provider = new SimulatedDemoSloProvider();
    const [slo] = catalogSlos('payments-gateway');
    expect(
      provider.locateSlo(componentEntity('payments-gateway'), slo),
    ).toEqual({
      sourceId: 'simulated:demo',
    });
    expect(
      provider.locateSlo(
        componentEntity('payments-gateway', {
          'preflight.dev/prometheus-instance': 'demo',
        }),
        slo,
      ),
    ).toEqual({ sourceId: 'simulated:demo' });
    const elsewhere = provider.locateSlo(
      componentEntity('payments-gateway', {
        'preflight.dev/prometheus-instance': 'main',
      }),
      slo,
    );
    expect(elsewhere).toMatchObject({
      problem: { message: expect.stringContaining('"main"') },
    });
    expect(
      provider.locateSlo(componentEntity('payments-gateway'), {
        ...slo,
        prometheusInstance: 'main',
      }),
    ).toHaveProperty('problem');
  });

  it('shows checkout-api healthy on both SLOs', async () => {
    const results = await evaluate('checkout-api');
    expect(results).toHaveLength(2);
    for (const { evaluation } of results) {
      expect(evaluation.alerts.state).toBe('ok');
      expect(evaluation.budgetRemaining).toBeGreaterThan(0.5);
    }
    // 0.02 % 5xx against a 0.1 % budget; 0.3 % slow against a 1 % budget.
    expect(results[0].evaluation.budgetRemaining).toBeCloseTo(0.8, 5);
    expect(results[1].evaluation.budgetRemaining).toBeCloseTo(0.7, 5);
  });

  it('shows payments-gateway burning fast now, with budget left', async () => {
    const [{ evaluation }] = await evaluate('payments-gateway');
    expect(evaluation.alerts.state).toBe('page');
    expect(
      evaluation.burnRates.find(b => b.window === '1h')?.burnRate,
    ).toBeCloseTo(30, 5);
    expect(evaluation.budgetRemaining).toBeGreaterThan(0);
    expect(evaluation.budgetRemaining).toBeLessThan(1);
  });

  it('keeps the payments-gateway episode anchored at the demo start', async () => {
    const later = new Date(NOW.getTime() + 3 * 3600_000);
    const [{ evaluation }] = await evaluate('payments-gateway', later);
    // Still failing 3 % three hours on: the 2h window lies inside the
    // episode (4.5 h old by then), the 6h window only partly.
    const burn = (window: string) =>
      evaluation.burnRates.find(b => b.window === window)?.burnRate;
    expect(burn('2h')).toBeCloseTo(30, 5);
    expect(burn('6h')).toBeGreaterThan(14.4);
    expect(burn('6h')).toBeLessThan(30);
  });

  it('shows search-api with its budget exhausted', async () => {
    const [{ evaluation }] = await evaluate('search-api');
    expect(evaluation.budgetRemaining).toBeLessThan(0);
    expect(evaluation.alerts.state).toBe('ok');
  });

  it('shows recommendations without traffic as no data', async () => {
    const [{ measurement, evaluation }] = await evaluate('recommendations');
    expect(measurement.period).toEqual({ good: 0, total: 0 });
    expect(evaluation.attainment).toBeNull();
    expect(evaluation.alerts.state).toBe('no-data');
  });

  it('fills a burn-down over the window that adds up to the period', async () => {
    const [{ measurement }] = await evaluate('search-api');
    const burnDown = measurement.burnDown!;
    expect(burnDown.windowStart).toBe('2026-10-25T09:00:00.000Z');
    expect(burnDown.buckets.at(-1)?.timestamp).toBe(NOW.toISOString());
    expect(burnDown.buckets.length * burnDown.stepSeconds).toBe(28 * 86400);
    const sum = (key: 'good' | 'total') =>
      burnDown.buckets.reduce((acc, b) => acc + b[key], 0);
    expect(sum('total')).toBeCloseTo(measurement.period!.total, 3);
    expect(sum('good')).toBeCloseTo(measurement.period!.good, 3);
  });

  it('reports queries the simulated data cannot answer on the SLO', async () => {
    const [slo] = catalogSlos('search-api');
    const provider = new SimulatedDemoSloProvider({ startedAt: NOW });
    const batch = await provider.measureSlos(
      'simulated:demo',
      [
        {
          ...slo,
          indicator: {
            kind: 'ratio-bad',
            counter: true,
            badQuery: 'sum(rate(http_requests_total{code=~"5.."}[5m]))',
            totalQuery:
              slo.indicator.kind === 'ratio-bad'
                ? slo.indicator.totalQuery
                : '',
          },
        },
        {
          ...slo,
          indicator: {
            kind: 'ratio-bad',
            counter: true,
            badQuery: 'http_requests_total{service="nope",code=~"5.."}',
            totalQuery: 'http_requests_total{service="nope"}',
          },
        },
      ],
      { signal: new AbortController().signal, now: NOW },
    );
    expect(batch.observations[0].errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('plain series selectors'),
      }),
    ]);
    // A service the scenario does not have has no series: no data, not zero.
    expect(batch.observations[1].errors).toEqual([]);
    expect(batch.observations[1].period).toBeNull();
  });
});
