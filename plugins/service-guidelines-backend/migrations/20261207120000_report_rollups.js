// @ts-check

/**
 * Roll-ups of the kept report facts by organisation node and month of receipt.
 *
 * A report reads one kept fact per synpunkt of its period: a million for a kommun's five years,
 * most of a second on PostgreSQL and two on SQLite only to group them. Yet almost every
 * synpunkt's facts settle within the month after it was received (98.7 % of the bench's
 * million), and from then on they are the same for every report whose deadline cutoff has
 * reached the end of that month. So the facts job also sums them here, by node, month and
 * breakdown, with the arbetsdagar value beside, for the percentiles:
 *
 * - a kept fact is rolled up when it settled by the end of the month after its month of
 *   receipt: `report_facts.rollup_month` is then that month, else null;
 * - it is summed into a row for every node above its unit and the unit itself (the organisation's
 *   closure), as dimension `all`; for a node with units below it also as `type`, `channel` and
 *   `area`, keyed by the fact's value. A report scoped to such a node reads the node's rows and
 *   its subtree's `all` rows for the whole months of its period whose rolled-up facts have all
 *   settled by its cutoff, instead of those months' kept facts;
 * - `v` is the fact's arbetsdagar till återkoppling, -1 when it has none (it is in the key, which
 *   cannot hold null);
 * - the sums move with the facts: the facts job subtracts a synpunkt's old facts when it keeps
 *   it again, and a report subtracts those of a pending synpunkt. When the organisation's tree
 *   changes, the roll-ups are emptied and every synpunkt is kept again under the new tree.
 *
 * Every synpunkt is marked pending here, so that the facts job keeps it again and rolls it up.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const pg = knex.client.config.client === 'pg';
  const flags = [
    'anon',
    'fs_itid',
    'fs_sent',
    'fs_pag',
    'ak_itid',
    'ak_sent',
    'ak_pag',
    'open_end',
    'forsenad',
    'improvement',
  ];
  await knex.schema.alterTable('report_facts', table => {
    table
      .string('rollup_month', 7)
      .nullable()
      .comment(
        'the month of receipt when these facts are summed into report_rollups; null: not summed',
      );
    // A report that reads roll-ups reads the kept facts beside them by this: those not rolled
    // up, and those of its months that it reads no roll-ups for.
    table.index(['rollup_month', 'received_date'], 'report_facts_rollup_idx');
  });
  const columns = {
    node_ref: 'varchar(255) NOT NULL',
    month: 'varchar(7) NOT NULL',
    dim: 'varchar(10) NOT NULL',
    k: 'varchar(255) NOT NULL',
    v: 'integer NOT NULL',
    n: 'integer NOT NULL',
    ...Object.fromEntries(flags.map(flag => [flag, 'integer NOT NULL'])),
  };
  // Written out rather than through the schema builder, which cannot say WITHOUT ROWID: on
  // SQLite the rows then live in their key's B-tree alone, not in a table and an index beside
  // it. The facts job writes a dozen rows for each synpunkt it keeps, at scattered keys; on the
  // bench's million a batch of 500 wrote them in 88-93 ms instead of 126-149.
  await knex.raw(
    `CREATE TABLE report_rollups (${Object.entries(columns)
      .map(([name, type]) => `${name} ${type}`)
      .join(', ')}, PRIMARY KEY (node_ref, month, dim, k, v))${
      pg ? '' : ' WITHOUT ROWID'
    }`,
  );
  if (pg) {
    await knex.raw(
      `COMMENT ON TABLE report_rollups IS 'The kept report facts summed by organisation node, month of receipt and breakdown'`,
    );
  }
  await knex.raw(
    `INSERT INTO report_facts_pending (synpunkt_id, generation)
      SELECT synpunkt_id, 1 FROM report_facts WHERE true
      ON CONFLICT (synpunkt_id)
      DO UPDATE SET generation = report_facts_pending.generation + 1`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('report_rollups');
  await knex.schema.alterTable('report_facts', table => {
    table.dropIndex(
      ['rollup_month', 'received_date'],
      'report_facts_rollup_idx',
    );
    table.dropColumn('rollup_month');
  });
};
