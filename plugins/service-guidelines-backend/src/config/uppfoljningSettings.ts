import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { readScheduleOrDefault } from './schedule';

/** How often each unit is to be followed up with its staff. */
export const FOLLOW_UP_INTERVALS = [
  'month',
  'quarter',
  'halfyear',
  'year',
] as const;
export type FollowUpInterval = (typeof FOLLOW_UP_INTERVALS)[number];

/** `serviceGuidelines.uppfoljning`, checked, with defaults (Värmdö: each quarter). */
export interface UppfoljningSettings {
  /** "Due soon" on Min uppföljning and in reminders: within this many arbetsdagar. */
  dueSoonWorkingDays: number;
  interval: FollowUpInterval;
  /** The Group types that are followed up with their staff (and counted in the report). */
  unitTypes: string[];
  reminders: {
    enabled: boolean;
    schedule: SchedulerServiceTaskScheduleDefinition;
    /** Overdue synpunkter whose deadline passed longer ago than this are not reminded of. */
    overdueLookbackDays: number;
    /** When set, an overdue synpunkt is reminded of again every this many arbetsdagar. */
    repeatOverdueEveryWorkingDays?: number;
  };
}

const KEY = 'serviceGuidelines.uppfoljning';

/** Hourly, so that a reminder comes the working day it is due; each is still sent only once. */
export const DEFAULT_REMINDER_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { hours: 1 },
    timeout: { minutes: 15 },
    initialDelay: { minutes: 1 },
  };

function wholeNumber(
  config: Config,
  key: string,
  fallback: number | undefined,
  range: [number, number],
): number | undefined {
  const full = `${KEY}.${key}`;
  if (!config.has(full)) return fallback;
  const value = config.getOptional(full);
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < range[0] ||
    value > range[1]
  ) {
    throw new Error(
      `Invalid uppföljning configuration: ${full} must be a whole number from ${
        range[0]
      } to ${range[1]}, not ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Reads `serviceGuidelines.uppfoljning`; a wrong value stops start-up naming the key. */
export function readUppfoljningSettings(config: Config): UppfoljningSettings {
  const interval = config.getOptionalString(`${KEY}.interval`) ?? 'quarter';
  if (!(FOLLOW_UP_INTERVALS as readonly string[]).includes(interval)) {
    throw new Error(
      `Invalid uppföljning configuration: ${KEY}.interval must be one of ${FOLLOW_UP_INTERVALS.join(
        ', ',
      )}, not '${interval}'`,
    );
  }
  return {
    dueSoonWorkingDays: wholeNumber(config, 'dueSoonWorkingDays', 3, [0, 60])!,
    interval: interval as FollowUpInterval,
    unitTypes: config.getOptionalStringArray(`${KEY}.unitTypes`) ?? ['enhet'],
    reminders: {
      enabled: config.getOptionalBoolean(`${KEY}.reminders.enabled`) ?? true,
      schedule: readScheduleOrDefault(
        config,
        `${KEY}.reminders.schedule`,
        DEFAULT_REMINDER_SCHEDULE,
        'uppföljning',
      ),
      overdueLookbackDays: wholeNumber(
        config,
        'reminders.overdueLookbackDays',
        30,
        [0, 3650],
      )!,
      repeatOverdueEveryWorkingDays: wholeNumber(
        config,
        'reminders.repeatOverdueEveryWorkingDays',
        undefined,
        [1, 250],
      ),
    },
  };
}

/** The first and last date of the interval period that holds `date` (YYYY-MM-DD). */
export function periodOf(
  date: string,
  interval: FollowUpInterval,
): { id: string; from: string; to: string } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const months = { month: 1, quarter: 3, halfyear: 6, year: 12 }[interval];
  const index = Math.floor((month - 1) / months);
  const first = index * months + 1;
  const last = first + months - 1;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  const id = {
    month: `${year}-${pad(month)}`,
    quarter: `${year}-Q${index + 1}`,
    halfyear: `${year}-H${index + 1}`,
    year: `${year}`,
  }[interval];
  return {
    id,
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(last)}-${pad(lastDay)}`,
  };
}

/** The period before the one that holds `date`. */
export function previousPeriodOf(date: string, interval: FollowUpInterval) {
  const { from } = periodOf(date, interval);
  const dayBefore = new Date(`${from}T00:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  return periodOf(dayBefore.toISOString().slice(0, 10), interval);
}
