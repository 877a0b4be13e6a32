/**
 * Small helpers the built-in checks share: outcome constructors, fact
 * values tagged with their source and freshness, and the guard that turns
 * missing or stale data into an `error` instead of a silent pass.
 */
import type {
  CheckFactValue,
  CheckParams,
  FactFreshness,
} from '@preflight/plugin-reliability-common';
import type {
  CheckOutcome,
  EntityReadinessFacts,
} from '@preflight/plugin-reliability-node';
import { formatDateTime } from '@preflight/plugin-reliability-common';
import { formatPercent as formatShare } from '@preflight/plugin-reliability-common';

/** The source id of facts read from the catalog entity itself. */
export const CATALOG_SOURCE = 'catalog';

/** The entity kinds the metadata-only checks apply to. */
export const METADATA_KINDS = ['component', 'api', 'resource', 'system'];
/** The kinds operational checks (on-call, SLOs, incidents) apply to. */
export const SERVICE_KINDS = ['component'];

export const outcome = (
  state: CheckOutcome['state'],
  message: string,
  facts: CheckFactValue[] = [],
): CheckOutcome => ({ state, message, facts });

/** A fact read from the catalog entity. */
export function catalogFact(
  label: string,
  value: CheckFactValue['value'],
): CheckFactValue {
  return { label, value, sourceId: CATALOG_SOURCE };
}

/** A fact read from a synced source, carrying its freshness. */
export function sourceFact(
  label: string,
  value: CheckFactValue['value'],
  freshness: FactFreshness,
): CheckFactValue {
  return {
    label,
    value,
    sourceId: freshness.sourceId,
    asOf: freshness.asOf,
    stale: freshness.stale,
  };
}

/**
 * An `error` outcome when any of the sources has never synced or is stale:
 * a check must not judge from data it cannot trust.
 */
export function untrustedSources(
  sources: FactFreshness[],
  what: string,
): CheckOutcome | undefined {
  const neverSynced = sources.find(source => source.asOf === null);
  if (neverSynced) {
    return outcome(
      'error',
      `${what} from ${neverSynced.sourceId} are not known yet: it has not synced successfully`,
      [sourceFact('Last successful sync', null, neverSynced)],
    );
  }
  const stale = sources.find(source => source.stale);
  if (stale) {
    return outcome(
      'error',
      `${what} from ${stale.sourceId} are stale (last good sync ${formatInstant(
        stale.asOf!,
      )}); the check cannot tell until it syncs again`,
      [sourceFact('Last successful sync', stale.asOf, stale)],
    );
  }
  return undefined;
}

/** A numeric parameter (validated against the defaults at startup). */
export function numberParam(params: CheckParams, name: string): number {
  const value = params[name];
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new Error(`parameter "${name}" must be a number`);
  }
  return value;
}

/** `2h 5m`, `45m`, `3d 4h`, `30s`: durations as an on-call person reads them. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) {
    return `${total}s`;
  }
  const minutes = Math.floor(total / 60);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) {
    return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  }
  if (hours > 0) {
    return rest > 0 ? `${hours}h ${rest}m` : `${hours}h`;
  }
  return `${rest}m`;
}

/**
 * Objectives and attainment with the rounding the SLO card uses, e.g.
 * `99.95%` (one rounding rule across the product).
 */
export function formatPercent(fraction: number): string {
  return formatShare(fraction, 3);
}

/** Error budget left with the rounding the SLO card uses, e.g. `70%`, `12.5%`. */
export function formatBudgetPercent(fraction: number): string {
  return formatShare(fraction, 1);
}

/**
 * An instant in a stored message, in the product's one date format and in
 * UTC (the reader's zone is unknown when the message is written), e.g.
 * `Wed, Dec 2, 22:00 UTC`, never a raw ISO timestamp.
 */
export function formatInstant(iso: string): string {
  return formatDateTime(iso, { timeZone: 'UTC', locale: 'en-US' });
}

/** " for tier-1" when the entity has a tier, so limits read in context. */
export function tierSuffix(facts: EntityReadinessFacts): string {
  return facts.tier ? ` for ${facts.tier}` : '';
}
