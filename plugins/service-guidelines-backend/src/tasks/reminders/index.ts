import { SchedulerService } from '@backstage/backend-plugin-api';
import { Reminders } from './Reminders';

export { Reminders } from './Reminders';
export type { ReminderRunResult } from './Reminders';

/**
 * Schedules the reminders once across every backend instance sharing the database (unless
 * `serviceGuidelines.uppfoljning.reminders.enabled` is false).
 */
export async function scheduleReminders(
  options: ConstructorParameters<typeof Reminders>[0] & {
    scheduler: SchedulerService;
  },
): Promise<Reminders> {
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
