import { mockServices } from '@backstage/backend-test-utils';
import { createConfiguredTestDatabases } from '../__testUtils__/databases';
import {
  applyMigrations,
  latestAppliedMigration,
  rollbackAllMigrations,
} from './migrations';

jest.setTimeout(60_000);

describe('migrations', () => {
  const databases = createConfiguredTestDatabases();

  it.each(databases.eachSupportedId())(
    'go up and all the way down again on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });

      await applyMigrations(database, knex);
      expect(await knex.schema.hasTable('plugin_metadata')).toBe(true);
      expect(await latestAppliedMigration(knex)).toBe(
        '20261124080000_plugin_metadata.js',
      );

      await rollbackAllMigrations(knex);
      expect(await knex.schema.hasTable('plugin_metadata')).toBe(false);
      expect(await latestAppliedMigration(knex)).toBeUndefined();

      // and up again: down must leave nothing behind that blocks a fresh up
      await applyMigrations(database, knex);
      expect(await knex.schema.hasTable('plugin_metadata')).toBe(true);
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

      expect(await knex.schema.hasTable('plugin_metadata')).toBe(false);
    },
  );
});
