// @ts-check

/**
 * Gallring (R5.2): when the dokumenthanteringsplan says so, the contact details and free texts
 * of a closed synpunkt are cleared and the synpunkt is marked with when; each gallring is written
 * to the gallringslogg, which holds what was cleared, when and under which rule, and never any
 * personal data.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('synpunkter', table => {
    table
      .string('gallrad_at', 30)
      .nullable()
      .comment(
        'ISO instant its free texts and contact details were cleared (gallring)',
      );
  });
  // The daily run looks for closed synpunkter not yet gallrad, by closing date: a partial index
  // keeps that a short range scan however many were gallrad in earlier years.
  await knex.schema.alterTable('synpunkter', table => {
    table.index(['closed_date', 'type'], 'synpunkter_gallring_due_idx', {
      predicate: knex.whereRaw("gallrad_at IS NULL AND status = 'avslutad'"),
    });
  });

  await knex.schema.createTable('gallringslogg', table => {
    table.comment(
      'Every gallring of a synpunkt: what was cleared, when, under which rule (append-only, no personal data)',
    );
    table.increments('id');
    // No foreign key: the log is the record that the gallring happened and outlives the row.
    table.string('synpunkt_id', 36).notNullable();
    table.string('registration_number', 20).notNullable();
    table.string('type', 20).notNullable();
    table.string('area', 100).notNullable();
    table.string('closed_date', 10).notNullable();
    table
      .text('fields')
      .notNullable()
      .comment(
        'JSON list of the fields that were cleared, as the API names them',
      );
    table
      .string('rule', 255)
      .notNullable()
      .comment(
        'app-config key of the rule, e.g. serviceGuidelines.gallring.perType.klagomal',
      );
    table
      .string('retention', 30)
      .notNullable()
      .comment('the retention of the rule, ISO 8601 (P2Y)');
    table.string('gallrad_at', 30).notNullable();
    table.index(['synpunkt_id'], 'gallringslogg_synpunkt_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('gallringslogg');
  await knex.schema.alterTable('synpunkter', table => {
    table.dropIndex(['closed_date', 'type'], 'synpunkter_gallring_due_idx');
  });
  // Not knex's dropColumn: on SQLite it copies the table, and dropping the old copy cascades to
  // every pause and history entry. SQLite (3.35+) and PostgreSQL both drop a column in place.
  await knex.raw('ALTER TABLE ?? DROP COLUMN ??', ['synpunkter', 'gallrad_at']);
};
