import { DateTime } from 'luxon';
import { IsoDate } from './isoDate';

/**
 * The time zone of every date the product shows or counts with.
 *
 * @public
 */
export const STOCKHOLM_TIME_ZONE = 'Europe/Stockholm';

/**
 * An instant: a `Date`, or an ISO 8601 date and time with its offset
 * (`2026-11-24T09:30:00+01:00`, `2026-11-24T08:30:00Z`).
 *
 * @public
 */
export type Instant = Date | string;

// A string without an offset names a wall-clock time in some unknown zone; guessing the zone is
// how dates end up a day off, so such strings are refused.
const ENDS_WITH_OFFSET = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;

function describe(value: unknown): string {
  if (value instanceof Date) {
    return 'an invalid Date';
  }
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/** The wall clock in Stockholm at an instant. */
export function stockholmClockOf(instant: Instant): DateTime {
  let dateTime: DateTime;
  if (instant instanceof Date) {
    dateTime = DateTime.fromJSDate(instant, { zone: STOCKHOLM_TIME_ZONE });
  } else if (
    typeof instant === 'string' &&
    instant.includes('T') &&
    ENDS_WITH_OFFSET.test(instant)
  ) {
    dateTime = DateTime.fromISO(instant, { zone: STOCKHOLM_TIME_ZONE });
  } else {
    throw new RangeError(
      `Expected an instant: a Date, or an ISO 8601 date and time with an offset such as ` +
        `2026-11-24T09:30:00+01:00; got ${describe(instant)}`,
    );
  }
  if (!dateTime.isValid) {
    throw new RangeError(
      `${describe(instant)} is not a valid instant: ${
        dateTime.invalidExplanation ?? dateTime.invalidReason
      }`,
    );
  }
  return dateTime;
}

/**
 * The date in Stockholm at an instant, whatever the time zone of the process: 2026-03-28T23:30Z is
 * 2026-03-29 in Stockholm. Daylight saving time changes the hour, never the date.
 *
 * @public
 */
export function stockholmDateOf(instant: Instant): IsoDate {
  return stockholmClockOf(instant).toFormat('yyyy-MM-dd');
}
