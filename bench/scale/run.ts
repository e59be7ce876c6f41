/*
 * The scale benchmark of issue #10: generates the data (unless --reuse), starts the real backend
 * against SQLite and then PostgreSQL, drives it over HTTP with wrk, and writes the figures with
 * their goals and baselines to bench/results/scale-<suite>.json and .md.
 *
 * Run from the repository root (README, "Benchmarks"):
 *
 *   yarn bench:scale          # 1,000,000 synpunkter, both databases, about 30 minutes
 *   yarn bench:quick          # 20,000 synpunkter, short runs: proves the scripts work
 *
 * Options: --suite full|quick, --rows N, --db sqlite,pg, --seconds S (load duration),
 * --reuse (keep the suite's generated databases from an earlier run), --heap-mib M (the
 * backend's V8 old-space limit, default 384), --semi-space-mib S (its young generation's
 * semi-spaces, default 16). SG_BENCH_NODE_OPTIONS in the environment adds node flags to
 * the backend, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it under the loads.
 * Needs wrk (`apt-get install wrk`) and, for PostgreSQL, the local server on 127.0.0.1:5432.
 */

import http from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ConfigReader } from '@backstage/config';
import { stockholmDateOf } from '@service-guidelines/plugin-service-guidelines-common';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { ReportFactsKeeper } from '../../plugins/service-guidelines-backend/src/report/ReportFactsKeeper';
import { ReportStore } from '../../plugins/service-guidelines-backend/src/report/ReportStore';
import {
  deadlineCutoffOf,
  endInstantOf,
  resolvePeriods,
} from '../../plugins/service-guidelines-backend/src/report/period';
import { readReportSettings } from '../../plugins/service-guidelines-backend/src/report/settings';
import { encodeCursor } from '../../plugins/service-guidelines-backend/src/service/synpunkter/SynpunktService';
import {
  API,
  HeapLimits,
  RunningBackend,
  rssMiB,
  startBackend,
  tokenFor,
} from './backend';
import { argValue } from './args';
import {
  BenchDatabase,
  parseDatabase,
  pluginKnex,
  REPO_ROOT,
  sqliteDir,
} from './databases';
import { generate } from './generate';
import { prepareProductionBackend } from './productionBuild';
import { markdown } from './markdown';
import { LoadResult, wrk, wrkVersion } from './wrk';
import { commitDescription, machineDescription } from '../provenance';

const REGISTRAR = 'erik.lindqvist';
const CHEF = 'lars.nilsson';
const CHEF_UNIT = 'group:default/utbildningsforvaltningen';
const REPORT_READER = 'karin.berg';
/** An administrator: the only role that sees the gallring preview. */
const ADMIN = 'sara.ek';
const NAMND = 'group:default/barn-och-utbildningsnamnden';
/** The scope of a report with no unit chosen: the organisation's root and all below it. */
const KOMMUN = 'group:default/varmdo-kommun';
const PAGE = 50;

interface Options {
  suite: string;
  rows: number;
  dbs: BenchDatabase[];
  seconds: number;
  warmupSeconds: number;
  samples: number;
  /** The backend's V8 heap limits, as a production deployment sets them. */
  heap: HeapLimits;
  reuse: boolean;
  /** `exports`: measure the exports again and put them into the suite's last results. */
  only?: 'exports';
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => argValue(argv, name);
  const suite = value('suite') ?? 'full';
  const quick = suite === 'quick';
  return {
    suite,
    rows: Number(value('rows') ?? (quick ? 20_000 : 1_000_000)),
    dbs: (value('db') ?? 'sqlite,pg').split(',').map(parseDatabase),
    seconds: Number(value('seconds') ?? (quick ? 3 : 30)),
    warmupSeconds: quick ? 1 : 5,
    samples: Number(value('samples') ?? (quick ? 3 : 10)),
    reuse: argv.includes('--reuse') || value('only') === 'exports',
    only: value('only') === 'exports' ? 'exports' : undefined,
    heap: {
      oldSpaceMiB: Number(value('heap-mib') ?? 384),
      semiSpaceMiB: Number(value('semi-space-mib') ?? 16),
    },
  };
}

const round = (n: number, digits = 1) =>
  Math.round(n * 10 ** digits) / 10 ** digits;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

interface Timed {
  ms: number;
  firstByteMs: number;
  bytes: number;
  status: number;
}

/**
 * One request on a connection of its own (no keep-alive: a report sample can outlast the
 * server's idle timeout, and a reused connection closed meanwhile fails the request), timed to
 * its first byte and to its last.
 */
function request(
  url: string,
  token: string,
  init: { method?: string; body?: string } = {},
): Promise<Timed & { text: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: init.method ?? 'GET',
        agent: false,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(init.body !== undefined
            ? { 'Content-Type': 'application/json' }
            : {}),
        },
      },
      res => {
        const firstByteMs = performance.now() - started;
        let bytes = 0;
        // Only small answers are kept as text; an export is counted, not held.
        const kept: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes <= 1024 * 1024) kept.push(chunk);
        });
        res.on('end', () =>
          resolve({
            ms: performance.now() - started,
            firstByteMs,
            bytes,
            status: res.statusCode ?? 0,
            text: Buffer.concat(kept).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

async function timedGet(url: string, token: string): Promise<Timed> {
  const { text: _text, ...timed } = await request(url, token);
  return timed;
}

async function expectOk(
  url: string,
  token: string,
  init?: { method?: string; body?: string },
): Promise<unknown> {
  const response = await request(url, token, init);
  if (response.status < 200 || response.status > 299) {
    throw new Error(
      `${init?.method ?? 'GET'} ${url}: ${
        response.status
      } ${response.text.slice(0, 500)}`,
    );
  }
  // The scheduler's trigger answers with no body.
  return response.text ? JSON.parse(response.text) : undefined;
}

const registerBody = {
  type: 'klagomal',
  channel: 'epost',
  unitRef: 'group:default/kontaktcenter',
  area: 'bemotande',
  description:
    'Jag ringde flera gånger utan att få svar, och ingen återkom trots att det utlovades.',
  anonymous: false,
  contact: { name: 'Anna Andersson', email: 'anna.andersson@example.se' },
};

/** Samples of a sequential GET: the p50, p95 and max of their times. */
function sampleGets(url: string, token: string, samples: number) {
  return timeBare(async () => {
    const result = await timedGet(url, token);
    if (result.status !== 200) throw new Error(`GET ${url}: ${result.status}`);
  }, samples);
}

/** Calls made one after the other: the p50, p95 and max of their times. */
async function timeBare(fn: () => Promise<unknown>, samples: number) {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return {
    samples,
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    maxMs: round(Math.max(...times)),
  };
}

/** Runs `fn` with the backend's resident memory sampled every `everyMs`: before, and its peak. */
async function withPeakRss<T>(
  pid: number,
  everyMs: number,
  fn: () => Promise<T>,
): Promise<{ result: T; rssBeforeMiB: number; peakRssMiB: number }> {
  const rssBeforeMiB = rssMiB(pid);
  let peak = rssBeforeMiB;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMiB(pid));
  }, everyMs);
  try {
    const result = await fn();
    return {
      result,
      rssBeforeMiB,
      peakRssMiB: Math.max(peak, rssMiB(pid)),
    };
  } finally {
    clearInterval(timer);
  }
}

/** The export of a report, timed, with the backend's resident memory sampled every 50 ms. */
async function timedExport(url: string, token: string, pid: number) {
  const { result, ...memory } = await withPeakRss(pid, 50, () =>
    timedGet(url, token),
  );
  if (result.status !== 200) throw new Error(`GET ${url}: ${result.status}`);
  return {
    seconds: round(result.ms / 1000, 2),
    firstByteMs: round(result.firstByteMs),
    megabytes: round(result.bytes / 1024 / 1024, 2),
    ...memory,
  };
}

const GALLRING_TASK = 'service-guidelines-gallring';

interface TaskState {
  status: 'running' | 'idle';
  startedAt?: string;
  lastRunEndedAt?: string;
  lastRunError?: string;
}

/** The gallring task's state, from the scheduler's own route of the plugin. */
async function gallringTaskState(token: string): Promise<TaskState> {
  const { tasks } = (await expectOk(
    `${API}/.backstage/scheduler/v1/tasks`,
    token,
  )) as { tasks: Array<{ taskId: string; taskState: TaskState | null }> };
  const task = tasks.find(t => t.taskId === GALLRING_TASK);
  if (!task?.taskState) {
    throw new Error(`The backend has no scheduled task ${GALLRING_TASK}`);
  }
  return task.taskState;
}

async function gallradCount(db: BenchDatabase, suite: string) {
  const knex = pluginKnex(db, suite);
  try {
    const [{ n }] = await knex('gallringslogg').count({ n: '*' });
    return Number(n);
  } finally {
    await knex.destroy();
  }
}

/**
 * Gallring's run, started through the scheduler's trigger route (the bench config schedules it
 * manually, so that it never falls into another measurement), timed from the task's own start and
 * end, with a register load for its first `loadSeconds` and the backend's memory sampled
 * throughout. On the generated five years the first run clears every closed synpunkt older than
 * the app-config's retention: what a municipality's first run over an existing registry does.
 */
async function measureGallring(options: {
  db: BenchDatabase;
  suite: string;
  pid: number;
  token: string;
  register: () => Promise<LoadResult>;
}) {
  const { db, suite, pid, token } = options;
  const before = await gallradCount(db, suite);
  const waitFor = async (done: (state: TaskState) => boolean) => {
    const started = performance.now();
    for (;;) {
      const state = await gallringTaskState(token);
      if (done(state)) return state;
      if (performance.now() - started > 60 * 60_000) {
        throw new Error(`Gallring did not get done within an hour`);
      }
      await new Promise(r => setTimeout(r, 250));
    }
  };
  const { result, ...memory } = await withPeakRss(pid, 250, async () => {
    const endedBefore = (await gallringTaskState(token)).lastRunEndedAt;
    await expectOk(
      `${API}/.backstage/scheduler/v1/tasks/${GALLRING_TASK}/trigger`,
      token,
      { method: 'POST' },
    );
    // The scheduler looks for triggered work every few seconds.
    const running = await waitFor(
      state =>
        state.status === 'running' || state.lastRunEndedAt !== endedBefore,
    );
    if (running.status !== 'running') {
      // Over between two polls: nothing to clear, as on data reused (--reuse) after a run that
      // cleared it. Waiting for it to run would wait the hour out.
      if (running.lastRunError) {
        throw new Error(`Gallring failed: ${running.lastRunError}`);
      }
      return { seconds: null, registerMeanwhile: null };
    }
    const registerMeanwhile = await options.register();
    const ended = await waitFor(state => state.status === 'idle');
    if (ended.lastRunError) {
      throw new Error(`Gallring failed: ${ended.lastRunError}`);
    }
    return {
      seconds: round(
        (Date.parse(ended.lastRunEndedAt!) - Date.parse(running.startedAt!)) /
          1000,
      ),
      registerMeanwhile,
    };
  });
  return {
    cleared: (await gallradCount(db, suite)) - before,
    ...result,
    ...memory,
  };
}

/** The klagomål in the chef's units, newest first: the list the benchmark pages through. */
function chefKlagomal(knex: Knex) {
  return knex('synpunkter')
    .whereIn(
      'unit_ref',
      knex('org_unit_closure')
        .where('ancestor_ref', CHEF_UNIT)
        .select('descendant_ref'),
    )
    .where('type', 'klagomal');
}

/** The cursor of the chef's list at a depth: the row just before that page, read from the database. */
async function cursorAt(
  db: BenchDatabase,
  suite: string,
  depth: number,
): Promise<string | undefined> {
  if (depth === 0) return undefined;
  const knex = pluginKnex(db, suite);
  try {
    const row = await chefKlagomal(knex)
      .orderBy([
        { column: 'registered_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .offset(depth - 1)
      .first('registered_at', 'id');
    // The list's default order, newest registration first, encoded as the API encodes it.
    return encodeCursor({ key: row.registered_at, id: row.id }, '-registered');
  } finally {
    await knex.destroy();
  }
}

/**
 * How many times autovacuum and autoanalyze have run on the plugin's tables so far (PostgreSQL
 * only): taken before and after a phase, whether they ran during it, sharing the two cores.
 */
async function autovacuumRuns(
  db: BenchDatabase,
  suite: string,
): Promise<number | undefined> {
  if (db !== 'pg') return undefined;
  const knex = pluginKnex(db, suite);
  try {
    const { rows } = await knex.raw(
      `SELECT COALESCE(SUM(autovacuum_count + autoanalyze_count), 0) AS n
        FROM pg_stat_user_tables`,
    );
    return Number(rows[0].n);
  } finally {
    await knex.destroy();
  }
}

async function chefListSize(db: BenchDatabase, suite: string): Promise<number> {
  const knex = pluginKnex(db, suite);
  try {
    const row = await chefKlagomal(knex).count({ n: '*' }).first();
    return Number(row?.n ?? 0);
  } finally {
    await knex.destroy();
  }
}

/** The report aggregation alone, straight on the database: the baseline of the report figures. */
async function bareReport(
  db: BenchDatabase,
  suite: string,
  query: Record<string, string>,
  unit: string | null,
  samples: number,
) {
  const knex = pluginKnex(db, suite);
  try {
    const settings = readReportSettings(new ConfigReader({}));
    const today = stockholmDateOf(new Date());
    const { period, previousPeriod } = resolvePeriods(
      // As the route parses it: the year is a number.
      {
        ...query,
        ...(query.year ? { year: Number(query.year) } : {}),
      } as never,
      settings,
      today,
    );
    const bounds = (p: typeof period) => ({
      from: p.from,
      to: p.to,
      stateDate: p.stateDate,
      cutoff: deadlineCutoffOf(p, today),
      endInstant: endInstantOf(p.stateDate),
    });
    const store = new ReportStore(knex);
    const selection = {
      scopeUnitRef: unit,
      current: bounds(period),
      previous: bounds(previousPeriod),
    };
    return await timeBare(() => store.figures(selection), samples);
  } finally {
    await knex.destroy();
  }
}

/**
 * How long the facts job may go without keeping a synpunkt before the run gives up on it. Not a
 * limit on the whole wait: keeping a million on SQLite took over an hour in the eighteenth
 * session's run, which a one-hour limit then stopped with 87,271 left.
 */
const KEEP_STALL_LIMIT_MS = 10 * 60_000;

/** How often the wait for the facts job says how many synpunkter are left. */
const KEEP_PROGRESS_EVERY_MS = 5 * 60_000;

/**
 * Seconds until no synpunkt waits for its report facts to be kept (see ReportFactsKeeper). Fails
 * once none has been kept for {@link KEEP_STALL_LIMIT_MS}.
 */
async function waitForKeptFacts(
  db: BenchDatabase,
  suite: string,
  note: (s: string) => void,
): Promise<number> {
  const started = performance.now();
  const knex = pluginKnex(db, suite);
  const keeper = new ReportFactsKeeper(knex);
  try {
    let previous = Infinity;
    let lastKept = started;
    let lastNote = started;
    for (;;) {
      const pending = await keeper.pendingCount();
      if (pending === 0) break;
      const now = performance.now();
      if (pending < previous) lastKept = now;
      previous = pending;
      if (now - lastKept > KEEP_STALL_LIMIT_MS) {
        throw new Error(
          `${pending} synpunkter still wait for their report facts, and none was kept in the last ${
            KEEP_STALL_LIMIT_MS / 60_000
          } minutes`,
        );
      }
      if (now - lastNote >= KEEP_PROGRESS_EVERY_MS) {
        note(`${db}: ${pending} synpunkter still wait for their report facts`);
        lastNote = now;
      }
      await new Promise(r => setTimeout(r, 1000));
    }
    return round((performance.now() - started) / 1000);
  } finally {
    await knex.destroy();
  }
}

async function benchDatabase(
  db: BenchDatabase,
  options: Options,
  productionDir: string,
  note: (s: string) => void,
) {
  const { suite, seconds, samples } = options;
  let generated: unknown = 'reused';
  const hasData =
    db === 'sqlite'
      ? existsSync(join(sqliteDir(suite), 'service-guidelines.sqlite'))
      : false;
  if (!options.reuse || (db === 'sqlite' && !hasData)) {
    note(`${db}: generating ${options.rows} synpunkter`);
    generated = await generate({
      db,
      suite,
      rows: options.rows,
      years: 5,
      today: DateTime.now().setZone('Europe/Stockholm').toISODate()!,
    });
  }
  note(`${db}: starting the backend`);
  const backend: RunningBackend = await startBackend(
    db,
    suite,
    productionDir,
    options.heap,
  );
  try {
    const [registrar, chef, reader, admin] = [
      await tokenFor(REGISTRAR),
      await tokenFor(CHEF),
      await tokenFor(REPORT_READER),
      await tokenFor(ADMIN),
    ];
    // The organisation mirror is filled from the catalog after start-up; wait until the chef sees rows.
    for (let i = 0; ; i++) {
      const page = (await expectOk(`${API}/synpunkter?limit=1`, chef)) as {
        items: unknown[];
      };
      if (page.items.length > 0) break;
      if (i > 120)
        throw new Error(
          'The chef sees no synpunkter after 2 minutes: the organisation mirror is empty',
        );
      await new Promise(r => setTimeout(r, 1000));
    }
    // Reports read the facts the backend keeps of each synpunkt; a freshly generated database
    // has none yet, and the job keeps them soon after start-up. Measure once they are kept.
    note(`${db}: waiting for the report facts to be kept`);
    const factsKeptSeconds = await waitForKeptFacts(db, suite, note);
    const created = (await expectOk(`${API}/synpunkter`, registrar, {
      method: 'POST',
      body: JSON.stringify(registerBody),
    })) as { id: string };
    await expectOk(`${API}/bench/baseline`, registrar, {
      method: 'POST',
      body: JSON.stringify(registerBody),
    });
    await expectOk(`${API}/bench/baseline/${created.id}`, chef);
    const startedRssMiB = rssMiB(backend.pid);

    // Each measured run follows an unmeasured warm-up of the same requests (JIT, caches, pool).
    const load = async (
      url: string,
      token: string,
      extra: {
        method?: string;
        body?: unknown;
        seconds?: number;
        connections?: number;
      } = {},
    ) => {
      const common = {
        url,
        token,
        connections: extra.connections ?? 10,
        method: extra.method,
        body: extra.body,
      };
      await wrk({ ...common, seconds: options.warmupSeconds });
      return wrk({ ...common, seconds: extra.seconds ?? seconds });
    };
    const loadAverageBefore = os.loadavg().map(n => round(n, 2));
    const today = DateTime.now().setZone('Europe/Stockholm');
    // A report spans less than five years, so "everything" is the five years less their first day.
    const allQuery = {
      period: 'range',
      from: today.minus({ years: 5 }).plus({ days: 1 }).toISODate()!,
      to: today.toISODate()!,
    };
    const measureExports = async () => {
      note(`${db}: exports`);
      const exportUrl = (format: string) =>
        `${API}/reports/synpunkter/export?${new URLSearchParams({
          ...allQuery,
          format,
        })}`;
      return {
        csv: await timedExport(exportUrl('csv'), reader, backend.pid),
        xlsx: await timedExport(exportUrl('xlsx'), reader, backend.pid),
      };
    };
    if (options.only === 'exports') {
      const exports = await measureExports();
      return {
        loadAverage: {
          before: loadAverageBefore,
          after: os.loadavg().map(n => round(n, 2)),
        },
        backendRssAfterStartMiB: startedRssMiB,
        exports,
      };
    }

    note(`${db}: register`);
    const register = await load(`${API}/synpunkter`, registrar, {
      method: 'POST',
      body: registerBody,
    });
    const registerBaseline = await load(`${API}/bench/baseline`, registrar, {
      method: 'POST',
      body: registerBody,
    });

    // The job keeps the facts of what the register load added; on SQLite it runs on the main
    // thread, so measure the list once it is done, as in a registry's steady state.
    note(
      `${db}: waiting for the facts of what the register load added to be kept`,
    );
    const factsKeptAfterRegisterSeconds = await waitForKeptFacts(
      db,
      suite,
      note,
    );
    note(`${db}: chef's list`);
    const listSize = await chefListSize(db, suite);
    const depths = {
      first: 0,
      middle: Math.floor(listSize / 2),
      deepest: Math.max(0, listSize - PAGE),
    };
    // Half the load's time for each of the six list runs and the read baseline.
    const listSeconds = Math.max(3, Math.round(seconds / 2));
    const list: Record<string, LoadResult & { depth: number }> = {};
    // The same pages one request at a time: what a chef waits for a page when nothing else
    // queues before it, beside the ten connections that keep both cores busy.
    const listAlone: Record<string, LoadResult & { depth: number }> = {};
    for (const [name, depth] of Object.entries(depths)) {
      const cursor = await cursorAt(db, suite, depth);
      const url = `${API}/synpunkter?type=klagomal&limit=${PAGE}${
        cursor ? `&cursor=${cursor}` : ''
      }`;
      const page = (await expectOk(url, chef)) as { items: unknown[] };
      if (page.items.length === 0)
        throw new Error(`The chef's list at depth ${depth} is empty`);
      list[name] = {
        depth,
        ...(await load(url, chef, {
          seconds: listSeconds,
        })),
      };
      listAlone[name] = {
        depth,
        ...(await load(url, chef, {
          seconds: listSeconds,
          connections: 1,
        })),
      };
    }
    const readBaseline = await load(
      `${API}/bench/baseline/${created.id}`,
      chef,
      {
        seconds: listSeconds,
      },
    );

    note(`${db}: reports`);
    const autovacuumBeforeReports = await autovacuumRuns(db, suite);
    const lastYear = String(
      DateTime.now().setZone('Europe/Stockholm').year - 1,
    );
    const annualQuery = { period: 'helar', year: lastYear };
    const annualUrl = `${API}/reports/synpunkter?${new URLSearchParams({
      ...annualQuery,
      unit: NAMND,
    })}`;
    await expectOk(annualUrl, reader);
    const annual = await sampleGets(annualUrl, reader, samples);
    const annualBare = await bareReport(db, suite, annualQuery, NAMND, samples);
    const allUrl = `${API}/reports/synpunkter?${new URLSearchParams(allQuery)}`;
    const allReport = (await expectOk(allUrl, reader)) as {
      total: { current: Record<string, number> };
    };
    const all = await sampleGets(
      allUrl,
      reader,
      Math.max(3, Math.ceil(samples / 2)),
    );
    const allBare = await bareReport(
      db,
      suite,
      allQuery,
      KOMMUN,
      Math.max(3, Math.ceil(samples / 2)),
    );
    const autovacuumAfterReports = await autovacuumRuns(db, suite);

    note(`${db}: registering while reports run`);
    let reportsDone = 0;
    let reportsFailed = 0;
    let loading = true;
    const reportLoop = (async () => {
      while (loading) {
        const result = await timedGet(allUrl, reader);
        if (result.status !== 200) reportsFailed += 1;
        else reportsDone += 1;
      }
    })();
    const registerDuringReports = await load(`${API}/synpunkter`, registrar, {
      method: 'POST',
      body: registerBody,
    });
    loading = false;
    await reportLoop;

    const { csv, xlsx } = await measureExports();

    // The administrator's preview of the next run (its first page and the total due), one
    // request at a time: before the first run, with the generated years due, and after it.
    const previewUrl = `${API}/gallring/preview?limit=50`;
    const previewBeforeRun = await sampleGets(previewUrl, admin, samples);

    // Last, as it clears what the other measurements read.
    note(`${db}: gallring while registering`);
    const gallring = await measureGallring({
      db,
      suite,
      pid: backend.pid,
      token: registrar,
      register: () =>
        wrk({
          url: `${API}/synpunkter`,
          token: registrar,
          connections: 10,
          method: 'POST',
          body: registerBody,
          seconds,
        }),
    });
    const gallringPreview = {
      beforeRun: previewBeforeRun,
      afterRun: await sampleGets(previewUrl, admin, samples),
    };

    return {
      // Other work on the machine shows here: the benchmark shares two cores with it.
      loadAverage: {
        before: loadAverageBefore,
        after: os.loadavg().map(n => round(n, 2)),
      },
      autovacuumDuringReports:
        autovacuumAfterReports === undefined ||
        autovacuumBeforeReports === undefined
          ? undefined
          : autovacuumAfterReports - autovacuumBeforeReports,
      generated,
      backendCommand: backend.command,
      backendNodeOptions: backend.nodeOptions,
      backendRssAfterStartMiB: startedRssMiB,
      factsKeptSeconds,
      factsKeptAfterRegisterSeconds,
      register,
      registerBaseline,
      registerRatio: round(
        register.requestsPerSecond / registerBaseline.requestsPerSecond,
        2,
      ),
      listSize,
      list,
      listAlone,
      readBaseline,
      listDeepestToFirstP95: round(
        list.deepest.latencyMs.p95 / list.first.latencyMs.p95,
        2,
      ),
      annual: {
        query: { ...annualQuery, unit: NAMND },
        http: annual,
        bareSql: annualBare,
        ratioP50: round(annual.p50Ms / annualBare.p50Ms, 2),
      },
      all: {
        query: allQuery,
        synpunkter: allReport.total.current.antal,
        http: all,
        bareSql: allBare,
        ratioP50: round(all.p50Ms / allBare.p50Ms, 2),
      },
      registerDuringReports: {
        ...registerDuringReports,
        reportsCompleted: reportsDone,
        reportsFailed,
      },
      exports: { csv, xlsx },
      gallring,
      gallringPreview,
    };
  } finally {
    await backend.stop();
  }
}

function versions(dbs: BenchDatabase[], suite: string, commit: string) {
  return {
    machine: machineDescription(),
    node: process.version,
    commit,
    date: new Date().toISOString(),
    dbs,
    suite,
  };
}

async function databaseVersion(
  db: BenchDatabase,
  suite: string,
): Promise<string> {
  const knex = pluginKnex(db, suite);
  try {
    if (db === 'sqlite') {
      const [row] = await knex.raw('select sqlite_version() as v');
      return `SQLite ${row.v} (better-sqlite3)`;
    }
    const result = await knex.raw('show server_version');
    return `PostgreSQL ${result.rows[0].server_version}`;
  } finally {
    await knex.destroy();
  }
}

/**
 * A run of some of the databases (`--db pg`) keeps the others' columns from the suite's last
 * results, each marked with the run it comes from, so that measuring one database again does not
 * drop what is known of the other. The report is returned anew: the run's own results go on
 * being filled in, database by database, and must not take the carried columns for measured.
 */
function withOtherDatabases(
  report: { dbs: BenchDatabase[]; results: Record<string, unknown> },
  resultsFile: string,
): { dbs: BenchDatabase[]; results: Record<string, unknown> } {
  if (!existsSync(resultsFile)) return report;
  const previous = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const results = { ...report.results };
  const carried = (['sqlite', 'pg'] as const).filter(
    db => !report.dbs.includes(db) && previous.results?.[db],
  );
  for (const db of carried) {
    const result = previous.results[db];
    results[db] = {
      ...result,
      measuredIn: result.measuredIn ?? {
        machine: previous.machine,
        node: previous.node,
        commit: previous.commit,
        date: previous.date,
        command: previous.command,
        loadTool: previous.loadTool,
      },
    };
  }
  const dbs = (['sqlite', 'pg'] as const).filter(
    db => results[db] !== undefined,
  );
  return { dbs, results };
}

/** The quick suite's results, beside a full run's, to show memory against row count. */
function quickResults(dir: string, suite: string) {
  const quickFile = join(dir, 'scale-quick.json');
  return suite !== 'quick' && existsSync(quickFile)
    ? JSON.parse(readFileSync(quickFile, 'utf8'))
    : undefined;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const command = `yarn bench:${options.suite === 'quick' ? 'quick' : 'scale'}`;
  const results: Record<string, unknown> = {};
  const started = Date.now();
  const note = (s: string) =>
    console.log(`[${Math.round((Date.now() - started) / 1000)} s] ${s}`);
  // The commit that is built and measured: work committed while the suite runs is not in it.
  const commit = commitDescription();
  const production = prepareProductionBackend(note);
  note(
    `production backend ready (build ${production.buildSeconds} s, install ${production.installSeconds} s)`,
  );
  const dir = join(REPO_ROOT, 'bench', 'results');
  const files = resultFiles(dir, options.suite);
  for (const db of options.dbs) {
    results[db] = await benchDatabase(db, options, production.dir, note);
    (results[db] as Record<string, unknown>).database = await databaseVersion(
      db,
      options.suite,
    );
    // Written after each database, so that a run that dies in the next one (a full run takes
    // hours) keeps what it measured; the next database's column meanwhile stays the last run's.
    if (options.only !== 'exports') {
      await writeRunResults(options, commit, command, results, files);
      note(
        `wrote ${db} into bench/results/scale-${options.suite}.json and .md`,
      );
    }
  }
  if (options.only === 'exports') {
    // The exports measured again (after a change to them) replace those of the last full run;
    // the results say when and at which commit.
    const previous = JSON.parse(readFileSync(files.json, 'utf8'));
    const run = versions(options.dbs, options.suite, commit);
    for (const db of options.dbs) {
      const measured = results[db] as Record<string, unknown>;
      previous.results[db].exports = measured.exports;
      previous.results[db].exportsRun = {
        commit: run.commit,
        date: run.date,
        loadAverage: measured.loadAverage,
        backendRssAfterStartMiB: measured.backendRssAfterStartMiB,
        command: `source scripts/lib/toolchain.sh && ${command} --only exports`,
      };
    }
    writeFileSync(files.json, `${JSON.stringify(previous, null, 2)}\n`);
    writeFileSync(
      files.md,
      markdown(previous, quickResults(dir, options.suite)),
    );
    note(
      `updated the exports in bench/results/scale-${options.suite}.json and .md`,
    );
    return;
  }
}

/** Where a suite's results are written: the figures as JSON, and their tables as Markdown. */
function resultFiles(dir: string, suite: string) {
  return {
    dir,
    json: join(dir, `scale-${suite}.json`),
    md: join(dir, `scale-${suite}.md`),
  };
}

/** The results measured so far, beside the other databases' columns carried from the last run. */
async function writeRunResults(
  options: Options,
  commit: string,
  command: string,
  results: Record<string, unknown>,
  files: ReturnType<typeof resultFiles>,
) {
  // The options given beyond the script's own `--suite`, e.g. `--reuse --db pg`.
  const given = process.argv.slice(2);
  const suiteAt = given.indexOf('--suite');
  if (suiteAt >= 0) given.splice(suiteAt, 2);
  const fullCommand = `source scripts/lib/toolchain.sh && ${[
    command,
    ...given,
  ].join(' ')}`;
  const measured = options.dbs.filter(db => results[db] !== undefined);
  const report = {
    ...versions(measured, options.suite, commit),
    loadTool: await wrkVersion(),
    command: fullCommand,
    rows: options.rows,
    loadSeconds: options.seconds,
    samples: options.samples,
    ...withOtherDatabases({ dbs: measured, results }, files.json),
  };
  mkdirSync(files.dir, { recursive: true });
  writeFileSync(files.json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(
    files.md,
    markdown(report, quickResults(files.dir, options.suite)),
  );
}

main().catch(error => {
  console.error(String(error?.stack ?? error).slice(0, 3000));
  if (error?.cause) console.error('cause:', String(error.cause).slice(0, 1000));
  process.exit(1);
});
