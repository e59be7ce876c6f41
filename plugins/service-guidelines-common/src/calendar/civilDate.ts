/*
 * Proleptic Gregorian date arithmetic on plain integers. A date without time is a position in the
 * calendar, not an instant, so nothing here touches `Date`, a time zone or daylight saving time:
 * the same input gives the same output in every process time zone.
 */

const DAYS_BEFORE_MONTH = [
  0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334,
];

/** Whether a Gregorian year has a 29 February. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** 365 or 366. */
export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** The number of days of a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The zero-based day of the year (1 January is 0) of a month (1–12) and day. */
export function dayOfYear(year: number, month: number, day: number): number {
  const leapDay = month > 2 && isLeapYear(year) ? 1 : 0;
  return DAYS_BEFORE_MONTH[month - 1] + leapDay + day - 1;
}

/** The month (1–12) and day of a zero-based day of the year. */
export function monthAndDayOf(
  year: number,
  zeroBasedDayOfYear: number,
): { month: number; day: number } {
  let remaining = zeroBasedDayOfYear;
  let month = 1;
  while (remaining >= daysInMonth(year, month)) {
    remaining -= daysInMonth(year, month);
    month += 1;
  }
  return { month, day: remaining + 1 };
}

/**
 * Days from 1970-01-01 to the given date (negative before it). Howard Hinnant's days_from_civil
 * algorithm, in eras of 400 years so that it needs no tables.
 */
export function daysSinceEpoch(
  year: number,
  month: number,
  day: number,
): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9;
  const dayOfShiftedYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 +
    Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) +
    dayOfShiftedYear;
  return era * 146097 + dayOfEra - 719468;
}

/** ISO weekday of a date: Monday is 1, Sunday is 7. */
export function isoWeekday(year: number, month: number, day: number): number {
  // 1970-01-01 was a Thursday (4).
  const days = daysSinceEpoch(year, month, day);
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** `YYYY-MM-DD` of a year, month and day (years 1000–9999). */
export function formatIsoDate(
  year: number,
  month: number,
  day: number,
): string {
  return `${year}-${month < 10 ? '0' : ''}${month}-${
    day < 10 ? '0' : ''
  }${day}`;
}
