import { Knex } from 'knex';
import { Worker } from 'node:worker_threads';

/**
 * The worker's whole program. It is evaluated from this string rather than loaded from a file so
 * that it needs nothing copied next to the bundle; it opens the database file read-only with the
 * same driver the backend uses and answers one query at a time.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename, { readonly: true, fileMustExist: true });
parentPort.on('message', ({ id, sql, bindings }) => {
  try {
    parentPort.postMessage({ id, rows: db.prepare(sql).all(...bindings) });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

type Pending = {
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
};

/**
 * Runs the report queries of an SQLite database file on a worker thread. better-sqlite3 is
 * synchronous, so a report over a million synpunkter run on the main thread stops every other
 * request for seconds; on its own thread with its own read-only connection it does not. Needs
 * the database in WAL mode, where a reader never blocks the writer (and the writer never blocks
 * the reader); {@link SqliteReportReader.create} switches it and gives up (undefined: query on the
 * main thread as before) for an in-memory database or one that stays in another journal mode.
 */
export class SqliteReportReader {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  private constructor(private readonly filename: string) {}

  static async create(db: Knex): Promise<SqliteReportReader | undefined> {
    const client = String(db.client.config.client);
    const connection = db.client.config.connection as
      | { filename?: string }
      | undefined;
    const filename = connection?.filename;
    if (
      client !== 'better-sqlite3' ||
      !filename ||
      filename === ':memory:' ||
      filename.startsWith('file:')
    ) {
      return undefined;
    }
    const result = await db.raw('pragma journal_mode = wal');
    const mode = Array.isArray(result)
      ? (result[0] as { journal_mode?: string } | undefined)?.journal_mode
      : undefined;
    return mode === 'wal' ? new SqliteReportReader(filename) : undefined;
  }

  /** The rows of a query, compiled by knex to positional bindings, read on the worker. */
  query<T>(db: Knex, sql: string, bindings: Record<string, unknown>) {
    const compiled = db
      .raw(sql, bindings as Knex.ValueDict)
      .toSQL()
      .toNative();
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<T[]>((resolve, reject) => {
      this.pending.set(id, {
        resolve: rows => resolve(rows as T[]),
        reject,
      });
      worker.postMessage({
        id,
        sql: compiled.sql,
        bindings: compiled.bindings,
      });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: require.resolve('better-sqlite3'),
        filename: this.filename,
      },
    });
    // A worker waiting for work must not keep the backend from shutting down.
    worker.unref();
    worker.on(
      'message',
      (message: { id: number; rows?: unknown[]; error?: string }) => {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (message.error !== undefined) {
          waiting.reject(new Error(message.error));
        } else {
          waiting.resolve(message.rows ?? []);
        }
      },
    );
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', code => {
      if (code !== 0) {
        fail(new Error(`The SQLite report worker stopped with code ${code}`));
      } else if (this.worker === worker) {
        this.worker = undefined;
      }
    });
    this.worker = worker;
    return worker;
  }
}
