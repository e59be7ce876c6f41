import { Knex } from 'knex';
import { dialectOf } from '../report/reportSql';

/** What the plugin uses of a better-sqlite3 connection. */
export interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  transaction<T>(fn: () => T): () => T;
}

/** What the plugin uses of a better-sqlite3 prepared statement. */
export interface SqliteStatement {
  get(...bindings: unknown[]): unknown;
  run(...bindings: unknown[]): unknown;
  all(...bindings: unknown[]): unknown[];
}

/** Runs `fn` on knex's better-sqlite3 connection, taken from its pool and given back. */
export async function withSqliteConnection<T>(
  db: Knex,
  fn: (connection: SqliteConnection) => T,
): Promise<T> {
  const connection: SqliteConnection = await db.client.acquireConnection();
  try {
    return fn(connection);
  } finally {
    await db.client.releaseConnection(connection);
  }
}

/**
 * How many prepared statements a connection keeps, the least recently used given up first. The
 * list's page has a statement per shape (its number of drivers, its filters, a cursor or none),
 * a few dozen in daily use; each holds SQLite's compiled program, some tens of kilobytes for the
 * widest.
 */
export const STATEMENTS_PER_CONNECTION = 100;

const preparedStatements = new WeakMap<
  SqliteConnection,
  Map<string, SqliteStatement>
>();

/**
 * The connection's statement for this SQL, prepared once and kept: knex's driver prepares every
 * query anew, which costs about as much as running a short one.
 */
export function cachedStatement(
  connection: SqliteConnection,
  sql: string,
): SqliteStatement {
  let statements = preparedStatements.get(connection);
  if (!statements) {
    statements = new Map();
    preparedStatements.set(connection, statements);
  }
  let statement = statements.get(sql);
  if (statement) {
    // A Map iterates in insertion order: the first entry is the least recently used.
    statements.delete(sql);
  } else {
    statement = connection.prepare(sql);
    if (statements.size >= STATEMENTS_PER_CONNECTION) {
      statements.delete(statements.keys().next().value!);
    }
  }
  statements.set(sql, statement);
  return statement;
}

/** better-sqlite3 binds no booleans; knex's driver would have turned them into 1 and 0. */
export function sqliteBindings(bindings: readonly unknown[]): unknown[] {
  return bindings.map(b => (typeof b === 'boolean' ? Number(b) : b));
}

/**
 * The rows of a read query: on SQLite through the connection's kept statement (see
 * {@link cachedStatement}), elsewhere and inside a transaction as knex runs it.
 */
export async function selectRows<T>(
  db: Knex | Knex.Transaction,
  query: Knex.QueryBuilder,
): Promise<T[]> {
  if (
    dialectOf(String(db.client.config.client)) === 'pg' ||
    (db as Partial<Knex.Transaction>).isTransaction
  ) {
    return await query;
  }
  const compiled = query.toSQL();
  const { sql, bindings } = compiled.toNative();
  // As knex's own runner does, so that what listens to knex's queries still sees this one.
  db.client.emit('query', { ...compiled, sql, bindings });
  return withSqliteConnection(
    db,
    connection =>
      cachedStatement(connection, sql).all(...sqliteBindings(bindings)) as T[],
  );
}

/** A column's value that knex binds as it is (no raw SQL, no object to serialise). */
type PlainValue = string | number | boolean | null;

const insertSqlByShape = new Map<string, string>();

/**
 * Inserts one row through the connection's kept statement. The SQL is what knex writes for a row
 * of these columns, compiled once per table and set of columns: building it with knex cost about
 * as much as running it. Knex orders the columns by name, and so are the values bound here.
 */
export function insertRow<R extends { [K in keyof R]: PlainValue | undefined }>(
  db: Knex,
  connection: SqliteConnection,
  table: string,
  row: R,
): void {
  const columns = (Object.keys(row) as Array<keyof R & string>).sort();
  const shape = `${table}\u0000${columns.join('\u0000')}`;
  let sql = insertSqlByShape.get(shape);
  if (sql === undefined) {
    sql = db(table).insert(row).toSQL().toNative().sql;
    insertSqlByShape.set(shape, sql);
  }
  cachedStatement(connection, sql).run(
    // knex, with useNullAsDefault, binds null for undefined too.
    ...sqliteBindings(columns.map(column => row[column] ?? null)),
  );
}
