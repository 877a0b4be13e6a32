import { PromtoolResult, runPromtool } from './runPromtool';

/**
 * `promtool check rules FILE...`: validates Prometheus rule files (syntax,
 * PromQL, templates). Exit code 0 means every file is valid; the output names
 * the problems otherwise.
 */
export function checkRules(
  files: string | readonly string[],
): Promise<PromtoolResult> {
  return runPromtool(['check', 'rules', ...[files].flat()]);
}
