import { Knex } from 'knex';
import { dialectOf } from './reportSql';

/**
 * Empties the report roll-ups (see the `report_rollups` migration), for when the organisation's
 * tree changes: they sum each fact into the nodes above its unit, which the tree decides. Every
 * synpunkt that was rolled up is marked pending, so that the facts job keeps it again and rolls
 * it up under the new tree; until then reports read its kept facts one by one, as the same
 * figures. Run in the transaction that changes the tree, so that no report sees the new tree
 * with the old roll-ups.
 */
export async function forgetReportRollups(tx: Knex.Transaction): Promise<void> {
  if (dialectOf(String(tx.client.config.client)) === 'pg') {
    // Waits for a batch of the facts job that is writing them to commit, and holds the next
    // until this commits: otherwise the facts that batch keeps meanwhile, invisible to the
    // statements below, would stay rolled up while their roll-ups are emptied. (SQLite has
    // one writer at a time.)
    await tx.raw('LOCK TABLE report_rollups IN SHARE ROW EXCLUSIVE MODE');
  }
  await tx.raw(
    `INSERT INTO report_facts_pending (synpunkt_id, generation)
      SELECT synpunkt_id, 1 FROM report_facts WHERE rollup_month IS NOT NULL
      ON CONFLICT (synpunkt_id)
      DO UPDATE SET generation = report_facts_pending.generation + 1`,
  );
  await tx('report_facts')
    .whereNotNull('rollup_month')
    .update({ rollup_month: null });
  await tx('report_rollups').delete();
}
