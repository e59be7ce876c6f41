// @ts-check

/**
 * Roll-ups for reports without a scope: only facts of units in the tree are rolled up, and every
 * root of the tree is rolled up by the breakdowns too.
 *
 * A report without a scope now reads the roll-ups of the tree's roots (see `report_rollups`).
 *
 * - The facts job gave every kept fact a `rollup_month`, whatever its unit, but summed it only
 *   into the nodes above its unit. A fact of a unit outside the tree (one that left the catalog)
 *   was summed nowhere, yet marked as rolled up. From now on the job rolls up only facts of units
 *   in the tree; here those kept before are marked as not rolled up, so that reports read them
 *   one by one. They were in no roll-up, so nothing else changes.
 * - The job summed by type, channel and area only for nodes with units below them. A root
 *   without any (a unit whose parent is not in the catalog) had none. If there is such a root,
 *   the roll-ups are emptied and every synpunkt rolled up is marked pending, as when the tree
 *   changes, so that the job rolls them up again. Otherwise nothing else changes.
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
  const leafRoot = await knex('org_unit_closure as t')
    .where('t.depth', 0)
    .whereNotExists(q =>
      q
        .from('org_unit_closure as p')
        .whereRaw('p.descendant_ref = t.ancestor_ref')
        .where('p.depth', '>', 0),
    )
    .whereNotExists(q =>
      q
        .from('org_unit_closure as b')
        .whereRaw('b.ancestor_ref = t.ancestor_ref')
        .where('b.depth', '>', 0),
    )
    .first('t.ancestor_ref');
  if (leafRoot) {
    await knex.raw(
      `INSERT INTO report_facts_pending (synpunkt_id, generation)
        SELECT synpunkt_id, 1 FROM report_facts WHERE rollup_month IS NOT NULL
        ON CONFLICT (synpunkt_id)
        DO UPDATE SET generation = report_facts_pending.generation + 1`,
    );
    await knex('report_facts')
      .whereNotNull('rollup_month')
      .update({ rollup_month: null });
    await knex('report_rollups').delete();
  }
};

exports.down = async function down() {
  // Nothing to undo: a fact not marked as rolled up is read one by one, and roll-ups by the
  // breakdowns of a root are read by no report of the version before.
};
