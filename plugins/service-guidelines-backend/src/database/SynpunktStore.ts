import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  SynpunktEvent,
  SynpunktEventKind,
  SynpunktPause,
  SynpunktSort,
  SvarstidDeadlines,
} from '@service-guidelines/plugin-service-guidelines-common';
import { Knex } from 'knex';
import {
  applyPermissionCriteria,
  unitsLedBy,
} from '../permissions/filterToKnex';
import { dialectOf } from '../report/reportSql';
import {
  SynpunktFilter,
  SynpunktPermissionResource,
} from '../permissions/resource';
import { ListDriver, listDriversOf, UnitsLedBy } from './listDrivers';
import { cachedStatement, selectRows, insertRow } from './sqliteStatements';
import { SqliteGroupCommit } from './SqliteGroupCommit';
import { WriteBatcher, WriteOutcome } from './WriteBatcher';

/** A row of the `synpunkter` table. Booleans come back as 0/1 from SQLite; see `fromDb`. */
export interface SynpunktRow {
  id: string;
  registration_number: string;
  registration_year: number;
  registration_sequence: number;
  type: string;
  channel: string;
  received_at: string;
  received_date: string;
  arrival_date: string;
  registered_at: string;
  registered_by: string;
  unit_ref: string;
  area: string;
  legal_duty: boolean;
  description: string | null;
  sekretess: boolean;
  anonymous: boolean;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  contact_address: string | null;
  handlaggare_ref: string | null;
  status: string;
  forsta_svar_due: string | null;
  forsta_svar_date: string | null;
  aterkoppling_due: string | null;
  aterkoppling_days: number | null;
  utredning: string | null;
  utredning_date: string | null;
  aterkoppling_date: string | null;
  aterkoppling_method: string | null;
  aterkoppling_summary: string | null;
  closed_date: string | null;
  outcome: string | null;
  led_to_improvement: boolean | null;
  improvement_description: string | null;
  search_text: string | null;
  /** Set when gallring cleared its free texts and contact details. */
  gallrad_at?: string | null;
  version: number;
  updated_at: string;
}

const BOOLEAN_COLUMNS = [
  'legal_duty',
  'sekretess',
  'anonymous',
  'led_to_improvement',
] as const;

/**
 * The clock and workflow columns of a synpunkt just registered: its deadlines set, nothing done
 * yet. Registration and the benchmark's generator both build new rows with it.
 */
export function newSynpunktClockColumns(
  deadlines: SvarstidDeadlines,
  receivedDate: string,
) {
  return {
    // Anonymous: nobody to answer, so neither clock runs and both stay empty.
    forsta_svar_due: deadlines.forstaSvar?.due ?? null,
    // Telephone, SMS and visits get their första svar during the contact itself.
    forsta_svar_date: deadlines.forstaSvar?.days === 0 ? receivedDate : null,
    aterkoppling_due: deadlines.aterkoppling?.due ?? null,
    aterkoppling_days: deadlines.aterkoppling?.days ?? null,
    utredning: null,
    utredning_date: null,
    aterkoppling_date: null,
    aterkoppling_method: null,
    aterkoppling_summary: null,
    closed_date: null,
    outcome: null,
    led_to_improvement: null,
    improvement_description: null,
  } satisfies Partial<SynpunktRow>;
}

function fromDb(row: SynpunktRow): SynpunktRow {
  const result = { ...row };
  for (const column of BOOLEAN_COLUMNS) {
    const value = row[column] as unknown;
    if (value !== null && value !== undefined) {
      (result as Record<string, unknown>)[column] = Boolean(value);
    }
  }
  return result;
}

/** An entry to append to a synpunkt's history. */
export interface NewSynpunktEvent {
  synpunktId: string;
  at: string;
  actorRef: string;
  kind: SynpunktEventKind;
  changes?: SynpunktEvent['changes'];
}

/** A synpunkt about to be registered: all of it but the number, which the registry takes. */
export interface NewRegistration {
  row: Omit<
    SynpunktRow,
    'registration_number' | 'registration_sequence' | 'search_text'
  >;
  /** What precedes the sequence in the number, e.g. `VMD-2026-`. */
  numberPrefix: string;
  /** The free text that search finds besides the number (none for a sekretess synpunkt). */
  searchable?: string;
  /** The first entry of its history. */
  event: Omit<NewSynpunktEvent, 'synpunktId'>;
}

/** A registration's sequence as its number writes it: at least five digits, zero-padded. */
function sequenceDigits(sequence: number): string {
  return String(sequence).padStart(5, '0');
}

/** The number of the `sequence`th registration. */
export function registrationNumberOf(
  numberPrefix: string,
  sequence: number,
): string {
  return `${numberPrefix}${sequenceDigits(sequence)}`;
}

/**
 * The search text of a registration, split where the sequence goes. The digits contain no
 * whitespace, so folding the pieces on each side of them gives what folding the whole would.
 */
function searchTextAround(
  numberPrefix: string,
  searchable: string | undefined,
): [string, string] {
  const mark = '\u0000';
  const whole = searchTextOf(`${numberPrefix}${mark}`, searchable);
  const at = whole.indexOf(mark);
  return [whole.slice(0, at), whole.slice(at + 1)];
}

/**
 * The registration's row with its number: the `sequence` and its `digits` as values, or as SQL
 * that works them out, and `concat` joining the pieces of its number and search text.
 */
function withNumber<S, T>(
  registration: NewRegistration,
  sequence: S,
  digits: T,
  concat: (...pieces: Array<string | T>) => string | T,
) {
  const [beforeSequence, afterSequence] = searchTextAround(
    registration.numberPrefix,
    registration.searchable,
  );
  return {
    ...registration.row,
    registration_sequence: sequence,
    registration_number: concat(registration.numberPrefix, digits),
    search_text: concat(beforeSequence, digits, afterSequence),
  };
}

/** The registration's row as stored with the `sequence`th number of its year. */
function numberedRow(
  registration: NewRegistration,
  sequence: number,
): SynpunktRow {
  return withNumber(
    registration,
    sequence,
    sequenceDigits(sequence),
    (...pieces) => pieces.join(''),
  );
}

/** The columns of the registration's first history entry. */
function firstEventColumns(registration: NewRegistration) {
  return eventColumns({
    ...registration.event,
    synpunktId: registration.row.id,
  });
}

/** Filters of the synpunkt list; all optional, combined with AND. */
export interface SynpunktListFilter {
  statuses?: string[];
  types?: string[];
  channels?: string[];
  unitRefs?: string[];
  area?: string;
  handlaggareRef?: string;
  /** Assigned to or registered by this user. */
  mineFor?: string;
  open?: boolean;
  /** Återkoppling not given and its deadline before this date. */
  overdueOn?: string;
  /** Återkoppling not given and its deadline on or before this date. */
  dueBy?: string;
  /** Återkoppling deadline on or after this date. */
  dueFrom?: string;
  /** No open pause: the clock is running. */
  clockRunning?: boolean;
  receivedFrom?: string;
  receivedTo?: string;
  closedFrom?: string;
  closedTo?: string;
  text?: string;
}

/** Where the next page starts: the sort key and id of the last row of this one. */
export interface ListCursor {
  key: string;
  id: string;
}

type SortKey = 'registered' | 'received' | 'due';
const NO_DUE_DATE = '9999-12-31';

/**
 * The SQL of each list order. Each expression has an index with `id` after it (see the
 * migrations), so every page, at any depth, is one index range scan. A synpunkt without an
 * återkoppling deadline (anonymous) sorts after every date, so that the key is never null and the
 * row-value comparison stays total.
 *
 * `byDrivers`: the order also has an index per driver column (unit, handläggare, registrar)
 * followed by its key and `id`, so a narrow scope can be read driver by driver (see
 * listDrivers.ts). Only the registration order, the list's default, has them (migration
 * 20261124200000): three more indexes per order would cost every registration, so the received
 * and due orders always read with one walk of their own index.
 */
const SORT_KEYS: Record<
  SortKey,
  { sql: string; of: (row: SynpunktRow) => string; byDrivers: boolean }
> = {
  registered: {
    sql: 'registered_at',
    of: row => row.registered_at,
    byDrivers: true,
  },
  received: {
    sql: 'received_at',
    of: row => row.received_at,
    byDrivers: false,
  },
  due: {
    sql: `coalesce(aterkoppling_due, '${NO_DUE_DATE}')`,
    of: row => row.aterkoppling_due ?? NO_DUE_DATE,
    byDrivers: false,
  },
};

function sortOf(sort: SynpunktSort) {
  const descending = sort.startsWith('-');
  const key = SORT_KEYS[(descending ? sort.slice(1) : sort) as SortKey];
  return { ...key, descending, direction: descending ? 'desc' : 'asc' };
}

type ListOrder = ReturnType<typeof sortOf>;

/** What a page of the list is: {@link SynpunktStore.list}'s options. */
export interface ListPageQuery {
  filter: SynpunktListFilter;
  criteria?: PermissionCriteria<SynpunktFilter>;
  sort: SynpunktSort;
  limit: number;
  after?: ListCursor;
}

/** The cursor that continues a list in this order after this row. */
export function cursorAfter(row: SynpunktRow, sort: SynpunktSort): ListCursor {
  return { key: sortOf(sort).of(row), id: row.id };
}

/** Everything kept about one synpunkt in the database. */
export interface StoredSynpunkt {
  row: SynpunktRow;
  pauses: SynpunktPause[];
}

/**
 * What the permission rules look at of a synpunkt: its row's unit, handläggare and registrar,
 * and the chefs of its unit and the units above it.
 */
export function permissionResourceOf(
  row: Pick<
    SynpunktRow,
    'id' | 'unit_ref' | 'handlaggare_ref' | 'registered_by'
  >,
  unitChefRefs: string[],
): SynpunktPermissionResource {
  return {
    id: row.id,
    unitRef: row.unit_ref,
    handlaggareRef: row.handlaggare_ref ?? undefined,
    registeredBy: row.registered_by,
    unitChefRefs,
  };
}

/**
 * The synpunkt registry's tables. Every write but a registration happens inside a transaction the
 * caller opens; `registerNew` is all or nothing on its own.
 */
export interface SynpunktStore {
  transaction<T>(fn: (tx: Knex.Transaction) => Promise<T>): Promise<T>;
  /**
   * Takes the next number of the row's registration year and stores the row with it and its
   * first history entry, all or nothing. Numbers are unique and gapless however many register
   * at once. Returns the row as stored.
   */
  registerNew(registration: NewRegistration): Promise<SynpunktRow>;
  /** Writes the changed columns if the stored version is still `expectedVersion`. */
  updateIfVersion(
    tx: Knex.Transaction,
    id: string,
    expectedVersion: number,
    changes: Partial<SynpunktRow>,
  ): Promise<boolean>;
  appendEvent(tx: Knex.Transaction, event: NewSynpunktEvent): Promise<void>;
  addPause(
    tx: Knex.Transaction,
    synpunktId: string,
    pause: SynpunktPause,
  ): Promise<void>;
  endOpenPause(
    tx: Knex.Transaction,
    synpunktId: string,
    to: string,
  ): Promise<void>;
  /** One synpunkt, if it exists and the criteria (when given) allow it. */
  get(
    id: string,
    criteria?: PermissionCriteria<SynpunktFilter>,
    tx?: Knex.Transaction,
  ): Promise<StoredSynpunkt | undefined>;
  exists(id: string): Promise<boolean>;
  /** Those of the ids that the criteria allow. */
  idsMatching(
    ids: string[],
    criteria: PermissionCriteria<SynpunktFilter>,
  ): Promise<string[]>;
  list(options: ListPageQuery): Promise<StoredSynpunkt[]>;
  history(id: string): Promise<SynpunktEvent[]>;
  permissionResources(ids: string[]): Promise<SynpunktPermissionResource[]>;
}

/**
 * Takes the year's next `count` registration numbers in one statement, the last of them
 * `last_number`: creates the year's counter or raises it, under its row lock (PostgreSQL) or
 * SQLite's single writer, until commit; a registration rolled back gives its numbers back.
 */
const NEXT_SEQUENCE_SQL = `insert into registration_counters (year, last_number) values (?, ?)
     on conflict (year) do update set last_number = registration_counters.last_number + ?
     returning last_number`;

/** The bindings of {@link NEXT_SEQUENCE_SQL}, whose placeholders knex and SQLite read alike. */
function nextSequenceBindings(year: number, count: number) {
  return [year, count, count];
}

/**
 * At most this many registrations share a statement on PostgreSQL: about fifty bound values
 * each, far below the protocol's 65,535.
 */
export const MAX_REGISTRATIONS_PER_STATEMENT = 64;

/** The knex implementation of {@link SynpunktStore}. */
export class KnexSynpunktStore implements SynpunktStore {
  /** Registrations on SQLite, sharing commits; made with the first. */
  private sqliteWrites: SqliteGroupCommit | undefined;
  /** Registrations on PostgreSQL, sharing statements; made with the first. */
  private pgRegistrations:
    | WriteBatcher<NewRegistration, SynpunktRow>
    | undefined;

  constructor(
    private readonly db: Knex,
    private readonly listing: {
      /** False reads every page of the list with one query, to compare against in tests. */
      byDrivers?: boolean;
      /**
       * The units the users lead, for the list's drivers; by default read from the database with
       * each page. The plugin passes the organisation it holds in memory.
       */
      unitsLedBy?: UnitsLedBy;
    } = {},
  ) {}

  transaction<T>(fn: (tx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  async registerNew(registration: NewRegistration): Promise<SynpunktRow> {
    if (dialectOf(String(this.db.client.config.client)) === 'pg') {
      this.pgRegistrations ??= new WriteBatcher(
        batch => this.registerBatchOnPg(batch),
        MAX_REGISTRATIONS_PER_STATEMENT,
      );
      return this.pgRegistrations.run(registration);
    }
    // SQLite has one writer, and knex's one connection is that writer: while a transaction
    // holds it, every other write (and read) of the backend waits. Its statements therefore run
    // back to back on the driver, with nothing awaited in between, and registrations that
    // arrive together share a commit.
    this.sqliteWrites ??= new SqliteGroupCommit(this.db);
    return this.sqliteWrites.run(connection => {
      const taken = cachedStatement(connection, NEXT_SEQUENCE_SQL).get(
        ...nextSequenceBindings(registration.row.registration_year, 1),
      ) as { last_number: number };
      const row = numberedRow(registration, Number(taken.last_number));
      insertRow(this.db, connection, 'synpunkter', row);
      insertRow(
        this.db,
        connection,
        'synpunkt_events',
        firstEventColumns(registration),
      );
      return row;
    });
  }

  /**
   * The registrations of a batch, each year's in one statement. When that statement fails, each
   * of its registrations is tried on its own, so that only the failing ones fail: the failed
   * statement took no numbers.
   */
  private async registerBatchOnPg(
    batch: NewRegistration[],
  ): Promise<WriteOutcome<SynpunktRow>[]> {
    const outcomes: WriteOutcome<SynpunktRow>[] = [];
    const indexesByYear = new Map<number, number[]>();
    batch.forEach((registration, index) => {
      const year = registration.row.registration_year;
      indexesByYear.set(year, [...(indexesByYear.get(year) ?? []), index]);
    });
    for (const indexes of indexesByYear.values()) {
      try {
        const rows = await this.registerTogetherOnPg(
          indexes.map(i => batch[i]),
        );
        indexes.forEach((index, k) => {
          outcomes[index] = { ok: true, result: rows[k] };
        });
      } catch (error) {
        if (indexes.length === 1) {
          outcomes[indexes[0]] = { ok: false, error };
          continue;
        }
        for (const index of indexes) {
          try {
            const [row] = await this.registerTogetherOnPg([batch[index]]);
            outcomes[index] = { ok: true, result: row };
          } catch (alone) {
            outcomes[index] = { ok: false, error: alone };
          }
        }
      }
    }
    return outcomes;
  }

  /**
   * Registrations of one year in one statement, committed on its own: the year's counter is
   * raised once by their number, and its row lock is held only while the statement runs and
   * commits. In a transaction of several statements every registration of the year would also
   * wait for the round trips (and the event loop) between them. One statement for many shares
   * its planning, its commit and the flush of PostgreSQL's WAL.
   */
  private async registerTogetherOnPg(
    registrations: NewRegistration[],
  ): Promise<SynpunktRow[]> {
    const db = this.db;
    const count = registrations.length;
    const rows = registrations.map((registration, i) => {
      // Numbered in the batch's order, the last one taking the counter's new value.
      const sequence = db.raw('((select last_number from counter) - ?)', [
        count - 1 - i,
      ]);
      // sequenceDigits in SQL (tested equal past 99,999 in SynpunktStore.test.ts).
      const digits = db.raw(
        "lpad(?::text, greatest(5, length(?::text)), '0')",
        [sequence, sequence],
      );
      return withNumber(registration, sequence, digits, (...pieces) =>
        db.raw(pieces.map(() => '?').join(' || '), pieces),
      );
    });
    const stored = await db
      .with(
        'counter',
        db.raw(
          NEXT_SEQUENCE_SQL,
          nextSequenceBindings(registrations[0].row.registration_year, count),
        ),
      )
      .with(
        'event',
        db('synpunkt_events').insert(registrations.map(firstEventColumns)),
      )
      .insert(rows)
      .into('synpunkter')
      .returning<Array<{ id: string; registration_sequence: number }>>([
        'id',
        'registration_sequence',
      ]);
    const sequenceById = new Map(
      stored.map(row => [row.id, Number(row.registration_sequence)]),
    );
    return registrations.map(registration =>
      numberedRow(registration, sequenceById.get(registration.row.id)!),
    );
  }

  async updateIfVersion(
    tx: Knex.Transaction,
    id: string,
    expectedVersion: number,
    changes: Partial<SynpunktRow>,
  ): Promise<boolean> {
    const count = await tx('synpunkter')
      .where({ id, version: expectedVersion })
      .update({ ...changes, version: expectedVersion + 1 });
    return count === 1;
  }

  async appendEvent(
    tx: Knex.Transaction,
    event: NewSynpunktEvent,
  ): Promise<void> {
    await tx('synpunkt_events').insert(eventColumns(event));
  }

  async addPause(
    tx: Knex.Transaction,
    synpunktId: string,
    pause: SynpunktPause,
  ): Promise<void> {
    await tx('synpunkt_pauses').insert({
      synpunkt_id: synpunktId,
      from_date: pause.from,
      to_date: pause.to ?? null,
      reason: pause.reason,
      paused_by: pause.pausedBy,
    });
  }

  async endOpenPause(
    tx: Knex.Transaction,
    synpunktId: string,
    to: string,
  ): Promise<void> {
    await tx('synpunkt_pauses')
      .where({ synpunkt_id: synpunktId })
      .whereNull('to_date')
      .update({ to_date: to });
  }

  async get(
    id: string,
    criteria?: PermissionCriteria<SynpunktFilter>,
    tx?: Knex.Transaction,
  ): Promise<StoredSynpunkt | undefined> {
    const db = tx ?? this.db;
    const query = db<SynpunktRow>('synpunkter').where('synpunkter.id', id);
    if (criteria) {
      applyPermissionCriteria(this.db, query, criteria);
    }
    const row = await query.first('synpunkter.*');
    if (!row) {
      return undefined;
    }
    const pauses = await this.pausesOf([row.id], db);
    return { row: fromDb(row), pauses: pauses.get(row.id) ?? [] };
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db('synpunkter').where({ id }).first('id');
    return Boolean(row);
  }

  async idsMatching(
    ids: string[],
    criteria: PermissionCriteria<SynpunktFilter>,
  ): Promise<string[]> {
    if (ids.length === 0) {
      return [];
    }
    const query = this.db('synpunkter').whereIn('synpunkter.id', ids);
    applyPermissionCriteria(this.db, query, criteria);
    const rows = await query.select<Array<{ id: string }>>('synpunkter.id');
    return rows.map(r => r.id);
  }

  async list(options: ListPageQuery): Promise<StoredSynpunkt[]> {
    const rows = await this.listRows(options);
    const pauses = await this.pausesOf(rows.map(r => r.id));
    return rows.map(row => ({
      row: fromDb(row),
      pauses: pauses.get(row.id) ?? [],
    }));
  }

  /**
   * With one walk of the sort index filtered by the scope, a page costs as many rows as the
   * walk passes before it finds the page's rows: little for a wide scope, everything newer for a
   * narrow scope when others registered much lately. A narrow scope is therefore read driver by
   * driver, each one index range in order, and the pages merged.
   */
  private async listRows(options: ListPageQuery): Promise<SynpunktRow[]> {
    const order = sortOf(options.sort);
    const drivers =
      this.listing.byDrivers !== false && order.byDrivers
        ? await listDriversOf(
            options,
            this.listing.unitsLedBy ?? (userRefs => this.unitsLedBy(userRefs)),
          )
        : undefined;
    if (!drivers) {
      return selectRows(
        this.db,
        inOrder(this.scoped(options, order), order)
          .limit(options.limit)
          .select('synpunkter.*'),
      );
    }
    if (drivers.length === 0) {
      // The restrictions match no row at all (an empty unit filter, say).
      return [];
    }
    const { criteria } = options;
    if (criteria) {
      const page = await this.uncheckedPage(
        { ...options, criteria },
        order,
        drivers,
      );
      if (page) return page;
    }
    return selectRows(
      this.db,
      this.mergedPage(options, order, drivers).select('synpunkter.*'),
    );
  }

  /**
   * The page merged from the drivers without the permission criteria in each branch, the
   * criteria checked once on its rows: the page itself, when the criteria allow every row of it,
   * else undefined. The drivers cover the criteria's rows, so when the first `limit` rows of the
   * drivers all pass, they are the first `limit` that pass. They do unless the organisation
   * changed after the drivers were resolved (from the organisation held in memory) or a filter
   * rather than the criteria chose them; then the caller reads the page with the criteria in
   * every branch. Checking each branch costs the most of the page's SQL (every row each branch
   * passes, up to `limit` per driver), checking the page only `limit` rows.
   *
   * The check reads the page's own row: a subquery without a table of its own, so that the
   * criteria's columns name the page's. A subquery reading `synpunkter` again by id gave
   * PostgreSQL another table with a dozen indexes to plan for: measured on the million, the
   * chef's page took 15 % longer (medians of 60, alternating).
   */
  private async uncheckedPage(
    options: ListPageQuery & { criteria: PermissionCriteria<SynpunktFilter> },
    order: ListOrder,
    drivers: ListDriver[],
  ): Promise<SynpunktRow[] | undefined> {
    const permitted = this.db.queryBuilder().select(this.db.raw('1'));
    applyPermissionCriteria(this.db, permitted, options.criteria);
    const rows = await selectRows<SynpunktRow & { permitted: unknown }>(
      this.db,
      this.mergedPage(
        { ...options, criteria: undefined },
        order,
        drivers,
      ).select(
        'synpunkter.*',
        this.db.raw('exists ? as permitted', [permitted]),
      ),
    );
    // PostgreSQL answers a boolean, SQLite 0 or 1.
    if (!rows.every(row => Boolean(row.permitted))) return undefined;
    return rows.map(({ permitted: _permitted, ...row }) => row);
  }

  /**
   * The rows of the page the drivers merge to, in the list's order, as `synpunkter`: the table's
   * own name, which the permission criteria's columns name (see uncheckedPage). Each branch
   * reads `synpunkter` in a scope of its own, where the name is the branch's table.
   */
  private mergedPage(
    options: ListPageQuery,
    order: ListOrder,
    drivers: ListDriver[],
  ): Knex.QueryBuilder {
    return inOrder(
      this.db<SynpunktRow>('synpunkter').whereIn(
        'synpunkter.id',
        this.mergedPageIds(options, order, drivers),
      ),
      order,
    );
  }

  /**
   * The ids of the page, merged from the drivers. Every branch keeps the whole scope, filter and
   * cursor and adds its driver, and the drivers together cover the scope, so the first `limit`
   * of the merged branches are the first `limit` of the scope. A row can lie in two drivers (a
   * chef's unit and their own handläggning); it is kept once, (key, id) being the same row.
   *
   * Both databases merge the branches as they read them, each branch walking its driver's index
   * in the list's order and stopping once the page is full: about `limit` rows in all, where
   * reading each branch's page and then merging them read up to `limit` a branch (11 branches
   * of a chef's list). Each database needs its own form for it:
   * - SQLite merges a compound SELECT that is itself ordered and limited. A branch limited on its
   *   own must sit in a subquery there, which it reads whole and sorts first.
   * - PostgreSQL merges ordered branches (Merge Append) under UNION ALL, where UNION hashes every
   *   row of every branch; the duplicates are then adjacent and DISTINCT drops them as they pass.
   *   Each branch keeps its own limit, its index range read lazily: without it PostgreSQL may
   *   choose to read every branch to its end and sort.
   */
  private mergedPageIds(
    options: ListPageQuery,
    order: ListOrder,
    drivers: ListDriver[],
  ): Knex.QueryBuilder {
    const ordered = `sort_key ${order.direction}, id ${order.direction}`;
    const branch = (driver: ListDriver) =>
      this.scoped(options, order)
        .where(`synpunkter.${driver.column}`, driver.value)
        .select('synpunkter.id', this.db.raw(`${order.sql} as sort_key`));
    if (dialectOf(String(this.db.client.config.client)) === 'sqlite') {
      const [first, ...rest] = drivers.map(branch);
      return this.db
        .from(
          first
            .union(rest)
            .orderByRaw(ordered)
            .limit(options.limit)
            .as('merged'),
        )
        .select('id');
    }
    const [first, ...rest] = drivers.map((driver, i) =>
      this.db
        .select('*')
        .from(
          inOrder(branch(driver), order).limit(options.limit).as(`driver_${i}`),
        ),
    );
    return this.db
      .from(
        this.db
          .from(first.unionAll(rest).as('merged'))
          .distinct('sort_key', 'id')
          .orderByRaw(ordered)
          .limit(options.limit)
          .as('page_ids'),
      )
      .select('id');
  }

  /** The synpunkter of the list's scope and filter after the cursor, in no order yet. */
  private scoped(options: ListPageQuery, order: ListOrder): Knex.QueryBuilder {
    const { filter, criteria, after } = options;
    const query = this.db<SynpunktRow>('synpunkter');
    if (criteria) {
      applyPermissionCriteria(this.db, query, criteria);
    }
    applyListFilter(query, filter);
    if (after) {
      // Row-value comparison: one index range scan at any depth (the OR form degrades badly).
      query.whereRaw(
        `(${order.sql}, id) ${order.descending ? '<' : '>'} (?, ?)`,
        [after.key, after.id],
      );
    }
    return query;
  }

  /**
   * Resolved ahead of the page, so that each unit is a driver of its own; the plugin resolves
   * them from the organisation it holds in memory for a few seconds instead. Either way the
   * branches still check the scope against the organisation as it is when they run: a unit moved
   * in between can be missing from a page, but nothing outside the scope is ever shown.
   */
  private async unitsLedBy(userRefs: string[]): Promise<string[]> {
    const rows: Array<{ descendant_ref: string }> = await unitsLedBy(
      this.db,
      userRefs,
    );
    return rows.map(r => r.descendant_ref);
  }

  async history(id: string): Promise<SynpunktEvent[]> {
    const rows = await this.db('synpunkt_events')
      .where({ synpunkt_id: id })
      .orderBy('id')
      .select<
        Array<{
          id: number;
          at: string;
          actor_ref: string;
          kind: SynpunktEventKind;
          changes: string | null;
        }>
      >('id', 'at', 'actor_ref', 'kind', 'changes');
    return rows.map(r => ({
      id: Number(r.id),
      at: r.at,
      actorRef: r.actor_ref,
      kind: r.kind,
      ...(r.changes ? { changes: JSON.parse(r.changes) } : {}),
    }));
  }

  async permissionResources(
    ids: string[],
  ): Promise<SynpunktPermissionResource[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows = await this.db('synpunkter').whereIn('id', ids).select<
      Array<{
        id: string;
        unit_ref: string;
        handlaggare_ref: string | null;
        registered_by: string;
      }>
    >('id', 'unit_ref', 'handlaggare_ref', 'registered_by');
    const chefs = await this.db('org_unit_closure as c')
      .join('org_units as u', 'u.unit_ref', 'c.ancestor_ref')
      .whereIn(
        'c.descendant_ref',
        rows.map(r => r.unit_ref),
      )
      .whereNotNull('u.chef_ref')
      .select<Array<{ descendant_ref: string; chef_ref: string }>>(
        'c.descendant_ref',
        'u.chef_ref',
      );
    return rows.map(r =>
      permissionResourceOf(
        r,
        chefs.filter(c => c.descendant_ref === r.unit_ref).map(c => c.chef_ref),
      ),
    );
  }

  private async pausesOf(
    ids: string[],
    db: Knex | Knex.Transaction = this.db,
  ): Promise<Map<string, SynpunktPause[]>> {
    const result = new Map<string, SynpunktPause[]>();
    if (ids.length === 0) {
      return result;
    }
    const rows = await selectRows<{
      synpunkt_id: string;
      from_date: string;
      to_date: string | null;
      reason: string;
      paused_by: string;
    }>(
      db,
      db('synpunkt_pauses')
        .whereIn('synpunkt_id', ids)
        .orderBy('id')
        .select('synpunkt_id', 'from_date', 'to_date', 'reason', 'paused_by'),
    );
    for (const r of rows) {
      const list = result.get(r.synpunkt_id) ?? [];
      list.push({
        from: r.from_date,
        ...(r.to_date ? { to: r.to_date } : {}),
        reason: r.reason,
        pausedBy: r.paused_by,
      });
      result.set(r.synpunkt_id, list);
    }
    return result;
  }
}

function eventColumns(event: NewSynpunktEvent) {
  return {
    synpunkt_id: event.synpunktId,
    at: event.at,
    actor_ref: event.actorRef,
    kind: event.kind,
    changes: event.changes ? JSON.stringify(event.changes) : null,
  };
}

function inOrder(query: Knex.QueryBuilder, order: ListOrder) {
  return query.orderByRaw(
    `${order.sql} ${order.direction}, id ${order.direction}`,
  );
}

const OPEN_STATUSES = [
  'registrerad',
  'tilldelad',
  'under_utredning',
  'aterkopplad',
];

export function applyListFilter(
  query: Knex.QueryBuilder,
  filter: SynpunktListFilter,
): void {
  if (filter.statuses?.length) query.whereIn('status', filter.statuses);
  if (filter.types?.length) query.whereIn('type', filter.types);
  if (filter.channels?.length) query.whereIn('channel', filter.channels);
  if (filter.unitRefs) query.whereIn('unit_ref', filter.unitRefs);
  if (filter.area) query.where('area', filter.area);
  if (filter.handlaggareRef)
    query.where('handlaggare_ref', filter.handlaggareRef);
  if (filter.mineFor) {
    const me = filter.mineFor;
    query.where(q =>
      q.where('handlaggare_ref', me).orWhere('registered_by', me),
    );
  }
  if (filter.open === true) query.whereIn('status', OPEN_STATUSES);
  if (filter.open === false) query.where('status', 'avslutad');
  if (filter.overdueOn) {
    query
      .whereIn('status', OPEN_STATUSES)
      .whereNull('aterkoppling_date')
      .where('aterkoppling_due', '<', filter.overdueOn);
  }
  // While the clock waits for the customer, the deadline moves with it: not overdue.
  if (filter.overdueOn || filter.clockRunning) {
    query.whereNotExists(q =>
      q
        .from('synpunkt_pauses')
        .whereRaw('synpunkt_pauses.synpunkt_id = synpunkter.id')
        .whereNull('synpunkt_pauses.to_date'),
    );
  }
  if (filter.dueBy) {
    query
      .whereIn('status', OPEN_STATUSES)
      .whereNull('aterkoppling_date')
      .where('aterkoppling_due', '<=', filter.dueBy);
  }
  if (filter.dueFrom) query.where('aterkoppling_due', '>=', filter.dueFrom);
  if (filter.receivedFrom)
    query.where('received_date', '>=', filter.receivedFrom);
  if (filter.receivedTo) query.where('received_date', '<=', filter.receivedTo);
  if (filter.closedFrom) query.where('closed_date', '>=', filter.closedFrom);
  if (filter.closedTo) query.where('closed_date', '<=', filter.closedTo);
  if (filter.text) {
    // search_text holds the number and the description (not of sekretess ones, never contact
    // details), lower-cased in JavaScript: SQLite's lower() leaves å, ä and ö alone.
    const escaped = searchTextOf(filter.text).replace(/[\\%_]/g, c => `\\${c}`);
    query.whereRaw("search_text like ? escape '\\'", [`%${escaped}%`]);
  }
}

/** The lower-cased, whitespace-folded form used for free-text search. */
export function searchTextOf(
  ...parts: Array<string | null | undefined>
): string {
  return parts
    .filter(Boolean)
    .join(' ')
    .toLocaleLowerCase('sv')
    .replace(/\s+/g, ' ')
    .trim();
}
