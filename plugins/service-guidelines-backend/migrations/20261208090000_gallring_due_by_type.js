// @ts-check

/**
 * Gallring reads the synpunkter due a rule at a time, in registration-number order: the page and
 * the total of its preview, and every batch of a run.
 *
 * Neither database read the index by closing date (`synpunkter_gallring_due_idx`) for that.
 * SQLite, which keeps no statistics, walked every closed synpunkt, by the status index or by
 * number: on a million, about a second for the preview's total, and as long for its page and for
 * a run's last batch once gallring had cleared the old years. The new index holds the same rows,
 * those closed and not yet gallrad, by type and then number, with the closing date and area
 * beside them: a rule's branch reads its type's range in number order and stops once its page is
 * full, and is counted without the table's rows.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('synpunkter', table => {
    table.dropIndex(['closed_date', 'type'], 'synpunkter_gallring_due_idx');
  });
  await knex.schema.alterTable('synpunkter', table => {
    table.index(
      ['type', 'registration_number', 'closed_date', 'area'],
      'synpunkter_gallring_due_by_type_idx',
      {
        predicate: knex.whereRaw("gallrad_at IS NULL AND status = 'avslutad'"),
      },
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('synpunkter', table => {
    table.dropIndex(
      ['type', 'registration_number', 'closed_date', 'area'],
      'synpunkter_gallring_due_by_type_idx',
    );
  });
  await knex.schema.alterTable('synpunkter', table => {
    table.index(['closed_date', 'type'], 'synpunkter_gallring_due_idx', {
      predicate: knex.whereRaw("gallrad_at IS NULL AND status = 'avslutad'"),
    });
  });
};
