/*
 * Where the scale benchmark keeps its databases, and how to reach them from a script and from the
 * backend. Each suite (`full`, `quick`) has its own, so that a quick run never touches the data
 * of a long one. SQLite: one file per plugin under bench/data/<suite>/sqlite (git-ignored), as
 * the backend's `connection.directory` lays them out. PostgreSQL: the local server, the plugin's
 * database named `sgbench_<suite>` and every other plugin's database prefixed with that and `_`,
 * so that nothing the lead or the tests use is touched.
 */

import knexFactory, { Knex } from 'knex';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type BenchDatabase = 'sqlite' | 'pg';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const DATA_DIR = join(REPO_ROOT, 'bench', 'data');
export const sqliteDir = (suite: string) => join(DATA_DIR, suite, 'sqlite');
export const pgDatabase = (suite: string) => `sgbench_${suite}`;
export const PG_CONNECTION = {
  host: process.env.BENCH_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.BENCH_PG_PORT ?? 5432),
  user: process.env.BENCH_PG_USER ?? 'postgres',
  password: process.env.BENCH_PG_PASSWORD ?? '',
};
export const MIGRATIONS_DIR = join(
  REPO_ROOT,
  'plugins',
  'service-guidelines-backend',
  'migrations',
);

export function parseDatabase(value: string | undefined): BenchDatabase {
  if (value === 'sqlite' || value === 'pg') return value;
  throw new Error(`--db: '${value}' is not sqlite or pg`);
}

/** A knex client on the plugin's database, as the backend will open it. */
export function pluginKnex(db: BenchDatabase, suite: string): Knex {
  if (db === 'sqlite') {
    return knexFactory({
      client: 'better-sqlite3',
      connection: {
        filename: join(sqliteDir(suite), 'service-guidelines.sqlite'),
      },
      useNullAsDefault: true,
    });
  }
  return knexFactory({
    client: 'pg',
    connection: { ...PG_CONNECTION, database: pgDatabase(suite) },
    pool: { min: 1, max: 4 },
  });
}

/**
 * Removes every database of the suite's previous run: its SQLite folder, or the PostgreSQL
 * databases named sgbench_<suite> and sgbench_<suite>_* (the other plugins' databases).
 */
export async function resetDatabases(
  db: BenchDatabase,
  suite: string,
): Promise<void> {
  if (db === 'sqlite') {
    rmSync(sqliteDir(suite), { recursive: true, force: true });
    mkdirSync(sqliteDir(suite), { recursive: true });
    return;
  }
  const admin = knexFactory({
    client: 'pg',
    connection: { ...PG_CONNECTION, database: 'postgres' },
  });
  try {
    const { rows } = await admin.raw<{ rows: Array<{ datname: string }> }>(
      'select datname from pg_database where datname = ? or starts_with(datname, ?)',
      [pgDatabase(suite), `${pgDatabase(suite)}_`],
    );
    for (const { datname } of rows) {
      await admin.raw('drop database ?? with (force)', [datname]);
    }
    await admin.raw('create database ??', [pgDatabase(suite)]);
  } finally {
    await admin.destroy();
  }
}

/** The backend's `backend.database` section for the bench run. */
export function backendDatabaseConfig(
  db: BenchDatabase,
  suite: string,
): object {
  if (db === 'sqlite') {
    return {
      client: 'better-sqlite3',
      connection: { directory: sqliteDir(suite) },
    };
  }
  return {
    client: 'pg',
    connection: PG_CONNECTION,
    prefix: `${pgDatabase(suite)}_`,
    plugin: {
      'service-guidelines': { connection: { database: pgDatabase(suite) } },
    },
  };
}
