import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { AlertRuleFact } from '@preflight/plugin-reliability-node';
import type { StoredAlertRule } from './AlertRuleStore';

/** Label naming the entity a rule belongs to, e.g. `component:default/checkout-api`. */
export const ALERT_RULE_ENTITY_LABEL = 'entity';
/** Label naming the service a rule watches, matched to entity names and SLO services. */
export const ALERT_RULE_SERVICE_LABEL = 'service';

/** What {@link attributeAlertRules} needs to know about one entity. */
export interface AlertRuleAttributionEntity {
  /** e.g. `component:default/checkout-api`. */
  entityRef: string;
  /** `metadata.name`. */
  name: string;
  /** `spec.service` of the entity's OpenSLO SLOs. */
  sloServices: string[];
}

function normalizedRef(value: string): string | undefined {
  try {
    // A bare name or kind-less ref means a component in the default
    // namespace, as everywhere else in Backstage.
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

function addTo<K, V>(index: Map<K, V[]>, key: K, value: V) {
  const list = index.get(key);
  if (list) {
    if (!list.includes(value)) {
      list.push(value);
    }
  } else {
    index.set(key, [value]);
  }
}

function factOf(rule: StoredAlertRule): AlertRuleFact {
  const runbookUrl = rule.annotations.runbook_url?.trim();
  const severity = rule.labels.severity?.trim();
  return {
    name: rule.name,
    group: rule.group,
    sourceId: rule.sourceId,
    ...(runbookUrl ? { runbookUrl } : {}),
    ...(severity ? { severity } : {}),
  };
}

/**
 * Attributes alert rules to catalog entities (pure, one pass over each
 * list, so it scales to a whole fleet). The convention, in order:
 *
 * 1. A rule with an `entity` label belongs to the entity it names, compared
 *    case-insensitively as an entity ref (`component:default/checkout-api`;
 *    a bare `checkout-api` means a component in the default namespace), and
 *    to no other: the label is the explicit answer, and Preflight's exported
 *    SLO rules carry it.
 * 2. Otherwise a rule with a `service` label belongs to every entity whose
 *    `metadata.name`, or the `spec.service` of one of whose OpenSLO SLOs,
 *    equals it (case-insensitively, as Backstage compares names).
 * 3. Any other rule belongs to no entity.
 *
 * Returns the rules of each entity that has any, keyed by the entity ref as
 * given, in the order of `rules`.
 */
export function attributeAlertRules(
  rules: StoredAlertRule[],
  entities: AlertRuleAttributionEntity[],
): Map<string, AlertRuleFact[]> {
  const byRef = new Map<string, string[]>();
  const byService = new Map<string, string[]>();
  for (const entity of entities) {
    const ref = normalizedRef(entity.entityRef);
    if (ref) {
      addTo(byRef, ref, entity.entityRef);
    }
    for (const service of [entity.name, ...entity.sloServices]) {
      if (service) {
        addTo(byService, service.toLocaleLowerCase('en-US'), entity.entityRef);
      }
    }
  }

  const result = new Map<string, AlertRuleFact[]>();
  for (const rule of rules) {
    const entityLabel = rule.labels[ALERT_RULE_ENTITY_LABEL]?.trim();
    const serviceLabel = rule.labels[ALERT_RULE_SERVICE_LABEL]?.trim();
    let owners: string[] | undefined;
    if (entityLabel) {
      const ref = normalizedRef(entityLabel);
      owners = ref ? byRef.get(ref) : undefined;
    } else if (serviceLabel) {
      owners = byService.get(serviceLabel.toLocaleLowerCase('en-US'));
    }
    if (!owners) {
      continue;
    }
    const fact = factOf(rule);
    for (const owner of owners) {
      addTo(result, owner, fact);
    }
  }
  return result;
}
