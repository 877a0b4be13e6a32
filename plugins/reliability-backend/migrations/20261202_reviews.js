// @ts-check

/*
 * Readiness reviews. A review is one entity × one stage; its answers,
 * waivers, sign-offs, snapshots and drift causes are one JSON document
 * (`body`), written whole under optimistic versioning: every write is
 * `UPDATE … WHERE id = ? AND version = ?`, so of two replicas writing the
 * same review at once one wins and the other is told the review changed.
 *
 * `open_key` is `entity_ref|stage` while the review is open and NULL once it
 * is cancelled: the unique index lets the database itself refuse a second
 * open review for an entity and stage, whichever replica tries (NULLs never
 * collide, on SQLite and PostgreSQL alike).
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('reviews', table => {
    table.string('id', 36).primary().notNullable();
    table.string('entity_ref', 512).notNullable();
    table.string('stage', 100).notNullable();
    table.string('template_id', 100).notNullable();
    table.string('template_version', 64).notNullable();
    table.string('state', 32).notNullable();
    table.string('dri', 512).notNullable();
    // `YYYY-MM-DD`: text compares in day order on every database.
    table.string('target_date', 10).nullable();
    table.string('tier', 100).nullable();
    // Denormalised from the catalog (at open, then by drift detection) so
    // the board filters by team and text without asking the catalog.
    table.string('owner_ref', 512).nullable();
    table.string('entity_title', 512).nullable();
    table.integer('version').notNullable();
    table.string('open_key', 700).nullable().unique('reviews_open_key_idx');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.text('body', 'longtext').notNullable();
    // What lists need (signed sections, drift count, tier, the template's
    // title and sections as opened), so the board never parses bodies.
    table.text('digest', 'longtext').notNullable();
    // The entity tab lists an entity's reviews.
    table.index(['entity_ref'], 'reviews_entity_idx');
    // The board filters by state (and stage), drift detection reads the
    // approved and drifted ones.
    table.index(['state', 'stage'], 'reviews_state_stage_idx');
    // The board's team filter.
    table.index(['owner_ref'], 'reviews_owner_idx');
  });

  // Append-only: rows are only ever inserted. (review_id, seq) is unique, so
  // an event can never be recorded twice even if two writers raced past the
  // version check.
  await knex.schema.createTable('review_events', table => {
    table.string('review_id', 36).notNullable();
    table.integer('seq').notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('actor', 512).notNullable();
    table.string('action', 64).notNullable();
    table.string('state_before', 32).nullable();
    table.string('state_after', 32).nullable();
    table.string('section_id', 100).nullable();
    table.string('item_id', 100).nullable();
    table.text('details', 'longtext').nullable();
    table.primary(['review_id', 'seq']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('review_events');
  await knex.schema.dropTable('reviews');
};
