import { Knex } from 'knex';
import { DatabaseStatus } from '@service-guidelines/plugin-service-guidelines-common';
import { latestAppliedMigration } from './migrations';

/** Reads facts about the plugin's installation and schema. */
export interface PluginMetadataStore {
  status(): Promise<DatabaseStatus>;
}

/** The knex implementation of {@link PluginMetadataStore}. */
export class KnexPluginMetadataStore implements PluginMetadataStore {
  static fromKnex(client: Knex): KnexPluginMetadataStore {
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
