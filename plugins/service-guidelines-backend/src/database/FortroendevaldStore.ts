import {
  IsoDate,
  TermFilter,
} from '@service-guidelines/plugin-service-guidelines-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';

/**
 * A name or organ folded for matching: lower case, white space collapsed, accents removed except
 * on å, ä and ö, which are letters of their own in Swedish (Åkesson is not Akesson, but Thorén is
 * found as Thoren). Done in JavaScript because SQLite's lower() leaves non-ASCII letters alone.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .toLocaleLowerCase('sv')
    .replace(/a\u030a/g, 'å')
    .replace(/a\u0308/g, 'ä')
    .replace(/o\u0308/g, 'ö')
    .replace(/\p{M}/gu, '')
    .replace(/æ/g, 'ä')
    .replace(/ø/g, 'ö')
    .replace(/\s+/g, ' ')
    .trim();
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzåäö';

/**
 * A sort key that puts names in Swedish alphabetical order (… x, y, z, å, ä, ö) on every
 * database: each character becomes two digits, and strings of digits sort alike under every
 * collation, whereas SQLite's binary order puts Ä before Å and PostgreSQL's depends on the
 * server's locale.
 */
export function swedishSortKey(text: string): string {
  let key = '';
  for (const char of foldForSearch(text)) {
    const letter = LETTERS.indexOf(char);
    if (letter >= 0) {
      key += String(20 + letter);
    } else if (char >= '0' && char <= '9') {
      key += `1${char}`;
    } else if (/[\s\-'’.,]/.test(char)) {
      // Word breaks sort first, so that "Ek" comes before "Ekman".
      if (!key.endsWith('00')) {
        key += '00';
      }
    } else if (/\p{L}/u.test(char)) {
      key += '49';
    }
  }
  return key.slice(0, 400);
}

/** A LIKE pattern that matches `text` anywhere, with the pattern characters escaped. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, c => `\\${c}`)}%`;
}

/** An uppdrag as stored. */
export interface StoredUppdrag {
  id: string;
  fortroendevaldId: string;
  organ: string;
  role: string;
  from: IsoDate;
  to?: IsoDate;
}

/** A person as stored, with every uppdrag (newest term first). */
export interface StoredFortroendevald {
  id: string;
  name: string;
  party: string;
  email: string;
  phone?: string;
  photoUrl?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  uppdrag: StoredUppdrag[];
}

/** The fields of a person the store writes. */
export interface PersonFields {
  name: string;
  party: string;
  email: string;
  phone?: string;
  photoUrl?: string;
}

/** The fields of an uppdrag the store writes. */
export interface UppdragFields {
  organ: string;
  role: string;
  from: IsoDate;
  to?: IsoDate;
}

/** Filters of the directory list; all optional except the term, combined with AND. */
export interface DirectoryQuery {
  /** Words that must all occur in the name, in any case. */
  text?: string;
  party?: string;
  organ?: string;
  role?: string;
  term: TermFilter;
  /** The Stockholm date that decides which terms are current. */
  today: IsoDate;
  limit: number;
  offset: number;
}

/** The distinct values of the directory's filters. */
export interface StoredFacets {
  organs: string[];
  parties: string[];
  roles: string[];
}

/** The directory's tables. Writes happen inside a transaction the caller opens. */
export interface FortroendevaldStore {
  transaction<T>(fn: (tx: Knex.Transaction) => Promise<T>): Promise<T>;
  list(
    query: DirectoryQuery,
  ): Promise<{ items: StoredFortroendevald[]; totalCount: number }>;
  get(
    id: string,
    tx?: Knex.Transaction,
  ): Promise<StoredFortroendevald | undefined>;
  /** The people with these (lower-cased) e-mail addresses. */
  findByEmails(
    emails: string[],
    tx?: Knex.Transaction,
  ): Promise<StoredFortroendevald[]>;
  /** The people with these ids, each with all their uppdrag. */
  findByIds(
    ids: string[],
    tx?: Knex.Transaction,
  ): Promise<StoredFortroendevald[]>;
  /** Every uppdrag in these organs, matched case- and accent-insensitively. */
  uppdragInOrgans(
    organs: string[],
    tx?: Knex.Transaction,
  ): Promise<StoredUppdrag[]>;
  /** The people with at least one current uppdrag, with only their current uppdrag. */
  currentDirectory(today: IsoDate): Promise<StoredFortroendevald[]>;
  facets(): Promise<StoredFacets>;
  isEmpty(tx?: Knex.Transaction): Promise<boolean>;
  /** Inserts a person at version 1 and returns the id. */
  insertPerson(
    tx: Knex.Transaction,
    person: PersonFields,
    at: string,
  ): Promise<string>;
  /**
   * Writes the fields (none: only the version) and bumps the version if the stored version is
   * still `expectedVersion`.
   */
  updatePersonIfVersion(
    tx: Knex.Transaction,
    id: string,
    expectedVersion: number,
    fields: Partial<PersonFields>,
    at: string,
  ): Promise<boolean>;
  deletePersonIfVersion(
    tx: Knex.Transaction,
    id: string,
    expectedVersion: number,
  ): Promise<boolean>;
  /** Inserts uppdrag of a person and returns their ids in order. */
  insertUppdrag(
    tx: Knex.Transaction,
    fortroendevaldId: string,
    uppdrag: UppdragFields[],
  ): Promise<string[]>;
  updateUppdrag(
    tx: Knex.Transaction,
    id: string,
    fields: Partial<UppdragFields>,
  ): Promise<void>;
  deleteUppdrag(tx: Knex.Transaction, ids: string[]): Promise<void>;
}

interface PersonRow {
  id: string;
  name: string;
  search_name: string;
  sort_key: string;
  party: string;
  email: string;
  phone: string | null;
  photo_url: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

interface UppdragRow {
  id: string;
  fortroendevald_id: string;
  organ: string;
  organ_key: string;
  role: string;
  from_date: string;
  to_date: string | null;
}

const PEOPLE = 'fortroendevalda';
const UPPDRAG = 'fortroendevald_uppdrag';
// Keeps each `where in (…)` far below SQLite's and PostgreSQL's bound-parameter limits.
const BATCH = 500;

const toUppdrag = (row: UppdragRow): StoredUppdrag => ({
  id: row.id,
  fortroendevaldId: row.fortroendevald_id,
  organ: row.organ,
  role: row.role,
  from: row.from_date,
  to: row.to_date ?? undefined,
});

const toPerson = (
  row: PersonRow,
  uppdrag: StoredUppdrag[],
): StoredFortroendevald => ({
  id: row.id,
  name: row.name,
  party: row.party,
  email: row.email,
  phone: row.phone ?? undefined,
  photoUrl: row.photo_url ?? undefined,
  // pg returns integers of some column types as strings; this one is an integer, but be sure.
  version: Number(row.version),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  uppdrag,
});

function personColumns(fields: Partial<PersonFields>): Partial<PersonRow> {
  const columns: Partial<PersonRow> = {};
  if (fields.name !== undefined) {
    columns.name = fields.name;
    columns.search_name = foldForSearch(fields.name);
    columns.sort_key = swedishSortKey(fields.name);
  }
  if (fields.party !== undefined) columns.party = fields.party;
  if (fields.email !== undefined) columns.email = fields.email.toLowerCase();
  if ('phone' in fields) columns.phone = fields.phone ?? null;
  if ('photoUrl' in fields) columns.photo_url = fields.photoUrl ?? null;
  return columns;
}

function uppdragColumns(fields: Partial<UppdragFields>): Partial<UppdragRow> {
  const columns: Partial<UppdragRow> = {};
  if (fields.organ !== undefined) {
    columns.organ = fields.organ;
    columns.organ_key = foldForSearch(fields.organ);
  }
  if (fields.role !== undefined) columns.role = fields.role;
  if (fields.from !== undefined) columns.from_date = fields.from;
  if ('to' in fields) columns.to_date = fields.to ?? null;
  return columns;
}

function chunks<T>(values: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < values.length; i += BATCH) {
    result.push(values.slice(i, i + BATCH));
  }
  return result;
}

/** Restricts an uppdrag query (alias `u`) to terms with the given status on `today`. */
function whereTerm(
  query: Knex.QueryBuilder,
  term: TermFilter,
  today: IsoDate,
): void {
  switch (term) {
    case 'current':
      query
        .where('u.from_date', '<=', today)
        .where(q => q.whereNull('u.to_date').orWhere('u.to_date', '>=', today));
      break;
    case 'past':
      query.where('u.to_date', '<', today);
      break;
    case 'upcoming':
      query.where('u.from_date', '>', today);
      break;
    default:
      break;
  }
}

/** The knex implementation of {@link FortroendevaldStore}. */
export class KnexFortroendevaldStore implements FortroendevaldStore {
  static fromKnex(db: Knex): KnexFortroendevaldStore {
    return new KnexFortroendevaldStore(db);
  }

  private constructor(private readonly db: Knex) {}

  transaction<T>(fn: (tx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  async list(
    query: DirectoryQuery,
  ): Promise<{ items: StoredFortroendevald[]; totalCount: number }> {
    const filtered = this.db<PersonRow>(`${PEOPLE} as f`).where(q => {
      for (const word of foldForSearch(query.text ?? '').split(' ')) {
        if (word) {
          q.whereRaw("f.search_name like ? escape '\\'", [
            containsPattern(word),
          ]);
        }
      }
      if (query.party) {
        q.where('f.party', query.party);
      }
      // Organ, role and term are conditions on one and the same uppdrag: "ordförande in
      // Socialnämnden now", not "ordförande somewhere, once, and in Socialnämnden now".
      if (query.organ || query.role || query.term !== 'all') {
        q.whereExists(sub => {
          sub
            .select(this.db.raw('1'))
            .from(`${UPPDRAG} as u`)
            .whereRaw('u.fortroendevald_id = f.id');
          if (query.organ) {
            sub.where('u.organ_key', foldForSearch(query.organ));
          }
          if (query.role) {
            sub.where('u.role', query.role);
          }
          whereTerm(sub, query.term, query.today);
        });
      }
    });

    const [{ count }] = await filtered
      .clone()
      .count<Array<{ count: number | string }>>({ count: '*' });
    const rows = await filtered
      .select('f.*')
      .orderBy([
        { column: 'f.sort_key', order: 'asc' },
        { column: 'f.id', order: 'asc' },
      ])
      .limit(query.limit)
      .offset(query.offset);
    return {
      items: await this.withUppdrag(rows as PersonRow[]),
      totalCount: Number(count),
    };
  }

  async get(
    id: string,
    tx?: Knex.Transaction,
  ): Promise<StoredFortroendevald | undefined> {
    const row = await (tx ?? this.db)<PersonRow>(PEOPLE).where({ id }).first();
    if (!row) {
      return undefined;
    }
    const [person] = await this.withUppdrag([row], tx);
    return person;
  }

  async findByEmails(
    emails: string[],
    tx?: Knex.Transaction,
  ): Promise<StoredFortroendevald[]> {
    const db = tx ?? this.db;
    const rows: PersonRow[] = [];
    for (const batch of chunks([
      ...new Set(emails.map(e => e.toLowerCase())),
    ])) {
      rows.push(...(await db<PersonRow>(PEOPLE).whereIn('email', batch)));
    }
    return this.withUppdrag(rows, tx);
  }

  async findByIds(
    ids: string[],
    tx?: Knex.Transaction,
  ): Promise<StoredFortroendevald[]> {
    const db = tx ?? this.db;
    const rows: PersonRow[] = [];
    for (const batch of chunks([...new Set(ids)])) {
      rows.push(...(await db<PersonRow>(PEOPLE).whereIn('id', batch)));
    }
    return this.withUppdrag(rows, tx);
  }

  async uppdragInOrgans(
    organs: string[],
    tx?: Knex.Transaction,
  ): Promise<StoredUppdrag[]> {
    const db = tx ?? this.db;
    const keys = [...new Set(organs.map(foldForSearch))];
    const rows: UppdragRow[] = [];
    for (const batch of chunks(keys)) {
      rows.push(...(await db<UppdragRow>(UPPDRAG).whereIn('organ_key', batch)));
    }
    return rows.map(toUppdrag);
  }

  async currentDirectory(today: IsoDate): Promise<StoredFortroendevald[]> {
    const query = this.db(`${UPPDRAG} as u`)
      .join(`${PEOPLE} as f`, 'f.id', 'u.fortroendevald_id')
      .select<Array<UppdragRow & { person: string }>>(
        'u.*',
        this.db.raw('f.id as person'),
      )
      .orderBy([
        { column: 'f.sort_key', order: 'asc' },
        { column: 'f.id', order: 'asc' },
        { column: 'u.organ_key', order: 'asc' },
        { column: 'u.from_date', order: 'asc' },
      ]);
    whereTerm(query, 'current', today);
    const uppdragRows = await query;
    const ids = [...new Set(uppdragRows.map(row => row.person))];
    const people = new Map<string, PersonRow>();
    for (const batch of chunks(ids)) {
      for (const row of await this.db<PersonRow>(PEOPLE).whereIn('id', batch)) {
        people.set(row.id, row);
      }
    }
    return ids.map(id =>
      toPerson(
        people.get(id)!,
        uppdragRows.filter(u => u.person === id).map(toUppdrag),
      ),
    );
  }

  async facets(): Promise<StoredFacets> {
    const [organs, parties, roles] = await Promise.all([
      // One spelling per organ, whichever sorts first, should two ever differ in case only.
      this.db(UPPDRAG)
        .select('organ_key')
        .min<Array<{ organ_key: string; organ: string }>>({ organ: 'organ' })
        .groupBy('organ_key'),
      this.db(PEOPLE).distinct<Array<{ party: string }>>('party'),
      this.db(UPPDRAG).distinct<Array<{ role: string }>>('role'),
    ]);
    return {
      organs: organs
        .map(o => o.organ)
        .sort((a, b) => swedishSortKey(a).localeCompare(swedishSortKey(b))),
      parties: parties
        .map(p => p.party)
        .sort((a, b) => a.localeCompare(b, 'sv')),
      roles: roles.map(r => r.role),
    };
  }

  async isEmpty(tx?: Knex.Transaction): Promise<boolean> {
    const row = await (tx ?? this.db)(PEOPLE).select('id').first();
    return !row;
  }

  async insertPerson(
    tx: Knex.Transaction,
    person: PersonFields,
    at: string,
  ): Promise<string> {
    const id = randomUUID();
    await tx<PersonRow>(PEOPLE).insert({
      id,
      name: person.name,
      search_name: '',
      sort_key: '',
      party: person.party,
      email: person.email,
      phone: null,
      photo_url: null,
      ...personColumns(person),
      version: 1,
      created_at: at,
      updated_at: at,
    });
    return id;
  }

  async updatePersonIfVersion(
    tx: Knex.Transaction,
    id: string,
    expectedVersion: number,
    fields: Partial<PersonFields>,
    at: string,
  ): Promise<boolean> {
    const count = await tx<PersonRow>(PEOPLE)
      .where({ id, version: expectedVersion })
      .update({
        ...personColumns(fields),
        version: expectedVersion + 1,
        updated_at: at,
      });
    return count === 1;
  }

  async deletePersonIfVersion(
    tx: Knex.Transaction,
    id: string,
    expectedVersion: number,
  ): Promise<boolean> {
    // Uppdrag first: SQLite enforces ON DELETE CASCADE only with foreign keys switched on.
    const person = await tx<PersonRow>(PEOPLE)
      .where({ id, version: expectedVersion })
      .first('id');
    if (!person) {
      return false;
    }
    await tx(UPPDRAG).where({ fortroendevald_id: id }).delete();
    await tx(PEOPLE).where({ id, version: expectedVersion }).delete();
    return true;
  }

  async insertUppdrag(
    tx: Knex.Transaction,
    fortroendevaldId: string,
    uppdrag: UppdragFields[],
  ): Promise<string[]> {
    const rows = uppdrag.map(u => ({
      id: randomUUID(),
      fortroendevald_id: fortroendevaldId,
      to_date: null,
      ...uppdragColumns(u),
    }));
    if (rows.length) {
      await tx.batchInsert(UPPDRAG, rows, 100);
    }
    return rows.map(r => r.id);
  }

  async updateUppdrag(
    tx: Knex.Transaction,
    id: string,
    fields: Partial<UppdragFields>,
  ): Promise<void> {
    await tx<UppdragRow>(UPPDRAG).where({ id }).update(uppdragColumns(fields));
  }

  async deleteUppdrag(tx: Knex.Transaction, ids: string[]): Promise<void> {
    for (const batch of chunks(ids)) {
      await tx(UPPDRAG).whereIn('id', batch).delete();
    }
  }

  /** Attaches every uppdrag to the people, newest term first. */
  private async withUppdrag(
    rows: PersonRow[],
    tx?: Knex.Transaction,
  ): Promise<StoredFortroendevald[]> {
    const db = tx ?? this.db;
    const byPerson = new Map<string, StoredUppdrag[]>(
      rows.map(row => [row.id, []]),
    );
    for (const batch of chunks(rows.map(row => row.id))) {
      const uppdrag = await db<UppdragRow>(UPPDRAG)
        .whereIn('fortroendevald_id', batch)
        .orderBy([
          { column: 'from_date', order: 'desc' },
          { column: 'organ_key', order: 'asc' },
          { column: 'id', order: 'asc' },
        ]);
      for (const row of uppdrag) {
        byPerson.get(row.fortroendevald_id)?.push(toUppdrag(row));
      }
    }
    return rows.map(row => toPerson(row, byPerson.get(row.id) ?? []));
  }
}
