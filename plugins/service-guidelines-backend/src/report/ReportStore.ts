import {
  ReportFigures,
  stockholmDateOf,
  SvarstidFigures,
} from '@service-guidelines/plugin-service-guidelines-common';
import { Knex } from 'knex';
import { SqliteReportReader } from './SqliteReportReader';
import { MonthRange, rolledUpMonths } from './rolledUpMonths';
import {
  dialectOf,
  figuresSql,
  improvementsSql,
  PeriodBounds,
} from './reportSql';

/** Which synpunkter a report covers: a subtree of the organisation (or all) and two periods. */
export interface ReportSelection {
  /** The unit whose subtree is reported on; null for the whole organisation. */
  scopeUnitRef: string | null;
  current: PeriodBounds;
  previous: PeriodBounds;
}

/** A dimension of the figures: `total` or a breakdown. */
export type FigureDimension =
  | 'total'
  | 'type'
  | 'channel'
  | 'area'
  | 'month'
  | 'unit';

/** The figures of one group of synpunkter in one period. */
export interface FigureRow {
  period: 'current' | 'previous';
  dimension: FigureDimension;
  key: string;
  figures: ReportFigures;
}

/** An improvement as the database lists it. */
export interface ImprovementRow {
  id: string;
  unitRef: string;
  unitTitle: string;
  type: string;
  area: string;
  closedDate: string;
  description: string | null;
}

interface RawFigureRow {
  period: 'current' | 'previous';
  dim: FigureDimension;
  k: string;
  n: number | string;
  anon: number | string | null;
  fs_itid: number | string | null;
  fs_sent: number | string | null;
  fs_pag: number | string | null;
  ak_itid: number | string | null;
  ak_sent: number | string | null;
  ak_pag: number | string | null;
  open_end: number | string | null;
  forsenad: number | string | null;
  improvement: number | string | null;
  ak_n: number | string | null;
  median: number | string | null;
  p90: number | string | null;
}

// PostgreSQL answers counts and sums as strings (bigint), SQLite as numbers.
const num = (value: number | string | null) => Number(value ?? 0);
const optionalNum = (value: number | string | null) =>
  value === null || value === undefined ? null : Number(value);
const share = (part: number, whole: number) =>
  whole === 0 ? null : part / whole;

function svarstid(
  iTid: number,
  sent: number,
  pagaende: number,
): SvarstidFigures {
  return { iTid, sent, pagaende, andelITid: share(iTid, iTid + sent) };
}

function toFigures(row: RawFigureRow): ReportFigures {
  const antal = num(row.n);
  const anonyma = num(row.anon);
  return {
    antal,
    anonyma,
    andelAnonyma: share(anonyma, antal),
    forstaSvar: svarstid(num(row.fs_itid), num(row.fs_sent), num(row.fs_pag)),
    aterkoppling: svarstid(num(row.ak_itid), num(row.ak_sent), num(row.ak_pag)),
    arbetsdagarTillAterkoppling: {
      antal: num(row.ak_n),
      median: optionalNum(row.median),
      p90: optionalNum(row.p90),
    },
    oppnaVidPeriodensSlut: num(row.open_end),
    varavForsenade: num(row.forsenad),
    forbattringar: num(row.improvement),
  };
}

/** The figures of no synpunkter at all, for groups the selection has none of. */
export function emptyFigures(): ReportFigures {
  return {
    antal: 0,
    anonyma: 0,
    andelAnonyma: null,
    forstaSvar: svarstid(0, 0, 0),
    aterkoppling: svarstid(0, 0, 0),
    arbetsdagarTillAterkoppling: { antal: 0, median: null, p90: null },
    oppnaVidPeriodensSlut: 0,
    varavForsenade: 0,
    forbattringar: 0,
  };
}

function periodBindings(prefix: 'cur' | 'prev', bounds: PeriodBounds) {
  return {
    [`${prefix}From`]: bounds.from,
    [`${prefix}To`]: bounds.to,
    [`${prefix}State`]: bounds.stateDate,
    [`${prefix}Cutoff`]: bounds.cutoff,
    [`${prefix}Instant`]: bounds.endInstant,
  };
}

/**
 * Settings for one transaction of report SQL on PostgreSQL: no JIT compilation (the planner's
 * cost estimate of a report makes it compile the query, which costs more than a second and saves
 * nothing), room to sort and hash in memory, and no parallel workers. A report reads roll-ups
 * and a few kept facts; with workers it took every core of the bench's two, and registering
 * beside reports over all rows had a p99 of 166 and 231 ms against 94 and 103 ms without them,
 * the reports no slower (bench/results/scale-notes.md, the seventeenth session).
 */
export async function tuneReportTransaction(tx: Knex.Transaction) {
  await tx.raw('SET LOCAL jit = off');
  await tx.raw("SET LOCAL work_mem = '64MB'");
  await tx.raw('SET LOCAL max_parallel_workers_per_gather = 0');
}

/** The months bound for a period's roll-ups; none as a range that holds no month. */
function rollupBindings(
  prefix: 'cur' | 'prev',
  months: MonthRange | undefined,
) {
  return {
    [`${prefix}RollFrom`]: months?.from ?? '9999-12',
    [`${prefix}RollTo`]: months?.to ?? '0000-01',
  };
}

/** The report queries: aggregation and the list of improvements, all in SQL. */
export class ReportStore {
  /**
   * @param reader - on an SQLite file, the worker that runs the report queries off the main
   *   thread; without it they run on the main thread (in-memory SQLite, tests).
   */
  constructor(
    private readonly db: Knex,
    private readonly reader?: SqliteReportReader,
  ) {}

  private get dialect() {
    return dialectOf(String(this.db.client.config.client));
  }

  /**
   * Runs a report query. On PostgreSQL it runs in its own transaction tuned by
   * {@link tuneReportTransaction}. On an SQLite file it runs on the reader's worker thread, so
   * that it does not stop the event loop.
   */
  private async query<T>(
    sql: string,
    bindings: Record<string, string | number>,
  ): Promise<T[]> {
    if (this.dialect !== 'pg') {
      if (this.reader) {
        return this.reader.query<T>(this.db, sql, bindings);
      }
      return (await this.db.raw(sql, bindings)) as T[];
    }
    return this.db.transaction(async tx => {
      await tuneReportTransaction(tx);
      return (await tx.raw(sql, bindings)).rows as T[];
    });
  }

  /**
   * Every figure of the selection, for both periods, overall and per breakdown. A scope with units
   * below it reads its roll-ups for the months they hold (see rolledUpMonths); a report without a
   * scope reads those of the tree's roots.
   */
  async figures(selection: ReportSelection): Promise<FigureRow[]> {
    const scope = selection.scopeUnitRef;
    const months = {
      cur: rolledUpMonths(selection.current),
      prev: rolledUpMonths(selection.previous),
    };
    const rollups =
      (months.cur !== undefined || months.prev !== undefined) &&
      (scope !== null ? await this.hasUnitsBelow(scope) : await this.hasTree());
    const bindings: Record<string, string> = {
      ...periodBindings('cur', selection.current),
      ...periodBindings('prev', selection.previous),
      ...(scope !== null ? { scope } : {}),
      ...(rollups
        ? {
            ...rollupBindings('cur', months.cur),
            ...rollupBindings('prev', months.prev),
          }
        : {}),
    };
    const rows = await this.query<RawFigureRow>(
      figuresSql(this.dialect, scope !== null, rollups),
      bindings,
    );
    return rows.map(row => ({
      period: row.period,
      dimension: row.dim,
      key: row.k,
      figures: toFigures(row),
    }));
  }

  /**
   * Whether the unit has units below it, and so roll-ups by breakdown. Read apart from the report:
   * when the tree changes the roll-ups are emptied with it, so a report reads none that its own
   * snapshot does not hold, whichever answer this gave.
   */
  private async hasUnitsBelow(unitRef: string): Promise<boolean> {
    const row = await this.db('org_unit_closure')
      .where({ ancestor_ref: unitRef })
      .where('depth', '>', 0)
      .first('descendant_ref');
    return row !== undefined;
  }

  /** Whether the organisation's tree has any unit, and so roots whose roll-ups hold every fact. */
  private async hasTree(): Promise<boolean> {
    return (
      (await this.db('org_unit_closure').first('ancestor_ref')) !== undefined
    );
  }

  /** A page of the improvements of the current period, after the given one. */
  async improvements(
    selection: Pick<ReportSelection, 'scopeUnitRef' | 'current'>,
    options: { limit: number; after?: { unitTitle: string; id: string } },
  ): Promise<ImprovementRow[]> {
    const scoped = selection.scopeUnitRef !== null;
    const bindings: Record<string, string | number> = {
      ...improvementBindings(selection),
      ...(options.after
        ? { afterTitle: options.after.unitTitle, afterId: options.after.id }
        : {}),
      limit: options.limit,
    };
    const rows = await this.query<RawImprovementRow>(
      improvementsSql(this.dialect, scoped, Boolean(options.after)),
      bindings,
    );
    return rows.map(toImprovement);
  }

  /**
   * Every improvement of the current period, from one query read as it is consumed, so that an
   * export holds a batch in memory however many there are and the selection is evaluated once
   * (each page of a paged read evaluates it again, about a second over a million synpunkter):
   * a cursor on PostgreSQL, `iterate()` on the SQLite worker. A slow reader slows the reading;
   * stopping early closes the cursor. Only SQLite without a worker (in memory, tests) reads
   * pages, of `pageSize`.
   */
  async *allImprovements(
    selection: Pick<ReportSelection, 'scopeUnitRef' | 'current'>,
    pageSize = 20_000,
  ): AsyncGenerator<ImprovementRow> {
    const sql = improvementsSql(
      this.dialect,
      selection.scopeUnitRef !== null,
      false,
      false,
    );
    const bindings = improvementBindings(selection);
    if (this.dialect === 'pg') {
      for await (const row of this.pgCursor<RawImprovementRow>(sql, bindings)) {
        yield toImprovement(row);
      }
      return;
    }
    if (this.reader) {
      for await (const row of this.reader.stream<RawImprovementRow>(
        this.db,
        sql,
        bindings,
      )) {
        yield toImprovement(row);
      }
      return;
    }
    let after: { unitTitle: string; id: string } | undefined;
    for (;;) {
      const page = await this.improvements(selection, {
        limit: pageSize,
        after,
      });
      yield* page;
      if (page.length < pageSize) return;
      const last = page[page.length - 1];
      after = { unitTitle: last.unitTitle, id: last.id };
    }
  }

  /**
   * The rows of a query on PostgreSQL through a server-side cursor, `batchSize` at a time, in a
   * transaction of its own that ends when the rows do or the reader stops. A cursor rather than
   * knex's `.stream()`, which needs the pg-query-stream package besides pg.
   */
  private async *pgCursor<T>(
    sql: string,
    bindings: Record<string, string | number>,
    batchSize = 2_000,
  ): AsyncGenerator<T> {
    const tx = await this.db.transaction();
    try {
      await tuneReportTransaction(tx);
      // Every row is read, so the plan is to be the fastest for all of them, not for the first
      // tenth (the planner's default for a cursor).
      await tx.raw('SET LOCAL cursor_tuple_fraction = 1');
      await tx.raw(`DECLARE report_rows NO SCROLL CURSOR FOR ${sql}`, bindings);
      for (;;) {
        const { rows } = await tx.raw(
          `FETCH FORWARD ${batchSize} FROM report_rows`,
        );
        yield* rows as T[];
        if (rows.length < batchSize) return;
      }
    } finally {
      // Read only: nothing to keep. Rolling back also closes the cursor.
      await tx.rollback();
    }
  }
}

type RawImprovementRow = {
  id: string;
  unit_ref: string;
  unit_title: string;
  type: string;
  area: string;
  closed_date: string | null;
  closed_at_instant: string | null;
  reopened: number | string;
  description: string | null;
};

function improvementBindings(
  selection: Pick<ReportSelection, 'scopeUnitRef' | 'current'>,
): Record<string, string | number> {
  return {
    ...periodBindings('cur', selection.current),
    ...(selection.scopeUnitRef !== null
      ? { scope: selection.scopeUnitRef }
      : {}),
  };
}

function toImprovement(row: RawImprovementRow): ImprovementRow {
  return {
    id: row.id,
    unitRef: row.unit_ref,
    unitTitle: row.unit_title,
    type: row.type,
    area: row.area,
    // A reopened synpunkt's closing at the end of the period is in its history.
    closedDate:
      Number(row.reopened) === 1 && row.closed_at_instant
        ? stockholmDateOf(row.closed_at_instant)
        : row.closed_date ?? '',
    description: row.description,
  };
}
