import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import knexFactory, { Knex } from 'knex';
import { configuredDatabaseIds } from '../__testUtils__/databases';
import { testOrganisation } from '../__testUtils__/organisation';
import { createStores } from '../database';
import { OrganisationSync } from './organisation/OrganisationSync';

/**
 * Killing the backend (SIGKILL) in the middle of a registration, a workflow action or a bulk
 * import of förtroendevalda leaves no half-written synpunkt, history or import. A child process
 * runs the plugin's own services and freezes before the n-th query of the write's transaction;
 * the test kills it there, for every n of a registration and an action and for points spread
 * over an import, then checks the database. On PostgreSQL when configured, and on a SQLite file
 * always (the test databases' SQLite lives in memory, which a child cannot share).
 */

jest.setTimeout(600_000);

const WORKER = resolve(__dirname, '../__testUtils__/faultWorker.ts');
const NODE_TRANSFORM = require.resolve(
  '@backstage/cli/config/nodeTransform.cjs',
);
const IMPORT_PEOPLE = 40;

interface WorkerRun {
  /** The query the worker froze before, when it froze (and was killed). */
  frozenAt?: string;
  /** The worker's report when the write went through. */
  done?: string;
}

/** Runs the worker; kills it with SIGKILL as soon as it says it froze. */
function runWorker(
  config: Knex.Config,
  env: Record<string, string>,
): Promise<WorkerRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--require', NODE_TRANSFORM, WORKER],
      {
        env: { ...process.env, FAULT_DB: JSON.stringify(config), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const run: WorkerRun = {};
    let output = '';
    let errors = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`worker hung: ${output} ${errors}`));
    }, 60_000);
    child.stdout.on('data', chunk => {
      output += chunk;
      const frozen = /^FROZEN (.*)$/m.exec(output);
      if (frozen && !run.frozenAt) {
        run.frozenAt = frozen[1];
        child.kill('SIGKILL');
      }
      const done = /^DONE (.*)$/m.exec(output);
      if (done) run.done = done[1];
    });
    child.stderr.on('data', chunk => {
      errors += chunk;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (run.frozenAt && signal === 'SIGKILL') resolvePromise(run);
      else if (run.done && code === 0) resolvePromise(run);
      else reject(new Error(`worker ended ${code ?? signal}: ${errors}`));
    });
  });
}

/** The facts that must hold after any crash: every write whole, numbers without gaps. */
async function registryState(knex: Knex) {
  const synpunkter = await knex('synpunkter')
    .select('id', 'registration_sequence', 'version', 'status')
    .orderBy('registration_sequence');
  const events: Array<{ synpunkt_id: string; n: number | string }> = await knex(
    'synpunkt_events',
  )
    .select('synpunkt_id')
    .count({ n: '*' })
    .groupBy('synpunkt_id');
  const eventsOf = new Map(events.map(e => [e.synpunkt_id, Number(e.n)]));
  const [counter] = await knex('registration_counters').select('last_number');
  const imported = await knex('fortroendevalda')
    .where('email', 'like', 'importerad.%')
    .count({ n: '*' });
  return {
    synpunkter: synpunkter.length,
    /** Each synpunkt has one history entry per version: registration and every change. */
    halfWritten: synpunkter
      .filter(s => eventsOf.get(s.id) !== Number(s.version))
      .map(s => s.id),
    orphanEvents: events.filter(
      e => !synpunkter.some(s => s.id === e.synpunkt_id),
    ).length,
    gapless: synpunkter.every(
      (s, i) => Number(s.registration_sequence) === i + 1,
    ),
    counter: Number(counter?.last_number ?? 0),
    versions: Object.fromEntries(
      synpunkter.map(s => [s.id, Number(s.version)]),
    ),
    imported: Number(imported[0].n),
  };
}

const serverIds = configuredDatabaseIds().filter(id => id !== 'SQLITE_3');
const targets = ['SQLITE_FILE', ...serverIds];
// Created here: TestDatabases registers its clean-up hooks when created.
const databases = serverIds.length
  ? TestDatabases.create({ ids: serverIds })
  : undefined;

describe.each(targets)('killed mid-write on %p', target => {
  let knex: Knex;
  let config: Knex.Config;
  let directory: string | undefined;
  let faults = 0;

  beforeAll(async () => {
    if (target === 'SQLITE_FILE') {
      directory = mkdtempSync(join(tmpdir(), 'sg-faults-'));
      config = {
        client: 'better-sqlite3',
        connection: { filename: join(directory, 'plugin.sqlite') },
        useNullAsDefault: true,
      };
      knex = knexFactory(config);
    } else {
      knex = await databases!.init(target as TestDatabaseId);
      config = knex.client.config;
    }
    // Migrated and with the organisation mirrored, as a running backend would have it.
    const stores = await createStores({
      database: { getClient: async () => knex },
    });
    await new OrganisationSync({
      catalog: catalogServiceMock({ entities: testOrganisation }),
      auth: mockServices.auth(),
      store: stores.organisation,
      logger: mockServices.logger.mock(),
      unitTypes: ['kommun', 'nämnd', 'förvaltning', 'enhet'],
    }).run();
  });

  afterAll(async () => {
    // The server databases are TestDatabases' to close and drop.
    if (directory) {
      await knex.destroy();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  /**
   * Kills the write before the 1st, 2nd, … query of the write until a run gets past the
   * last one and the write goes through; after every kill the database must be as before.
   * Returns the kill points and the report of the run that went through.
   */
  async function killAtEveryPoint(env: Record<string, string>) {
    const before = await registryState(knex);
    const afterKills = [];
    for (let at = 1; ; at += 1) {
      const run = await runWorker(config, {
        ...env,
        FAULT_FREEZE_AT: String(at),
      });
      if (run.done) {
        return {
          kills: at - 1,
          done: JSON.parse(run.done),
          afterKills,
          before,
        };
      }
      faults += 1;
      afterKills.push(await registryState(knex));
    }
  }

  it('leaves no half-registered synpunkt and no gap in the numbers', async () => {
    const { kills, afterKills, before } = await killAtEveryPoint({
      FAULT_OP: 'register',
    });
    const after = await registryState(knex);
    // SQLite: counter, row and history in a transaction; PostgreSQL: one statement.
    const writes = target === 'SQLITE_FILE' ? 3 : 1;
    expect({
      kills: kills >= writes,
      afterKills,
      after: { ...after, versions: undefined },
    }).toEqual({
      kills: true,
      afterKills: Array(kills).fill(before),
      // Exactly the one run that was not killed registered its synpunkt, with the next number.
      after: {
        ...before,
        versions: undefined,
        synpunkter: before.synpunkter + 1,
        counter: before.counter + 1,
      },
    });
  });

  it('leaves a workflow action wholly done or not at all', async () => {
    const registered = (await killAtEveryPoint({ FAULT_OP: 'register' })).done;
    const { kills, afterKills, before } = await killAtEveryPoint({
      FAULT_OP: 'aterkoppling',
      FAULT_TARGET: JSON.stringify({
        id: registered.id,
        version: registered.version,
      }),
    });
    const after = await registryState(knex);
    expect({
      kills: kills >= 3,
      afterKills,
      versionBefore: before.versions[registered.id],
      after: after.versions[registered.id],
      halfWritten: after.halfWritten,
    }).toEqual({
      kills: true,
      afterKills: Array(kills).fill(before),
      versionBefore: registered.version,
      after: registered.version + 1,
      halfWritten: [],
    });
  });

  it('leaves a bulk import of förtroendevalda wholly applied or not at all', async () => {
    const env = {
      FAULT_OP: 'import',
      FAULT_IMPORT_PEOPLE: String(IMPORT_PEOPLE),
    };
    const before = await registryState(knex);
    const afterKills = [];
    // Spread over the transaction: its first writes, the middle and near the end.
    for (const at of [1, 2, 5, 20, 40, 60, 80]) {
      const run = await runWorker(config, {
        ...env,
        FAULT_FREEZE_AT: String(at),
      });
      afterKills.push(run.frozenAt ? await registryState(knex) : 'not killed');
      faults += run.frozenAt ? 1 : 0;
    }
    await runWorker(config, { ...env, FAULT_FREEZE_AT: '0' });
    const after = await registryState(knex);
    expect({ afterKills, imported: after.imported }).toEqual({
      afterKills: Array(7).fill({ ...before, imported: 0 }),
      imported: IMPORT_PEOPLE,
    });
  });

  it('reports the faults injected', () => {
    process.stdout.write(
      `kill test on ${target}: ${faults} SIGKILLs mid-transaction\n`,
    );
    expect(faults).toBeGreaterThan(10);
  });
});
