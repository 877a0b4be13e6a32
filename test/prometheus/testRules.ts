import path from 'node:path';
import { PromtoolResult, runPromtool } from './runPromtool';

/**
 * `promtool test rules FILE...`: runs Prometheus rule unit tests. promtool
 * resolves the `rule_files` a test file lists against that file's directory.
 * Exit code 0 means every test passed; failures are described on stdout.
 */
export function testRules(
  files: string | readonly string[],
): Promise<PromtoolResult> {
  return runPromtool([
    'test',
    'rules',
    ...[files].flat().map(f => path.resolve(f)),
  ]);
}
