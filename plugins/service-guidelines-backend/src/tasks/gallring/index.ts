import {
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { readGallringSettings } from '../../config/gallringSettings';
import { GallringStore } from '../../database/GallringStore';
import { Gallring } from './Gallring';

export { Gallring } from './Gallring';

/**
 * Reads `serviceGuidelines.gallring` (a wrong value stops start-up), and schedules the gallring
 * to run once across every backend instance sharing the database. Without the setting nothing is
 * ever gallrad, and the log says so at start-up.
 */
export async function createGallring(options: {
  config: RootConfigService;
  scheduler: SchedulerService;
  logger: LoggerService;
  store: GallringStore;
  areaIds: readonly string[];
  clock: () => Date;
  /** Waited for between two batches of a run (see workInBatches). */
  betweenBatches?: () => Promise<void>;
}): Promise<Gallring> {
  const { config, scheduler, logger } = options;
  const settings = readGallringSettings(config, options.areaIds);
  const gallring = new Gallring({
    store: options.store,
    config: settings.gallring,
    clock: options.clock,
    logger,
    betweenBatches: options.betweenBatches,
  });
  if (!settings.gallring) {
    logger.warn(
      'serviceGuidelines.gallring is not configured: no synpunkt is ever gallrad. Set the retention of each type from the dokumenthanteringsplan.',
    );
    return gallring;
  }
  await scheduler.scheduleTask({
    ...settings.schedule,
    id: 'service-guidelines-gallring',
    // Once across all instances: two runs at once would only wait on each other's locks.
    scope: 'global',
    fn: async () => {
      await gallring.run();
    },
  });
  return gallring;
}
