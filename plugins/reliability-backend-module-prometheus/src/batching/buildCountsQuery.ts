import {
  fillWindowPlaceholder,
  promqlAlternation,
  quotePromqlString,
  renderVectorSelector,
  type LabelMatcher,
  type VectorSelector,
} from '../promql';

/**
 * Label that tells the numerator series of a counts query from the total
 * series, so both come back in one query.
 */
export const PART_LABEL = 'preflight_part';

/** Values of {@link PART_LABEL}. */
export type CountsPart = 'numerator' | 'total';

function tagged(expression: string, part: CountsPart): string {
  return `label_replace(${expression}, ${quotePromqlString(
    PART_LABEL,
  )}, ${quotePromqlString(part)}, "", "")`;
}

/** Input of {@link buildCounterCountsQuery}. */
export interface CounterCountsQueryInput {
  /** Selectors without the grouping matchers (see `counterShapeOf`). */
  numeratorSelector: VectorSelector;
  totalSelector: VectorSelector;
  groupingLabels: readonly string[];
  /** Grouping label values of every SLO the query serves. */
  groupValues: ReadonlyArray<Record<string, string>>;
  /** PromQL duration of the `increase` range, e.g. `30d`. */
  range: string;
}

/**
 * The grouped counts query of SLOs that share a counter shape, e.g.
 *
 * ```
 * label_replace(sum by (service) (increase(http_requests_total{code=~"5..",service=~"a|b"}[1h])), "preflight_part", "numerator", "", "")
 * or
 * label_replace(sum by (service) (increase(http_requests_total{service=~"a|b"}[1h])), "preflight_part", "total", "", "")
 * ```
 *
 * Each grouping label is matched by `=` when all SLOs share its value and by
 * an anchored alternation of regex-escaped values otherwise. Values must
 * have passed `isSafeLabelValue`; they are escaped regardless.
 */
export function buildCounterCountsQuery(
  input: CounterCountsQueryInput,
): string {
  const matchers: LabelMatcher[] = input.groupingLabels.map(name => {
    const values = new Set(input.groupValues.map(group => group[name]));
    if (values.size === 1) {
      return { name, op: '=', value: [...values][0] };
    }
    return { name, op: '=~', value: promqlAlternation(values) };
  });
  const by =
    input.groupingLabels.length > 0
      ? ` by (${input.groupingLabels.join(', ')})`
      : '';
  const counts = (selector: VectorSelector) =>
    `sum${by} (increase(${renderVectorSelector({
      ...selector,
      matchers: [...selector.matchers, ...matchers],
    })}[${input.range}]))`;
  return `${tagged(counts(input.numeratorSelector), 'numerator')}\nor\n${tagged(
    counts(input.totalSelector),
    'total',
  )}`;
}

/**
 * The counts query of one SLO whose queries are PromQL templates: each is
 * filled with the range and summed. The user's text goes on lines of its
 * own so that a trailing `# comment` cannot swallow the wrapper.
 */
export function buildExpressionCountsQuery(input: {
  numeratorTemplate: string;
  totalTemplate: string;
  range: string;
}): string {
  const counts = (template: string) =>
    `sum(\n${fillWindowPlaceholder(template, input.range)}\n)`;
  return `${tagged(counts(input.numeratorTemplate), 'numerator')}\nor\n${tagged(
    counts(input.totalTemplate),
    'total',
  )}`;
}
