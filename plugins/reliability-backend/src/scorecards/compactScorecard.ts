import type {
  AppliedExemption,
  CheckFactValue,
  CheckPresentation,
  CheckState,
  EntityScorecard,
  FactFreshness,
  ScorecardCheckResult,
} from '@preflight/plugin-reliability-common';

/*
 * How a scorecard is stored in `scorecard_results.scorecard_json`. Three
 * forms have been written, all read here:
 *
 * - whole (the first): the scorecard as evaluated;
 * - format 1: the checks without their presentation (title, category,
 *   description, fix, level), which `scorecard_rubric_checks` keeps once per
 *   rubric version;
 * - format 2 (`v: 2`, written now): as format 1, and each check a tuple
 *   instead of an object with keys, each fact `[label, value, freshness]`
 *   where the freshness (source, as-of, stale), repeated in nearly every
 *   fact, is an index into the scorecard's `sources` followed by its own
 *   `freshness` list. About half the bytes of format 1 on a typical fleet;
 *   each first evaluation writes and stringifies every one of them.
 *
 * A check or fact that does not have the usual shape (a custom check adding
 * keys, a fact without a value) is kept as the object it is, so nothing is
 * lost whatever a check returns.
 */

/** The stored format this version writes. */
export const SCORECARD_FORMAT = 2;

/**
 * What a check result shares with every other result of the same check
 * under the same rubric version: its presentation and level.
 */
export type CheckPresentationOfVersion = CheckPresentation & {
  levelId: string | null;
};

/** A check result without its presentation (format 1). */
export type CompactCheckResult = Omit<
  ScorecardCheckResult,
  keyof CheckPresentationOfVersion
>;

/** A scorecard of format 1: the checks without presentation. */
export type CompactScorecard = Omit<EntityScorecard, 'checks'> & {
  checks: CompactCheckResult[];
};

/** A fact of format 2: label and value, then the index of its freshness. */
type StoredFact =
  | [label: string, value: CheckFactValue['value']]
  | [label: string, value: CheckFactValue['value'], freshness: number]
  | CheckFactValue;

/** What a check result may carry besides its tuple's members. */
interface CheckExtras {
  exemption?: AppliedExemption;
  blockedBy?: string;
}

/** A check of format 2 (passing as 1 or 0), or format 1's object. */
type StoredCheck =
  | [
      checkId: string,
      state: CheckState,
      message: string,
      facts: StoredFact[],
      passing: 0 | 1,
    ]
  | [
      checkId: string,
      state: CheckState,
      message: string,
      facts: StoredFact[],
      passing: 0 | 1,
      extras: CheckExtras,
    ]
  | CompactCheckResult;

/** A scorecard of format 2. */
export type ScorecardOfFormat2 = Omit<EntityScorecard, 'checks'> & {
  v: 2;
  /** Freshness of facts not among `sources`; indices continue after them. */
  freshness: Array<Partial<FactFreshness>>;
  checks: StoredCheck[];
};

/** Any form a stored scorecard may have. */
export type StoredScorecardJson =
  | ScorecardOfFormat2
  | CompactScorecard
  | EntityScorecard;

// The keys of a check result besides its presentation, in the order the
// evaluation gives them and format 2 rebuilds (exemption and blockedBy
// optional).
const PARTICULAR_KEYS = [
  'checkId',
  'state',
  'message',
  'facts',
  'exemption',
  'passing',
  'blockedBy',
];
const PRESENTATION_KEYS = new Set([
  'title',
  'category',
  'description',
  'fix',
  'levelId',
]);
const FRESHNESS_KEYS = new Set(['sourceId', 'asOf', 'stale']);

/** A freshness as interned: its keys in order and their values. */
interface InternedFreshness {
  names: string[];
  values: unknown[];
}

/** Whether the fact's freshness (its names after label and value) is this one. */
function sameFreshness(
  candidate: InternedFreshness,
  fact: CheckFactValue,
  names: Array<keyof CheckFactValue>,
): boolean {
  if (candidate.names.length !== names.length - 2) {
    return false;
  }
  for (let k = 0; k < candidate.names.length; k++) {
    const name = names[k + 2];
    if (candidate.names[k] !== name || candidate.values[k] !== fact[name]) {
      return false;
    }
  }
  return true;
}

/**
 * Interns the freshness of one scorecard's facts. A scorecard has a handful
 * of distinct ones, so a linear scan without building keys is the cheapest
 * way to find one.
 */
class FreshnessIndex {
  readonly extra: Array<Partial<FactFreshness>> = [];
  private readonly interned: InternedFreshness[];

  constructor(sources: FactFreshness[]) {
    this.interned = sources.map(source => {
      const names = Object.keys(source) as Array<keyof FactFreshness>;
      return { names, values: names.map(name => source[name]) };
    });
  }

  /**
   * The fact as a tuple, or the fact itself when it has another shape than
   * label, value and freshness keys, in that order.
   */
  encode(fact: CheckFactValue): StoredFact {
    const names = Object.keys(fact) as Array<keyof CheckFactValue>;
    if (
      names[0] !== 'label' ||
      names[1] !== 'value' ||
      typeof fact.label !== 'string' ||
      fact.value === undefined
    ) {
      return fact;
    }
    if (names.length === 2) {
      return [fact.label, fact.value];
    }
    for (let k = 2; k < names.length; k++) {
      if (!FRESHNESS_KEYS.has(names[k])) {
        return fact;
      }
    }
    const index = this.indexOf(fact, names);
    return [fact.label, fact.value, index];
  }

  /** The index of the fact's freshness, interned if new. */
  private indexOf(
    fact: CheckFactValue,
    names: Array<keyof CheckFactValue>,
  ): number {
    const found = this.interned.findIndex(candidate =>
      sameFreshness(candidate, fact, names),
    );
    if (found >= 0) {
      return found;
    }
    const freshnessNames = names.slice(2);
    const freshness: Record<string, unknown> = {};
    for (const name of freshnessNames) {
      freshness[name] = fact[name];
    }
    this.interned.push({
      names: freshnessNames,
      values: freshnessNames.map(name => fact[name]),
    });
    this.extra.push(freshness as Partial<FactFreshness>);
    return this.interned.length - 1;
  }
}

function encodeCheck(
  check: ScorecardCheckResult,
  freshness: FreshnessIndex,
): StoredCheck {
  if (!hasUsualShape(check)) {
    return withoutPresentation(check);
  }
  const facts = check.facts.map(fact => freshness.encode(fact));
  const passing = check.passing ? 1 : 0;
  if (check.exemption === undefined && check.blockedBy === undefined) {
    return [check.checkId, check.state, check.message, facts, passing];
  }
  const extras: CheckExtras = {};
  if (check.exemption !== undefined) {
    extras.exemption = check.exemption;
  }
  if (check.blockedBy !== undefined) {
    extras.blockedBy = check.blockedBy;
  }
  return [check.checkId, check.state, check.message, facts, passing, extras];
}

/**
 * Whether format 2 gives the check back as it is: the usual members, of the
 * usual types, in the usual order (presentation aside), and nothing else.
 */
function hasUsualShape(check: ScorecardCheckResult): boolean {
  if (
    typeof check.checkId !== 'string' ||
    typeof check.state !== 'string' ||
    typeof check.message !== 'string' ||
    !Array.isArray(check.facts) ||
    typeof check.passing !== 'boolean'
  ) {
    return false;
  }
  let position = 0;
  for (const name of Object.keys(check)) {
    if (!PRESENTATION_KEYS.has(name)) {
      position = PARTICULAR_KEYS.indexOf(name, position);
      if (position < 0) {
        return false;
      }
      position += 1;
    }
  }
  return true;
}

function withoutPresentation(check: ScorecardCheckResult): CompactCheckResult {
  const {
    title: _title,
    category: _category,
    description: _description,
    fix: _fix,
    levelId: _levelId,
    ...particular
  } = check;
  return particular;
}

/**
 * The scorecard in the stored format (2), without the presentations of its
 * checks (see {@link checkPresentation}, stored once per rubric version).
 */
export function toStoredForm(scorecard: EntityScorecard): ScorecardOfFormat2 {
  const freshness = new FreshnessIndex(scorecard.sources);
  const checks = scorecard.checks.map(check => encodeCheck(check, freshness));
  return {
    v: SCORECARD_FORMAT,
    entityRef: scorecard.entityRef,
    level: scorecard.level,
    score: scorecard.score,
    counts: scorecard.counts,
    nextLevel: scorecard.nextLevel,
    evaluatedAt: scorecard.evaluatedAt,
    sources: scorecard.sources,
    rubricVersion: scorecard.rubricVersion,
    freshness: freshness.extra,
    checks,
  };
}

/** The presentation a check result shares with its rubric version. */
export function checkPresentation(
  check: ScorecardCheckResult,
): CheckPresentationOfVersion {
  return {
    title: check.title,
    category: check.category,
    description: check.description,
    fix: check.fix,
    levelId: check.levelId,
  };
}

/**
 * Splits a scorecard into format 1 and the check presentations of its
 * rubric version. Format 1 is no longer written; kept to test that rows
 * written in it still read right.
 */
export function splitScorecard(scorecard: EntityScorecard): {
  compact: CompactScorecard;
  presentations: Map<string, CheckPresentationOfVersion>;
} {
  const presentations = new Map<string, CheckPresentationOfVersion>();
  const checks = scorecard.checks.map(check => {
    presentations.set(check.checkId, checkPresentation(check));
    return withoutPresentation(check);
  });
  return { compact: { ...scorecard, checks }, presentations };
}

/** A presentation that is missing (its version pruned while being read). */
function missingPresentation(checkId: string): CheckPresentationOfVersion {
  return {
    title: checkId,
    category: 'other',
    description: '',
    fix: { text: '' },
    levelId: null,
  };
}

function decodeFacts(
  facts: StoredFact[],
  sources: FactFreshness[],
  freshness: Array<Partial<FactFreshness>>,
): CheckFactValue[] {
  return facts.map(fact => {
    if (!Array.isArray(fact)) {
      return fact;
    }
    if (fact.length === 2) {
      return { label: fact[0], value: fact[1] };
    }
    const index = fact[2];
    const found =
      index < sources.length
        ? sources[index]
        : freshness[index - sources.length];
    return { label: fact[0], value: fact[1], ...found };
  });
}

function decodeCheck(
  check: StoredCheck,
  stored: ScorecardOfFormat2,
  presentations: ReadonlyMap<string, CheckPresentationOfVersion> | undefined,
): ScorecardCheckResult {
  if (!Array.isArray(check)) {
    return joinCheck(check, presentations);
  }
  const [checkId, state, message, facts, passing, extras] = check;
  const presentation =
    presentations?.get(checkId) ?? missingPresentation(checkId);
  // Keys in the order the evaluation gives them, presentation first.
  const result = {
    ...presentation,
    checkId,
    state,
    message,
    facts: decodeFacts(facts, stored.sources, stored.freshness),
  } as ScorecardCheckResult;
  if (extras?.exemption !== undefined) {
    result.exemption = extras.exemption;
  }
  result.passing = passing === 1;
  if (extras?.blockedBy !== undefined) {
    result.blockedBy = extras.blockedBy;
  }
  return result;
}

function joinCheck(
  check: CompactCheckResult | ScorecardCheckResult,
  presentations: ReadonlyMap<string, CheckPresentationOfVersion> | undefined,
): ScorecardCheckResult {
  if ('title' in check) {
    return check;
  }
  const presentation =
    presentations?.get(check.checkId) ?? missingPresentation(check.checkId);
  return { ...presentation, ...check };
}

/** Whether the scorecard was stored in format 2. */
function isFormat2(stored: StoredScorecardJson): stored is ScorecardOfFormat2 {
  const version = (stored as { v?: unknown }).v;
  if (version === undefined) {
    return false;
  }
  if (version !== SCORECARD_FORMAT) {
    throw new Error(
      `The scorecard of ${stored.entityRef} is stored in format ${String(
        version,
      )}, which this version of the backend cannot read`,
    );
  }
  return true;
}

/**
 * The full scorecard again, from any stored form. A presentation that is
 * missing (its version pruned while the row was being read) reads as the
 * bare check id rather than failing the page.
 */
export function joinScorecard(
  stored: StoredScorecardJson,
  presentations: ReadonlyMap<string, CheckPresentationOfVersion> | undefined,
): EntityScorecard {
  if (isFormat2(stored)) {
    return {
      entityRef: stored.entityRef,
      level: stored.level,
      score: stored.score,
      counts: stored.counts,
      nextLevel: stored.nextLevel,
      checks: stored.checks.map(check =>
        decodeCheck(check, stored, presentations),
      ),
      evaluatedAt: stored.evaluatedAt,
      sources: stored.sources,
      rubricVersion: stored.rubricVersion,
    };
  }
  const checks = (
    stored.checks as Array<CompactCheckResult | ScorecardCheckResult>
  ).map(check => joinCheck(check, presentations));
  return { ...stored, checks };
}

/** Whether a stored scorecard needs the presentations of its version. */
export function isCompact(stored: StoredScorecardJson): boolean {
  return (
    isFormat2(stored) ||
    (stored.checks as Array<object>).some(check => !('title' in check))
  );
}
