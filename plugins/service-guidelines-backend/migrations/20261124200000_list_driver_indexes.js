// @ts-check

/*
 * The list reads a caller's permission scope driver by driver (a unit, a handläggare, a
 * registrar; see src/database/listDrivers.ts) and merges the pages. Each driver needs an index
 * that starts with its column followed by the sort key and `id`, so that its page is one index
 * range in order. `synpunkter_unit_idx (unit_ref, registered_at, id)` already serves units.
 *
 * The single-column indexes on `handlaggare_ref` and `registered_by` are widened instead of
 * joined by new ones: every other use of them is an equality on that column (permission
 * criteria, the handläggare and "mine" filters), which the wider index serves as well, and
 * registration keeps paying for the same number of indexes.
 *
 * Only the registration order, the list's default, gets driver indexes. Another order would
 * need one per driver column, three more indexes each (a caller's read criteria drive by unit,
 * handläggare and registrar together, so per-unit indexes alone would not let them be used),
 * and every registration pays for every index (register throughput is a goal of its own). The
 * received and due orders read the scope with one walk of their sort index as before.
 */

const WIDENED = [
  {
    column: 'handlaggare_ref',
    narrow: 'synpunkter_handlaggare_idx',
    wide: 'synpunkter_handlaggare_keyset_idx',
  },
  {
    column: 'registered_by',
    narrow: 'synpunkter_registered_by_idx',
    wide: 'synpunkter_registered_by_keyset_idx',
  },
];

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  for (const { column, narrow, wide } of WIDENED) {
    await knex.schema.alterTable('synpunkter', table => {
      table.index([column, 'registered_at', 'id'], wide);
      table.dropIndex([column], narrow);
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const { column, narrow, wide } of WIDENED) {
    await knex.schema.alterTable('synpunkter', table => {
      table.index([column], narrow);
      table.dropIndex([column, 'registered_at', 'id'], wide);
    });
  }
};
