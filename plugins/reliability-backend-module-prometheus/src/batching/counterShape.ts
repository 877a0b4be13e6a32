import {
  isSafeLabelValue,
  renderVectorSelector,
  type LabelMatcher,
  type VectorSelector,
} from '../promql';
import type { CompiledSli, SliNumerator } from './CompiledSli';

/**
 * The part of a counter SLI that SLOs can share: its selectors with the
 * distinguishing label values taken out. SLOs with the same `key` are
 * measured by one grouped query per window.
 */
export interface CounterShape {
  /** Identity of the shape: instance, numerator kind, grouping labels and the selectors' remaining matchers. */
  key: string;
  instance: string;
  numerator: SliNumerator;
  /** Labels the grouped query sums by, sorted; empty when nothing distinguishes the SLO. */
  groupingLabels: string[];
  /** This SLO's value of each grouping label. */
  groupValues: Record<string, string>;
  /** Selectors without the grouping matchers. */
  numeratorSelector: VectorSelector;
  totalSelector: VectorSelector;
}

function equalityValues(selector: VectorSelector): Map<string, string | null> {
  // null: the label is matched more than once or not by equality, so it
  // cannot be swapped for a grouped matcher.
  const values = new Map<string, string | null>();
  for (const matcher of selector.matchers) {
    const seen = values.has(matcher.name);
    values.set(
      matcher.name,
      !seen && matcher.op === '=' ? matcher.value : null,
    );
  }
  return values;
}

function sortedMatchers(matchers: LabelMatcher[]): LabelMatcher[] {
  return [...matchers].sort(
    (a, b) =>
      a.name.localeCompare(b.name) ||
      a.op.localeCompare(b.op) ||
      a.value.localeCompare(b.value),
  );
}

/**
 * Finds the shape of a counter SLI: the labels matched with `=` and the same
 * value in both queries (e.g. `service="checkout-api"`) are what tells SLOs
 * of one shape apart; they become grouping labels when their values are
 * safe to splice into a regular expression. Pure.
 */
export function counterShapeOf(
  instance: string,
  sli: Extract<CompiledSli, { kind: 'counters' }>,
): CounterShape {
  const numeratorValues = equalityValues(sli.numeratorSelector);
  const totalValues = equalityValues(sli.totalSelector);
  const groupingLabels = [...numeratorValues.keys()]
    .filter(name => {
      const value = numeratorValues.get(name);
      return (
        name !== '__name__' &&
        typeof value === 'string' &&
        value !== '' &&
        totalValues.get(name) === value &&
        isSafeLabelValue(value)
      );
    })
    .sort();
  const grouped = new Set(groupingLabels);
  const strip = (selector: VectorSelector): VectorSelector => ({
    ...selector,
    matchers: sortedMatchers(
      selector.matchers.filter(matcher => !grouped.has(matcher.name)),
    ),
  });
  const numeratorSelector = strip(sli.numeratorSelector);
  const totalSelector = strip(sli.totalSelector);
  const groupValues = Object.fromEntries(
    groupingLabels.map(name => [name, numeratorValues.get(name) as string]),
  );
  return {
    key: JSON.stringify([
      instance,
      sli.numerator,
      groupingLabels,
      renderVectorSelector(numeratorSelector),
      renderVectorSelector(totalSelector),
    ]),
    instance,
    numerator: sli.numerator,
    groupingLabels,
    groupValues,
    numeratorSelector,
    totalSelector,
  };
}
