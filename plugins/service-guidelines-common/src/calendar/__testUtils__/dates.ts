import fc from 'fast-check';
import { Settings } from 'luxon';

/*
 * Date helpers for tests that do not share code with the calendar under test: plain UTC `Date`
 * arithmetic, which no process time zone affects.
 */

const MS_PER_DAY = 86_400_000;

/** The date `days` days after an ISO date (before it when negative). */
export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY)
    .toISOString()
    .slice(0, 10);
}

/** Every date from `first` to `last`, inclusive. */
export function datesFromTo(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let date = first; date <= last; date = plusDays(date, 1)) {
    dates.push(date);
  }
  return dates;
}

/** 0 Sunday … 6 Saturday. */
export function utcWeekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** Any date from `first` to `last`, inclusive. */
export function dateBetween(first: string, last: string): fc.Arbitrary<string> {
  const firstDay = Date.parse(`${first}T00:00:00Z`) / MS_PER_DAY;
  const lastDay = Date.parse(`${last}T00:00:00Z`) / MS_PER_DAY;
  return fc
    .integer({ min: firstDay, max: lastDay })
    .map(day => new Date(day * MS_PER_DAY).toISOString().slice(0, 10));
}

/**
 * A date of the calendar's range, leaving the last 18 months out so that adding up to 300
 * arbetsdagar stays inside it.
 */
export const supportedDate = dateBetween('2005-01-01', '2099-06-30');

/** Time zones far from Stockholm's, on both sides of the date line, with and without DST. */
export const FOREIGN_TIME_ZONES = [
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Asia/Tokyo',
  'Australia/Lord_Howe',
] as const;

/**
 * Runs `compute` with luxon's default zone set to `zone`. Node fixes the process time zone at
 * start-up (setting `process.env.TZ` inside jest changes nothing), so the suite is also run under
 * `TZ=UTC` and `TZ=America/New_York`; this covers the other way a zone could leak in, luxon's
 * default, which is the process zone unless set.
 */
export function withLuxonDefaultZone<T>(zone: string, compute: () => T): T {
  const original = Settings.defaultZone;
  Settings.defaultZone = zone;
  try {
    return compute();
  } finally {
    Settings.defaultZone = original;
  }
}
