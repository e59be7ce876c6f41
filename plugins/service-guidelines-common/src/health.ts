/**
 * What a running backend instance knows about its database.
 *
 * @public
 */
export interface DatabaseStatus {
  /** The knex client in use, e.g. `better-sqlite3` or `pg`. */
  client: string;
  /** The newest applied migration, e.g. `20261124080000_plugin_metadata.js`. */
  schemaVersion?: string;
  /** When the plugin's schema was first created (ISO 8601). */
  installedAt?: string;
}

/**
 * The answer of `GET /api/service-guidelines/health`.
 *
 * @public
 */
export interface HealthStatus {
  status: 'ok';
  plugin: { id: string; version: string };
  database: DatabaseStatus;
}
