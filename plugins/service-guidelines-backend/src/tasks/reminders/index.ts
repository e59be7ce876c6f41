import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { SvarstidRules } from '@service-guidelines/plugin-service-guidelines-common';
import { UppfoljningSettings } from '../../config/uppfoljningSettings';
import { OrganisationStore } from '../../database/OrganisationStore';
import { ReminderStore } from '../../database/ReminderStore';
import { Reminders } from './Reminders';

export { Reminders } from './Reminders';
export type { ReminderRunResult } from './Reminders';

/**
 * Schedules the reminders once across every backend instance sharing the database (unless
 * `serviceGuidelines.uppfoljning.reminders.enabled` is false).
 */
export async function scheduleReminders(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  store: ReminderStore;
  organisation: OrganisationStore;
  notifications: NotificationService;
  rules: SvarstidRules;
  settings: UppfoljningSettings;
  followUpUnitTypes: readonly string[];
  clock: () => Date;
  refreshOrganisation?: () => Promise<void>;
}): Promise<Reminders> {
  const reminders = new Reminders(options);
  if (options.settings.reminders.enabled) {
    await options.scheduler.scheduleTask({
      ...options.settings.reminders.schedule,
      id: 'service-guidelines-reminders',
      scope: 'global',
      fn: async () => {
        await reminders.run();
      },
    });
  }
  return reminders;
}
