import { Knex } from 'knex';
import { dialectOf, keepFactsSql } from './reportSql';
import { tuneReportTransaction } from './ReportStore';

/**
 * How many synpunkter one transaction keeps the facts of. On SQLite a batch runs on the main
 * thread and stops every request while it runs: 500 take about a tenth of a second.
 */
const DEFAULT_BATCH_SIZE = { pg: 2_000, sqlite: 500 };

/**
 * After keeping this many facts in one run (after an upgrade, a changed calendar, a bulk load),
 * PostgreSQL's statistics of the facts are refreshed at once: until autovacuum gets to them the
 * planner knows nothing of the new rows' dates, and measured on a million it planned the report
 * over all rows at 5.5 s instead of 1.5 s. SQLite's plans take no statistics (no ANALYZE is run
 * there, so none are kept).
 */
const DEFAULT_ANALYZE_AFTER = 10_000;

/**
 * Keeps the report facts of pending synpunkter (see the `report_facts` migration): works them out
 * a batch at a time, each batch in one transaction, and removes a synpunkt from the pending list
 * only at the generation it read, so that one written meanwhile stays pending. Between batches it
 * gives the event loop back: on SQLite every query runs on the main thread.
 */
export class ReportFactsKeeper {
  private readonly batchSize: number;
  private readonly analyzeAfter: number;

  constructor(
    private readonly db: Knex,
    options: { batchSize?: number; analyzeAfter?: number } = {},
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE[this.dialect];
    this.analyzeAfter = options.analyzeAfter ?? DEFAULT_ANALYZE_AFTER;
  }

  private get dialect() {
    return dialectOf(String(this.db.client.config.client));
  }

  /** Keeps the facts of every pending synpunkt; returns how many were pending and handled. */
  async keepPending(): Promise<{ kept: number }> {
    let kept = 0;
    for (;;) {
      const batch = await this.db('report_facts_pending')
        .select<Array<{ synpunkt_id: string; generation: number | string }>>(
          'synpunkt_id',
          'generation',
        )
        .orderBy('synpunkt_id')
        .limit(this.batchSize);
      if (batch.length === 0) {
        if (this.dialect === 'pg' && kept >= this.analyzeAfter) {
          await this.db.raw('ANALYZE report_facts, report_facts_pending');
        }
        return { kept };
      }
      await this.keepBatch(batch);
      kept += batch.length;
      await new Promise(resolve => setImmediate(resolve));
    }
  }

  /**
   * Works out the batch's facts from the pending rows of its id range (one plan, however large
   * the batch), then removes exactly the (id, generation) pairs read before: a pair written
   * meanwhile has a higher generation and stays pending.
   */
  private async keepBatch(
    batch: Array<{ synpunkt_id: string; generation: number | string }>,
  ) {
    const range = {
      first: batch[0].synpunkt_id,
      last: batch[batch.length - 1].synpunkt_id,
    };
    await this.db.transaction(async tx => {
      if (this.dialect === 'pg') {
        await tuneReportTransaction(tx);
        // A background job: one core, leaving the other to the requests.
        await tx.raw('SET LOCAL max_parallel_workers_per_gather = 0');
      }
      await tx.raw(
        `DELETE FROM report_facts WHERE synpunkt_id IN (
          SELECT synpunkt_id FROM report_facts_pending
          WHERE synpunkt_id >= :first AND synpunkt_id <= :last)`,
        range,
      );
      await tx.raw(keepFactsSql(this.dialect), range);
      const byGeneration = new Map<number, string[]>();
      for (const row of batch) {
        const generation = Number(row.generation);
        const ids = byGeneration.get(generation) ?? [];
        ids.push(row.synpunkt_id);
        byGeneration.set(generation, ids);
      }
      for (const [generation, ids] of byGeneration) {
        await tx('report_facts_pending')
          .where({ generation })
          .whereIn('synpunkt_id', ids)
          .delete();
      }
    });
  }

  /**
   * Marks every kept synpunkt pending again: for when what the facts are worked out from changed
   * for all of them at once (the working-day calendar).
   */
  async markAllPending(): Promise<void> {
    await this.db.raw(
      `INSERT INTO report_facts_pending (synpunkt_id, generation)
        SELECT synpunkt_id, 1 FROM report_facts WHERE true
        ON CONFLICT (synpunkt_id)
        DO UPDATE SET generation = report_facts_pending.generation + 1`,
    );
  }

  /** How many synpunkter wait for their facts to be kept. */
  async pendingCount(): Promise<number> {
    const [row] = await this.db('report_facts_pending').count<
      Array<{ n: number | string }>
    >({ n: '*' });
    return Number(row?.n ?? 0);
  }
}
