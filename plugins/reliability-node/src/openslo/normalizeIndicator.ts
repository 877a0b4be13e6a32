import type { SloIndicator } from './SloDefinition';
import type { OpenSloSliSpec } from './openSloSchemas';
import { formatFieldPath } from '@preflight/plugin-reliability-common';
import type { DescribedIssue } from './describeZodIssue';

/** An SLI spec reduced to what the evaluator needs. */
export type NormalizedIndicator =
  | { ok: true; indicator: SloIndicator; prometheusInstance?: string }
  | { ok: false; issues: DescribedIssue[] };

interface UsedSource {
  path: Array<string | number>;
  metricSourceRef?: string;
}

/**
 * Turns a schema-valid SLI spec into an {@link SloIndicator} and the named
 * Prometheus instance its queries run on. `pathPrefix` locates the spec in
 * its document (`spec` for an SLI, `spec.indicator.spec` inline).
 *
 * A `metricSourceRef` given on one query applies to all of them; two
 * different ones are a problem because a ratio is computed on one instance.
 */
export function normalizeIndicator(
  spec: OpenSloSliSpec,
  pathPrefix: Array<string | number>,
): NormalizedIndicator {
  const sources: UsedSource[] = [];
  let indicator: SloIndicator;

  const ratio = spec.ratioMetric;
  if (ratio) {
    // The schema guarantees total and exactly one of good/bad.
    const total = ratio.total!;
    const counter = ratio.counter ?? true;
    sources.push({
      path: [...pathPrefix, 'ratioMetric', 'total'],
      metricSourceRef: total.metricSource.metricSourceRef,
    });
    if (ratio.good) {
      sources.unshift({
        path: [...pathPrefix, 'ratioMetric', 'good'],
        metricSourceRef: ratio.good.metricSource.metricSourceRef,
      });
      indicator = {
        kind: 'ratio-good',
        counter,
        goodQuery: ratio.good.metricSource.spec.query.trim(),
        totalQuery: total.metricSource.spec.query.trim(),
      };
    } else {
      sources.unshift({
        path: [...pathPrefix, 'ratioMetric', 'bad'],
        metricSourceRef: ratio.bad!.metricSource.metricSourceRef,
      });
      indicator = {
        kind: 'ratio-bad',
        counter,
        badQuery: ratio.bad!.metricSource.spec.query.trim(),
        totalQuery: total.metricSource.spec.query.trim(),
      };
    }
  } else {
    const threshold = spec.thresholdMetric!;
    sources.push({
      path: [...pathPrefix, 'thresholdMetric'],
      metricSourceRef: threshold.metricSource.metricSourceRef,
    });
    indicator = {
      kind: 'threshold',
      query: threshold.metricSource.spec.query.trim(),
    };
  }

  const named = sources.filter(source => source.metricSourceRef !== undefined);
  const first = named[0];
  const conflicting = named.find(
    source => source.metricSourceRef !== first?.metricSourceRef,
  );
  if (first && conflicting) {
    return {
      ok: false,
      issues: [
        {
          field: formatFieldPath([
            ...conflicting.path,
            'metricSource',
            'metricSourceRef',
          ]),
          message: `Prometheus instance "${conflicting.metricSourceRef}" differs from "${first.metricSourceRef}" used by the other query; a ratio is measured on one instance`,
          fix: 'Use the same metricSourceRef on every query of the indicator.',
        },
      ],
    };
  }
  return first?.metricSourceRef !== undefined
    ? { ok: true, indicator, prometheusInstance: first.metricSourceRef }
    : { ok: true, indicator };
}
