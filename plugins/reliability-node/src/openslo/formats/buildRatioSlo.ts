import { OPENSLO_API_VERSION } from '../openSloSchemas';
import type { OpenSloObject } from './types';

/** A ratio SLO from another format, in the terms OpenSLO uses. */
export interface RatioSloInput {
  name: string;
  displayName?: string;
  description?: string;
  service: string;
  labels: Record<string, string>;
  /** `true` when the queries select counters (or are `$window` templates of them). */
  counter: boolean;
  /** Exactly one of good and bad. */
  good?: string;
  bad?: string;
  total: string;
  /** Rolling window, e.g. `30d`. */
  window: string;
  /** Objective in percent, e.g. 99.9. */
  targetPercent: number;
}

function prometheusMetric(query: string) {
  return { metricSource: { type: 'Prometheus', spec: { query } } };
}

/**
 * Writes an OpenSLO v1 `SLO` with an inline ratio indicator, a rolling
 * window and Occurrences budgeting: what Sloth and Pyrra SLOs are, an
 * objective over the share of good events in a window.
 */
export function buildRatioSlo(input: RatioSloInput): OpenSloObject {
  const ratioMetric: Record<string, unknown> = { counter: input.counter };
  if (input.good !== undefined) {
    ratioMetric.good = prometheusMetric(input.good);
  } else {
    ratioMetric.bad = prometheusMetric(input.bad ?? '');
  }
  ratioMetric.total = prometheusMetric(input.total);

  const metadata: OpenSloObject['metadata'] = { name: input.name };
  if (input.displayName !== undefined && input.displayName !== input.name) {
    metadata.displayName = input.displayName;
  }
  if (Object.keys(input.labels).length > 0) {
    metadata.labels = input.labels;
  }
  const spec: Record<string, unknown> = {};
  if (input.description) {
    spec.description = input.description;
  }
  Object.assign(spec, {
    service: input.service,
    indicator: {
      metadata: { name: input.name },
      spec: { ratioMetric },
    },
    timeWindow: [{ duration: input.window, isRolling: true }],
    budgetingMethod: 'Occurrences',
    // targetPercent keeps the objective exactly as written (99.9, not
    // 0.9990000000000001); the OpenSLO parser turns it into a fraction.
    objectives: [{ targetPercent: input.targetPercent }],
  });
  return {
    apiVersion: OPENSLO_API_VERSION,
    kind: 'SLO',
    metadata,
    spec,
  };
}
