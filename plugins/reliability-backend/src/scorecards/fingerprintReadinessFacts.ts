import { hash } from 'node:crypto';
import { type EntityReadinessFacts } from '@preflight/plugin-reliability-node';
import { type FactFreshness } from '@preflight/plugin-reliability-common';

const HOUR_MS = 60 * 60 * 1000;

// Whether a source has ever synced and whether it is stale decide checks;
// the exact time of its last successful sync changes on every sync and
// decides nothing.
function freshness(f: FactFreshness | null) {
  return f && { sourceId: f.sourceId, synced: f.asOf !== null, stale: f.stale };
}

function hourFloor(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms)
    ? new Date(Math.floor(ms / HOUR_MS) * HOUR_MS).toISOString()
    : iso;
}

function hourCeil(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms)
    ? new Date(Math.ceil(ms / HOUR_MS) * HOUR_MS).toISOString()
    : iso;
}

/**
 * Whether any fact of the entity is judged against the clock within a day:
 * the age of open incidents (no-stale-high-urgency-incident) and coverage
 * gaps sliding through the 7-day look-ahead.
 */
export function isTimeSensitive(facts: EntityReadinessFacts): boolean {
  return (
    (facts.onCall.incidents?.open.length ?? 0) > 0 ||
    (facts.onCall.escalationPolicy?.level1Gaps.length ?? 0) > 0
  );
}

/**
 * The time bucket an entity is judged in: the UTC hour when its facts are
 * time-sensitive ({@link isTimeSensitive}), else the UTC day.
 */
export function timeBucket(now: Date, hourly: boolean): string {
  return hourly
    ? now.toISOString().slice(0, 13)
    : now.toISOString().slice(0, 10);
}

/**
 * A hash of everything the checks read about an entity, the rubric version
 * and a time bucket. An unchanged fingerprint means re-evaluating would give
 * the same scorecard, so the evaluation skips the entity.
 *
 * What is left out: the time of each source's last successful sync (report
 * syncs included) and of each SLO measurement (they change on every sync
 * and decide no check; the `stale` flags and "never synced" that do decide
 * are kept), the entity's `etag`, and the look-ahead window bounds (derived
 * from "now"). Level-1
 * gaps are rounded out to whole hours, since their bounds slide with "now".
 *
 * The time bucket is the UTC day, so exemption expiry (whole UTC days) and
 * every other date-based judgement is re-made at least once a day even when
 * no fact changes. Entities with open incidents or coverage gaps use the UTC
 * hour instead: an open incident crosses the "open for too long" threshold
 * and a gap enters or leaves the window as time passes, and a day's delay
 * would hide that from the scorecard for too long.
 */
export function fingerprintReadinessFacts(
  facts: EntityReadinessFacts,
  rubricVersion: string,
  now: Date,
): string {
  const bucket = timeBucket(now, isTimeSensitive(facts));
  const { etag: _etag, ...metadata } = facts.entity.metadata as {
    etag?: string;
  } & typeof facts.entity.metadata;
  const policy = facts.onCall.escalationPolicy;
  const view = {
    rubricVersion,
    bucket,
    entity: {
      ...facts.entity,
      metadata,
      relations: [...(facts.entity.relations ?? [])]
        .map(r => `${r.type}\u0000${r.targetRef}`)
        .sort(),
    },
    tier: facts.tier,
    owner: facts.owner,
    onCall: {
      ...facts.onCall,
      freshness: freshness(facts.onCall.freshness),
      escalationPolicy: policy && {
        ...policy,
        lookAhead: undefined,
        level1Gaps: policy.level1Gaps.map(gap => ({
          start: hourFloor(gap.start),
          end: hourCeil(gap.end),
        })),
      },
    },
    runbooks: facts.runbooks,
    alertRules: {
      rules: facts.alertRules.rules,
      freshness: facts.alertRules.freshness.map(freshness),
      unreadable: facts.alertRules.unreadable,
    },
    slos: {
      ...facts.slos,
      slos: facts.slos.slos.map(slo => ({ ...slo, evaluatedAt: undefined })),
      freshness: facts.slos.freshness.map(freshness),
    },
    exemptions: facts.exemptions,
    reviews: facts.reviews,
    reports: facts.reports && {
      ...facts.reports,
      freshness: freshness(facts.reports.freshness),
    },
    problems: facts.problems,
  };
  // Plain JSON, keys in the order the facts were built (not sorted, as the
  // rubric's hash is): the same stored data always builds them in the same
  // order, and if an equal fact ever came in another order, the cost is one
  // needless re-evaluation, never a change left unseen. Sorting the keys of
  // every fact of 10,000 entities cost more than the hash itself.
  return hash('sha256', JSON.stringify(view), 'hex');
}
