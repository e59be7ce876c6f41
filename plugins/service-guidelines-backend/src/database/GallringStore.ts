import { Knex } from 'knex';
import { dialectOf } from '../report/reportSql';
import { BatchSizing, sizedByTime } from './batches';

/**
 * Which closed synpunkter a rule makes due: of the type, closed on or before the cutoff, in the
 * area (a rule of an area) or in any area without its own rule for the type (a rule of a type).
 */
export interface DueSelection {
  type: string;
  area?: string;
  /** For a rule of a type: the areas whose own rule for the type takes precedence. */
  excludeAreas: string[];
  cutoff: string;
}

/** The columns of a due synpunkt that gallring reads: what it is, and what it would clear. */
export interface DueSynpunktRow {
  id: string;
  registration_number: string;
  type: string;
  area: string;
  closed_date: string;
  version: number;
  description: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  contact_address: string | null;
  utredning: string | null;
  aterkoppling_summary: string | null;
  outcome: string | null;
}

const DUE_COLUMNS: Array<keyof DueSynpunktRow> = [
  'id',
  'registration_number',
  'type',
  'area',
  'closed_date',
  'version',
  'description',
  'contact_name',
  'contact_email',
  'contact_phone',
  'contact_address',
  'utredning',
  'aterkoppling_summary',
  'outcome',
];

/** A history entry of a due synpunkt that has changes (the JSON as stored). */
export interface HistoryChangesRow {
  id: number;
  synpunkt_id: string;
  changes: string;
}

/** What one gallring writes: the cleared synpunkt, its pauses, rewritten history, log entry. */
export interface GallringWrite {
  synpunktId: string;
  /** The version planned on: a synpunkt changed since is left for the next run. */
  version: number;
  searchText: string;
  clearPauseReasons: boolean;
  historyRewrites: Array<{ id: number; changes: string }>;
  log: Omit<GallringLogRow, 'id' | 'gallrad_at'>;
}

/** A row of the `gallringslogg` table. */
export interface GallringLogRow {
  id: number;
  synpunkt_id: string;
  registration_number: string;
  type: string;
  area: string;
  closed_date: string;
  fields: string;
  rule: string;
  retention: string;
  gallrad_at: string;
}

/** The synpunkter due for gallring, their clearing, and the gallringslogg. */
export interface GallringStore {
  /**
   * How a run's batches are sized, at most `max` synpunkter each: by time on SQLite, where each
   * batch holds the main thread (500 held it 0.3 s on average, up to 1.2 s, on a million).
   */
  batchSizing(max: number): BatchSizing;
  transaction<T>(fn: (tx: Knex.Transaction) => Promise<T>): Promise<T>;
  /**
   * Due synpunkter in registration-number order, after the given number. Inside a transaction
   * on PostgreSQL the rows are locked until it ends, so that no action changes them meanwhile.
   */
  due(
    selections: DueSelection[],
    options: { limit: number; after?: string; tx?: Knex.Transaction },
  ): Promise<DueSynpunktRow[]>;
  countDue(selections: DueSelection[]): Promise<number>;
  /** The ids of those synpunkter whose clock-pause reasons hold text. */
  withPauseReasons(ids: string[], tx?: Knex.Transaction): Promise<Set<string>>;
  historyChanges(
    ids: string[],
    tx?: Knex.Transaction,
  ): Promise<HistoryChangesRow[]>;
  /** Clears one synpunkt and logs it; false (and nothing written) when it changed meanwhile. */
  gallra(
    tx: Knex.Transaction,
    write: GallringWrite,
    at: string,
  ): Promise<boolean>;
  log(options: { limit: number; beforeId?: number }): Promise<GallringLogRow[]>;
  /**
   * After a run that cleared many: on PostgreSQL the synpunkter are vacuumed and their statistics
   * refreshed at once, rather than when autovacuum gets to them (nothing on SQLite, whose plans
   * take no statistics).
   */
  refreshAfterManyCleared(): Promise<void>;
}

/** The knex implementation of {@link GallringStore}. */
export class KnexGallringStore implements GallringStore {
  constructor(private readonly db: Knex) {}

  batchSizing(max: number): BatchSizing {
    return this.isSqlite() ? sizedByTime(max) : { fixed: max };
  }

  transaction<T>(fn: (tx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(async tx => {
      if (this.isSqlite()) {
        // SQLite keeps a cleared value in the file's free pages unless told to overwrite them.
        await tx.raw('PRAGMA secure_delete = ON');
      }
      return fn(tx);
    });
  }

  async due(
    selections: DueSelection[],
    options: { limit: number; after?: string; tx?: Knex.Transaction },
  ): Promise<DueSynpunktRow[]> {
    if (selections.length === 0) {
      // Every rule says bevaras: nothing is ever due.
      return [];
    }
    const db = options.tx ?? this.db;
    const [first, ...rest] = selections.map((selection, i) => {
      const branch = ofRule(closedNotGallrad(db), selection);
      if (options.after) {
        branch.where('registration_number', '>', options.after);
      }
      return db
        .select('*')
        .from(
          branch
            .select('id', 'registration_number')
            .orderBy('registration_number')
            .limit(options.limit)
            .as(`rule_${i}`),
        );
    });
    // Each rule's branch reads its type's range of the index in number order and stops once it
    // has a page; the branches are merged (they share no synpunkt: a rule of a type leaves out
    // the areas with rules of their own).
    const pageIds = db
      .from(first.unionAll(rest).as('rules'))
      .orderBy('registration_number')
      .limit(options.limit)
      .select('id');
    const query = db('synpunkter')
      .whereIn('id', pageIds)
      .orderBy('registration_number')
      .select(DUE_COLUMNS);
    if (options.tx && !this.isSqlite()) {
      // A row that changed before PostgreSQL locked it is read anew, and left out unless it is
      // still closed and not yet gallrad: the page's ids were chosen before the lock.
      query.where('status', 'avslutad').whereNull('gallrad_at').forUpdate();
    }
    const rows = (await query) as DueSynpunktRow[];
    return rows.map(r => ({ ...r, version: Number(r.version) }));
  }

  async countDue(selections: DueSelection[]): Promise<number> {
    if (selections.length === 0) return 0;
    if (this.isSqlite()) {
      // Each rule counted from its type's range of the index, and the counts summed: SQLite
      // plans the rules joined by OR on the status index, every closed synpunkt read (about a
      // second over a million).
      const [first, ...rest] = selections.map(selection =>
        ofRule(closedNotGallrad(this.db), selection).count({ due: '*' }),
      );
      const [row] = await this.db
        .from(first.unionAll(rest).as('rules'))
        .sum({ count: 'due' });
      return Number(row.count ?? 0);
    }
    // PostgreSQL counts the rules in one scan: before a first run, with half the table due, it
    // scans the table, once for all the rules rather than once for each.
    const [row] = await closedNotGallrad(this.db)
      .where(any => {
        for (const selection of selections) {
          any.orWhere(one => ofRule(one, selection));
        }
      })
      .count({ count: '*' });
    return Number(row.count);
  }

  async withPauseReasons(
    ids: string[],
    tx?: Knex.Transaction,
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await (tx ?? this.db)('synpunkt_pauses')
      .whereIn('synpunkt_id', ids)
      .whereNot('reason', '')
      .distinct<Array<{ synpunkt_id: string }>>('synpunkt_id');
    return new Set(rows.map(r => r.synpunkt_id));
  }

  async historyChanges(
    ids: string[],
    tx?: Knex.Transaction,
  ): Promise<HistoryChangesRow[]> {
    if (ids.length === 0) return [];
    const rows = await (tx ?? this.db)('synpunkt_events')
      .whereIn('synpunkt_id', ids)
      .whereNotNull('changes')
      .orderBy('id')
      .select<HistoryChangesRow[]>('id', 'synpunkt_id', 'changes');
    return rows.map(r => ({ ...r, id: Number(r.id) }));
  }

  async gallra(
    tx: Knex.Transaction,
    write: GallringWrite,
    at: string,
  ): Promise<boolean> {
    const updated = await tx('synpunkter')
      .where({ id: write.synpunktId, version: write.version })
      .whereNull('gallrad_at')
      .update({
        description: null,
        contact_name: null,
        contact_email: null,
        contact_phone: null,
        contact_address: null,
        utredning: null,
        aterkoppling_summary: null,
        outcome: null,
        search_text: write.searchText,
        gallrad_at: at,
        version: write.version + 1,
        updated_at: at,
      });
    if (updated !== 1) {
      return false;
    }
    if (write.clearPauseReasons) {
      // The column is required; an empty reason says the text is gone, not that none was given.
      await tx('synpunkt_pauses')
        .where({ synpunkt_id: write.synpunktId })
        .update({ reason: '' });
    }
    for (const rewrite of write.historyRewrites) {
      await tx('synpunkt_events')
        .where({ id: rewrite.id })
        .update({ changes: rewrite.changes });
    }
    await tx('gallringslogg').insert({ ...write.log, gallrad_at: at });
    return true;
  }

  async refreshAfterManyCleared(): Promise<void> {
    if (this.isSqlite()) return;
    // Outside any transaction, as VACUUM must be.
    await this.db.raw('VACUUM (ANALYZE) synpunkter');
  }

  async log(options: {
    limit: number;
    beforeId?: number;
  }): Promise<GallringLogRow[]> {
    const query = this.db<GallringLogRow>('gallringslogg');
    if (options.beforeId !== undefined) {
      query.where('id', '<', options.beforeId);
    }
    const rows = await query.orderBy('id', 'desc').limit(options.limit);
    return rows.map(r => ({ ...r, id: Number(r.id) }));
  }

  private isSqlite(): boolean {
    return dialectOf(String(this.db.client.config.client)) === 'sqlite';
  }
}

/**
 * The synpunkter closed and not yet gallrad, written as the condition of
 * `synpunkter_gallring_due_by_type_idx`, the status a literal: SQLite reads a partial index only
 * for the very condition, not for a bound value.
 */
function closedNotGallrad(db: Knex | Knex.Transaction): Knex.QueryBuilder {
  return db('synpunkter')
    .whereNull('gallrad_at')
    .whereRaw(`?? = 'avslutad'`, ['status']);
}

/**
 * Of `query`, those one rule makes due: of the type, closed on or before the cutoff, in the area
 * (a rule of an area) or in any area without its own rule for the type (a rule of a type).
 */
function ofRule(
  query: Knex.QueryBuilder,
  selection: DueSelection,
): Knex.QueryBuilder {
  query
    .where('type', selection.type)
    .where('closed_date', '<=', selection.cutoff);
  if (selection.area !== undefined) {
    query.where('area', selection.area);
  } else if (selection.excludeAreas.length > 0) {
    query.whereNotIn('area', selection.excludeAreas);
  }
  return query;
}
