import { quotePromqlString } from './quotePromqlString';
import type { LabelMatcher, VectorSelector } from './VectorSelector';

/**
 * Writes a selector back as PromQL. Every value goes through
 * {@link quotePromqlString}, so the text is safe whatever the values hold.
 */
export function renderVectorSelector(selector: VectorSelector): string {
  const matchers = selector.matchers.map(renderLabelMatcher).join(',');
  if (selector.metric === undefined) {
    return `{${matchers}}`;
  }
  return matchers === '' ? selector.metric : `${selector.metric}{${matchers}}`;
}

/** One matcher as PromQL, e.g. `code=~"5.."`. */
export function renderLabelMatcher(matcher: LabelMatcher): string {
  return `${matcher.name}${matcher.op}${quotePromqlString(matcher.value)}`;
}
