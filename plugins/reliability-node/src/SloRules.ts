import type { SloDefinition } from '@preflight/plugin-reliability-node';

/** Input of {@link SloProvider.exportRules}. @public */
export interface SloRulesInput {
  /** The entity the SLOs belong to, e.g. `component:default/checkout-api`. */
  entityRef: string;
  slos: readonly SloDefinition[];
  /** `owner` label of every alert, e.g. the entity's `spec.owner`. */
  owner?: string;
  /** `runbook_url` annotation of every alert (the entity's runbook link). */
  runbookUrl?: string;
}

/** An SLO left out of the rules, and why. @public */
export interface SloRulesProblem {
  sloId: string;
  /** The field of the SLO's OpenSLO document at fault, e.g. `metadata.name`. */
  field?: string;
  message: string;
  fix?: string;
}

/** One Prometheus rule as written to the file. @public */
export type PrometheusRule =
  | { record: string; expr: string; labels: Record<string, string> }
  | {
      alert: string;
      expr: string;
      /** How long `expr` must hold before the alert fires, e.g. `5m`. */
      for?: string;
      labels: Record<string, string>;
      annotations: Record<string, string>;
    };

/** Generated rules of one entity. @public */
export interface SloRules {
  /** The rule file: one group per SLO. */
  yaml: string;
  groups: Array<{ name: string; rules: PrometheusRule[] }>;
  problems: SloRulesProblem[];
}
