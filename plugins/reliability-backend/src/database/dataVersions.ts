import type { Knex } from 'knex';

/**
 * Data sets whose version keys in-memory caches of reads. Each is a counter
 * row of `reliability_data_versions`, bumped in the transaction of every
 * write to the data set, so a cache keyed by it never serves an answer
 * computed before a write, on any replica.
 */
export const DATA_SCOPES = {
  /** Team scorecard views (results, daily levels). */
  scorecards: 'scorecards',
  /** On-call data: sources' health, services, policies, incident figures. */
  onCall: 'oncall',
  /** Entity-page snapshots (the entity and owner the evaluation read). */
  entityPages: 'entity-pages',
} as const;

const TABLE = 'reliability_data_versions';

/**
 * Marks a data set changed. Run it inside the writing transaction: the new
 * version then becomes visible together with the data. The row is created on
 * first use, so adding a data set needs no migration.
 */
export async function bumpDataVersion(
  tx: Knex | Knex.Transaction,
  scope: string,
): Promise<void> {
  const changedAt = new Date();
  await tx(TABLE)
    .insert({ scope, version: 1, changed_at: changedAt })
    .onConflict('scope')
    .merge({
      version: tx.raw('?? + 1', [`${TABLE}.version`]),
      changed_at: changedAt,
    });
}

/**
 * One number naming the state of the given data sets: the sum of their
 * versions, which grows whenever any of them changes (versions only grow).
 * One indexed read.
 */
export async function readDataVersion(
  db: Knex,
  scopes: string[],
): Promise<number> {
  const rows: Array<{ version: number | string }> = await db(TABLE)
    .whereIn('scope', scopes)
    .select('version');
  return rows.reduce((sum, row) => sum + Number(row.version), 0);
}
