import { Knex } from 'knex';
import { Worker } from 'node:worker_threads';
import {
  ensureWalMode,
  sqliteFileOf,
  startSqliteWorker,
} from '../database/sqliteFile';

/**
 * The worker's whole program. It is evaluated from this string rather than loaded from a file so
 * that it needs nothing copied next to the bundle; it opens the database file read-only with the
 * same driver the backend uses and answers one query at a time.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// SQLite's own default page cache (2 MB) instead of the driver's 16 MB: a report reads each
// page of the kept facts about once, so a bigger cache buys nothing, and every connection here
// (one, and one per open cursor) would hold it on top of the backend's own. Exports measured
// the same with either on the bench's million (CSV 13.2 s with 2 MB, 13.5 s with 16 MB).
const open = () => {
  const db = new Database(workerData.filename, { readonly: true, fileMustExist: true });
  db.pragma('cache_size = -2000');
  return db;
};
const db = open();
// Open cursors by request id. Each has a connection of its own: better-sqlite3 refuses any other
// statement on a connection while one of its iterators is open, and a cursor stays open as long
// as its reader is slow.
const cursors = new Map();
function closeCursor(id) {
  const cursor = cursors.get(id);
  if (!cursor) return;
  cursors.delete(id);
  try { cursor.rows.return(); } finally { cursor.db.close(); }
}
function sendBatch(id) {
  const cursor = cursors.get(id);
  if (!cursor) return;
  const rows = [];
  let done = false;
  while (rows.length < cursor.batchSize) {
    const next = cursor.rows.next();
    if (next.done) { done = true; break; }
    rows.push(next.value);
  }
  if (done) closeCursor(id);
  parentPort.postMessage({ id, rows, done });
}
parentPort.on('message', message => {
  const { id } = message;
  try {
    if (message.close) {
      closeCursor(id);
    } else if (message.more) {
      sendBatch(id);
    } else if (message.batchSize) {
      const cursorDb = open();
      try {
        const rows = cursorDb.prepare(message.sql).iterate(...message.bindings);
        cursors.set(id, { db: cursorDb, rows, batchSize: message.batchSize });
      } catch (error) {
        cursorDb.close();
        throw error;
      }
      sendBatch(id);
    } else {
      parentPort.postMessage({ id, rows: db.prepare(message.sql).all(...message.bindings) });
    }
  } catch (error) {
    try { closeCursor(id); } catch {}
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
`;

/** What the worker answers: all rows of a query, or the next batch of a cursor. */
type Answer = { rows: unknown[]; done?: boolean };

type Pending = {
  resolve: (answer: Answer) => void;
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
    const filename = sqliteFileOf(db);
    if (!filename) return undefined;
    return (await ensureWalMode(db))
      ? new SqliteReportReader(filename)
      : undefined;
  }

  /** The rows of a query, compiled by knex to positional bindings, read on the worker. */
  async query<T>(
    db: Knex,
    sql: string,
    bindings: Record<string, unknown>,
  ): Promise<T[]> {
    const id = this.nextId++;
    const answer = await this.ask(id, { id, ...compile(db, sql, bindings) });
    return answer.rows as T[];
  }

  /**
   * The rows of a query as they are read, from one statement on the worker (a cursor,
   * `iterate()`), a batch at a time: the worker reads the next batch while this one is being
   * consumed and then waits to be asked again, so that at most two batches are in memory however
   * many rows there are, and a slow reader (a download) slows the reading down. Stopping early
   * (`return()`, a `break` out of `for await`) closes the cursor.
   */
  async *stream<T>(
    db: Knex,
    sql: string,
    bindings: Record<string, unknown>,
    batchSize = 1_000,
  ): AsyncGenerator<T> {
    const id = this.nextId++;
    let next = this.ask(id, { id, batchSize, ...compile(db, sql, bindings) });
    let done = false;
    try {
      while (!done) {
        const batch = await next;
        done = batch.done === true;
        if (!done) next = this.ask(id, { id, more: true });
        yield* batch.rows as T[];
      }
    } finally {
      if (!done) {
        // The batch asked for ahead is not wanted; the worker answers it before it closes.
        next.catch(() => {});
        this.worker?.postMessage({ id, close: true });
      }
    }
  }

  private ask(id: number, message: object): Promise<Answer> {
    const worker = this.ensureWorker();
    return new Promise<Answer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(message);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startSqliteWorker(WORKER_SOURCE, {
      filename: this.filename,
    });
    worker.on(
      'message',
      (message: {
        id: number;
        rows?: unknown[];
        done?: boolean;
        error?: string;
      }) => {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (message.error !== undefined) {
          waiting.reject(new Error(message.error));
        } else {
          waiting.resolve({ rows: message.rows ?? [], done: message.done });
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

/** A query with named bindings as SQLite's positional ones. */
function compile(db: Knex, sql: string, bindings: Record<string, unknown>) {
  const compiled = db
    .raw(sql, bindings as Knex.ValueDict)
    .toSQL()
    .toNative();
  return { sql: compiled.sql, bindings: compiled.bindings };
}
