// @ts-check

/*
 * Indexes for the list's other orders, each ending in `id` so that keyset pagination reads one
 * index range at any depth. The due order sorts on an expression (no deadline last), so its index
 * is on that same expression; both PostgreSQL and SQLite (3.9+) support expression indexes.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('synpunkter', table => {
    table.index(['received_at', 'id'], 'synpunkter_received_keyset_idx');
  });
  await knex.raw(
    `CREATE INDEX synpunkter_due_keyset_idx ON synpunkter ((coalesce(aterkoppling_due, '9999-12-31')), id)`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.raw('DROP INDEX synpunkter_due_keyset_idx');
  await knex.schema.alterTable('synpunkter', table => {
    table.dropIndex(['received_at', 'id'], 'synpunkter_received_keyset_idx');
  });
};
