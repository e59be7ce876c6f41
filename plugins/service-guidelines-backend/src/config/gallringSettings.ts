import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  GALLRING_CONFIG_KEY,
  ResolvedGallringConfig,
  resolveGallringConfig,
} from '@service-guidelines/plugin-service-guidelines-common';
import { readScheduleOrDefault } from './schedule';

/** Daily; the first run a while after start-up, so that a restarting portal comes up first. */
export const DEFAULT_GALLRING_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { days: 1 },
    timeout: { hours: 1 },
    initialDelay: { minutes: 10 },
  };

/** `serviceGuidelines.gallring` with its schedule; throws naming the key when it is wrong. */
export function readGallringSettings(
  config: Config,
  areaIds: readonly string[],
): {
  gallring?: ResolvedGallringConfig;
  schedule: SchedulerServiceTaskScheduleDefinition;
} {
  const gallring = resolveGallringConfig(
    config.getOptional(GALLRING_CONFIG_KEY),
    areaIds,
  );
  return {
    gallring,
    schedule: readScheduleOrDefault(
      config,
      `${GALLRING_CONFIG_KEY}.schedule`,
      DEFAULT_GALLRING_SCHEDULE,
      'gallring',
    ),
  };
}
