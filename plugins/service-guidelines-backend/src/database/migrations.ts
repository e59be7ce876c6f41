import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@service-guidelines/plugin-service-guidelines-backend',
  'migrations',
);

/**
 * Brings the plugin's schema up to date, unless the operator has said that migrations are run
 * elsewhere (`backend.database.plugin.service-guidelines.skipMigrations` and friends surface here
 * as `database.migrations.skip`).
 */
export async function applyMigrations(
  database: DatabaseService,
  client: Knex,
): Promise<void> {
  if (database.migrations?.skip) {
    return;
  }
  await client.migrate.latest({ directory: migrationsDir });
}

/** Undoes every migration; used by the migration tests to prove that `down` works. */
export async function rollbackAllMigrations(client: Knex): Promise<void> {
  await client.migrate.rollback({ directory: migrationsDir }, true);
}

/** The name of the newest migration that has been applied, or undefined on an empty schema. */
export async function latestAppliedMigration(
  client: Knex,
): Promise<string | undefined> {
  // knex types `list` as any; its first element is the completed migrations in order.
  const [completed] = (await client.migrate.list({
    directory: migrationsDir,
  })) as [Array<{ name: string }>, unknown[]];
  return completed[completed.length - 1]?.name;
}
