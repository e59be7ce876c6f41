import {
  AuditorService,
  DatabaseService,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { SvarstidRules } from '@service-guidelines/plugin-service-guidelines-common';
import { Stores } from '../database';
import { RegistrySettings } from '../service/synpunkter/ports';
import { SynpunktService } from '../service/synpunkter/SynpunktService';
import { UnitDirectory } from '../service/synpunkter/UnitDirectory';
import { DEMO_SEED_CONFIG_KEY, seedDemoSynpunkter } from './seedSynpunkter';

/**
 * When `serviceGuidelines.demo.seedSynpunkter` is true and the database is SQLite (the demo portal),
 * fills an empty registry with made-up synpunkter once the organisation has been mirrored from
 * the catalog. A scheduled task, so that it runs once however many instances start, and tries
 * again shortly if the catalog has not been read yet.
 */
export async function scheduleDemoSynpunkter(options: {
  config: RootConfigService;
  scheduler: SchedulerService;
  logger: LoggerService;
  database: DatabaseService;
  stores: Stores;
  units: UnitDirectory;
  refreshOrganisation: () => Promise<void>;
  rules: SvarstidRules;
  settings: RegistrySettings;
  auditor: AuditorService;
}): Promise<void> {
  if (!options.config.getOptionalBoolean(DEMO_SEED_CONFIG_KEY)) return;
  const db = await options.database.getClient();
  // Production runs on PostgreSQL with app-config.yaml beneath its own config: made-up data must
  // never reach it, whatever the merged config says.
  if (!String(db.client.config.client).includes('sqlite')) {
    options.logger.warn(
      `${DEMO_SEED_CONFIG_KEY} is set, but demo synpunkter are only made on the demo portal's embedded SQLite; none were made`,
    );
    return;
  }
  await options.scheduler.scheduleTask({
    id: 'service-guidelines-demo-synpunkter',
    scope: 'global',
    // Often, so that a fresh demo portal has its synpunkter soon after the catalog is read; once
    // there are synpunkter a run is a single count.
    frequency: { seconds: 30 },
    initialDelay: { seconds: 3 },
    timeout: { minutes: 10 },
    fn: async () => {
      await seedDemoSynpunkter({
        db,
        organisation: options.stores.organisation,
        refreshOrganisation: options.refreshOrganisation,
        createService: clock =>
          new SynpunktService({
            store: options.stores.synpunkter,
            units: options.units,
            rules: options.rules,
            settings: options.settings,
            auditor: options.auditor,
            clock,
          }),
        rules: options.rules,
        areas: options.settings.areas,
        logger: options.logger,
        now: new Date(),
      });
    },
  });
}
