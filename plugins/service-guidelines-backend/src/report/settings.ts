import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { readScheduleOrDefault } from '../config/schedule';

/** Where the report settings live in app-config. */
export const REPORTS_CONFIG_KEY = 'serviceGuidelines.reports';

/** The report settings, with the defaults of MEASURES.md. */
export interface ReportSettings {
  /** The delår: month and day (`MM-DD`) of its first and last date, within one calendar year. */
  delar: { from: string; to: string };
  /** How many improvements the JSON answer lists; the exports always list all of them. */
  improvementsPageSize: number;
}

/**
 * Often, so that few synpunkter are worked out in full by a report; the first run soon after
 * start-up, which after an upgrade keeps every existing synpunkt.
 */
export const DEFAULT_FACTS_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { hours: 1 },
  initialDelay: { seconds: 5 },
};

/** When the report facts are kept: `serviceGuidelines.reports.factsSchedule`. */
export function readFactsSchedule(
  config: Config,
): SchedulerServiceTaskScheduleDefinition {
  return readScheduleOrDefault(
    config,
    `${REPORTS_CONFIG_KEY}.factsSchedule`,
    DEFAULT_FACTS_SCHEDULE,
    'report facts',
  );
}

export const DEFAULT_DELAR = { from: '01-01', to: '08-31' } as const;
const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
// A month-day that exists every year: 02-29 does not.
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function readMonthDay(
  config: Config | undefined,
  key: string,
  fallback: string,
) {
  const value = config?.getOptionalString(key) ?? fallback;
  const match = MONTH_DAY.exec(value);
  if (!match || Number(match[2]) > DAYS_IN_MONTH[Number(match[1]) - 1]) {
    throw new Error(
      `${REPORTS_CONFIG_KEY}.delar.${key} must be a month and day written MM-DD that exists every year, such as 08-31 (got '${value}')`,
    );
  }
  return value;
}

/** Reads `serviceGuidelines.reports`; a bad value stops start-up with a message naming the key. */
export function readReportSettings(config: Config): ReportSettings {
  const reports = config.getOptionalConfig(REPORTS_CONFIG_KEY);
  const delarConfig = reports?.getOptionalConfig('delar');
  const from = readMonthDay(delarConfig, 'from', DEFAULT_DELAR.from);
  const to = readMonthDay(delarConfig, 'to', DEFAULT_DELAR.to);
  if (to < from) {
    throw new Error(
      `${REPORTS_CONFIG_KEY}.delar.to (${to}) is before delar.from (${from}); a delår lies within one calendar year`,
    );
  }
  return { delar: { from, to }, improvementsPageSize: 500 };
}

/**
 * The month and day (`MM-DD`) of the last day of each period the policy reports on: the helår
 * and the delår. The report facts are also kept as they stood on those days.
 */
export function closingMonthDays(
  delar: Pick<ReportSettings['delar'], 'to'>,
): string[] {
  return [...new Set(['12-31', delar.to])];
}
