import type { Entity } from '@backstage/catalog-model';
import type {
  CheckApplicability,
  CheckParams,
  RubricCheck,
} from '@preflight/plugin-reliability-common';

function matches(allowed: string[] | undefined, value: string | undefined) {
  if (!allowed || allowed.length === 0) {
    return true;
  }
  if (value === undefined) {
    return false;
  }
  const lower = value.toLocaleLowerCase('en-US');
  return allowed.some(
    candidate => candidate.toLocaleLowerCase('en-US') === lower,
  );
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Whether a check concerns an entity: its kind, `spec.type`,
 * `spec.lifecycle` and tier must each be among the listed values (compared
 * case-insensitively); an absent list matches everything.
 */
export function checkApplies(
  check: { appliesTo: CheckApplicability },
  entity: Entity,
  tier?: string,
): boolean {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const { kinds, types, lifecycles, tiers } = check.appliesTo;
  return (
    matches(kinds, entity.kind) &&
    matches(types, text(spec.type)) &&
    matches(lifecycles, text(spec.lifecycle)) &&
    matches(tiers, tier)
  );
}

/**
 * A check's parameters for an entity of the given tier: the defaults with
 * that tier's overrides on top (tier names compared case-insensitively).
 */
export function paramsForTier(check: RubricCheck, tier?: string): CheckParams {
  if (!tier) {
    return check.params;
  }
  const lower = tier.toLocaleLowerCase('en-US');
  const override = Object.entries(check.paramsByTier).find(
    ([name]) => name.toLocaleLowerCase('en-US') === lower,
  );
  return override ? { ...check.params, ...override[1] } : check.params;
}
