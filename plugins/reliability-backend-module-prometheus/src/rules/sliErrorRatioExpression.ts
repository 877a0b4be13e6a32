import type { CompiledSli } from '../batching/CompiledSli';
import { fillWindowPlaceholder, renderVectorSelector } from '../promql';

/**
 * The PromQL of an SLI's error ratio over `window` (a PromQL duration), as
 * recorded by `slo:sli_error:ratio_rate<window>`: bad / total, or
 * 1 − good / total. Counter selectors are re-rendered with escaped values;
 * templates are filled and summed on lines of their own.
 */
export function sliErrorRatioExpression(
  sli: Exclude<CompiledSli, { kind: 'threshold' }>,
  window: string,
): string {
  let numerator: string;
  let total: string;
  if (sli.kind === 'counters') {
    numerator = `sum(rate(${renderVectorSelector(
      sli.numeratorSelector,
    )}[${window}]))`;
    total = `sum(rate(${renderVectorSelector(sli.totalSelector)}[${window}]))`;
  } else {
    numerator = `sum(\n  ${fillWindowPlaceholder(
      sli.numeratorTemplate,
      window,
    )}\n)`;
    total = `sum(\n  ${fillWindowPlaceholder(sli.totalTemplate, window)}\n)`;
  }
  const ratio = `(\n${numerator}\n)\n/\n(\n${total}\n)`;
  return sli.numerator === 'bad' ? ratio : `1 - (\n${ratio}\n)`;
}
