import { parseAllDocuments } from 'yaml';
import type { ZodIssue } from 'zod/v3';
import {
  formatSloDuration,
  nominalCalendarWindowSeconds,
  parseCalendarWindowDuration,
  parseSloDuration,
  type SloProblem,
} from '@preflight/plugin-reliability-common';
import type { SloDefinition, SloParseResult } from './SloDefinition';
import {
  OPENSLO_API_VERSION,
  OPENSLO_IGNORED_KINDS,
  OPENSLO_SUPPORTED_KINDS,
  openSloEnvelopeSchema,
  OpenSloObjective,
  openSloSliSpecSchema,
  OpenSloSloSpec,
  openSloSloSpecSchema,
} from './openSloSchemas';
import { DescribedIssue, describeZodIssue } from './describeZodIssue';
import { NormalizedIndicator, normalizeIndicator } from './normalizeIndicator';
import {
  LinkedObjects,
  OPENSLO_LINKED_KINDS,
  type OpenSloLinkedKind,
} from './resolveLinkedObjects';

/** Where OpenSLO text came from, for problems and definitions. @public */
export interface OpenSloSource {
  /** The entity that references the file, e.g. `component:default/checkout-api`. */
  entityRef: string;
  /** The file as the entity references it, e.g. `../slos/checkout-api.yaml`. */
  file: string;
  /** Longest SLO window accepted, in seconds; default 90 days. */
  maxWindowSeconds?: number;
}

/**
 * Longest SLO window accepted by default: 90 days. Longer windows are
 * rarely meant and usually outlast the metrics source's retention, so they
 * would silently be measured over less.
 */
export const DEFAULT_MAX_SLO_WINDOW_SECONDS = 90 * 86_400;

/** Larger files are refused unread: SLO files are a few kilobytes. @public */
export const MAX_OPENSLO_FILE_CHARACTERS = 1_000_000;

/** `field` of a problem about a whole OpenSLO file (too large, unreadable). */
export const SLO_PROBLEM_WHOLE_FILE = '(whole file)';

/** `field` of a problem about a whole YAML document of a file (bad YAML, not an OpenSLO object). */
export const SLO_PROBLEM_WHOLE_DOCUMENT = '(whole document)';

interface DocumentPosition {
  index: number;
  item?: number;
}

interface RawObject {
  position: DocumentPosition;
  value: unknown;
}

interface SloDocument {
  position: DocumentPosition;
  name: string;
  displayName?: string;
  spec: unknown;
}

interface SliDocument {
  position: DocumentPosition;
  name: string;
  indicator: NormalizedIndicator;
}

type ProblemDraft = Omit<SloProblem, 'entityRef' | 'file'>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Binary noise from the division (99.9 / 100 = 0.9990000000000001) would
// show on screen and in generated rules.
function percentToFraction(percent: number): number {
  return Number((percent / 100).toPrecision(12));
}

/**
 * Reads OpenSLO v1 YAML (several documents separated by `---`, or a
 * top-level list of objects) into normalized {@link SloDefinition}s.
 *
 * Never throws on bad input: every problem — unreadable YAML, an unknown
 * kind or apiVersion, a bad window, a target outside (0, 1), a missing
 * query, an `indicatorRef` naming no SLI, a duplicate SLO name — becomes a
 * {@link @preflight/plugin-reliability-common#SloProblem} naming the entity, the file, the SLO and the field, and
 * the other SLOs of the file are still returned. `indicatorRef` resolves
 * against the `SLI` objects of the same text. Other OpenSLO kinds (Service,
 * DataSource, AlertPolicy, …) are skipped silently.
 * @public
 */
export function parseOpenSloDocuments(
  text: string,
  source: OpenSloSource,
): SloParseResult {
  const problems: SloProblem[] = [];
  const report = (draft: ProblemDraft) => {
    problems.push({ entityRef: source.entityRef, file: source.file, ...draft });
  };

  if (text.length > MAX_OPENSLO_FILE_CHARACTERS) {
    report({
      field: SLO_PROBLEM_WHOLE_FILE,
      message: `the file has ${text.length} characters, more than the ${MAX_OPENSLO_FILE_CHARACTERS} an SLO file may have`,
      fix: 'Split the SLOs into several smaller files.',
    });
    return { definitions: [], problems };
  }

  const objects = readObjects(text, report);
  const slos: SloDocument[] = [];
  const slis = new Map<string, SliDocument>();
  const linked = new LinkedObjects();

  for (const object of objects) {
    classify(object, report, slos, slis, linked);
  }

  const definitions: SloDefinition[] = [];
  const seenSloNames = new Set<string>();
  for (const slo of slos) {
    const documentRef = { ...slo.position, kind: 'SLO', name: slo.name };
    const reportSlo = (issue: DescribedIssue) =>
      report({ ...issue, sloName: slo.name, document: documentRef });
    if (seenSloNames.has(slo.name)) {
      reportSlo({
        field: 'metadata.name',
        message: `another SLO in this file is already named "${slo.name}"; this one is ignored`,
        fix: 'Give every SLO of an entity its own name.',
      });
      continue;
    }
    seenSloNames.add(slo.name);
    definitions.push(...toDefinitions(slo, slis, linked, source, reportSlo));
  }
  // Problems are found in two passes (objects, then SLOs); list them in file
  // order so they read top to bottom. Array.prototype.sort is stable.
  problems.sort(
    (a, b) =>
      (a.document?.index ?? -1) - (b.document?.index ?? -1) ||
      (a.document?.item ?? -1) - (b.document?.item ?? -1),
  );
  return { definitions, problems };
}

function readObjects(
  text: string,
  report: (draft: ProblemDraft) => void,
): RawObject[] {
  const objects: RawObject[] = [];
  const documents = parseAllDocuments(text);
  documents.forEach((document, index) => {
    if (document.errors.length > 0) {
      report({
        field: SLO_PROBLEM_WHOLE_DOCUMENT,
        message: `unreadable YAML: ${document.errors
          .slice(0, 3)
          // The first line says what and where; the rest is a code excerpt.
          .map(error => error.message.split('\n')[0].replace(/:$/, ''))
          .join('; ')}`,
        fix: 'Fix the YAML syntax (indentation, quotes, ":" after keys).',
        document: { index },
      });
      return;
    }
    let value: unknown;
    try {
      // maxAliasCount bounds alias expansion ("billion laughs").
      value = document.toJS({ maxAliasCount: 100 });
    } catch (error) {
      report({
        field: SLO_PROBLEM_WHOLE_DOCUMENT,
        message: `unreadable YAML: ${(error as Error).message}`,
        document: { index },
      });
      return;
    }
    // A trailing "---" or a comment-only document holds nothing.
    if (value === null || value === undefined) {
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, itemIndex) => {
        objects.push({ position: { index, item: itemIndex }, value: item });
      });
    } else {
      objects.push({ position: { index }, value });
    }
  });
  return objects;
}

function classify(
  object: RawObject,
  report: (draft: ProblemDraft) => void,
  slos: SloDocument[],
  slis: Map<string, SliDocument>,
  linked: LinkedObjects,
): void {
  const { position, value } = object;
  if (!isPlainObject(value)) {
    report({
      field: SLO_PROBLEM_WHOLE_DOCUMENT,
      message:
        'this document is not an OpenSLO object (a mapping with apiVersion, kind, metadata and spec)',
      document: position,
    });
    return;
  }
  const kind = typeof value.kind === 'string' ? value.kind : undefined;
  const rawName = isPlainObject(value.metadata)
    ? value.metadata.name
    : undefined;
  const name = typeof rawName === 'string' ? rawName : undefined;
  const documentRef = { ...position, kind, name };
  const sloName = kind === 'SLO' ? name : undefined;

  if (value.apiVersion !== OPENSLO_API_VERSION) {
    report({
      field: 'apiVersion',
      message:
        value.apiVersion === undefined
          ? `"apiVersion" is missing; Preflight reads ${OPENSLO_API_VERSION}`
          : `unknown apiVersion "${String(
              value.apiVersion,
            )}"; Preflight reads ${OPENSLO_API_VERSION}`,
      fix: `Set apiVersion: ${OPENSLO_API_VERSION}.`,
      sloName,
      document: documentRef,
    });
    return;
  }
  if ((OPENSLO_IGNORED_KINDS as readonly unknown[]).includes(kind)) {
    return;
  }
  if (!(OPENSLO_SUPPORTED_KINDS as readonly unknown[]).includes(kind)) {
    report({
      field: 'kind',
      message:
        kind === undefined
          ? `"kind" is missing; expected one of ${OPENSLO_SUPPORTED_KINDS.join(
              ', ',
            )}`
          : `unknown kind "${kind}"; expected one of ${OPENSLO_SUPPORTED_KINDS.join(
              ', ',
            )}`,
      fix: 'Set kind: SLO (or SLI for an indicator that SLOs reference).',
      document: documentRef,
    });
    return;
  }

  const envelope = openSloEnvelopeSchema.safeParse(value);
  if (!envelope.success) {
    reportIssues(envelope.error.issues, [], issue =>
      report({ ...issue, sloName, document: documentRef }),
    );
    return;
  }
  const metadata = envelope.data.metadata;

  if (kind === 'SLO') {
    slos.push({
      position,
      name: metadata.name,
      displayName: metadata.displayName,
      spec: envelope.data.spec,
    });
    return;
  }

  const reportSli = (issue: DescribedIssue) =>
    report({ ...issue, document: documentRef });
  if ((OPENSLO_LINKED_KINDS as readonly unknown[]).includes(kind)) {
    linked.add(
      kind as OpenSloLinkedKind,
      {
        name: metadata.name,
        displayName: metadata.displayName,
        spec: envelope.data.spec,
      },
      reportSli,
    );
    return;
  }
  if (slis.has(metadata.name)) {
    reportSli({
      field: 'metadata.name',
      message: `another SLI in this file is already named "${metadata.name}"; this one is ignored`,
      fix: 'Give every SLI its own name.',
    });
    return;
  }
  const spec = openSloSliSpecSchema.safeParse(envelope.data.spec);
  if (!spec.success) {
    reportIssues(spec.error.issues, ['spec'], reportSli);
    slis.set(metadata.name, {
      position,
      name: metadata.name,
      indicator: { ok: false, issues: [] },
    });
    return;
  }
  const indicator = normalizeIndicator(spec.data, ['spec']);
  if (!indicator.ok) {
    indicator.issues.forEach(reportSli);
  }
  slis.set(metadata.name, { position, name: metadata.name, indicator });
}

function reportIssues(
  issues: ZodIssue[],
  pathPrefix: Array<string | number>,
  report: (issue: DescribedIssue) => void,
): void {
  for (const issue of issues) {
    report(describeZodIssue(issue, pathPrefix));
  }
}

function resolveIndicator(
  spec: OpenSloSloSpec,
  slis: Map<string, SliDocument>,
  report: (issue: DescribedIssue) => void,
): { name?: string; path: string; indicator: NormalizedIndicator } | undefined {
  if (spec.indicator) {
    const indicator = normalizeIndicator(spec.indicator.spec, [
      'spec',
      'indicator',
      'spec',
    ]);
    if (!indicator.ok) {
      indicator.issues.forEach(report);
      return undefined;
    }
    return {
      name: spec.indicator.metadata?.name,
      path: 'spec.indicator.spec',
      indicator,
    };
  }
  const ref = spec.indicatorRef!;
  const sli = slis.get(ref);
  if (!sli) {
    const known = [...slis.keys()];
    report({
      field: 'spec.indicatorRef',
      message: `no SLI named "${ref}" in this file`,
      fix:
        known.length > 0
          ? `Reference one of the SLIs in this file (${known.join(
              ', ',
            )}) or add an SLI named "${ref}".`
          : `Add an SLI document named "${ref}" to this file, or inline the indicator.`,
    });
    return undefined;
  }
  if (!sli.indicator.ok) {
    report({
      field: 'spec.indicatorRef',
      message: `the SLI "${ref}" it references has problems of its own`,
      fix: `Fix the problems reported for SLI "${ref}".`,
    });
    return undefined;
  }
  return {
    name: sli.name,
    path: `SLI "${ref}" spec`,
    indicator: sli.indicator,
  };
}

function toDefinitions(
  slo: SloDocument,
  slis: Map<string, SliDocument>,
  linked: LinkedObjects,
  source: OpenSloSource,
  report: (issue: DescribedIssue) => void,
): SloDefinition[] {
  const parsed = openSloSloSpecSchema.safeParse(slo.spec);
  if (!parsed.success) {
    reportIssues(parsed.error.issues, ['spec'], report);
    return [];
  }
  const spec = parsed.data;
  const resolved = resolveIndicator(spec, slis, report);
  if (!resolved || !resolved.indicator.ok) {
    return [];
  }
  const { indicator } = resolved.indicator;
  const isThreshold = indicator.kind === 'threshold';

  let valid = true;
  const invalid = (issue: DescribedIssue) => {
    valid = false;
    report(issue);
  };
  // metricSourceRef names a DataSource of this file or an instance.
  const prometheusInstance =
    resolved.indicator.prometheusInstance === undefined
      ? undefined
      : linked.instanceFor(
          resolved.indicator.prometheusInstance,
          `${resolved.path}.${
            isThreshold ? 'thresholdMetric' : 'ratioMetric.total'
          }.metricSource.metricSourceRef`,
          invalid,
        );
  const alertPolicies = linked.alertPolicies(
    spec.alertPolicies,
    invalid,
    report,
  );
  if (isThreshold && spec.budgetingMethod === 'RatioTimeslices') {
    invalid({
      field: 'spec.budgetingMethod',
      message:
        'RatioTimeslices averages the good/total ratio of each slice, and a thresholdMetric has no ratio',
      fix: 'Use budgetingMethod: Timeslices (a slice is good when its value meets the objective) or a ratioMetric.',
    });
  }
  if (isThreshold && spec.objectives.length > 1) {
    invalid({
      field: 'spec.objectives',
      message: `a thresholdMetric SLO has exactly one objective, found ${spec.objectives.length}`,
      fix: 'Split the objectives into separate SLOs.',
    });
  }
  spec.objectives.forEach((objective, index) => {
    checkObjective(
      objective,
      index,
      isThreshold,
      spec.budgetingMethod,
      invalid,
    );
  });
  if (!valid) {
    return [];
  }

  const window = spec.timeWindow[0];
  // A calendar window varies in length (months, DST days): its nominal
  // length bounds it and scales its alert windows.
  const windowSeconds = window.calendar
    ? nominalCalendarWindowSeconds(parseCalendarWindowDuration(window.duration))
    : parseSloDuration(window.duration);
  const maxWindowSeconds =
    source.maxWindowSeconds ?? DEFAULT_MAX_SLO_WINDOW_SECONDS;
  if (windowSeconds > maxWindowSeconds) {
    const limit =
      maxWindowSeconds % 60 === 0
        ? formatSloDuration(maxWindowSeconds)
        : `${maxWindowSeconds}s`;
    report({
      field: 'spec.timeWindow[0].duration',
      message: `a ${window.duration} window is longer than the ${limit} an SLO window may have here`,
      fix: `Use a window of at most ${limit} (reliability.slos.maxWindow sets the limit).`,
    });
    return [];
  }
  const baseDisplayName = slo.displayName ?? slo.name;
  const several = spec.objectives.length > 1;

  return spec.objectives.map((objective, index) => {
    const target =
      objective.target ?? percentToFraction(objective.targetPercent!);
    const definition: SloDefinition = {
      id: several ? `${slo.name}#${index}` : slo.name,
      name: slo.name,
      displayName: several
        ? `${baseDisplayName} (${
            objective.displayName ?? `objective ${index + 1}`
          })`
        : baseDisplayName,
      service: spec.service,
      entityRef: source.entityRef,
      file: source.file,
      indicatorName: resolved.name ?? slo.name,
      indicatorPath: resolved.path,
      indicator,
      window: window.duration,
      windowSeconds,
      rolling: window.isRolling === true,
      budgetingMethod: spec.budgetingMethod,
      objectiveIndex: index,
      target,
    };
    if (spec.description !== undefined) {
      definition.description = spec.description;
    }
    if (prometheusInstance !== undefined) {
      definition.prometheusInstance = prometheusInstance;
    }
    if (alertPolicies && alertPolicies.length > 0) {
      definition.alertPolicies = alertPolicies;
    }
    if (window.calendar) {
      definition.calendar = {
        startTime: window.calendar.startTime,
        timeZone: window.calendar.timeZone,
      };
    }
    if (objective.displayName !== undefined) {
      definition.objectiveDisplayName = objective.displayName;
    }
    if (isThreshold) {
      definition.thresholdOp = objective.op;
      definition.thresholdValue = objective.value;
    }
    if (spec.budgetingMethod !== 'Occurrences') {
      if (!isThreshold && spec.budgetingMethod === 'Timeslices') {
        definition.timeSliceTarget = objective.timeSliceTarget;
      }
      const sliceWindow = objective.timeSliceWindow!;
      // OpenSLO reads a bare number as minutes.
      definition.timeSliceWindowSeconds =
        typeof sliceWindow === 'number'
          ? sliceWindow * 60
          : parseSloDuration(sliceWindow);
    }
    return definition;
  });
}

function checkObjective(
  objective: OpenSloObjective,
  index: number,
  isThreshold: boolean,
  budgetingMethod: OpenSloSloSpec['budgetingMethod'],
  report: (issue: DescribedIssue) => void,
): void {
  const path = `spec.objectives[${index}]`;
  if (isThreshold && objective.op === undefined) {
    report({
      field: `${path}.op`,
      message: 'a thresholdMetric objective needs "op" (lt, lte, gt or gte)',
      fix: 'Add e.g. op: lte and value: 0.3 (good when the value is at most 0.3).',
    });
  }
  if (isThreshold && objective.value === undefined) {
    report({
      field: `${path}.value`,
      message: 'a thresholdMetric objective needs "value" to compare with',
      fix: 'Add e.g. op: lte and value: 0.3 (good when the value is at most 0.3).',
    });
  }
  if (
    budgetingMethod === 'Timeslices' &&
    !isThreshold &&
    objective.timeSliceTarget === undefined
  ) {
    report({
      field: `${path}.timeSliceTarget`,
      message: 'Timeslices budgeting of a ratio needs a timeSliceTarget',
      fix: 'Add e.g. timeSliceTarget: 0.95 (a slice is good when 95% of its events are).',
    });
  }
}
