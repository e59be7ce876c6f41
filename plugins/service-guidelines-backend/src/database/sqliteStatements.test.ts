import { Knex } from 'knex';
import { createConfiguredTestDatabases } from '../__testUtils__/databases';
import {
  cachedStatement,
  insertRow,
  selectRows,
  SqliteConnection,
  SqliteStatement,
  STATEMENTS_PER_CONNECTION,
  withSqliteConnection,
} from './sqliteStatements';

// Setting up a database in beforeAll can outlast jest's 5 s while the whole suite runs in parallel.
jest.setTimeout(60_000);

/** A connection that counts what it prepares; its statements answer their own SQL. */
function countingConnection() {
  const prepared: string[] = [];
  const connection: SqliteConnection = {
    prepare: (sql: string): SqliteStatement => {
      prepared.push(sql);
      return { get: () => sql, run: () => sql, all: () => [sql] };
    },
    transaction: fn => fn,
  };
  return { connection, prepared };
}

describe('cachedStatement', () => {
  it('prepares each SQL once per connection', () => {
    const a = countingConnection();
    const b = countingConnection();
    const first = cachedStatement(a.connection, 'select 1');
    expect(cachedStatement(a.connection, 'select 1')).toBe(first);
    cachedStatement(a.connection, 'select 2');
    cachedStatement(b.connection, 'select 1');
    expect(a.prepared).toEqual(['select 1', 'select 2']);
    expect(b.prepared).toEqual(['select 1']);
  });

  it('keeps at most its bound, giving up the least recently used first', () => {
    const { connection, prepared } = countingConnection();
    const sql = (i: number) => `select ${i}`;
    for (let i = 0; i < STATEMENTS_PER_CONNECTION; i++) {
      cachedStatement(connection, sql(i));
    }
    // Used again: now the most recently used, so the next new one pushes out `select 1`.
    cachedStatement(connection, sql(0));
    cachedStatement(connection, sql(STATEMENTS_PER_CONNECTION));
    expect(prepared).toHaveLength(STATEMENTS_PER_CONNECTION + 1);

    cachedStatement(connection, sql(0));
    expect(prepared).toHaveLength(STATEMENTS_PER_CONNECTION + 1);
    cachedStatement(connection, sql(1));
    expect(prepared).toHaveLength(STATEMENTS_PER_CONNECTION + 2);
    expect(prepared.at(-1)).toBe(sql(1));
  });
});

describe('selectRows', () => {
  const databases = createConfiguredTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await knex.schema.createTable('things', table => {
        table.integer('id').primary();
        table.string('name');
        table.boolean('done');
      });
      await knex('things').insert([
        { id: 1, name: 'ett', done: true },
        { id: 2, name: 'två', done: false },
        { id: 3, name: 'tre', done: true },
      ]);
    });

    afterAll(async () => {
      await knex.destroy();
    });

    it('gives the rows knex gives, booleans bound as knex binds them', async () => {
      const query = () =>
        knex('things')
          .where('done', true)
          .whereIn('name', ['ett', 'tre', 'fyra'])
          .orderBy('id', 'desc')
          .select('id', 'name');
      expect(await selectRows(knex, query())).toEqual(await query());
      expect(await selectRows(knex, query())).toEqual([
        { id: 3, name: 'tre' },
        { id: 1, name: 'ett' },
      ]);
    });

    it("tells knex's query listeners of the query, as knex does", async () => {
      const heard: Array<{ sql: string; bindings: unknown[] }> = [];
      const listener = (q: { sql: string; bindings: unknown[] }) =>
        heard.push(q);
      knex.on('query', listener);
      try {
        await selectRows(knex, knex('things').where('id', 2).select('name'));
      } finally {
        knex.removeListener('query', listener);
      }
      expect(heard).toHaveLength(1);
      expect(heard[0].sql).toContain('things');
      expect(heard[0].bindings).toEqual([2]);
    });

    it('reads inside a transaction through the transaction', async () => {
      // On SQLite the transaction holds knex's only connection: taking another would wait.
      const seen = await knex.transaction(async tx => {
        await tx('things').insert({ id: 4, name: 'fyra', done: false });
        return selectRows<{ id: number }>(
          tx,
          tx('things').where('id', 4).select('id'),
        );
      });
      expect(seen).toEqual([{ id: 4 }]);
    });
  });
});

describe('insertRow', () => {
  const databases = createConfiguredTestDatabases();
  let knex: Knex;

  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    await knex.schema.createTable('rows', table => {
      table.integer('id').primary();
      table.string('name');
      table.boolean('done');
      table.integer('count');
      table.string('note').defaultTo('förvalt');
    });
  });

  afterAll(async () => {
    await knex.destroy();
  });

  it("stores what knex's insert stores: booleans, null and undefined, whatever the keys' order", async () => {
    const rows = [
      { id: 1, name: 'ett', done: true, count: 0, note: undefined },
      { note: null, count: 7, done: false, name: 'två', id: 2 },
      { id: 3, name: null, done: null, count: null, note: 'egen' },
    ];
    const insertBoth = async (row: (typeof rows)[number]) => {
      await knex('rows').insert({ ...row, id: row.id + 100 });
      await withSqliteConnection(knex, connection =>
        insertRow(knex, connection, 'rows', row),
      );
    };
    for (const row of rows) await insertBoth(row);
    const read = async (ids: number[]) =>
      (await knex('rows').whereIn('id', ids).orderBy('id')).map(
        ({ id, ...rest }) => ({ id: id % 100, ...rest }),
      );
    const written = await read([1, 2, 3]);
    expect(written).toEqual(await read([101, 102, 103]));
    expect(written[0]).toEqual({
      id: 1,
      name: 'ett',
      done: 1,
      count: 0,
      note: null,
    });
  });
});
