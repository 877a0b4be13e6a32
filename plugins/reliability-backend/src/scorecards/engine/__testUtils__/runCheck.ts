import { paramsForTier } from '../checkApplies';
import type {
  CheckOutcome,
  EntityReadinessFacts,
  ScorecardCheck,
} from '@preflight/plugin-reliability-node';
import type {
  CheckParams,
  RubricCheck,
} from '@preflight/plugin-reliability-common';
import { NOW } from './buildReadinessFacts';

/**
 * Runs a check the way a rubric with its defaults would: the
 * implementation's parameters, its tier overrides for the entity's tier,
 * then any `params` the test gives (as a configured rubric would).
 */
export async function runCheck(
  check: ScorecardCheck,
  facts: EntityReadinessFacts,
  options: { params?: CheckParams; now?: Date } = {},
): Promise<CheckOutcome> {
  const rubricCheck: RubricCheck = {
    id: check.id,
    implementation: check.id,
    title: check.defaults.title,
    category: check.defaults.category,
    description: check.defaults.description,
    fix: check.defaults.fix,
    appliesTo: check.defaults.appliesTo ?? {},
    params: { ...check.defaults.params, ...options.params },
    paramsByTier: check.defaults.paramsByTier ?? {},
  };
  return check.evaluate({
    facts,
    params: paramsForTier(rubricCheck, facts.tier),
    now: options.now ?? NOW,
  });
}
