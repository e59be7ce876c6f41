import { mockServices } from '@backstage/backend-test-utils';
import { createConfiguredTestDatabases } from '../__testUtils__/databases';
import { newestMigration } from '../__testUtils__/migrationFiles';
import {
  applyMigrations,
  latestAppliedMigration,
  rollbackAllMigrations,
} from './migrations';

jest.setTimeout(60_000);

const TABLES = [
  'plugin_metadata',
  'org_units',
  'org_unit_closure',
  'registration_counters',
  'synpunkter',
  'synpunkt_pauses',
  'synpunkt_events',
  'svarsmallar',
];

async function existingTables(knex: import('knex').Knex) {
  const present = [];
  for (const table of TABLES) {
    if (await knex.schema.hasTable(table)) present.push(table);
  }
  return present;
}

describe('migrations', () => {
  const databases = createConfiguredTestDatabases();

  it.each(databases.eachSupportedId())(
    'go up and all the way down again on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });

      await applyMigrations(database, knex);
      expect(await existingTables(knex)).toEqual(TABLES);
      expect(await latestAppliedMigration(knex)).toBe(newestMigration());

      await rollbackAllMigrations(knex);
      expect(await existingTables(knex)).toEqual([]);
      expect(await latestAppliedMigration(knex)).toBeUndefined();

      // and up again: down must leave nothing behind that blocks a fresh up
      await applyMigrations(database, knex);
      expect(await existingTables(knex)).toEqual(TABLES);
    },
  );

  it.each(databases.eachSupportedId())(
    'are not run when migrations.skip is set, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({
        knex,
        migrations: { skip: true },
      });

      await applyMigrations(database, knex);

      expect(await existingTables(knex)).toEqual([]);
    },
  );
});
