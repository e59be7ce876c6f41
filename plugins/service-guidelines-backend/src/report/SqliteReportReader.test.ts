import { sqliteFileKnex } from '../__testUtils__/databases';
import { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { KnexOrganisationStore } from '../database/OrganisationStore';
import { loadReportFixture, SKOLAN } from './__testUtils__/reportFixture';
import { ReportService } from './ReportService';
import { ReportStore } from './ReportStore';
import { SqliteReportReader } from './SqliteReportReader';

jest.setTimeout(60_000);

function serviceOn(knex: Knex, store: ReportStore) {
  return new ReportService({
    store,
    organisation: new KnexOrganisationStore(knex),
    settings: {
      delar: { from: '01-01', to: '08-31' },
      improvementsPageSize: 2,
    },
    areas: [{ id: 'utbildning', title: 'Förskola och skola' }],
    organisationName: 'Testkommunen',
    clock: () => new Date('2026-11-24T10:00:00Z'),
  });
}

describe('SqliteReportReader', () => {
  let dir: string;
  let knex: Knex;
  let reader: SqliteReportReader | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sg-report-reader-'));
    knex = sqliteFileKnex(join(dir, 'service-guidelines.sqlite'));
    await loadReportFixture(knex);
    reader = await SqliteReportReader.create(knex);
  });

  afterAll(async () => {
    await reader?.close();
    await knex.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads with SQLite's small page cache, not the driver's 16 MB, on every connection", async () => {
    const cacheSize = [{ cache_size: -2000 }];
    expect(await reader!.query(knex, 'pragma cache_size', {})).toEqual(
      cacheSize,
    );
    const cursor: unknown[] = [];
    for await (const row of reader!.stream(knex, 'pragma cache_size', {})) {
      cursor.push(row);
    }
    expect(cursor).toEqual(cacheSize);
    // The backend's own connection keeps the driver's default.
    expect(await knex.raw('pragma cache_size')).toEqual([
      { cache_size: -16000 },
    ]);
  });

  it('switches a database file to WAL and reads it with named bindings', async () => {
    expect(reader).toBeDefined();
    expect(await knex.raw('pragma journal_mode')).toEqual([
      { journal_mode: 'wal' },
    ]);
    const rows = await reader!.query<{ n: number }>(
      knex,
      `select count(*) as n from synpunkter where unit_ref = :unit and type = :type`,
      { unit: SKOLAN, type: 'klagomal' },
    );
    const expected = await knex('synpunkter')
      .where({ unit_ref: SKOLAN, type: 'klagomal' })
      .count({ n: '*' })
      .first();
    expect(Number(expected?.n)).toBeGreaterThan(0);
    expect(rows).toEqual([{ n: Number(expected?.n) }]);
  });

  it('gives the same reports and exports as the queries on the main thread', async () => {
    const onMain = serviceOn(knex, new ReportStore(knex));
    const onWorker = serviceOn(knex, new ReportStore(knex, reader));
    const query = { period: 'helar' as const, year: 2026 };

    const [main, worker] = await Promise.all([
      onMain.prepare(query, 'all'),
      onWorker.prepare(query, 'all'),
    ]);
    const all = async (service: ReportService, prepared: typeof main) => {
      const items = [];
      for await (const item of service.improvements(prepared.selection))
        items.push(item);
      return items;
    };

    expect(worker.report).toEqual(main.report);
    expect(worker.report.total.current.antal).toBeGreaterThan(0);
    expect(await all(onWorker, worker)).toEqual(await all(onMain, main));
  });

  // A million numbers, computed as they are read: holding them all would take seconds and
  // hundreds of MiB.
  const MILLION = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
    SELECT i FROM n`;

  it('streams the rows of one statement in batches, as they are asked for', async () => {
    const answers = jest.spyOn(Worker.prototype, 'emit');
    const batchesReceived = () =>
      answers.mock.calls.filter(([event]) => event === 'message').length;
    try {
      const before = batchesReceived();
      const rows = reader!.stream<{ i: number }>(knex, MILLION, {}, 100);
      const first = await rows.next();
      expect(first.value).toEqual({ i: 1 });
      // A worker that ignored the reader's pace would send thousands of batches meanwhile.
      await new Promise(resolve => setTimeout(resolve, 300));
      expect(batchesReceived() - before).toBeGreaterThanOrEqual(1);
      expect(batchesReceived() - before).toBeLessThanOrEqual(2);
      await rows.return(undefined);
    } finally {
      answers.mockRestore();
    }
    // Stopping early closed the cursor: the reader answers other queries.
    expect(await reader!.query(knex, 'select 1 as one', {})).toEqual([
      { one: 1 },
    ]);
  });

  it('streams the same rows as a query reads at once', async () => {
    const sql =
      'SELECT id, type FROM synpunkter WHERE unit_ref = :unit ORDER BY id';
    const streamed = [];
    for await (const row of reader!.stream(knex, sql, { unit: SKOLAN }, 2)) {
      streamed.push(row);
    }
    expect(streamed.length).toBeGreaterThan(2);
    expect(streamed).toEqual(await reader!.query(knex, sql, { unit: SKOLAN }));
  });

  it('keeps answering queries while a stream waits for its reader', async () => {
    const rows = reader!.stream<{ i: number }>(knex, MILLION, {}, 10);
    await rows.next();
    expect(await reader!.query(knex, 'select 2 as two', {})).toEqual([
      { two: 2 },
    ]);
    expect((await rows.next()).value).toEqual({ i: 2 });
    await rows.return(undefined);
  });

  it('passes a failing stream on as an error', async () => {
    const rows = reader!.stream(knex, 'select * from no_such_table', {});
    await expect(rows.next()).rejects.toThrow(/no such table/);
  });

  it('passes a failing query on as an error', async () => {
    await expect(
      reader!.query(knex, 'select * from no_such_table', {}),
    ).rejects.toThrow(/no such table/);
  });

  it('is not used for an in-memory database', async () => {
    const memory = sqliteFileKnex(':memory:');
    try {
      expect(await SqliteReportReader.create(memory)).toBeUndefined();
    } finally {
      await memory.destroy();
    }
  });
});
