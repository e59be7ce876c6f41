import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';

const serverDatabaseIds: TestDatabaseId[] = [
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'POSTGRES_13',
  'POSTGRES_12',
  'POSTGRES_11',
  'POSTGRES_9',
  'MYSQL_8',
];

function connectionVariable(id: TestDatabaseId): string {
  return `BACKSTAGE_TEST_DATABASE_${id.replace('_', '')}_CONNECTION_STRING`;
}

/**
 * The databases this run can test against: SQLite always, and each server database whose
 * connection string is set in the environment (`.ci/run` sets the PostgreSQL one). Asking
 * TestDatabases for an id without a connection string would make it try Docker, which this kind
 * of machine does not have.
 */
export function configuredDatabaseIds(): TestDatabaseId[] {
  return [
    'SQLITE_3',
    ...serverDatabaseIds.filter(id =>
      Boolean(process.env[connectionVariable(id)]),
    ),
  ];
}

/** TestDatabases over exactly the configured ids; call at the top of a test file. */
export function createConfiguredTestDatabases(): TestDatabases {
  return TestDatabases.create({ ids: configuredDatabaseIds() });
}

/** knex on an SQLite database file, as the backend opens one (better-sqlite3). */
export function sqliteFileKnex(filename: string): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
  });
}
