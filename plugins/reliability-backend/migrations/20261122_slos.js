// @ts-check

/*
 * SLO tables. Definitions and entity-level problems come from the catalog and
 * are rewritten by every SLO sync; status rows belong to the source that
 * measures the SLO, so one source's sync never touches another's rows.
 * JSON documents are text, as in the initial migration.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  // One row per declared SLO objective of an entity, in declaration order.
  await knex.schema.createTable('slo_definitions', table => {
    table.string('entity_ref', 512).notNullable();
    table.string('slo_id', 255).notNullable();
    table.integer('position').notNullable();
    // Null when no source could be located; the problem is stored with the entity.
    table.string('source_id', 255).nullable();
    table.text('definition', 'longtext').notNullable();
    table.primary(['entity_ref', 'slo_id']);
  });

  // Problems of an entity's OpenSLO files (unreadable, bad window, ...).
  await knex.schema.createTable('slo_entity_problems', table => {
    table.string('entity_ref', 512).primary().notNullable();
    table.text('problems', 'longtext').notNullable();
  });

  // Latest measurement outcome of each SLO. `evaluation`, `burn_down` and
  // `evaluated_at` are the last good evaluation: a failed measurement only
  // updates `state`, `errors`, `warnings` and `attempted_at`.
  await knex.schema.createTable('slo_status', table => {
    table.string('entity_ref', 512).notNullable();
    table.string('slo_id', 255).notNullable();
    table.string('source_id', 255).notNullable();
    table.string('state', 32).notNullable();
    table.text('evaluation', 'longtext').nullable();
    table.text('burn_down', 'longtext').notNullable().defaultTo('[]');
    table.timestamp('evaluated_at', { useTz: true }).nullable();
    table.timestamp('attempted_at', { useTz: true }).notNullable();
    table.text('errors', 'longtext').notNullable().defaultTo('[]');
    table.text('warnings', 'longtext').notNullable().defaultTo('[]');
    table.primary(['entity_ref', 'slo_id']);
    table.index(['source_id'], 'slo_status_source_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('slo_status');
  await knex.schema.dropTable('slo_entity_problems');
  await knex.schema.dropTable('slo_definitions');
};
