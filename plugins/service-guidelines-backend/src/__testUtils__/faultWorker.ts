/**
 * A child process for the kill test (faults.test.ts): runs one registration, workflow action or
 * förtroendevalda import with the plugin's own services against the database it is given, and
 * freezes at the chosen query of the write, so that the parent can SIGKILL it
 * there. Run with Backstage's node transform:
 *
 * `node --require @backstage/cli/config/nodeTransform.cjs faultWorker.ts` with the environment
 * variables below.
 *
 * - `FAULT_DB`: the knex config as JSON.
 * - `FAULT_OP`: `register`, `aterkoppling` or `import`.
 * - `FAULT_FREEZE_AT`: freeze before the n-th query of the write (1-based); 0 never.
 * - `FAULT_TARGET`: for `aterkoppling`, `{ "id": …, "version": … }`.
 * - `FAULT_IMPORT_PEOPLE`: for `import`, how many people the file lists.
 *
 * It prints `FROZEN <sql>` when frozen, and `DONE {"id":…,"version":…}` when the write went
 * through.
 */
import { ConfigReader } from '@backstage/config';
import {
  parseSvarstidConfig,
  readRegistrySettings,
} from '@service-guidelines/plugin-service-guidelines-common';
import knexFactory, { Knex } from 'knex';
import { createStores } from '../database';
import { KnexFortroendevaldStore } from '../database/FortroendevaldStore';
import { FortroendevaldService } from '../service/fortroendevalda/FortroendevaldService';
import { OrganDirectory } from '../service/fortroendevalda/OrganDirectory';
import { OrganisationSync } from '../service/organisation/OrganisationSync';
import { SynpunktService } from '../service/synpunkter/SynpunktService';
import { UnitDirectory } from '../service/synpunkter/UnitDirectory';

/** Blocks the whole process: no query after this one is sent, no commit happens. */
function freeze(sql: string): never {
  process.stdout.write(`FROZEN ${sql.slice(0, 80)}\n`);
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(cell, 0, 0, 60_000);
}

/**
 * Counts the queries of the write, and freezes before the chosen one: those sent inside a
 * transaction and the writing statements committed on their own (PostgreSQL registers in one).
 * On SQLite the count is taken at the driver's statements, since a registration runs its
 * transaction on the driver directly, past knex's query events.
 */
function freezeInWrite(knex: Knex, at: number) {
  let seen = 0;
  const count = (sql: string, inTransaction: boolean) => {
    if (/^begin/i.test(sql)) return;
    if (!inTransaction && !/^(insert|update|delete|with)\b/i.test(sql)) return;
    seen += 1;
    if (seen === at) freeze(sql);
  };
  if (knex.client.config.client === 'pg') {
    knex.on('query', (query: { sql: string; __knexTxId?: string }) =>
      count(query.sql, Boolean(query.__knexTxId)),
    );
    return;
  }
  type Connection = {
    inTransaction: boolean;
    prepare(sql: string): Record<string, unknown>;
  };
  const wrapped = new WeakSet<Connection>();
  const acquire = knex.client.acquireConnection.bind(knex.client);
  knex.client.acquireConnection = async () => {
    const connection: Connection = await acquire();
    if (!wrapped.has(connection)) {
      wrapped.add(connection);
      const prepare = connection.prepare.bind(connection);
      connection.prepare = (sql: string) =>
        new Proxy(prepare(sql), {
          get(statement, property) {
            const value = Reflect.get(statement, property);
            if (typeof value !== 'function') return value;
            return (...args: unknown[]) => {
              if (['run', 'get', 'all', 'iterate'].includes(String(property)))
                count(sql, connection.inTransaction);
              return value.apply(statement, args);
            };
          },
        });
    }
    return connection;
  };
}

// The services below only call these when a unit or organ is unknown, or to check a user.
const catalog = {
  getEntities: async () => ({ items: [] }),
  getEntityByRef: async (ref: string) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: ref.split('/')[1] },
  }),
} as never;
const auth = { getOwnServiceCredentials: async () => ({}) } as never;
const logger = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return logger;
  },
};
// Audit events are the HTTP layer's and the tests' business, not this process's.
const auditor = {
  createEvent: async () => ({ success: async () => {}, fail: async () => {} }),
} as never;
const everything = {
  userRef: 'user:default/sara',
  read: 'all',
  personalData: 'all',
  handle: 'all',
} as const;

async function main() {
  const knex = knexFactory(JSON.parse(process.env.FAULT_DB!));
  const database = { getClient: async () => knex };
  const stores = await createStores({ database });
  const settings = readRegistrySettings(new ConfigReader({}));
  const synpunkter = new SynpunktService({
    store: stores.synpunkter,
    units: new UnitDirectory({
      catalog,
      auth,
      organisation: stores.organisation,
      sync: new OrganisationSync({
        catalog,
        auth,
        store: stores.organisation,
        logger,
        unitTypes: [],
      }),
      registrableUnitTypes: settings.registrableUnitTypes,
    }),
    rules: parseSvarstidConfig(undefined),
    settings,
    auditor,
    clock: () => new Date(),
  });
  const directoryStore = KnexFortroendevaldStore.fromKnex(knex);
  const directory = new FortroendevaldService({
    store: directoryStore,
    organs: new OrganDirectory({
      catalog,
      auth,
      store: directoryStore,
      logger,
      organTypes: [],
    }),
    clock: () => new Date(),
  });

  freezeInWrite(knex, Number(process.env.FAULT_FREEZE_AT ?? 0));
  let result: unknown;
  switch (process.env.FAULT_OP) {
    case 'register':
      result = await synpunkter.register(
        {
          type: 'klagomal',
          channel: 'epost',
          unitRef: 'group:default/skolan',
          area: 'utbildning',
          description: 'Registrerad av en process som dödas',
          anonymous: false,
          contact: { email: 'kund@example.se' },
          handlaggareRef: 'user:default/sara',
        },
        everything,
      );
      break;
    case 'aterkoppling': {
      const target = JSON.parse(process.env.FAULT_TARGET!);
      result = await synpunkter.giveAterkoppling(
        target.id,
        { version: target.version, method: 'telefon', summary: 'Ringde' },
        everything,
      );
      break;
    }
    case 'import': {
      const people = Number(process.env.FAULT_IMPORT_PEOPLE);
      const rows = Array.from(
        { length: people },
        (_, i) =>
          `Importerad ${i},S,importerad.${i}@kommun.se,,Importnämnden,ledamot,2023-01-01,`,
      );
      result = await directory.importFile(
        Buffer.from(
          ['namn,parti,epost,telefon,organ,roll,fran,till', ...rows].join('\n'),
        ),
        { dryRun: false, trustOrgans: true },
      );
      break;
    }
    default:
      throw new Error(`unknown FAULT_OP ${process.env.FAULT_OP}`);
  }
  const { id, version } = result as { id?: string; version?: number };
  process.stdout.write(`DONE ${JSON.stringify({ id, version })}\n`);
  await knex.destroy();
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
