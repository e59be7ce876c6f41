import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { DatabaseStatus } from '@service-guidelines/plugin-service-guidelines-common';
import { applyMigrations, latestAppliedMigration } from './migrations';

/** Reads facts about the plugin's installation and schema. */
export interface PluginMetadataStore {
  status(): Promise<DatabaseStatus>;
}

/** The knex implementation of {@link PluginMetadataStore}. */
export class KnexPluginMetadataStore implements PluginMetadataStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<KnexPluginMetadataStore> {
    const client = await options.database.getClient();
    await applyMigrations(options.database, client);
    return new KnexPluginMetadataStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async status(): Promise<DatabaseStatus> {
    const client = String(this.db.client.config.client);
    const schemaVersion = await latestAppliedMigration(this.db);
    if (!schemaVersion) {
      return { client };
    }
    const row = await this.db('plugin_metadata')
      .where({ key: 'installed_at' })
      .first<{ value: string } | undefined>('value');
    return { client, schemaVersion, installedAt: row?.value };
  }
}
