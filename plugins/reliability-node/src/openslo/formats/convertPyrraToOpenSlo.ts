import {
  formatSloDuration,
  parseSloDuration,
} from '@preflight/plugin-reliability-common';
import { buildRatioSlo } from './buildRatioSlo';
import { PYRRA_API_VERSION } from './detectSloFormat';
import {
  checkPercent,
  fieldPath,
  isPlainObject,
  readStringMap,
  reportUnknownFields,
  toOpenSloName,
} from './documentFields';
import { parsePrometheusDuration } from './prometheusDuration';
import type {
  OpenSloObject,
  SloFormatContext,
  SloFormatConversion,
  SloFormatProblem,
} from './types';

const FORMAT = `Pyrra ${PYRRA_API_VERSION} ServiceLevelObjective`;

const ROOT_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];
const SPEC_FIELDS = [
  'description',
  'target',
  'window',
  'indicator',
  'alerting',
  'partial_response_strategy',
  'performanceOverAccuracy',
  'ruleOutput',
];
const INDICATORS = ['ratio', 'latency', 'latencyNative', 'bool_gauge'] as const;
type IndicatorKind = (typeof INDICATORS)[number];

interface Queries {
  counter: boolean;
  good?: string;
  bad?: string;
  total: string;
}

/**
 * Converts a Pyrra `ServiceLevelObjective` (`pyrra.dev/v1alpha1`, as a
 * Kubernetes resource or in Pyrra's file mode) into one OpenSLO v1 `SLO`:
 * `spec.target` (a percentage, written as text) becomes `targetPercent`,
 * `spec.window` a rolling window, Occurrences budgeting, and the indicator
 * an inline ratio:
 *
 * - `ratio`: errors / total counters → bad / total;
 * - `latency`: success (a histogram bucket) / total → good / total;
 * - `bool_gauge`: `sum_over_time` / `count_over_time` of the 0/1 gauge over
 *   `$window` → good / total, as Pyrra computes it;
 * - `latencyNative`: `histogram_fraction(0, latency, …)` of the native
 *   histogram's increase over `$window` times its count → good / total.
 *
 * `grouping` (one SLO per group in Pyrra) is measured over all groups
 * together and reported; alerting settings without a Preflight equivalent,
 * Thanos and rule-output settings and unknown fields are reported by name.
 * `spec.service` is `context.defaultService` (Pyrra names no service), else
 * the SLO's name. Pure; never throws.
 */
export function convertPyrraToOpenSlo(
  document: unknown,
  context: SloFormatContext = {},
): SloFormatConversion {
  const problems: SloFormatProblem[] = [];
  const documents: OpenSloObject[] = [];
  const sourceFields: string[] = [];
  const result = () =>
    ({ format: 'pyrra', documents, sourceFields, problems } as const);
  if (!isPlainObject(document)) {
    problems.push({ field: '', message: 'a Pyrra document must be a mapping' });
    return { format: undefined, documents, sourceFields, problems };
  }
  reportUnknownFields(document, ROOT_FIELDS, '', FORMAT, problems);

  const metadata = isPlainObject(document.metadata) ? document.metadata : {};
  const rawName = metadata.name;
  if (typeof rawName !== 'string' || rawName === '') {
    problems.push({
      field: 'metadata.name',
      message: 'the ServiceLevelObjective has no name',
    });
    return result();
  }
  const name = toOpenSloName(rawName);
  if (name === undefined) {
    problems.push({
      field: 'metadata.name',
      message: `"${rawName}" cannot be made into an OpenSLO name of at most 63 lowercase letters, digits and "-"`,
      fix: 'Shorten the name.',
    });
    return result();
  }
  const labels = readStringMap(metadata.labels, 'metadata.labels', problems);
  if (Object.keys(labels).length > 0) {
    problems.push({
      field: 'metadata.labels',
      message:
        'Pyrra uses these labels to select and label its rules; Preflight keeps them as OpenSLO metadata.labels, but its recording and alert rules do not carry them',
    });
  }

  const spec = document.spec;
  if (!isPlainObject(spec)) {
    problems.push({
      field: 'spec',
      message: 'the ServiceLevelObjective has no spec',
    });
    return result();
  }
  reportUnknownFields(spec, SPEC_FIELDS, 'spec', FORMAT, problems);
  reportRuleSettings(spec, problems);
  reportAlerting(spec.alerting, problems);

  const targetPercent = readTarget(spec.target, problems);
  const window = readWindow(spec.window, problems);
  const queries = readIndicator(spec.indicator, problems);
  if (
    targetPercent === undefined ||
    window === undefined ||
    queries === undefined
  ) {
    return result();
  }
  if (spec.description !== undefined && typeof spec.description !== 'string') {
    problems.push({
      field: 'spec.description',
      message: 'the description must be text; it was left out',
    });
  }
  documents.push(
    buildRatioSlo({
      name,
      displayName: rawName,
      description:
        typeof spec.description === 'string' ? spec.description : undefined,
      service: context.defaultService ?? name,
      labels,
      ...queries,
      window,
      targetPercent,
    }),
  );
  sourceFields.push('');
  return result();
}

function readTarget(
  target: unknown,
  problems: SloFormatProblem[],
): number | undefined {
  const field = 'spec.target';
  // Pyrra declares the target as text ("99.9"); a YAML number is accepted too.
  const value =
    typeof target === 'string' && target.trim() !== ''
      ? Number(target)
      : target;
  if (typeof value !== 'number' || Number.isNaN(value)) {
    problems.push({
      field,
      message:
        target === undefined
          ? 'the ServiceLevelObjective has no target'
          : `target ${JSON.stringify(target)} is not a number`,
      fix: "Write the objective in percent as text, e.g. target: '99.9'.",
    });
    return undefined;
  }
  if (value > 0 && value < 1) {
    problems.push({
      field,
      message: `target ${value} means ${value}% in Pyrra, which targets percentages`,
      fix: `Write target: '${Number((value * 100).toPrecision(12))}' for ${
        value * 100
      }%.`,
    });
    return undefined;
  }
  return checkPercent(value, field, problems) ? value : undefined;
}

function readWindow(
  window: unknown,
  problems: SloFormatProblem[],
): string | undefined {
  const field = 'spec.window';
  if (typeof window !== 'string') {
    problems.push({
      field,
      message: 'the ServiceLevelObjective has no window',
      fix: 'Add e.g. window: 28d.',
    });
    return undefined;
  }
  try {
    parseSloDuration(window);
    return window;
  } catch {
    // Not OpenSLO shorthand: maybe a Prometheus duration such as 1w3d.
  }
  const milliseconds = parsePrometheusDuration(window);
  if (milliseconds === undefined || milliseconds % 60_000 !== 0) {
    problems.push({
      field,
      message: `window "${window}" is not a whole number of minutes written as a Prometheus duration`,
      fix: 'Write e.g. 28d, 4w or 30d.',
    });
    return undefined;
  }
  return formatSloDuration(milliseconds / 1000);
}

function readMetric(
  owner: Record<string, unknown>,
  key: string,
  path: string,
  problems: SloFormatProblem[],
): string | undefined {
  const query = owner[key];
  const field = fieldPath(path, key);
  if (!isPlainObject(query)) {
    problems.push({
      field,
      message: `"${key}" is missing`,
      fix: `Add ${key}: { metric: <counter selector> }.`,
    });
    return undefined;
  }
  reportUnknownFields(query, ['metric'], field, FORMAT, problems);
  return readMetricText(query.metric, fieldPath(field, 'metric'), problems);
}

function readMetricText(
  metric: unknown,
  field: string,
  problems: SloFormatProblem[],
): string | undefined {
  if (typeof metric !== 'string' || metric.trim() === '') {
    problems.push({
      field,
      message: 'the metric is missing or empty',
      fix: 'Write a selector such as http_requests_total{job="api"}.',
    });
    return undefined;
  }
  return metric.trim();
}

function readIndicator(
  indicator: unknown,
  problems: SloFormatProblem[],
): Queries | undefined {
  const path = 'spec.indicator';
  if (!isPlainObject(indicator)) {
    problems.push({
      field: path,
      message: 'the ServiceLevelObjective has no indicator',
    });
    return undefined;
  }
  reportUnknownFields(indicator, INDICATORS, path, FORMAT, problems);
  const present = INDICATORS.filter(
    kind => indicator[kind] !== undefined && indicator[kind] !== null,
  );
  if (present.length !== 1) {
    problems.push({
      field: path,
      message:
        present.length === 0
          ? `the indicator has none of ${INDICATORS.join(', ')}`
          : `the indicator has ${present.join(' and ')}; give exactly one`,
    });
    return undefined;
  }
  const kind: IndicatorKind = present[0];
  const kindPath = fieldPath(path, kind);
  const body = indicator[kind];
  if (!isPlainObject(body)) {
    problems.push({ field: kindPath, message: `${kind} must be a mapping` });
    return undefined;
  }
  reportGrouping(body.grouping, fieldPath(kindPath, 'grouping'), problems);

  switch (kind) {
    case 'ratio': {
      reportUnknownFields(
        body,
        ['errors', 'total', 'grouping'],
        kindPath,
        FORMAT,
        problems,
      );
      const bad = readMetric(body, 'errors', kindPath, problems);
      const total = readMetric(body, 'total', kindPath, problems);
      return bad !== undefined && total !== undefined
        ? { counter: true, bad, total }
        : undefined;
    }
    case 'latency': {
      reportUnknownFields(
        body,
        ['success', 'total', 'grouping'],
        kindPath,
        FORMAT,
        problems,
      );
      const good = readMetric(body, 'success', kindPath, problems);
      const total = readMetric(body, 'total', kindPath, problems);
      return good !== undefined && total !== undefined
        ? { counter: true, good, total }
        : undefined;
    }
    case 'bool_gauge': {
      reportUnknownFields(
        body,
        ['metric', 'grouping'],
        kindPath,
        FORMAT,
        problems,
      );
      const metric = readMetricText(
        body.metric,
        fieldPath(kindPath, 'metric'),
        problems,
      );
      // A sample of 1 is a good event, every sample an event: Pyrra's
      // bool-gauge ratio. The samples are not counters.
      return metric === undefined
        ? undefined
        : {
            counter: false,
            good: `sum(sum_over_time(${metric}[$window]))`,
            total: `sum(count_over_time(${metric}[$window]))`,
          };
    }
    default: {
      reportUnknownFields(
        body,
        ['total', 'latency', 'grouping'],
        kindPath,
        FORMAT,
        problems,
      );
      const total = readMetric(body, 'total', kindPath, problems);
      const latency = readLatency(body.latency, kindPath, problems);
      if (total === undefined || latency === undefined) {
        return undefined;
      }
      // Requests faster than the latency: the share of the native
      // histogram's increase below it, times its count.
      const increase = `sum(increase(${total}[$window]))`;
      return {
        counter: true,
        good: `histogram_fraction(0, ${latency}, ${increase}) * histogram_count(${increase})`,
        total: `histogram_count(${increase})`,
      };
    }
  }
}

function readLatency(
  latency: unknown,
  path: string,
  problems: SloFormatProblem[],
): number | undefined {
  const field = fieldPath(path, 'latency');
  const milliseconds =
    typeof latency === 'string' ? parsePrometheusDuration(latency) : undefined;
  if (milliseconds === undefined) {
    problems.push({
      field,
      message: `latency ${JSON.stringify(
        latency ?? null,
      )} is not a Prometheus duration`,
      fix: 'Write e.g. latency: 200ms.',
    });
    return undefined;
  }
  return milliseconds / 1000;
}

function reportGrouping(
  grouping: unknown,
  field: string,
  problems: SloFormatProblem[],
): void {
  if (Array.isArray(grouping) && grouping.length > 0) {
    problems.push({
      field,
      message: `Pyrra measures one SLO per ${grouping.join(
        ', ',
      )}; Preflight measures this SLO over all of them together`,
      fix: 'Write one SLO per group that matters, with its label value in the selectors.',
    });
  } else if (
    grouping !== undefined &&
    grouping !== null &&
    !Array.isArray(grouping)
  ) {
    problems.push({ field, message: 'grouping must be a list of labels' });
  }
}

function reportRuleSettings(
  spec: Record<string, unknown>,
  problems: SloFormatProblem[],
): void {
  if (spec.partial_response_strategy !== undefined) {
    problems.push({
      field: 'spec.partial_response_strategy',
      message:
        'a Thanos Ruler setting of the rules Pyrra generates; Preflight has no equivalent',
    });
  }
  if (spec.performanceOverAccuracy === true) {
    problems.push({
      field: 'spec.performanceOverAccuracy',
      message:
        'not used: Preflight measures the window exactly from the counters',
    });
  }
  if (spec.ruleOutput !== undefined) {
    problems.push({
      field: 'spec.ruleOutput',
      message:
        'labels of the PrometheusRule resources Pyrra writes; Preflight exports its rules as one YAML file and has no equivalent',
    });
  }
}

function reportAlerting(alerting: unknown, problems: SloFormatProblem[]): void {
  const path = 'spec.alerting';
  if (alerting === undefined || alerting === null) {
    return;
  }
  if (!isPlainObject(alerting)) {
    problems.push({ field: path, message: 'alerting must be a mapping' });
    return;
  }
  reportUnknownFields(
    alerting,
    ['disabled', 'burnrates', 'absent', 'name', 'absentName', 'severities'],
    path,
    FORMAT,
    problems,
  );
  if (alerting.disabled === true || alerting.burnrates === false) {
    const key = alerting.disabled === true ? 'disabled' : 'burnrates';
    problems.push({
      field: fieldPath(path, key),
      message:
        'Preflight always exports page and ticket burn-rate alerts; they cannot be turned off',
      fix: 'Leave the alerts out of the rules you deploy, or silence them in Alertmanager.',
    });
  }
  if (alerting.absent === true) {
    problems.push({
      field: fieldPath(path, 'absent'),
      message: 'Preflight exports no alert for absent metrics',
    });
  }
  if (typeof alerting.absentName === 'string' && alerting.absentName !== '') {
    problems.push({
      field: fieldPath(path, 'absentName'),
      message: `the absent alert name "${alerting.absentName}" is not used: Preflight exports no alert for absent metrics`,
    });
  }
  if (typeof alerting.name === 'string' && alerting.name !== '') {
    problems.push({
      field: fieldPath(path, 'name'),
      message: `the alert name "${alerting.name}" is not used: Preflight's exported burn-rate alerts have a name of their own`,
    });
  }
  if (alerting.severities !== undefined && alerting.severities !== null) {
    problems.push({
      field: fieldPath(path, 'severities'),
      message:
        'Preflight labels its burn-rate alerts severity "page" (fast burn) and "ticket" (slow burn); other severities are not carried over',
    });
  }
}
