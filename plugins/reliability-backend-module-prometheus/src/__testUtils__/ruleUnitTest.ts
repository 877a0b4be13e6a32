import { stringify } from 'yaml';
import type { SloRules } from '@preflight/plugin-reliability-node';

/** One input series of a promtool unit test, e.g. `0+10x180` (start + step × count). */
export interface PromtoolSeries {
  series: string;
  values: string;
}

/** An alert a promtool unit test expects, found by labels in the generated rules. */
export interface ExpectedAlert {
  slo: string;
  /** `page` or `ticket` for the default policy; an AlertPolicy's own severity otherwise. */
  severity: string;
}

/**
 * A `promtool test rules` file for generated rules: the input series, the
 * alerts expected to fire at `evalTime` (with the labels and annotations the
 * generated rule gives them; promtool compares both exactly) and recorded
 * values to check.
 */
export function ruleUnitTest(input: {
  ruleFiles: string[];
  rules: SloRules[];
  series: PromtoolSeries[];
  evalTime: string;
  alertName: string;
  firing: ExpectedAlert[];
  samples?: Array<{ expr: string; labels: string; value: number }>;
}): string {
  const alertRules = input.rules.flatMap(rules =>
    rules.groups.flatMap(group => group.rules.filter(rule => 'alert' in rule)),
  );
  const expAlerts = input.firing.map(({ slo, severity }) => {
    const rule = alertRules.find(
      candidate =>
        candidate.labels.slo === slo && candidate.labels.severity === severity,
    );
    if (!rule || !('annotations' in rule)) {
      throw new Error(`no ${severity} alert generated for ${slo}`);
    }
    return { exp_labels: rule.labels, exp_annotations: rule.annotations };
  });
  return stringify(
    {
      rule_files: input.ruleFiles,
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: input.series,
          alert_rule_test: [
            {
              alertname: input.alertName,
              eval_time: input.evalTime,
              exp_alerts: expAlerts,
            },
          ],
          promql_expr_test: (input.samples ?? []).map(sample => ({
            expr: sample.expr,
            eval_time: input.evalTime,
            exp_samples: [{ labels: sample.labels, value: sample.value }],
          })),
        },
      ],
    },
    { lineWidth: 0 },
  );
}
