import {
  type BurnRateAlertRule,
  type BurnRateAlertSeverity,
  burnRateWindowsForPeriod,
  computeErrorBudget,
  deriveBurnRateAlertPolicy,
} from '@preflight/plugin-reliability-common';
import {
  type SloAlertPolicy,
  type SloDefinition,
} from '@preflight/plugin-reliability-node';
import type {
  PrometheusRule,
  SloRules,
  SloRulesInput,
  SloRulesProblem,
} from '@preflight/plugin-reliability-node';
import { Document } from 'yaml';
import { compileSli } from '../batching/compileSli';
import {
  describeUnsafeLabelValue,
  formatPromqlDuration,
  quotePromqlString,
} from '../promql';
import { sloFieldPath } from '../source/sloFieldPath';
import { sliErrorRatioExpression } from './sliErrorRatioExpression';
import { sliErrorRatioRecord } from './sliErrorRatioRecord';

/** Name of the generated burn-rate alerts (told apart by `severity`). */
export const SLO_BURN_ALERT_NAME = 'SLOErrorBudgetBurn';

function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function burnCondition(
  selector: string,
  rule: BurnRateAlertRule,
  budget: number,
): string {
  const threshold = `(${formatNumber(rule.threshold)} * ${formatNumber(
    budget,
  )})`;
  return [
    '(',
    `  ${sliErrorRatioRecord(
      formatPromqlDuration(rule.longWindowSeconds),
    )}${selector} >= ${threshold}`,
    '  and',
    `  ${sliErrorRatioRecord(
      formatPromqlDuration(rule.shortWindowSeconds),
    )}${selector} >= ${threshold}`,
    ')',
  ].join('\n');
}

function describeRules(rules: BurnRateAlertRule[]): string {
  return rules
    .map(
      rule =>
        `burn rate ≥ ${formatNumber(
          rule.threshold,
        )} over ${formatPromqlDuration(
          rule.longWindowSeconds,
        )} and ${formatPromqlDuration(rule.shortWindowSeconds)}`,
    )
    .join(', or ');
}

/**
 * The alert of one OpenSLO AlertPolicy: its burn-rate condition over its
 * lookback window, held for `alertAfter`, with its severity, and its
 * notification targets as a label for Alertmanager to route on.
 */
function policyAlert(
  slo: SloDefinition,
  policy: SloAlertPolicy,
  selector: string,
  labels: Record<string, string>,
  input: SloRulesInput,
): PrometheusRule {
  const budget = computeErrorBudget(slo.target);
  const window = formatPromqlDuration(policy.lookbackWindowSeconds);
  const op = policy.op === 'gt' ? '>' : '>=';
  const annotations: Record<string, string> = {
    summary: `${slo.displayName} is burning its error budget too fast`,
    description: `${slo.displayName} (${slo.id}, objective ${formatNumber(
      slo.target * 100,
    )}% over ${slo.window}) of ${input.entityRef}: alert policy ${
      policy.name
    }, burn rate ${op} ${formatNumber(policy.threshold)} over ${window}${
      policy.alertAfterSeconds > 0
        ? ` for ${formatPromqlDuration(policy.alertAfterSeconds)}`
        : ''
    }${policy.alertWhenNoData ? ', or no data' : ''}.`,
  };
  if (input.runbookUrl) {
    annotations.runbook_url = input.runbookUrl;
  }
  const breach = `${sliErrorRatioRecord(
    window,
  )}${selector} ${op} (${formatNumber(policy.threshold)} * ${formatNumber(
    budget,
  )})`;
  return {
    alert: SLO_BURN_ALERT_NAME,
    // alertWhenNoData: absent() carries the selector's slo and service.
    expr: policy.alertWhenNoData
      ? `${breach}\nor\nabsent(${sliErrorRatioRecord(window)}${selector})`
      : breach,
    ...(policy.alertAfterSeconds > 0
      ? { for: formatPromqlDuration(policy.alertAfterSeconds) }
      : {}),
    labels: {
      severity: policy.severity,
      ...labels,
      alert_policy: policy.name,
      ...(policy.notificationTargets.length > 0
        ? { notification_targets: policy.notificationTargets.join(', ') }
        : {}),
      ...(input.entityRef ? { entity: input.entityRef } : {}),
      ...(input.owner ? { owner: input.owner } : {}),
    },
    annotations,
  };
}

/**
 * Generates Prometheus rules for an entity's SLOs (pure):
 *
 * - recording rules `slo:sli_error:ratio_rate<window>` for the burn-rate
 *   windows of the SLO's period (5m … 3d for 30 days, scaled to other
 *   periods, see `burnRateWindowsForPeriod`), labelled `slo` and `service`;
 * - multi-window, multi-burn-rate alerts per the SRE Workbook, with the same
 *   windows and the Workbook's factors (the card judges the SLO by the very
 *   same policy): one `page` alert (1h/5m and 6h/30m for 30 days) and one
 *   `ticket` alert (1d/2h and 3d/6h), labelled `severity`, `entity` (the entity
 *   ref, which attributes the deployed rule back to the entity) and `owner`,
 *   annotated with `runbook_url`.
 *
 * An SLO with OpenSLO `alertPolicies` gets one alert per policy instead
 * (its burn-rate condition, `for:` its `alertAfter`, labelled with its
 * severity, `alert_policy` and `notification_targets`), and a recording
 * rule for each policy's lookback window.
 *
 * SLO ids and services are spliced into PromQL selectors, so they must pass
 * the strict label-value check; an SLO that does not, or whose SLI has no
 * error ratio (threshold SLIs), is listed in `problems` instead.
 */
export function generateSloRules(input: SloRulesInput): SloRules {
  const problems: SloRulesProblem[] = [];
  const groups: SloRules['groups'] = [];

  for (const slo of input.slos) {
    const unsafeName = describeUnsafeLabelValue(slo.id, 'SLO name');
    const unsafeService = describeUnsafeLabelValue(slo.service, 'service');
    if (unsafeName || unsafeService) {
      problems.push({
        sloId: slo.id,
        field: unsafeName ? 'metadata.name' : 'spec.service',
        message: (unsafeName ?? unsafeService)!,
      });
      continue;
    }
    const compiled = compileSli(slo.indicator);
    if (!compiled.ok) {
      problems.push({
        sloId: slo.id,
        ...compiled.problem,
        field: sloFieldPath(slo, compiled.problem.field),
      });
      continue;
    }
    if (compiled.sli.kind === 'threshold') {
      problems.push({
        sloId: slo.id,
        field: sloFieldPath(slo, 'thresholdMetric'),
        message:
          'threshold SLIs have no event ratio to record; no rules were generated for this SLO',
      });
      continue;
    }
    const sli = compiled.sli;
    const labels = { slo: slo.id, service: slo.service };
    const selector = `{slo=${quotePromqlString(
      slo.id,
    )},service=${quotePromqlString(slo.service)}}`;
    const policies = slo.alertPolicies ?? [];
    // Scaled windows can coincide (the 5-minute floor): record each once.
    const durations = [
      ...new Set([
        ...burnRateWindowsForPeriod(slo.windowSeconds).map(window =>
          formatPromqlDuration(window.seconds),
        ),
        ...policies.map(policy =>
          formatPromqlDuration(policy.lookbackWindowSeconds),
        ),
      ]),
    ];
    const rules: PrometheusRule[] = durations.map(duration => ({
      record: sliErrorRatioRecord(duration),
      expr: sliErrorRatioExpression(sli, duration),
      labels: { ...labels },
    }));

    if (policies.length > 0) {
      for (const policy of policies) {
        rules.push(policyAlert(slo, policy, selector, labels, input));
      }
      groups.push({ name: `preflight-slo-${slo.id}`, rules });
      continue;
    }
    const budget = computeErrorBudget(slo.target);
    const policy = deriveBurnRateAlertPolicy(slo.windowSeconds);
    for (const severity of ['page', 'ticket'] as BurnRateAlertSeverity[]) {
      const rows = policy.filter(rule => rule.severity === severity);
      if (rows.length === 0) {
        continue;
      }
      const annotations: Record<string, string> = {
        summary: `${slo.displayName} is burning its error budget too fast`,
        description: `${slo.displayName} (${slo.id}, objective ${formatNumber(
          slo.target * 100,
        )}% over ${slo.window}) of ${input.entityRef}: ${describeRules(rows)}.`,
      };
      if (input.runbookUrl) {
        annotations.runbook_url = input.runbookUrl;
      }
      rules.push({
        alert: SLO_BURN_ALERT_NAME,
        expr: rows
          .map(row => burnCondition(selector, row, budget))
          .join('\nor\n'),
        // slo and service also come with the series; repeating them keeps
        // the alerts of different SLOs distinct rules for promtool's lint.
        // `entity` lets Preflight attribute the deployed rule back to this
        // entity (see the alert rules convention of the backend's README),
        // whatever the `service` label says.
        labels: {
          severity,
          ...labels,
          ...(input.entityRef ? { entity: input.entityRef } : {}),
          ...(input.owner ? { owner: input.owner } : {}),
        },
        annotations,
      });
    }
    groups.push({ name: `preflight-slo-${slo.id}`, rules });
  }

  const document = new Document({ groups });
  document.commentBefore = ` Prometheus rules for the SLOs of ${input.entityRef}, generated by Preflight.\n Load with rule_files; check with: promtool check rules <file>`;
  return {
    yaml: document.toString({ lineWidth: 0 }),
    groups,
    problems,
  };
}
