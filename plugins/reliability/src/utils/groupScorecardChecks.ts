import type { ScorecardCheckResult } from '@preflight/plugin-reliability-common';

/**
 * How urgently a result needs the owner, most first: blocking results
 * (fail, error, expired exemption), warnings, exempt, passing.
 */
export function checkAttentionRank(check: ScorecardCheckResult): number {
  if (!check.passing) {
    return check.state === 'fail' ? 0 : 1;
  }
  if (check.state === 'warning') {
    return 2;
  }
  return check.exemption && !check.exemption.expired ? 3 : 4;
}

/** True when a result keeps a level from being reached. */
export function isBlocking(check: ScorecardCheckResult): boolean {
  return !check.passing && check.state !== 'not-applicable';
}

/** The applicable results of one category. */
export interface CheckCategoryGroup {
  category: string;
  checks: ScorecardCheckResult[];
  /** Blocking results in the category. */
  failing: number;
}

/** A scorecard's results as the card lists them. */
export interface GroupedScorecardChecks {
  categories: CheckCategoryGroup[];
  notApplicable: ScorecardCheckResult[];
  /**
   * Results that cannot be judged while a prerequisite fails, by the id of
   * that prerequisite. They are listed under it, not in their category, so
   * one root cause does not read as many failures.
   */
  blockedBy: Map<string, ScorecardCheckResult[]>;
}

function byTitle(a: ScorecardCheckResult, b: ScorecardCheckResult) {
  return a.title.localeCompare(b.title, 'en', { sensitivity: 'base' });
}

/**
 * Groups results by category with what needs attention first: categories
 * with blocking results before the others, and inside a category failing,
 * in error, warning, exempt, then passing. Not-applicable results are set
 * apart, since they neither count nor block.
 */
export function groupScorecardChecks(
  checks: ScorecardCheckResult[],
): GroupedScorecardChecks {
  const byCategory = new Map<string, ScorecardCheckResult[]>();
  const notApplicable: ScorecardCheckResult[] = [];
  const blockedBy = new Map<string, ScorecardCheckResult[]>();
  const present = new Set(checks.map(check => check.checkId));
  for (const check of checks) {
    if (check.state === 'not-applicable') {
      notApplicable.push(check);
      continue;
    }
    if (check.blockedBy && present.has(check.blockedBy)) {
      const list = blockedBy.get(check.blockedBy) ?? [];
      list.push(check);
      blockedBy.set(check.blockedBy, list);
      continue;
    }
    const list = byCategory.get(check.category) ?? [];
    list.push(check);
    byCategory.set(check.category, list);
  }
  const categories = [...byCategory.entries()].map(([category, list]) => {
    const sorted = [...list].sort(
      (a, b) => checkAttentionRank(a) - checkAttentionRank(b) || byTitle(a, b),
    );
    return {
      category,
      checks: sorted,
      failing: sorted.filter(isBlocking).length,
    };
  });
  categories.sort(
    (a, b) =>
      Math.min(...a.checks.map(checkAttentionRank)) -
        Math.min(...b.checks.map(checkAttentionRank)) ||
      b.failing - a.failing ||
      a.category.localeCompare(b.category),
  );
  for (const list of blockedBy.values()) {
    list.sort(byTitle);
  }
  return { categories, notApplicable: notApplicable.sort(byTitle), blockedBy };
}
