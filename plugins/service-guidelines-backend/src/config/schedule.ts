import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';

/** The schedule at `key`, or the default when it is absent; a wrong one names the key. */
export function readScheduleOrDefault(
  config: Config,
  key: string,
  fallback: SchedulerServiceTaskScheduleDefinition,
  what: string,
): SchedulerServiceTaskScheduleDefinition {
  if (!config.has(key)) {
    return fallback;
  }
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(
      config.getConfig(key),
    );
  } catch (error) {
    throw new Error(
      `Invalid ${what} configuration: ${key}: ${
        (error as Error).message
      }; write e.g. { frequency: { days: 1 }, timeout: { hours: 1 } } or frequency: { cron: '0 3 * * *' }`,
    );
  }
}
