import { mockServices } from '@backstage/backend-test-utils';
import { sqliteFileKnex } from '../__testUtils__/databases';
import { Knex } from 'knex';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SqliteCheckpointer,
  SQLITE_DEFAULT_AUTOCHECKPOINT,
  WAL_SIZE_LIMIT_BYTES,
} from './SqliteCheckpointer';

jest.setTimeout(60_000);

async function pragma(knex: Knex, name: string): Promise<number> {
  const [row] = (await knex.raw(`pragma ${name}`)) as Array<
    Record<string, number>
  >;
  return Number(Object.values(row)[0]);
}

/** About 2 MB of rows, one insert each (committed one by one outside a transaction). */
async function writeRows(knex: Knex | Knex.Transaction, from: number) {
  for (let i = from; i < from + 500; i++) {
    await knex('notes').insert({ id: i, text: 'x'.repeat(4000) });
  }
}

async function sizeAfter(file: string, ms: number, atLeast: number) {
  const until = Date.now() + ms;
  while (Date.now() < until && statSync(file).size < atLeast) {
    await new Promise(r => setTimeout(r, 50));
  }
  return statSync(file).size;
}

/** Waits until the checkpointer reports all of a WAL of at least `frames` frames copied. */
async function copiedAll(checkpointer: SqliteCheckpointer, frames: number) {
  const until = Date.now() + 10_000;
  const done = () => {
    const progress = checkpointer.lastCheckpoint;
    return (
      progress !== undefined &&
      progress.walFrames >= frames &&
      progress.copiedFrames === progress.walFrames
    );
  };
  while (!done() && Date.now() < until) {
    await new Promise(r => setTimeout(r, 20));
  }
  return checkpointer.lastCheckpoint;
}

describe('SqliteCheckpointer', () => {
  let dir: string;
  let file: string;
  let knex: Knex;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sg-checkpointer-'));
    file = join(dir, 'service-guidelines.sqlite');
    knex = sqliteFileKnex(file);
    await knex.schema.createTable('notes', table => {
      table.integer('id').primary();
      table.text('text');
    });
  });

  afterEach(async () => {
    await knex.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("copies the WAL into the database file on its own thread, the backend's connection never", async () => {
    const checkpointer = await SqliteCheckpointer.start(
      knex,
      mockServices.logger.mock(),
      { intervalMs: 50 },
    );
    try {
      expect(checkpointer?.isRunning).toBe(true);
      expect(await knex.raw('pragma journal_mode')).toEqual([
        { journal_mode: 'wal' },
      ]);
      expect(await pragma(knex, 'wal_autocheckpoint')).toBe(0);
      expect(await pragma(knex, 'journal_size_limit')).toBe(
        WAL_SIZE_LIMIT_BYTES,
      );
      const before = statSync(file).size;
      await writeRows(knex, 0);
      expect(await sizeAfter(file, 5_000, before + 1_000_000)).toBeGreaterThan(
        before + 1_000_000,
      );
    } finally {
      await checkpointer?.close();
    }
  });

  it('leaves the file as it is without the checkpointer once the connection does not checkpoint (the test above is not vacuous)', async () => {
    await knex.raw('pragma journal_mode = wal');
    await knex.raw('pragma wal_autocheckpoint = 0');
    const before = statSync(file).size;
    await writeRows(knex, 0);
    expect(await sizeAfter(file, 1_000, before + 1_000_000)).toBeLessThan(
      before + 1_000_000,
    );
  });

  it('starts the WAL over, cut back to its limit, with the first write after a burst', async () => {
    const limit = 256 * 1024;
    const checkpointer = await SqliteCheckpointer.start(
      knex,
      mockServices.logger.mock(),
      { intervalMs: 50, walSizeLimitBytes: limit },
    );
    try {
      // One commit of 2 MB: the WAL cannot start over in the middle of it.
      await knex.transaction(tx => writeRows(tx, 0));
      // The burst is copied into the file; the WAL is still as large as the burst made it.
      const progress = await copiedAll(checkpointer!, 500);
      expect(progress?.copiedFrames).toBe(progress?.walFrames);
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(2_000_000);
      await knex('notes').insert({ id: 10_000, text: 'efter' });
      expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(limit);
    } finally {
      await checkpointer?.close();
    }
  });

  /**
   * A job's stream of writes: `batches` commits of 64 rows (about 256 KB) each, one right after
   * the other, waiting for `between` after each; returns the WAL file's largest size after one.
   */
  async function stream(
    batches: number,
    between?: () => Promise<void>,
    firstBatch = 0,
  ) {
    let largest = 0;
    for (let batch = firstBatch; batch < firstBatch + batches; batch++) {
      await knex.transaction(async tx => {
        for (let i = 0; i < 64; i++) {
          await tx('notes').insert({
            id: batch * 64 + i,
            text: 'x'.repeat(4000),
          });
        }
      });
      largest = Math.max(largest, statSync(`${file}-wal`).size);
      await between?.();
    }
    return largest;
  }

  describe('between the batches of a job', () => {
    const limit = 256 * 1024;
    let checkpointer: SqliteCheckpointer;

    beforeEach(async () => {
      checkpointer = (await SqliteCheckpointer.start(
        knex,
        mockServices.logger.mock(),
        { intervalMs: 50, walSizeLimitBytes: limit },
      ))!;
    });

    afterEach(() => checkpointer.close());

    it('lets the WAL start over during a job that waits for it to catch up between its batches', async () => {
      const largest = await stream(24, () => checkpointer.catchUp());
      // Past its limit by a batch or two, then started over: not the 6 MB written.
      expect(largest).toBeGreaterThan(limit);
      expect(largest).toBeLessThan(limit + 600_000);
    });

    it('lets the WAL grow through a job that does not wait (the test above is not vacuous)', async () => {
      expect(await stream(24)).toBeGreaterThan(8 * limit);
    });

    it('stops waiting for the copy after the longest wait while a reader holds it back', async () => {
      const reader = sqliteFileKnex(file);
      try {
        await stream(1);
        // A report reading a snapshot from before the next batches: they cannot be copied.
        await reader.raw('BEGIN');
        await reader('notes').count({ n: '*' });
        await stream(2, undefined, 1);
        // Once the checkpointer has seen them, and copied what it could:
        const until = Date.now() + 10_000;
        while (
          (checkpointer.lastCheckpoint?.walFrames ?? 0) <= 128 &&
          Date.now() < until
        ) {
          await new Promise(r => setTimeout(r, 20));
        }
        // Resolves, though the copy stays behind (without the longest wait it never would).
        await checkpointer.catchUp(300);
        const progress = checkpointer.lastCheckpoint;
        expect(progress!.walFrames).toBeGreaterThan(128);
        expect(progress!.copiedFrames).toBeLessThan(progress!.walFrames);
      } finally {
        await reader.raw('ROLLBACK');
        await reader.destroy();
      }
    });
  });

  it("gives checkpoints back to the backend's connection when it stops", async () => {
    const checkpointer = await SqliteCheckpointer.start(
      knex,
      mockServices.logger.mock(),
    );
    await checkpointer!.close();
    expect(checkpointer!.isRunning).toBe(false);
    expect(await pragma(knex, 'wal_autocheckpoint')).toBe(
      SQLITE_DEFAULT_AUTOCHECKPOINT,
    );
    // The connection checkpoints on its own again: the file takes the rows.
    const before = statSync(file).size;
    await writeRows(knex, 0);
    expect(statSync(file).size).toBeGreaterThan(before + 1_000_000);
  });

  it('does nothing for a database in memory', async () => {
    const memory = sqliteFileKnex(':memory:');
    try {
      expect(
        await SqliteCheckpointer.start(memory, mockServices.logger.mock()),
      ).toBeUndefined();
      expect(await pragma(memory, 'wal_autocheckpoint')).toBe(
        SQLITE_DEFAULT_AUTOCHECKPOINT,
      );
    } finally {
      await memory.destroy();
    }
  });
});
