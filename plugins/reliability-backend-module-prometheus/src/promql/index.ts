export * from './VectorSelector';
export * from './PromqlSyntaxError';
export { quotePromqlString } from './quotePromqlString';
export { unquotePromqlString } from './unquotePromqlString';
export { escapePromqlRegex, promqlAlternation } from './escapePromqlRegex';
export {
  SAFE_LABEL_VALUE_PATTERN,
  describeUnsafeLabelValue,
  isSafeLabelValue,
} from './safeLabelValue';
export { parseVectorSelector, scanVectorSelector } from './parseVectorSelector';
export {
  renderLabelMatcher,
  renderVectorSelector,
} from './renderVectorSelector';
export { assertBalancedPromql } from './assertBalancedPromql';
export {
  fillWindowPlaceholder,
  hasWindowPlaceholder,
  windowPlaceholderLengthAt,
} from './fillWindowPlaceholder';
export { formatPromqlDuration } from './formatPromqlDuration';
