import { Knex } from 'knex';
import { SqliteConnection, withSqliteConnection } from './sqliteStatements';
import { WriteBatcher, WriteOutcome } from './WriteBatcher';

/** At most this many writes share a commit: the connection is held while they all run. */
export const MAX_WRITES_PER_COMMIT = 64;

/** A write of the connection, run synchronously on the driver. */
export type SqliteWrite<T> = (connection: SqliteConnection) => T;

/**
 * Runs the writes that arrive within one turn of the event loop in one SQLite transaction, each
 * in a savepoint of its own, so that they share one commit. A commit appends every page the
 * transaction changed to the WAL (no sync: a database opened in WAL mode runs with
 * `synchronous = NORMAL` in better-sqlite3's build). A registration changes some twenty pages
 * (its row, its history entry, a dozen indexes, the counter, the facts' queue), and registrations
 * in a row change many of the same ones (the newest leaves of the indexes by time and number, the
 * counter), so a shared commit writes those once. Under a stream of registrations the commit was
 * an eighth of the main thread's time. A write that throws rolls back its own savepoint and its caller gets the
 * error; the others commit. A write's caller hears of success only once the commit is done.
 *
 * Writes run synchronously on the driver, as SQLite's one writer should: nothing else of the
 * backend waits for a round trip while the transaction is open.
 */
export class SqliteGroupCommit {
  private readonly batcher: WriteBatcher<SqliteWrite<unknown>, unknown>;

  constructor(
    private readonly db: Knex,
    maxWritesPerCommit = MAX_WRITES_PER_COMMIT,
  ) {
    this.batcher = new WriteBatcher(
      writes => this.commit(writes),
      maxWritesPerCommit,
    );
  }

  /** Runs the write in the next shared commit; its result once that commit is done. */
  run<T>(write: SqliteWrite<T>): Promise<T> {
    return this.batcher.run(write) as Promise<T>;
  }

  /** Rejects when the transaction cannot begin or commit: then nothing of the batch is stored. */
  private commit(
    writes: SqliteWrite<unknown>[],
  ): Promise<WriteOutcome<unknown>[]> {
    return withSqliteConnection(this.db, connection =>
      connection.transaction(() =>
        writes.map((write): WriteOutcome<unknown> => {
          try {
            // Nested in a transaction, better-sqlite3 runs this in a savepoint.
            return {
              ok: true,
              result: connection.transaction(() => write(connection))(),
            };
          } catch (error) {
            return { ok: false, error };
          }
        }),
      )(),
    );
  }
}
