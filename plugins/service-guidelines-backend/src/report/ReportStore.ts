import {
  ReportFigures,
  stockholmDateOf,
  SvarstidFigures,
} from '@service-guidelines/plugin-service-guidelines-common';
import { Knex } from 'knex';
import { SqliteReportReader } from './SqliteReportReader';
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
 * nothing) and room to sort and hash in memory.
 */
export async function tuneReportTransaction(tx: Knex.Transaction) {
  await tx.raw('SET LOCAL jit = off');
  await tx.raw("SET LOCAL work_mem = '64MB'");
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

  /** Every figure of the selection, for both periods, overall and per breakdown. */
  async figures(selection: ReportSelection): Promise<FigureRow[]> {
    const scoped = selection.scopeUnitRef !== null;
    const bindings: Record<string, string> = {
      ...periodBindings('cur', selection.current),
      ...periodBindings('prev', selection.previous),
      ...(scoped ? { scope: selection.scopeUnitRef! } : {}),
    };
    const rows = await this.query<RawFigureRow>(
      figuresSql(this.dialect, scoped),
      bindings,
    );
    return rows.map(row => ({
      period: row.period,
      dimension: row.dim,
      key: row.k,
      figures: toFigures(row),
    }));
  }

  /** A page of the improvements of the current period, after the given one. */
  async improvements(
    selection: Pick<ReportSelection, 'scopeUnitRef' | 'current'>,
    options: { limit: number; after?: { unitTitle: string; id: string } },
  ): Promise<ImprovementRow[]> {
    const scoped = selection.scopeUnitRef !== null;
    const bindings: Record<string, string | number> = {
      ...periodBindings('cur', selection.current),
      ...(scoped ? { scope: selection.scopeUnitRef! } : {}),
      ...(options.after
        ? { afterTitle: options.after.unitTitle, afterId: options.after.id }
        : {}),
      limit: options.limit,
    };
    const rows = await this.query<{
      id: string;
      unit_ref: string;
      unit_title: string;
      type: string;
      area: string;
      closed_date: string | null;
      closed_at_instant: string | null;
      reopened: number | string;
      description: string | null;
    }>(improvementsSql(this.dialect, scoped, Boolean(options.after)), bindings);
    return rows.map(row => ({
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
    }));
  }

  /**
   * Every improvement of the current period, read a page at a time so that an export holds one
   * page in memory however many there are. Each page evaluates the whole selection again (about
   * a second over a million synpunkter), so pages are large: 20,000 rows are a few MiB, and the
   * 140,000 improvements of a million synpunkter take 7 pages instead of 70.
   */
  async *allImprovements(
    selection: Pick<ReportSelection, 'scopeUnitRef' | 'current'>,
    pageSize = 20_000,
  ): AsyncGenerator<ImprovementRow> {
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
}
