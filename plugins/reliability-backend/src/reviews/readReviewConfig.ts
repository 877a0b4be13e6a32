import type { Config } from '@backstage/config';
import { makeValidator } from '@backstage/catalog-model';
import {
  formatFieldPath,
  formatZodIssues,
  ReviewTemplate,
  ReviewTemplateItem,
  ScorecardRubric,
} from '@preflight/plugin-reliability-common';
import { stableHash } from '../scorecards/engine';
import { z } from 'zod/v3';

/** Which entities the deploy gate holds back without an approved review. */
export interface ReviewGateConfig {
  /** Stages that must hold an approved, non-drifted review. */
  stages: string[];
  /** Tiers (`preflight.dev/tier`) gated; empty: every tier. */
  tiers: string[];
}

/** `reliability.reviews`, validated. */
export interface ReviewConfig {
  templates: ReviewTemplate[];
  /** Whether the DRI may sign sections of their own review (small orgs). */
  allowDriSignoff: boolean;
  /**
   * Whether review changes send notifications (when the notifications
   * backend is installed). Default true.
   */
  notifications: boolean;
  /** The deploy gate on reviews; absent: reviews do not gate deploys. */
  gate?: ReviewGateConfig;
}

const PATH = 'reliability.reviews';

const idSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,99}$/i,
    'must be letters, digits, ".", "_" or "-" (at most 100)',
  );
const nameList = z.array(z.string().trim().min(1, 'must not be empty'));
// The catalog's own rules for namespaces and names, so a reviewer group is
// one the catalog can hold (its namespace matched without regard to case, as
// the catalog matches references).
const catalogValidators = makeValidator();

function isGroupRef(value: string): boolean {
  const match = /^group:([^:/]+)\/([^:/]+)$/i.exec(value);
  return (
    match !== null &&
    catalogValidators.isValidNamespace(match[1].toLocaleLowerCase('en-US')) &&
    catalogValidators.isValidEntityName(match[2])
  );
}

const groupRef = z
  .string()
  .refine(isGroupRef, 'must be a group entity ref such as group:default/sre');

const checkItemSchema = z
  .object({
    id: idSchema,
    check: idSchema,
    description: z.string().optional(),
    stages: nameList.optional(),
    tiers: nameList.optional(),
  })
  .strict();

const attestationItemSchema = z
  .object({
    id: idSchema,
    question: z.string().trim().min(1, 'must not be empty'),
    description: z.string().optional(),
    evidence: z.enum(['required', 'optional', 'none']).optional(),
    reaffirmEvery: z
      .string()
      .regex(/^[1-9][0-9]{0,3}[dw]$/, 'must be days or weeks, e.g. 90d or 12w')
      .optional(),
    stages: nameList.optional(),
    tiers: nameList.optional(),
  })
  .strict();

const sectionSchema = z
  .object({
    id: idSchema,
    title: z.string().trim().min(1, 'must not be empty'),
    description: z.string().optional(),
    reviewerGroups: z
      .array(groupRef)
      .min(1, 'name at least one reviewer group'),
    items: z.array(z.unknown()).min(1, 'a section needs at least one item'),
  })
  .strict();

const templateSchema = z
  .object({
    id: idSchema,
    title: z.string().trim().min(1, 'must not be empty'),
    description: z.string().optional(),
    appliesTo: z
      .object({
        kinds: nameList.optional(),
        types: nameList.optional(),
        lifecycles: nameList.optional(),
        tiers: nameList.optional(),
      })
      .strict()
      .optional(),
    stages: z.array(idSchema).min(1, 'list at least one stage'),
    sections: z.array(sectionSchema).min(1, 'a template needs a section'),
  })
  .strict();

const reviewsSchema = z
  .object({
    allowDriSignoff: z.boolean().optional(),
    notifications: z.boolean().optional(),
    gate: z
      .object({
        stages: z.array(idSchema).min(1, 'list at least one stage'),
        tiers: nameList.optional(),
      })
      .strict()
      .optional(),
    templates: z.array(z.unknown()).optional(),
  })
  .strict();

function formatPath(path: Array<string | number>): string {
  return formatFieldPath(path, PATH);
}

function issuesOf(error: z.ZodError, base: Array<string | number>): string[] {
  return formatZodIssues(error.issues, { root: formatPath(base) });
}

function days(reaffirmEvery: string): number {
  const count = Number(reaffirmEvery.slice(0, -1));
  return reaffirmEvery.endsWith('w') ? count * 7 : count;
}

/** Reports every stage an item names that its template does not have. */
function checkItemStages(
  itemStages: string[] | undefined,
  stages: string[],
  path: Array<string | number>,
  problems: string[],
): void {
  (itemStages ?? []).forEach((stage, index) => {
    if (!stages.includes(stage)) {
      problems.push(
        `${formatPath([
          ...path,
          'stages',
          index,
        ])}: stage "${stage}" is not a stage of the template (${stages.join(
          ', ',
        )})`,
      );
    }
  });
}

function resolveItem(
  raw: unknown,
  path: Array<string | number>,
  stages: string[],
  rubric: ScorecardRubric,
  problems: string[],
): ReviewTemplateItem | undefined {
  // An item is a check item when it names a check, else an attestation;
  // a stray key then reports against the shape the author meant.
  const isCheck =
    !!raw && typeof raw === 'object' && 'check' in (raw as object);
  if (isCheck) {
    const parsed = checkItemSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...issuesOf(parsed.error, path));
      return undefined;
    }
    checkItemStages(parsed.data.stages, stages, path, problems);
    const check = rubric.checks.find(c => c.id === parsed.data.check);
    if (!check) {
      problems.push(
        `${formatPath([...path, 'check'])}: unknown check "${
          parsed.data.check
        }"; checks of the scorecard rubric: ${rubric.checks
          .map(c => c.id)
          .join(', ')}`,
      );
      return undefined;
    }
    return {
      id: parsed.data.id,
      kind: 'check',
      title: check.title,
      description: parsed.data.description ?? check.description,
      checkId: check.id,
      ...(parsed.data.stages ? { stages: parsed.data.stages } : {}),
      ...(parsed.data.tiers ? { tiers: parsed.data.tiers } : {}),
    };
  }
  const parsed = attestationItemSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...issuesOf(parsed.error, path));
    return undefined;
  }
  const item = parsed.data;
  checkItemStages(item.stages, stages, path, problems);
  return {
    id: item.id,
    kind: 'attestation',
    title: item.question,
    ...(item.description ? { description: item.description } : {}),
    evidence: item.evidence ?? 'optional',
    ...(item.reaffirmEvery
      ? { reaffirmEveryDays: days(item.reaffirmEvery) }
      : {}),
    ...(item.stages ? { stages: item.stages } : {}),
    ...(item.tiers ? { tiers: item.tiers } : {}),
  };
}

function resolveTemplate(
  raw: unknown,
  index: number,
  rubric: ScorecardRubric,
  problems: string[],
): ReviewTemplate | undefined {
  const base = ['templates', index];
  const parsed = templateSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...issuesOf(parsed.error, base));
    // Items are validated anyway, so one run reports every problem.
    const rawTemplate = raw as { stages?: unknown; sections?: unknown };
    const stages = Array.isArray(rawTemplate?.stages)
      ? rawTemplate.stages.map(String)
      : [];
    (Array.isArray(rawTemplate?.sections) ? rawTemplate.sections : []).forEach(
      (section: { items?: unknown }, s: number) =>
        (Array.isArray(section?.items) ? section.items : []).forEach(
          (item: unknown, i: number) =>
            resolveItem(
              item,
              [...base, 'sections', s, 'items', i],
              stages,
              rubric,
              problems,
            ),
        ),
    );
    return undefined;
  }
  const config = parsed.data;
  const before = problems.length;
  const duplicates = (ids: string[], path: (i: number) => string) =>
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) {
        problems.push(`${path(i)}: "${id}" is defined twice`);
      }
    });
  duplicates(config.stages, i => formatPath([...base, 'stages', i]));
  duplicates(
    config.sections.map(s => s.id),
    i => formatPath([...base, 'sections', i, 'id']),
  );
  const sections = config.sections.map((section, s) => ({
    id: section.id,
    title: section.title,
    ...(section.description ? { description: section.description } : {}),
    reviewerGroups: section.reviewerGroups.map(g =>
      g.toLocaleLowerCase('en-US'),
    ),
    items: section.items.flatMap((item, i) => {
      const resolved = resolveItem(
        item,
        [...base, 'sections', s, 'items', i],
        config.stages,
        rubric,
        problems,
      );
      return resolved ? [resolved] : [];
    }),
  }));
  // Item ids are unique within the whole template: routes address items
  // by id alone, and sign-off voiding finds an item's section by it.
  const seen = new Set<string>();
  config.sections.forEach((section, s) =>
    section.items.forEach((item, i) => {
      const id = (item as { id?: unknown })?.id;
      if (typeof id === 'string') {
        if (seen.has(id)) {
          problems.push(
            `${formatPath([
              ...base,
              'sections',
              s,
              'items',
              i,
              'id',
            ])}: item "${id}" is defined twice in the template`,
          );
        }
        seen.add(id);
      }
    }),
  );
  if (problems.length > before) {
    return undefined;
  }
  const template: Omit<ReviewTemplate, 'version'> = {
    id: config.id,
    title: config.title,
    ...(config.description ? { description: config.description } : {}),
    appliesTo: config.appliesTo ?? {},
    stages: config.stages,
    sections,
  };
  return { ...template, version: stableHash(template) };
}

/**
 * Validates raw `reliability.reviews` against the scorecard rubric: every
 * check item must name a rubric check, ids are unique, stages and reviewer
 * groups well-formed. Returns every problem with its config path (empty when
 * valid) next to the resolved configuration.
 */
export function resolveReviewConfig(
  raw: unknown,
  rubric: ScorecardRubric,
): { config: ReviewConfig; problems: string[] } {
  const problems: string[] = [];
  const parsed = reviewsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    return {
      config: { templates: [], allowDriSignoff: false, notifications: true },
      problems: issuesOf(parsed.error, []),
    };
  }
  const templates = (parsed.data.templates ?? []).flatMap((t, i) => {
    const template = resolveTemplate(t, i, rubric, problems);
    return template ? [template] : [];
  });
  const ids = templates.map(t => t.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) {
      problems.push(
        `${formatPath([
          'templates',
          i,
          'id',
        ])}: template "${id}" is defined twice`,
      );
    }
  });
  const gate = parsed.data.gate;
  if (gate) {
    const known = new Set(templates.flatMap(t => t.stages));
    gate.stages.forEach((stage, i) => {
      if (!known.has(stage)) {
        problems.push(
          `${formatPath([
            'gate',
            'stages',
            i,
          ])}: no template has stage "${stage}"`,
        );
      }
    });
  }
  return {
    config: {
      templates,
      allowDriSignoff: parsed.data.allowDriSignoff ?? false,
      notifications: parsed.data.notifications ?? true,
      ...(gate
        ? { gate: { stages: gate.stages, tiers: gate.tiers ?? [] } }
        : {}),
    },
    problems,
  };
}

/**
 * Reads `reliability.reviews` (inline or through `$include`), validated
 * against the scorecard rubric. Throws one error listing every problem with
 * its config path, so a typo stops the backend at startup.
 */
export function readReviewConfig(
  root: Config,
  rubric: ScorecardRubric,
): ReviewConfig {
  const { config, problems } = resolveReviewConfig(
    root.getOptional(PATH),
    rubric,
  );
  if (problems.length > 0) {
    throw new Error(
      `Invalid readiness review configuration:\n${problems
        .map(problem => `  - ${problem}`)
        .join('\n')}`,
    );
  }
  return config;
}
