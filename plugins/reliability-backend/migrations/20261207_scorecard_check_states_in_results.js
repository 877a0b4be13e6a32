// @ts-check

/*
 * Check states move from one row per entity and check
 * (`scorecard_check_states`) into the entity's `scorecard_results` row:
 *
 * - `check_states`: a JSON array of `[checkId, state, passing, exempt]`
 *   (flags as 1 or 0);
 * - `failing_check_ids`: `|id|id|`, the checks failing or in error and not
 *   exempt (the team view's check filter matches `|id|` in it).
 *
 * A first evaluation of 10,000 entities with 25 checks inserted and indexed
 * 250,000 rows, its largest single cost; every reader takes the states per
 * entity anyway. The states stored before are moved here (and back down).
 * `src/scorecards/storedCheckStates.ts` reads and writes the same format;
 * this file keeps its own copy so that it stays what it was when it ran.
 */

// Entities per read-and-update step: bounded memory whatever the fleet.
const ENTITIES_PER_STEP = 500;
// Rows per multi-row insert (the down migration's).
const ROWS_PER_INSERT = 400;

/**
 * @param {{ check_id: string, state: string, passing: unknown, exempt: unknown }[]} rows
 */
function columnsOf(rows) {
  const flag = (/** @type {unknown} */ value) =>
    value === true || value === 1 || value === '1' ? 1 : 0;
  const states = rows.map(r => [
    r.check_id,
    r.state,
    flag(r.passing),
    flag(r.exempt),
  ]);
  const failing = states
    .filter(
      ([, state, passing, exempt]) =>
        !passing && !exempt && (state === 'fail' || state === 'error'),
    )
    .map(([checkId]) => checkId);
  return {
    check_states: JSON.stringify(states),
    failing_check_ids: failing.length === 0 ? '' : `|${failing.join('|')}|`,
  };
}

/**
 * Calls `step` with the entity refs of `scorecard_results`, in bounded pages
 * in ref order (keyset paging: each page starts after the last ref seen).
 *
 * @param {import('knex').Knex} knex
 * @param {(refs: string[]) => Promise<void>} step
 */
async function forEachResultPage(knex, step) {
  let after = '';
  for (;;) {
    const refs = (
      await knex('scorecard_results')
        .select('entity_ref')
        .where('entity_ref', '>', after)
        .orderBy('entity_ref')
        .limit(ENTITIES_PER_STEP)
    ).map(r => r.entity_ref);
    if (refs.length === 0) {
      return;
    }
    await step(refs);
    after = refs[refs.length - 1];
  }
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('scorecard_results', table => {
    table.text('check_states').nullable();
    table.text('failing_check_ids').notNullable().defaultTo('');
  });
  await forEachResultPage(knex, async refs => {
    const rows = await knex('scorecard_check_states')
      .whereIn('entity_ref', refs)
      .orderBy(['entity_ref', 'check_id']);
    /** @type {Map<string, typeof rows>} */
    const byEntity = new Map();
    for (const row of rows) {
      const list = byEntity.get(row.entity_ref) ?? [];
      list.push(row);
      byEntity.set(row.entity_ref, list);
    }
    await knex.transaction(async tx => {
      for (const ref of refs) {
        await tx('scorecard_results')
          .where('entity_ref', ref)
          .update(columnsOf(byEntity.get(ref) ?? []));
      }
    });
  });
  await knex.schema.dropTable('scorecard_check_states');
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.createTable('scorecard_check_states', table => {
    table.string('entity_ref', 512).notNullable();
    table.string('check_id', 255).notNullable();
    table.string('state', 32).notNullable();
    table.boolean('passing').notNullable();
    table.boolean('exempt').notNullable();
    table.primary(['entity_ref', 'check_id']);
    table.index(['check_id'], 'scorecard_check_states_check_idx');
  });
  await forEachResultPage(knex, async refs => {
    const results = await knex('scorecard_results')
      .select('entity_ref', 'check_states')
      .whereIn('entity_ref', refs);
    const rows = results.flatMap(r =>
      /** @type {[string, string, number, number][]} */ (
        JSON.parse(r.check_states ?? '[]')
      ).map(([checkId, state, passing, exempt]) => ({
        entity_ref: r.entity_ref,
        check_id: checkId,
        state,
        passing: passing === 1,
        exempt: exempt === 1,
      })),
    );
    // SQLite takes at most 500 rows per multi-row insert.
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      await knex('scorecard_check_states').insert(
        rows.slice(i, i + ROWS_PER_INSERT),
      );
    }
  });
  await knex.schema.alterTable('scorecard_results', table => {
    table.dropColumn('check_states');
    table.dropColumn('failing_check_ids');
  });
};
