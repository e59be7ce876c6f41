import { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteFileKnex } from '../__testUtils__/databases';
import { SqliteGroupCommit } from './SqliteGroupCommit';
import { SqliteConnection } from './sqliteStatements';

jest.setTimeout(60_000);

describe('SqliteGroupCommit', () => {
  let dir: string;
  let knex: Knex;
  let outsideKnex: Knex;
  /** Another connection to the same file: it sees only what is committed. */
  let outside: SqliteConnection;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sg-group-commit-'));
    const file = join(dir, 'service-guidelines.sqlite');
    knex = sqliteFileKnex(file);
    await knex.raw('pragma journal_mode = wal');
    await knex.schema.createTable('parents', table => {
      table.integer('id').primary();
    });
    await knex.raw(`create table notes (
      id integer primary key,
      text text not null,
      parent_id integer references parents (id) deferrable initially deferred)`);
    outsideKnex = sqliteFileKnex(file);
    outside = await outsideKnex.client.acquireConnection();
  });

  afterEach(async () => {
    await outsideKnex.client.releaseConnection(outside);
    await outsideKnex.destroy();
    await knex.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const committedIds = () =>
    outside
      .prepare('select id from notes order by id')
      .all()
      .map(row => (row as { id: number }).id);

  /** Inserts a note; returns the notes committed as it ran, as another connection sees them. */
  const insertNote =
    (id: number, text: string | null = 'x', parentId: number | null = null) =>
    (connection: SqliteConnection) => {
      connection
        .prepare('insert into notes (id, text, parent_id) values (?, ?, ?)')
        .run(id, text, parentId);
      return { id, committedWhileWriting: committedIds() };
    };

  it('commits the writes of one turn together, and answers each once they are committed', async () => {
    const group = new SqliteGroupCommit(knex);
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map(id => group.run(insertNote(id))),
    );
    // Nothing was committed while any of them ran: one transaction held all five.
    expect(answers).toEqual(
      [1, 2, 3, 4, 5].map(id => ({ id, committedWhileWriting: [] })),
    );
    expect(committedIds()).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives the error to the write that failed alone; the others commit, its changes do not', async () => {
    const group = new SqliteGroupCommit(knex);
    const failing = (connection: SqliteConnection) => {
      insertNote(3)(connection);
      // Not null: fails after the write above, which its savepoint takes back.
      return insertNote(4, null)(connection);
    };
    const results = await Promise.allSettled([
      group.run(insertNote(1)),
      group.run(insertNote(2)),
      group.run(failing),
      group.run(insertNote(5)),
    ]);
    expect(results.map(result => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(String((results[2] as PromiseRejectedResult).reason)).toContain(
      'NOT NULL constraint failed: notes.text',
    );
    expect(committedIds()).toEqual([1, 2, 5]);
  });

  it('stores nothing of a batch whose commit fails, and tells every writer', async () => {
    const group = new SqliteGroupCommit(knex);
    // The missing parent is found at commit: the foreign key is deferred.
    const results = await Promise.allSettled([
      group.run(insertNote(1)),
      group.run(insertNote(2, 'x', 99)),
    ]);
    expect(results.map(result => result.status)).toEqual([
      'rejected',
      'rejected',
    ]);
    expect(String((results[0] as PromiseRejectedResult).reason)).toContain(
      'FOREIGN KEY constraint failed',
    );
    expect(committedIds()).toEqual([]);
    // The connection is usable again, with no transaction left open.
    await expect(group.run(insertNote(3))).resolves.toMatchObject({ id: 3 });
    expect(committedIds()).toEqual([3]);
  });

  it('commits at most its bound of writes at once, and those that arrive meanwhile after those already waiting', async () => {
    const group = new SqliteGroupCommit(knex, 2);
    const later: Array<Promise<{ committedWhileWriting: number[] }>> = [];
    const first = [1, 2, 3, 4, 5].map(id =>
      group.run(connection => {
        const answer = insertNote(id)(connection);
        // Arrives while the first commit runs.
        if (id === 1) later.push(group.run(insertNote(6)));
        return answer;
      }),
    );
    const answers = await Promise.all(first);
    expect(answers.map(answer => answer.committedWhileWriting)).toEqual([
      [],
      [],
      [1, 2],
      [1, 2],
      [1, 2, 3, 4],
    ]);
    // In the order they came: after the three already waiting, with the last of them.
    expect((await Promise.all(later))[0].committedWhileWriting).toEqual([
      1, 2, 3, 4,
    ]);
    expect(committedIds()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
