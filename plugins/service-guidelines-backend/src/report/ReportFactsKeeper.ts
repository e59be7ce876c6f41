import { stockholmDateOf } from '@service-guidelines/plugin-service-guidelines-common';
import { Knex } from 'knex';
import { BatchSizing, sizedByTime, workInBatches } from '../database/batches';
import {
  cachedStatement,
  selectRows,
  withSqliteConnection,
} from '../database/sqliteStatements';
import { deadlineCutoffOf } from './period';
import {
  dialectOf,
  keepFactsAtClosingSql,
  keepFactsInterimSql,
  keepFactsSql,
  rollupDeltaSql,
} from './reportSql';
import { closingMonthDays, DEFAULT_DELAR } from './settings';
import { tuneReportTransaction } from './ReportStore';

/** How many synpunkter one transaction keeps the facts of on PostgreSQL. */
const PG_BATCH_SIZE = 2_000;

/** The most one SQLite batch keeps, however fast the batches before it went. */
const SQLITE_MAX_BATCH_SIZE = 500;

/**
 * After keeping this many facts in one run (after an upgrade, a changed calendar, a bulk load),
 * PostgreSQL's facts tables are vacuumed and their statistics refreshed at once, rather than when
 * autovacuum gets to them. Without statistics the planner knows nothing of the new rows' dates:
 * measured on a million it planned the report over all rows at 5.5 s instead of 1.5 s. And the
 * pending list keeps every deleted row's index entry until a vacuum: right after a million were
 * kept, planning a nämnd's helår took 118-201 ms (the planner reads the index's ends through
 * them) and each check against the pending list 20-80 ms; vacuumed, 10-18 ms and under 1 ms.
 * SQLite's plans take no statistics (no ANALYZE is run there, so none are kept).
 */
const DEFAULT_ANALYZE_AFTER = 10_000;

/** The tables a batch keeps facts in, each emptied of the batch's synpunkter first. */
const KEPT_FACTS_TABLES = [
  'report_facts',
  'report_facts_at_closing',
  'report_facts_interim',
] as const;

const dropKeptFactsSql = (table: (typeof KEPT_FACTS_TABLES)[number]) =>
  `DELETE FROM ${table} WHERE synpunkt_id IN (
    SELECT synpunkt_id FROM report_facts_pending
    WHERE synpunkt_id >= :first AND synpunkt_id <= :last)`;

/** A kept synpunkt off the pending list, only at the generation read (see keepBatch). */
const DROP_KEPT_PENDING_SQL =
  'DELETE FROM report_facts_pending WHERE synpunkt_id = ? AND generation = ?';

/**
 * Keeps the report facts of pending synpunkter (see the `report_facts` migration): works them out
 * a batch at a time, each batch in one transaction, and removes a synpunkt from the pending list
 * only at the generation it read, so that one written meanwhile stays pending. Between batches it
 * gives the event loop back: on SQLite every query runs on the main thread.
 */
export class ReportFactsKeeper {
  private readonly sizing: BatchSizing;
  private readonly analyzeAfter: number;
  private readonly closingMonthDays: string[];
  private readonly clock: () => Date;
  private readonly betweenBatches?: () => Promise<void>;

  constructor(
    private readonly db: Knex,
    options: {
      /** Every batch this size. */
      batchSize?: number;
      /** Each batch sized to take about this long (the default on SQLite). */
      batchMillis?: number;
      analyzeAfter?: number;
      /** The closing dates' month and day (see closingMonthDays); the default delår's. */
      closingMonthDays?: string[];
      /** Today, for the interim facts: those a report running today works out. */
      clock?: () => Date;
      /** Waited for between two batches (see workInBatches). */
      betweenBatches?: () => Promise<void>;
    } = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.betweenBatches = options.betweenBatches;
    this.closingMonthDays =
      options.closingMonthDays ?? closingMonthDays(DEFAULT_DELAR);
    if (options.batchSize !== undefined) {
      this.sizing = { fixed: options.batchSize };
    } else if (options.batchMillis !== undefined || this.dialect === 'sqlite') {
      // On SQLite a batch holds the main thread: 500 held it 109 ms on the quick suite.
      this.sizing = {
        ...sizedByTime(SQLITE_MAX_BATCH_SIZE),
        ...(options.batchMillis !== undefined
          ? { targetMillis: options.batchMillis }
          : {}),
      };
    } else {
      this.sizing = { fixed: PG_BATCH_SIZE };
    }
    this.analyzeAfter = options.analyzeAfter ?? DEFAULT_ANALYZE_AFTER;
  }

  private get dialect() {
    return dialectOf(String(this.db.client.config.client));
  }

  /**
   * Keeps the facts of the pending synpunkter, until a batch finds fewer than it asked for;
   * returns how many were handled. Those written after that wait for the next run, and reports
   * work them out meanwhile. First marks pending those whose interim facts no longer hold for a
   * report running today (a deadline of theirs has passed), so that they are kept again with
   * their next window.
   */
  async keepPending(): Promise<{ kept: number }> {
    const days = this.runningReportDays();
    await this.db.raw(
      `INSERT INTO report_facts_pending (synpunkt_id, generation)
        SELECT synpunkt_id, 1 FROM report_facts_interim WHERE cutoff_until <= ?
        ON CONFLICT (synpunkt_id)
        DO UPDATE SET generation = report_facts_pending.generation + 1`,
      [days.yesterday],
    );
    let kept = 0;
    await workInBatches(
      this.sizing,
      async size => {
        const batch = await selectRows<{
          synpunkt_id: string;
          generation: number | string;
        }>(
          this.db,
          this.db('report_facts_pending')
            .select('synpunkt_id', 'generation')
            .orderBy('synpunkt_id')
            .limit(size),
        );
        if (batch.length > 0) {
          await this.keepBatch(batch, days);
          kept += batch.length;
        }
        // A short batch has caught up with the list: what was written since waits for the next
        // run. Chasing it kept a stream of registrations a few at a time, and a batch costs about
        // 2 ms on SQLite however few it keeps: registering at a thousand a second on the million,
        // the job held the main thread a quarter of the time (about 260 µs for each synpunkt kept,
        // against 36 µs in batches of 200).
        return { handled: batch.length, more: batch.length === size };
      },
      this.betweenBatches,
    );
    if (this.dialect === 'pg' && kept >= this.analyzeAfter) {
      // Outside any transaction, as VACUUM must be.
      await this.db.raw(
        `VACUUM (ANALYZE) ${KEPT_FACTS_TABLES.join(
          ', ',
        )}, report_rollups, report_facts_pending`,
      );
    }
    return { kept };
  }

  /**
   * Works out the batch's facts from the pending rows of its id range (one plan, however large
   * the batch), then removes exactly the (id, generation) pairs read before: a pair written
   * meanwhile has a higher generation and stays pending.
   */
  private async keepBatch(
    batch: Array<{ synpunkt_id: string; generation: number | string }>,
    days: { today: string; yesterday: string },
  ) {
    const range = {
      first: batch[0].synpunkt_id,
      last: batch[batch.length - 1].synpunkt_id,
    };
    const closings = Object.fromEntries(
      this.closingMonthDays.map((monthDay, i) => [`closing${i}`, monthDay]),
    );
    const statements: Array<[sql: string, bindings: Record<string, string>]> = [
      // The old facts leave the roll-ups before they are dropped, the new ones join them once
      // kept, in the same transaction: the roll-ups always sum exactly the facts kept.
      [rollupDeltaSql(-1), range],
      ...KEPT_FACTS_TABLES.map(
        table => [dropKeptFactsSql(table), range] as [string, typeof range],
      ),
      [keepFactsSql(this.dialect), range],
      [rollupDeltaSql(1), range],
      [
        keepFactsAtClosingSql(this.dialect, this.closingMonthDays.length),
        { ...range, ...closings },
      ],
      // After keepFactsSql: it reads the settled date just kept.
      [keepFactsInterimSql(this.dialect), { ...range, ...days }],
    ];
    if (this.dialect === 'sqlite') {
      // Each statement prepared once per connection: preparing the three keep statements took
      // about 2.5 ms a batch, a quarter of a batch sized to 10 ms.
      await withSqliteConnection(this.db, connection =>
        connection.transaction(() => {
          for (const [sql, bindings] of statements) {
            cachedStatement(connection, sql).run(bindings);
          }
          const keptPending = cachedStatement(
            connection,
            DROP_KEPT_PENDING_SQL,
          );
          for (const row of batch) {
            keptPending.run(row.synpunkt_id, Number(row.generation));
          }
        })(),
      );
      return;
    }
    await this.db.transaction(async tx => {
      // One core, as a report: the others are left to the requests.
      await tuneReportTransaction(tx);
      for (const [sql, bindings] of statements) {
        await tx.raw(sql, bindings);
      }
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

  /** Today in Stockholm, and the deadline cutoff of a report running today (yesterday). */
  private runningReportDays(): { today: string; yesterday: string } {
    const today = stockholmDateOf(this.clock());
    return { today, yesterday: deadlineCutoffOf({ to: today }, today) };
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
