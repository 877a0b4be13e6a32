import { invalidResponseError } from './invalidResponseError';
import type { PrometheusAlertingRule } from './PrometheusResult';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringMap(
  instance: string,
  value: unknown,
  where: string,
): Record<string, string> {
  // Prometheus writes empty label sets as {}; some engines omit them.
  if (value === undefined || value === null) {
    return {};
  }
  if (!isObject(value)) {
    throw invalidResponseError(instance, `${where} is not an object`);
  }
  const result: Record<string, string> = {};
  for (const [name, item] of Object.entries(value)) {
    if (typeof item !== 'string') {
      throw invalidResponseError(instance, `${where}.${name} is not a string`);
    }
    result[name] = item;
  }
  return result;
}

/**
 * Reads the `data` of a `GET /api/v1/rules` answer into its alerting rules,
 * in the order the server lists them. Recording rules (and any other rule
 * type) are left out, so an engine that ignores `type=alert` gives the same
 * result. A shape that is not the rules API's fails the whole answer with an
 * `invalid_response` error: a half-read rule list would let a rule without a
 * runbook disappear unnoticed.
 */
export function decodeAlertingRules(
  instance: string,
  data: unknown,
): PrometheusAlertingRule[] {
  if (!isObject(data) || !Array.isArray(data.groups)) {
    throw invalidResponseError(
      instance,
      'the rules answer has no data.groups list',
    );
  }
  const rules: PrometheusAlertingRule[] = [];
  data.groups.forEach((group: unknown, groupIndex) => {
    const where = `data.groups[${groupIndex}]`;
    if (
      !isObject(group) ||
      typeof group.name !== 'string' ||
      !Array.isArray(group.rules)
    ) {
      throw invalidResponseError(
        instance,
        `${where} has no name or no rules list`,
      );
    }
    const file =
      typeof group.file === 'string' && group.file !== ''
        ? group.file
        : undefined;
    group.rules.forEach((rule: unknown, ruleIndex) => {
      const ruleWhere = `${where}.rules[${ruleIndex}]`;
      if (!isObject(rule)) {
        throw invalidResponseError(instance, `${ruleWhere} is not an object`);
      }
      if (rule.type !== 'alerting') {
        return;
      }
      if (typeof rule.name !== 'string' || rule.name === '') {
        throw invalidResponseError(instance, `${ruleWhere} has no name`);
      }
      rules.push({
        group: group.name as string,
        ...(file ? { file } : {}),
        name: rule.name,
        query: typeof rule.query === 'string' ? rule.query : '',
        labels: stringMap(instance, rule.labels, `${ruleWhere}.labels`),
        annotations: stringMap(
          instance,
          rule.annotations,
          `${ruleWhere}.annotations`,
        ),
      });
    });
  });
  return rules;
}
