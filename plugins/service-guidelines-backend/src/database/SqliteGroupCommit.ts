import { Knex } from 'knex';
import { SqliteConnection, withSqliteConnection } from './sqliteStatements';

/** At most this many writes share a commit: the connection is held while they all run. */
export const MAX_WRITES_PER_COMMIT = 64;

/** A write of the connection, run synchronously on the driver. */
export type SqliteWrite<T> = (connection: SqliteConnection) => T;

interface Waiting {
  write: SqliteWrite<unknown>;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; result: unknown } | { ok: false; error: unknown };

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
  private waiting: Waiting[] = [];
  private scheduled = false;
  private committing = false;

  constructor(
    private readonly db: Knex,
    private readonly maxWritesPerCommit = MAX_WRITES_PER_COMMIT,
  ) {}

  /** Runs the write in the next shared commit; its result once that commit is done. */
  run<T>(write: SqliteWrite<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        write,
        resolve: resolve as (result: unknown) => void,
        reject,
      });
      this.schedule();
    });
  }

  private schedule() {
    // While a commit waits for the connection, what arrives waits for the next one.
    if (this.scheduled || this.committing || this.waiting.length === 0) return;
    this.scheduled = true;
    // After the I/O of this turn: every request read in it has had its chance to queue a write.
    setImmediate(() => {
      this.scheduled = false;
      this.committing = true;
      const batch = this.waiting.splice(0, this.maxWritesPerCommit);
      void this.commit(batch).finally(() => {
        this.committing = false;
        this.schedule();
      });
    });
  }

  private async commit(batch: Waiting[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await withSqliteConnection(this.db, connection =>
        connection.transaction(() =>
          batch.map(({ write }): Outcome => {
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
    } catch (error) {
      // The transaction could not begin or commit: nothing of the batch is stored.
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) waiting.resolve(outcome.result);
      else waiting.reject(outcome.error);
    });
  }
}
