import { DateTime } from 'luxon';

/**
 * Yesterday in Stockholm, `YYYY-MM-DD`: the default last day of an uppdrag ended today, which
 * makes it a past term from today on (the server applies the same rule).
 */
export function yesterdayInStockholm(now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: 'Europe/Stockholm' })
    .minus({ days: 1 })
    .toISODate()!;
}
