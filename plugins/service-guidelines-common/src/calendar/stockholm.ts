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

/** The date and the time of day on Stockholm's wall clock at an instant. */
export interface StockholmWallClock {
  date: IsoDate;
  /** Minutes after midnight: 16:00 is 960. */
  minutesOfDay: number;
}

/**
 * The wall clock in Stockholm at an instant, whatever the time zone of the process. Read for the
 * arrival day of every registration, so without luxon's zone lookup (see
 * {@link stockholmOffsetMinutesAt}).
 */
export function stockholmWallClockOf(instant: Instant): StockholmWallClock {
  const epochMs = epochMillisOf(instant);
  const shifted = new Date(
    epochMs + stockholmOffsetMinutesAt(epochMs) * 60_000,
  );
  const iso = shifted.toISOString();
  // Outside years 0000-9999 toISOString writes the year with a sign and six digits.
  if (iso.length === 24) {
    return {
      date: iso.slice(0, 10),
      minutesOfDay: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
    };
  }
  const clock = DateTime.fromMillis(epochMs, { zone: STOCKHOLM_TIME_ZONE });
  return {
    date: clock.toFormat('yyyy-MM-dd'),
    minutesOfDay: clock.hour * 60 + clock.minute,
  };
}

/**
 * The date in Stockholm at an instant, whatever the time zone of the process: 2026-03-28T23:30Z is
 * 2026-03-29 in Stockholm. Daylight saving time changes the hour, never the date.
 *
 * @public
 */
export function stockholmDateOf(instant: Instant): IsoDate {
  return stockholmWallClockOf(instant).date;
}

/**
 * The instant in milliseconds since the epoch. A string is read in its own offset, which needs
 * no time zone data.
 */
export function epochMillisOf(instant: Instant): number {
  const invalid = (dateTime: DateTime) =>
    new RangeError(
      `${describe(instant)} is not a valid instant: ${
        dateTime.invalidExplanation ?? dateTime.invalidReason
      }`,
    );
  if (instant instanceof Date) {
    const epochMs = instant.getTime();
    if (Number.isNaN(epochMs)) throw invalid(DateTime.fromJSDate(instant));
    return epochMs;
  }
  if (
    typeof instant !== 'string' ||
    !instant.includes('T') ||
    !ENDS_WITH_OFFSET.test(instant)
  ) {
    throw new RangeError(
      `Expected an instant: a Date, or an ISO 8601 date and time with an offset such as ` +
        `2026-11-24T09:30:00+01:00; got ${describe(instant)}`,
    );
  }
  const epochMs = rfc3339Millis(instant);
  if (epochMs !== undefined) return epochMs;
  const parsed = DateTime.fromISO(instant, { setZone: true });
  if (!parsed.isValid) throw invalid(parsed);
  return parsed.toMillis();
}

// What the API and the database write: 2026-11-24T08:30:00.123Z, 2026-11-24T09:30:00+01:00.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * The instant of a valid RFC 3339 date and time, the same as luxon's ISO parser gives, or
 * undefined for anything else (luxon then reads it, or refuses it). Luxon's parser is general
 * (week and ordinal dates, reduced precision) and costs tens of microseconds under load, read
 * for every instant of a registration and a report.
 */
function rfc3339Millis(value: string): number | undefined {
  const m = RFC3339.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    (m[8] && (Number(m[9]) > 23 || Number(m[10]) > 59))
  ) {
    return undefined;
  }
  // Luxon keeps whole milliseconds of a longer fraction, as here.
  const millis = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  const offsetMinutes = m[8]
    ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]))
    : 0;
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, leaves years 0-99 as they are.
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, millis);
  return utc.getTime() - offsetMinutes * 60_000;
}

const HOUR_MS = 3_600_000;
/** About a year of hours: a registry's dates cluster around today. */
const MAX_KEPT_OFFSETS = 10_000;
const stockholmOffsetByUtcHour = new Map<number, number>();

/**
 * Stockholm's offset from UTC in minutes at an instant. Asking the time zone data through
 * luxon and Intl costs tens of microseconds, and a registration or a report asks it many times;
 * Stockholm changes its offset only on whole UTC hours (01:00 UTC, in March and October), so the
 * offset is kept per UTC hour. An hour whose start and end differ is asked about exactly.
 */
function stockholmOffsetMinutesAt(epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  const kept = stockholmOffsetByUtcHour.get(hour);
  if (kept !== undefined) return kept;
  const offsetAt = (ms: number) =>
    DateTime.fromMillis(ms, { zone: STOCKHOLM_TIME_ZONE }).offset;
  const start = offsetAt(hour * HOUR_MS);
  if (start !== offsetAt((hour + 1) * HOUR_MS - 1)) return offsetAt(epochMs);
  if (stockholmOffsetByUtcHour.size >= MAX_KEPT_OFFSETS) {
    stockholmOffsetByUtcHour.clear();
  }
  stockholmOffsetByUtcHour.set(hour, start);
  return start;
}
