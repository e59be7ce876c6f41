import { DatabaseService } from '@backstage/backend-plugin-api';
import { CachedOrganisationStore } from './CachedOrganisationStore';
import { GallringStore, KnexGallringStore } from './GallringStore';
import { applyMigrations } from './migrations';
import { KnexOrganisationStore, OrganisationStore } from './OrganisationStore';
import {
  KnexPluginMetadataStore,
  PluginMetadataStore,
} from './PluginMetadataStore';
import { KnexSvarsmallStore, SvarsmallStore } from './SvarsmallStore';
import { KnexSynpunktStore, SynpunktStore } from './SynpunktStore';
import { KnexReminderStore, ReminderStore } from './ReminderStore';
import { KnexUppfoljningStore, UppfoljningStore } from './UppfoljningStore';

export { KnexPluginMetadataStore } from './PluginMetadataStore';
export type { PluginMetadataStore } from './PluginMetadataStore';
export {
  applyMigrations,
  rollbackAllMigrations,
  latestAppliedMigration,
} from './migrations';

/** Every store of the plugin, on one database, handed to the services and tasks. */
export interface Stores {
  metadata: PluginMetadataStore;
  organisation: OrganisationStore;
  synpunkter: SynpunktStore;
  svarsmallar: SvarsmallStore;
  gallring: GallringStore;
  uppfoljningar: UppfoljningStore;
  reminders: ReminderStore;
}

/** Migrates the plugin's database (unless `migrations.skip`) and builds its stores. */
export async function createStores(options: {
  database: DatabaseService;
}): Promise<Stores> {
  const client = await options.database.getClient();
  await applyMigrations(options.database, client);
  const organisation = new CachedOrganisationStore(
    new KnexOrganisationStore(client),
  );
  return {
    metadata: KnexPluginMetadataStore.fromKnex(client),
    organisation,
    synpunkter: new KnexSynpunktStore(client, {
      unitsLedBy: async userRefs => [
        ...new Set(
          (
            await Promise.all(userRefs.map(ref => organisation.unitsLedBy(ref)))
          ).flat(),
        ),
      ],
    }),
    svarsmallar: new KnexSvarsmallStore(client),
    gallring: new KnexGallringStore(client),
    uppfoljningar: new KnexUppfoljningStore(client),
    reminders: new KnexReminderStore(client),
  };
}
