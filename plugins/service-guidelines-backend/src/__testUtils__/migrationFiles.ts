import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** The plugin's migration files in the order knex applies them. */
export function migrationFiles(): string[] {
  return readdirSync(resolve(__dirname, '../../migrations'))
    .filter(f => f.endsWith('.js'))
    .sort();
}

/** The newest migration, which a fully migrated database reports as its schema version. */
export function newestMigration(): string {
  const files = migrationFiles();
  return files[files.length - 1];
}
