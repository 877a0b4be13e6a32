import type { Entity } from '@backstage/catalog-model';
import type {
  CheckApplicability,
  CheckParams,
  RubricCheck,
} from '@preflight/plugin-reliability-common';

import { computedOncePer } from '../../lib/computedOncePer';

const lowerCase = (value: string) => value.toLocaleLowerCase('en-US');

// A rubric's lists never change once resolved, and each is matched against
// every entity of a fleet: lower-cased once per list.
const lowerCased = computedOncePer(
  (allowed: string[]) => new Set(allowed.map(lowerCase)),
);

function matches(allowed: string[] | undefined, value: string | undefined) {
  if (!allowed || allowed.length === 0) {
    return true;
  }
  return value !== undefined && lowerCased(allowed).has(lowerCase(value));
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

// Per rubric check (immutable once resolved): its parameters for each tier
// it overrides, merged once rather than for every entity of that tier. The
// first of two tier names equal but for case wins, as a search in order
// would find it.
const paramsByLowerCaseTier = computedOncePer((check: RubricCheck) => {
  const byTier = new Map<string, CheckParams>();
  for (const [name, override] of Object.entries(check.paramsByTier)) {
    const key = lowerCase(name);
    if (!byTier.has(key)) {
      byTier.set(key, { ...check.params, ...override });
    }
  }
  return byTier;
});

/**
 * A check's parameters for an entity of the given tier: the defaults with
 * that tier's overrides on top (tier names compared case-insensitively).
 */
export function paramsForTier(check: RubricCheck, tier?: string): CheckParams {
  if (!tier) {
    return check.params;
  }
  return paramsByLowerCaseTier(check).get(lowerCase(tier)) ?? check.params;
}
