import { z } from 'zod/v3';
import { DEFAULT_SCORECARD_LEVELS } from './defaultLevels';
import { formatFieldPath } from '@preflight/plugin-reliability-common';
import { stableHash } from './hashRubric';
import type {
  CheckParams,
  RubricCheck,
  RubricLevel,
  ScorecardRubric,
} from '@preflight/plugin-reliability-common';
import type { ScorecardCheck } from '@preflight/plugin-reliability-node';

const CONFIG_ROOT = 'reliability.scorecards';

/** One problem of the scorecard configuration, with its config path. */
export interface ScorecardConfigProblem {
  /** e.g. `reliability.scorecards.levels[1].checks[2]`. */
  path: string;
  message: string;
}

/**
 * Thrown at startup when `reliability.scorecards` is invalid; lists every
 * problem with its config path.
 */
export class ScorecardConfigError extends Error {
  readonly problems: ScorecardConfigProblem[];

  constructor(problems: ScorecardConfigProblem[]) {
    super(
      `Invalid scorecard configuration:\n${problems
        .map(problem => `  ${problem.path}: ${problem.message}`)
        .join('\n')}`,
    );
    this.name = 'ScorecardConfigError';
    this.problems = problems;
  }
}

const idSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,99}$/i,
    'must be letters, digits, ".", "_" or "-"',
  );
const paramValue = z.union([z.string(), z.number(), z.boolean()]);
const stringList = z.array(z.string().min(1));

const checkConfigSchema = z
  .object({
    id: idSchema,
    check: idSchema.optional(),
    title: z.string().min(1).optional(),
    category: z.string().min(1).optional(),
    description: z.string().min(1).optional(),
    fix: z
      .object({
        text: z.string().min(1).optional(),
        url: z.string().url().optional(),
      })
      .strict()
      .optional(),
    appliesTo: z
      .object({
        kinds: stringList.optional(),
        types: stringList.optional(),
        lifecycles: stringList.optional(),
        tiers: stringList.optional(),
      })
      .strict()
      .optional(),
    params: z.record(paramValue).optional(),
    tiers: z.record(z.record(paramValue)).optional(),
  })
  .strict();

const levelConfigSchema = z
  .object({
    id: idSchema,
    title: z.string().min(1),
    checks: z.array(idSchema).min(1, 'a level needs at least one check'),
  })
  .strict();

const rubricConfigSchema = z
  .object({
    checks: z.array(checkConfigSchema).optional(),
    levels: z
      .array(levelConfigSchema)
      .min(1, 'give at least one level')
      .optional(),
  })
  // Schedule, history and kinds are read by the backend, not here.
  .passthrough();

type CheckConfig = z.infer<typeof checkConfigSchema>;

function formatPath(path: Array<string | number>): string {
  return formatFieldPath(path, CONFIG_ROOT);
}

/** Checks each given parameter exists on the implementation and has its type. */
function checkParams(
  params: Record<string, string | number | boolean> | undefined,
  defaults: CheckParams,
  implementationId: string,
  path: string,
  problems: ScorecardConfigProblem[],
): CheckParams {
  const accepted: CheckParams = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (!(name in defaults)) {
      const known = Object.keys(defaults);
      problems.push({
        path: `${path}.${name}`,
        message: `unknown parameter of check "${implementationId}"${
          known.length > 0
            ? ` (it takes ${known.join(', ')})`
            : ' (it takes none)'
        }`,
      });
    } else if (typeof value !== typeof defaults[name]) {
      problems.push({
        path: `${path}.${name}`,
        message: `must be a ${typeof defaults[name]}, got ${JSON.stringify(
          value,
        )}`,
      });
    } else {
      accepted[name] = value;
    }
  }
  return accepted;
}

/**
 * The implementation's tier defaults with the configured overrides on top.
 * Tiers match case-insensitively (as entities' tiers do), so `Tier-1` in the
 * config overrides the implementation's `tier-1` instead of sitting next to
 * it unused.
 */
function mergeTierParams(
  defaults: Record<string, CheckParams>,
  configured: Record<string, CheckParams>,
): Record<string, CheckParams> {
  const merged: Record<string, CheckParams> = { ...defaults };
  const lower = (tier: string) => tier.toLocaleLowerCase('en-US');
  for (const [tier, params] of Object.entries(configured)) {
    const defaultTier = Object.keys(merged).find(
      name => lower(name) === lower(tier),
    );
    const base = defaultTier ? merged[defaultTier] : {};
    if (defaultTier) {
      delete merged[defaultTier];
    }
    merged[tier] = { ...base, ...params };
  }
  return merged;
}

function resolveCheck(
  config: CheckConfig,
  index: number,
  implementations: Map<string, ScorecardCheck>,
  problems: ScorecardConfigProblem[],
): RubricCheck | undefined {
  const path = formatPath(['checks', index]);
  const implementationId = config.check ?? config.id;
  const implementation = implementations.get(implementationId);
  if (!implementation) {
    problems.push({
      path: `${path}.${config.check ? 'check' : 'id'}`,
      message: `unknown check "${implementationId}"; installed checks: ${[
        ...implementations.keys(),
      ].join(', ')}`,
    });
    return undefined;
  }
  const defaults = implementation.defaults.params ?? {};
  const params = {
    ...defaults,
    ...checkParams(
      config.params,
      defaults,
      implementationId,
      `${path}.params`,
      problems,
    ),
  };
  const paramsByTier: Record<string, CheckParams> = {};
  for (const [tier, overrides] of Object.entries(config.tiers ?? {})) {
    paramsByTier[tier] = checkParams(
      overrides,
      defaults,
      implementationId,
      `${path}.tiers.${tier}`,
      problems,
    );
  }
  return {
    id: config.id,
    implementation: implementationId,
    title: config.title ?? implementation.defaults.title,
    category: config.category ?? implementation.defaults.category,
    description: config.description ?? implementation.defaults.description,
    fix: {
      text: config.fix?.text ?? implementation.defaults.fix.text,
      ...(config.fix?.url ?? implementation.defaults.fix.url
        ? { url: config.fix?.url ?? implementation.defaults.fix.url }
        : {}),
    },
    appliesTo: config.appliesTo ?? implementation.defaults.appliesTo ?? {},
    params,
    paramsByTier: mergeTierParams(
      implementation.defaults.paramsByTier ?? {},
      paramsByTier,
    ),
  };
}

function checkLevels(
  levels: RubricLevel[],
  checkIds: Set<string>,
  fromConfig: boolean,
  problems: ScorecardConfigProblem[],
) {
  const seenLevels = new Set<string>();
  const levelOfCheck = new Map<string, string>();
  levels.forEach((level, levelIndex) => {
    if (seenLevels.has(level.id)) {
      problems.push({
        path: formatPath(['levels', levelIndex, 'id']),
        message: `level "${level.id}" is defined twice`,
      });
    }
    seenLevels.add(level.id);
    level.checks.forEach((checkId, checkIndex) => {
      const path = formatPath(['levels', levelIndex, 'checks', checkIndex]);
      if (!checkIds.has(checkId)) {
        problems.push({
          path: fromConfig ? path : formatPath(['levels']),
          message: fromConfig
            ? `unknown check "${checkId}"; configured checks: ${[
                ...checkIds,
              ].join(', ')}`
            : `the default levels need check "${checkId}", which is not configured; configure it or give levels`,
        });
      } else if (levelOfCheck.has(checkId)) {
        problems.push({
          path,
          message: `check "${checkId}" is already in level "${levelOfCheck.get(
            checkId,
          )}"; a check belongs to one level`,
        });
      } else {
        levelOfCheck.set(checkId, level.id);
      }
    });
  });
}

/**
 * Turns the raw `reliability.scorecards` configuration into a rubric:
 * validates it against the installed check implementations, fills each
 * check's presentation and parameters from its implementation's defaults,
 * and applies the default levels when none are given. Omitted `checks`
 * means every installed check with its defaults. Throws a
 * {@link ScorecardConfigError} listing every problem with its config path.
 */
export function resolveScorecardRubric(options: {
  config?: unknown;
  checks: ScorecardCheck[];
}): ScorecardRubric {
  const problems: ScorecardConfigProblem[] = [];
  const implementations = new Map<string, ScorecardCheck>();
  for (const check of options.checks) {
    if (implementations.has(check.id)) {
      problems.push({
        path: CONFIG_ROOT,
        message: `two installed checks share the id "${check.id}"`,
      });
    }
    implementations.set(check.id, check);
  }

  const parsed = rubricConfigSchema.safeParse(options.config ?? {});
  if (!parsed.success) {
    throw new ScorecardConfigError([
      ...problems,
      ...parsed.error.issues.map(issue => ({
        path: formatPath(issue.path),
        message: issue.message,
      })),
    ]);
  }
  const configChecks: CheckConfig[] =
    // Unique ids: a duplicate installed check is reported once above, not
    // again as a "configured twice" path that is nowhere in the config.
    parsed.data.checks ?? [...implementations.keys()].map(id => ({ id }));

  const checks: RubricCheck[] = [];
  const seenChecks = new Set<string>();
  configChecks.forEach((config, index) => {
    if (seenChecks.has(config.id)) {
      problems.push({
        path: formatPath(['checks', index, 'id']),
        message: `check "${config.id}" is configured twice`,
      });
      return;
    }
    seenChecks.add(config.id);
    const resolved = resolveCheck(config, index, implementations, problems);
    if (resolved) {
      checks.push(resolved);
    }
  });

  const levels: RubricLevel[] = parsed.data.levels ?? DEFAULT_SCORECARD_LEVELS;
  checkLevels(levels, seenChecks, parsed.data.levels !== undefined, problems);

  if (problems.length > 0) {
    throw new ScorecardConfigError(problems);
  }
  const levelsCopy = levels.map(level => ({
    ...level,
    checks: [...level.checks],
  }));
  return {
    checks,
    levels: levelsCopy,
    version: stableHash({ checks, levels: levelsCopy }),
  };
}
