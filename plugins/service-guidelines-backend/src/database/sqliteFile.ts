import { Knex } from 'knex';

/**
 * The file of a better-sqlite3 database, or undefined for any other database, an in-memory one
 * or one named by a `file:` URI (which may be in memory or shared; nothing else may open it).
 */
export function sqliteFileOf(db: Knex): string | undefined {
  if (String(db.client.config.client) !== 'better-sqlite3') return undefined;
  const connection = db.client.config.connection as
    | { filename?: string }
    | undefined;
  const filename = connection?.filename;
  return !filename || filename === ':memory:' || filename.startsWith('file:')
    ? undefined
    : filename;
}

/**
 * Puts the database file in WAL mode, where readers on other connections never block the
 * writer nor it them; true if it is in WAL mode now.
 */
export async function ensureWalMode(db: Knex): Promise<boolean> {
  const result = await db.raw('pragma journal_mode = wal');
  const mode = Array.isArray(result)
    ? (result[0] as { journal_mode?: string } | undefined)?.journal_mode
    : undefined;
  return mode === 'wal';
}
