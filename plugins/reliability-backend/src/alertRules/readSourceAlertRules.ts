import type { SloProvider } from '@preflight/plugin-reliability-node';
import { errorMessage } from '../lib/errorMessage';
import type { StoredAlertRule } from './AlertRuleStore';

/** Outcome of {@link readSourceAlertRules}. */
export type SourceAlertRulesRead =
  /** The provider cannot list alert rules: nothing to store or warn about. */
  | { status: 'unsupported' }
  | { status: 'read'; rules: StoredAlertRule[] }
  /**
   * `warning` is what the source's health shows, `reason` why the read
   * failed (for the scorecard); the last good rules stay.
   */
  | { status: 'failed'; warning: string; reason: string };

function isStringMap(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(item => typeof item === 'string')
  );
}

/**
 * Reads every alert rule of one source through its provider, for the
 * scorecard. Never throws: a failure (the source refusing the request, a
 * deadline, an answer of the wrong shape) becomes a warning, so it cannot
 * fail the SLO measurement it runs next to.
 */
export async function readSourceAlertRules(
  provider: SloProvider,
  sourceId: string,
  options: { signal: AbortSignal; describeAbort?: () => string | undefined },
): Promise<SourceAlertRulesRead> {
  if (!provider.listAlertRules) {
    return { status: 'unsupported' };
  }
  try {
    const records = await provider.listAlertRules({
      sourceId,
      signal: options.signal,
    });
    if (!Array.isArray(records)) {
      throw new Error('the provider returned no rule list');
    }
    const rules = records.map((record, index): StoredAlertRule => {
      if (
        typeof record?.name !== 'string' ||
        typeof record.group !== 'string' ||
        !isStringMap(record.labels) ||
        !isStringMap(record.annotations)
      ) {
        // Storing part of the list would drop rules without a runbook unseen.
        throw new Error(`the provider returned a malformed rule at ${index}`);
      }
      return {
        sourceId,
        group: record.group,
        ...(record.file ? { file: record.file } : {}),
        name: record.name,
        labels: record.labels,
        annotations: record.annotations,
      };
    });
    return { status: 'read', rules };
  } catch (error) {
    const reason = options.describeAbort?.() ?? errorMessage(error);
    return {
      status: 'failed',
      warning: `Alert rules could not be read; the scorecard keeps the rules read before: ${reason}`,
      reason,
    };
  }
}
