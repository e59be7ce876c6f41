import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { ensureWalMode, sqliteFileOf, startSqliteWorker } from './sqliteFile';

/**
 * The checkpointer's whole program, evaluated from this string so that it needs nothing copied
 * next to the bundle (as the report worker's). A PASSIVE checkpoint copies what it can of the
 * WAL into the database file and syncs it, waiting for no reader and no writer.
 */
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// timeout 0: never wait for a lock; a PASSIVE checkpoint copies what it can and returns.
const db = new Database(workerData.filename, { fileMustExist: true, timeout: 0 });
db.pragma('journal_size_limit = ' + workerData.walSizeLimit);
// A checkpoint that fails stops this thread: the backend checkpoints on its own again.
const checkpoint = () => {
  const [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
  return { walFrames: log, copiedFrames: checkpointed };
};
let last = '';
setInterval(() => {
  const progress = checkpoint();
  // Only what changed is posted: an idle backend gets no messages.
  if (progress.walFrames + '/' + progress.copiedFrames !== last) {
    last = progress.walFrames + '/' + progress.copiedFrames;
    parentPort.postMessage(progress);
  }
}, workerData.intervalMs);
// Asked by catchUp: a checkpoint now, answered with what it found.
parentPort.on('message', ({ request }) => {
  parentPort.postMessage({ ...checkpoint(), request });
});
parentPort.postMessage({ ready: true });
`;

/** How often the checkpointer copies the WAL into the database file. */
export const CHECKPOINT_INTERVAL_MS = 250;

/** SQLite's own default: the committing connection checkpoints once the WAL has this many pages. */
export const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/** The size the WAL file is cut back to when SQLite starts it over (64 MiB). */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * The longest a job waits between two batches for the checkpointer to catch up (see catchUp):
 * a report reading an older snapshot holds the copy back for as long as it reads.
 */
export const CATCH_UP_MAX_WAIT_MS = 2_000;

/** What the latest checkpoint found in the WAL, in frames (one page each). */
export interface CheckpointProgress {
  /** The frames in the WAL since it last started over. */
  walFrames: number;
  /** How many of them are copied into the database file. */
  copiedFrames: number;
}

/** A file's size in bytes; 0 when there is none. */
function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** What is set on a better-sqlite3 connection of the backend. */
interface PragmaConnection {
  pragma(source: string): unknown;
}

/**
 * Checkpoints the SQLite database file on a thread of its own, so that no request waits for
 * one. SQLite checkpoints by default on the connection that commits, once the WAL has 1,000
 * pages. While a report reads on its worker thread the WAL cannot start over, it stays above
 * that size, and every commit of the backend's one connection tries again; each time the readers
 * have moved on, one registration copies everything since and syncs the file, holding the event
 * loop for hundreds of milliseconds. Here the backend's connection never checkpoints while the
 * checkpointer runs; if it stops, the backend's connection takes over again with SQLite's
 * default.
 *
 * The price: SQLite starts the WAL over only when a writer begins and finds all of it copied
 * and no reader in it, and under a steady stream of writes, with checkpoints copying beside
 * them, a writer never finds that. The WAL then grows as long as the stream lasts (to 1.0-1.4
 * GB in the benchmark's 25 s at 350-520 registrations a second while reports ran) and starts
 * over, cut back to {@link WAL_SIZE_LIMIT_BYTES}, with the first write after it. Making it start
 * over during the stream (RESTART checkpoints, or the committing connection checkpointing past
 * a size) stalled registrations 400-800 ms each time in the same benchmark. The background jobs,
 * whose streams last far longer (keeping a million synpunkter's report facts grew the WAL to
 * 55 GB), wait between their batches until the checkpointer has caught up (see catchUp).
 */
export class SqliteCheckpointer {
  private running = true;
  private progress: CheckpointProgress | undefined;
  /** The answers awaited from the worker, by request number. */
  private readonly awaited = new Map<
    number,
    (progress: CheckpointProgress | undefined) => void
  >();
  private requests = 0;

  private constructor(
    private readonly db: Knex,
    private readonly worker: Worker,
    private readonly logger: LoggerService,
    private readonly walFile: string,
    private readonly walSizeLimitBytes: number,
    private readonly intervalMs: number,
  ) {}

  /** Starts checkpointing a database file in WAL mode; undefined for any other database. */
  static async start(
    db: Knex,
    logger: LoggerService,
    options: { intervalMs?: number; walSizeLimitBytes?: number } = {},
  ): Promise<SqliteCheckpointer | undefined> {
    const {
      intervalMs = CHECKPOINT_INTERVAL_MS,
      walSizeLimitBytes = WAL_SIZE_LIMIT_BYTES,
    } = options;
    const filename = sqliteFileOf(db);
    if (!filename || !(await ensureWalMode(db))) return undefined;
    const worker = startSqliteWorker(CHECKPOINTER_SOURCE, {
      filename,
      intervalMs,
      walSizeLimit: walSizeLimitBytes,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      });
    } catch (error) {
      // Checkpoints stay where SQLite puts them by default; the backend works as before.
      logger.warn(`The SQLite checkpointer did not start: ${error}`);
      return undefined;
    }
    const checkpointer = new SqliteCheckpointer(
      db,
      worker,
      logger,
      `${filename}-wal`,
      walSizeLimitBytes,
      intervalMs,
    );
    await checkpointer.handOver();
    return checkpointer;
  }

  /**
   * Between two batches of a background job: once the WAL has grown past its size limit, waits
   * until the checkpointer has copied all of it, so that the job's next write starts it over
   * (and cuts it back), for at most `maxWaitMs`. A job writes batch after batch for minutes, and
   * the WAL never starts over while it does (see the class).
   */
  async catchUp(maxWaitMs = CATCH_UP_MAX_WAIT_MS): Promise<void> {
    // The file is past the limit only while the WAL is: it is cut back as the WAL starts over.
    // (The checkpoints' reports are too old to tell: the batch just written is not in them.)
    if (!this.running || fileSize(this.walFile) <= this.walSizeLimitBytes) {
      return;
    }
    const until = Date.now() + maxWaitMs;
    for (;;) {
      const progress = await this.checkpointNow();
      if (
        progress === undefined ||
        progress.copiedFrames === progress.walFrames ||
        Date.now() >= until
      ) {
        return;
      }
      await sleep(Math.min(this.intervalMs, until - Date.now()));
    }
  }

  /** A checkpoint on the worker now; undefined once the checkpointer has stopped. */
  private checkpointNow(): Promise<CheckpointProgress | undefined> {
    if (!this.running) return Promise.resolve(undefined);
    const request = ++this.requests;
    return new Promise(resolve => {
      this.awaited.set(request, resolve);
      this.worker.postMessage({ request });
    });
  }

  /** Whether the checkpointer still checkpoints (false once it stopped or failed). */
  get isRunning(): boolean {
    return this.running;
  }

  /**
   * What the latest checkpoint found, once one has run: all of the WAL is copied when both
   * counts are equal, and the next write then starts the WAL over.
   */
  get lastCheckpoint(): CheckpointProgress | undefined {
    return this.progress;
  }

  /** Stops checkpointing; the backend's connection checkpoints on its own again. */
  async close(): Promise<void> {
    await this.takeBack();
    await this.worker.terminate();
  }

  private async handOver(): Promise<void> {
    const configure = (connection: PragmaConnection) => {
      if (!this.running) return;
      connection.pragma('wal_autocheckpoint = 0');
      connection.pragma(`journal_size_limit = ${this.walSizeLimitBytes}`);
    };
    this.worker.on('error', error => {
      this.logger.warn(
        `The SQLite checkpointer failed; the backend checkpoints on its own again: ${error}`,
      );
      void this.takeBack();
    });
    this.worker.on('exit', () => void this.takeBack());
    this.worker.on(
      'message',
      ({ request, ...progress }: CheckpointProgress & { request?: number }) => {
        this.progress = progress;
        if (request !== undefined) {
          this.awaited.get(request)?.(progress);
          this.awaited.delete(request);
        }
      },
    );
    // knex keeps one better-sqlite3 connection; a new one (after an error) is set up too.
    this.db.client.pool?.on(
      'createSuccess',
      (_id: unknown, connection: PragmaConnection) => configure(connection),
    );
    await this.db.raw('pragma wal_autocheckpoint = 0');
    await this.db.raw(`pragma journal_size_limit = ${this.walSizeLimitBytes}`);
  }

  private async takeBack(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    // No answer comes any more: no job waits for one.
    for (const answer of this.awaited.values()) answer(undefined);
    this.awaited.clear();
    try {
      await this.db.raw(
        `pragma wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`,
      );
    } catch (error) {
      // The database is closing with the backend: nothing is left to checkpoint for.
      this.logger.debug(`SQLite checkpointer: ${error}`);
    }
  }
}
