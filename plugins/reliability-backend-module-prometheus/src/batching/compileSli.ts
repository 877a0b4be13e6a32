import type { SloIndicator } from '@preflight/plugin-reliability-node';
import {
  assertBalancedPromql,
  hasWindowPlaceholder,
  parseVectorSelector,
  PromqlSyntaxError,
  renderVectorSelector,
  scanVectorSelector,
  type VectorSelector,
  windowPlaceholderLengthAt,
} from '../promql';
import type { CompiledSli, SliNumerator, SliQueryProblem } from './CompiledSli';

/** Outcome of {@link compileSli}. */
export type CompileSliResult =
  | { ok: true; sli: CompiledSli }
  | { ok: false; problem: SliQueryProblem };

type QueryForm =
  | {
      form: 'selector';
      selector: VectorSelector;
      /** The query as written, when it was `sum(rate|increase(<selector>[$window]))`. */
      written?: string;
    }
  | { form: 'template'; template: string };

const COUNTER_FIX =
  'Write a counter selector such as http_requests_total{service="checkout-api",code=~"5.."}, or a template with a $window range such as sum(rate(http_requests_total{service="checkout-api"}[$window])).';

/**
 * Turns a normalized OpenSLO indicator into the queries Preflight issues.
 *
 * Ratio queries are read as counters: a plain selector, or a template
 * `sum(rate|increase(<selector>[$window]))` (the same counts, so it is
 * batched like a selector). Any other PromQL must contain `$window` (or
 * Sloth's `{{.window}}`) and is evaluated as written, summed. Pure.
 */
export function compileSli(indicator: SloIndicator): CompileSliResult {
  if (indicator.kind === 'threshold') {
    const field = 'thresholdMetric.metricSource.spec.query';
    const problem = checkBalanced(indicator.query, field);
    return problem
      ? { ok: false, problem }
      : { ok: true, sli: { kind: 'threshold', template: indicator.query } };
  }

  const numerator: SliNumerator =
    indicator.kind === 'ratio-good' ? 'good' : 'bad';
  const numeratorQuery =
    indicator.kind === 'ratio-good' ? indicator.goodQuery : indicator.badQuery;
  const numeratorField = `ratioMetric.${numerator}.metricSource.spec.query`;
  const totalField = 'ratioMetric.total.metricSource.spec.query';

  const first = readQuery(numeratorQuery, numeratorField, indicator.counter);
  if ('problem' in first) {
    return { ok: false, problem: first.problem };
  }
  const total = readQuery(indicator.totalQuery, totalField, indicator.counter);
  if ('problem' in total) {
    return { ok: false, problem: total.problem };
  }

  if (first.form === 'selector' && total.form === 'selector') {
    return {
      ok: true,
      sli: {
        kind: 'counters',
        numerator,
        numeratorSelector: first.selector,
        totalSelector: total.selector,
      },
    };
  }
  if (first.form === 'template' && total.form === 'template') {
    return {
      ok: true,
      sli: {
        kind: 'expressions',
        numerator,
        numeratorTemplate: first.template,
        totalTemplate: total.template,
      },
    };
  }
  // One counter and one other template: both are evaluated as templates,
  // and must be in the same unit — a rate over an increase is off by the
  // window's seconds.
  const other = first.form === 'template' ? first.template : '';
  const otherTotal = total.form === 'template' ? total.template : '';
  return {
    ok: true,
    sli: {
      kind: 'expressions',
      numerator,
      numeratorTemplate: asTemplate(first, otherTotal),
      totalTemplate: asTemplate(total, other),
    },
  };
}

/**
 * A counter as a template in the unit of `partner`: as written when it was
 * written as a template; a bare selector becomes `rate(…)` when the partner
 * counts per second (uses rate and no increase), else `increase(…)`.
 */
function asTemplate(query: QueryForm, partner: string): string {
  if (query.form === 'template') {
    return query.template;
  }
  if (query.written !== undefined) {
    return query.written;
  }
  const perSecond =
    /\b(?:i?rate)\s*\(/.test(partner) && !/\bincrease\s*\(/.test(partner);
  return `${perSecond ? 'rate' : 'increase'}(${renderVectorSelector(
    query.selector,
  )}[$window])`;
}

function readQuery(
  query: string,
  field: string,
  counter: boolean,
): QueryForm | { problem: SliQueryProblem } {
  const counterTemplate = matchCounterTemplate(query);
  if (counterTemplate) {
    return { form: 'selector', selector: counterTemplate, written: query };
  }
  if (hasWindowPlaceholder(query)) {
    const problem = checkBalanced(query, field);
    return problem ? { problem } : { form: 'template', template: query };
  }
  if (!counter) {
    return {
      problem: {
        field,
        message:
          'with counter: false the query must say how to aggregate over a window: use a $window placeholder',
        fix: 'e.g. sum(sum_over_time(requests_per_minute{service="checkout-api"}[$window])), or set counter: true for a counter selector.',
      },
    };
  }
  try {
    return { form: 'selector', selector: parseVectorSelector(query) };
  } catch (error) {
    if (error instanceof PromqlSyntaxError) {
      return {
        problem: {
          field,
          message: `"${query}" is neither a counter selector nor a template with $window: ${error.message}`,
          fix: COUNTER_FIX,
        },
      };
    }
    throw error;
  }
}

function checkBalanced(
  query: string,
  field: string,
): SliQueryProblem | undefined {
  try {
    assertBalancedPromql(query);
    return undefined;
  } catch (error) {
    if (error instanceof PromqlSyntaxError) {
      return { field, message: `"${query}" does not parse: ${error.message}` };
    }
    throw error;
  }
}

/**
 * Recognizes `rate(<selector>[$window])`, `increase(…)` and the same inside
 * `sum(…)`: they measure the same counters as the bare selector (rate is
 * increase divided by the window, which cancels in a ratio), so they are
 * batched like one.
 */
function matchCounterTemplate(query: string): VectorSelector | undefined {
  const cursor = { text: query, at: 0 };
  const sum = word(cursor, 'sum') && punct(cursor, '(');
  if (!(word(cursor, 'rate') || word(cursor, 'increase'))) {
    return undefined;
  }
  if (!punct(cursor, '(')) {
    return undefined;
  }
  let selector: VectorSelector;
  try {
    const scanned = scanVectorSelector(query, cursor.at);
    selector = scanned.selector;
    cursor.at = scanned.end;
  } catch {
    return undefined;
  }
  if (!punct(cursor, '[')) {
    return undefined;
  }
  skip(cursor);
  const placeholder = windowPlaceholderLengthAt(query, cursor.at);
  if (placeholder === 0) {
    return undefined;
  }
  cursor.at += placeholder;
  if (!punct(cursor, ']') || !punct(cursor, ')')) {
    return undefined;
  }
  if (sum && !punct(cursor, ')')) {
    return undefined;
  }
  skip(cursor);
  return cursor.at === query.length ? selector : undefined;
}

interface Cursor {
  text: string;
  at: number;
}

function skip(cursor: Cursor): void {
  while (cursor.at < cursor.text.length && /\s/.test(cursor.text[cursor.at])) {
    cursor.at += 1;
  }
}

function word(cursor: Cursor, expected: string): boolean {
  skip(cursor);
  const end = cursor.at + expected.length;
  if (
    cursor.text.startsWith(expected, cursor.at) &&
    !/[a-zA-Z0-9_:]/.test(cursor.text[end] ?? '')
  ) {
    cursor.at = end;
    return true;
  }
  return false;
}

function punct(cursor: Cursor, expected: string): boolean {
  skip(cursor);
  if (cursor.text[cursor.at] === expected) {
    cursor.at += 1;
    return true;
  }
  return false;
}
