import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkRules } from './checkRules';
import { requirePrometheusBinaries } from './prometheusBinaries';
import { testRules } from './testRules';

const RULES = `groups:
  - name: slo
    rules:
      - record: service:http_errors:ratio_rate5m
        expr: |
          sum by (service) (rate(http_requests_total{code=~"5.."}[5m]))
            / sum by (service) (rate(http_requests_total[5m]))
      - alert: HighErrorBurn
        expr: service:http_errors:ratio_rate5m > 14.4 * 0.001
        labels:
          severity: page
`;

const ruleTest = (expectedValue: string) => `rule_files:
  - rules.yml
evaluation_interval: 1m
tests:
  - interval: 1m
    input_series:
      - series: 'http_requests_total{service="a",code="200"}'
        values: '0+75x10'
      - series: 'http_requests_total{service="a",code="500"}'
        values: '0+25x10'
    promql_expr_test:
      - expr: service:http_errors:ratio_rate5m
        eval_time: 10m
        exp_samples:
          - labels: 'service:http_errors:ratio_rate5m{service="a"}'
            value: ${expectedValue}
    alert_rule_test:
      - alertname: HighErrorBurn
        eval_time: 10m
        exp_alerts:
          - exp_labels: { service: a, severity: page }
`;

describe('promtool helpers', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'preflight-promtool-'));
    await writeFile(path.join(dir, 'rules.yml'), RULES);
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('accepts valid rule files', async () => {
    const result = await checkRules(path.join(dir, 'rules.yml'));
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('SUCCESS: 2 rules found');
  });

  it('rejects PromQL that does not parse and says where', async () => {
    const file = path.join(dir, 'broken.yml');
    await writeFile(file, RULES.replace('[5m]))\n', '[5m]\n'));
    const result = await checkRules(file);
    expect(result.exitCode).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(
      /group "slo", rule 1, "service:http_errors:ratio_rate5m": could not parse expression/,
    );
  });

  it('passes rule unit tests whose expectations hold', async () => {
    const file = path.join(dir, 'rules.test.yml');
    await writeFile(file, ruleTest('0.25'));
    const result = await testRules(file);
    expect(`${result.stdout}${result.stderr}`).toContain('SUCCESS');
    expect(result.exitCode).toBe(0);
  });

  it('fails rule unit tests whose expectations do not hold', async () => {
    const file = path.join(dir, 'rules.test.yml');
    await writeFile(file, ruleTest('0.5'));
    const result = await testRules(file);
    expect(result.exitCode).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('FAILED');
  });
});

describe('requirePrometheusBinaries', () => {
  const saved = process.env.PROMETHEUS_BIN;

  afterEach(() => {
    if (saved === undefined) {
      delete process.env.PROMETHEUS_BIN;
    } else {
      process.env.PROMETHEUS_BIN = saved;
    }
  });

  it('finds the installed binaries and their version', () => {
    const binaries = requirePrometheusBinaries();
    expect(path.basename(binaries.prometheus)).toBe('prometheus');
    expect(path.basename(binaries.promtool)).toBe('promtool');
    expect(binaries.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('fails with install instructions when a binary is missing', () => {
    process.env.PROMETHEUS_BIN = '/nonexistent/prometheus';
    expect(() => requirePrometheusBinaries()).toThrow(
      /apt-get install -y prometheus/,
    );
  });
});
