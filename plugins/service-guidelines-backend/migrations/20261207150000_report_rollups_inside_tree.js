// @ts-check

/**
 * Only facts of a unit in the organisation's tree are rolled up.
 *
 * The facts job summed a kept fact into the roll-ups of every node above its unit, and gave it a
 * `rollup_month` whatever its unit. A fact of a unit outside the tree (one that left the catalog)
 * has no node above it, so it was summed nowhere, yet marked as rolled up. A report scoped to a
 * unit never reads such a fact, but a report without a scope, which now reads the roll-ups of
 * the tree's roots, would have left it out. From now on the job rolls up only facts of units in
 * the tree; here those kept before are marked as not rolled up, so that reports read them one by
 * one. Nothing else changes: they were in no roll-up.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.raw(
    `UPDATE report_facts SET rollup_month = NULL
      WHERE rollup_month IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM org_unit_closure c
          WHERE c.descendant_ref = report_facts.unit_ref)`,
  );
};

exports.down = async function down() {
  // Nothing to undo: a fact not marked as rolled up is read one by one, under either version.
};
