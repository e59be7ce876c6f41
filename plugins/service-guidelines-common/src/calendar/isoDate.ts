import { dayOfYear, daysInMonth } from './civilDate';

/**
 * A date without time, written `YYYY-MM-DD` (ISO 8601), e.g. `2026-06-19`. Received dates and
 * deadlines are stored and sent in this form everywhere: a JS `Date` is an instant, and turning a
 * date into an instant shifts it by a day in some time zone sooner or later.
 *
 * @public
 */
export type IsoDate = string;

/**
 * The years the working-day calendar computes: from 2005, when nationaldagen replaced annandag
 * pingst as a public holiday, to 2100.
 *
 * @public
 */
export const SUPPORTED_YEARS = { first: 2005, last: 2100 } as const;

/**
 * The first and last date the working-day calendar computes.
 *
 * @public
 */
export const SUPPORTED_DATE_RANGE = {
  first: `${SUPPORTED_YEARS.first}-01-01`,
  last: `${SUPPORTED_YEARS.last}-12-31`,
} as const;

/**
 * Whether a value is a string `YYYY-MM-DD` naming a date that exists (not 2025-02-29), in any
 * year from 1000 to 9999.
 *
 * @public
 */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && !Number.isNaN(packOrNaN(value));
}

/**
 * A date packed into one integer, `year * 512 + zero-based day of year`, so that the hot paths
 * (a million deadlines) parse a date without allocating an object.
 */
export type PackedDate = number;

export function yearOfPacked(packed: PackedDate): number {
  return packed >> 9;
}

export function dayOfYearOfPacked(packed: PackedDate): number {
  return packed & 511;
}

const DASH = 45;

function isDigitAt(value: string, index: number): boolean {
  const code = value.charCodeAt(index);
  return code >= 48 && code <= 57;
}

/** The digit at a position already checked to hold one. */
function digitAt(value: string, index: number): number {
  return value.charCodeAt(index) - 48;
}

/**
 * The packed form of a well-formed, existing date; NaN for anything else. Hand-written rather
 * than a regular expression because it runs once per deadline.
 */
function packOrNaN(value: string): PackedDate {
  if (
    value.length !== 10 ||
    value.charCodeAt(4) !== DASH ||
    value.charCodeAt(7) !== DASH ||
    !isDigitAt(value, 0) ||
    !isDigitAt(value, 1) ||
    !isDigitAt(value, 2) ||
    !isDigitAt(value, 3) ||
    !isDigitAt(value, 5) ||
    !isDigitAt(value, 6) ||
    !isDigitAt(value, 8) ||
    !isDigitAt(value, 9)
  ) {
    return NaN;
  }
  const year =
    digitAt(value, 0) * 1000 +
    digitAt(value, 1) * 100 +
    digitAt(value, 2) * 10 +
    digitAt(value, 3);
  const month = digitAt(value, 5) * 10 + digitAt(value, 6);
  const day = digitAt(value, 8) * 10 + digitAt(value, 9);
  if (
    year < 1000 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  ) {
    return NaN;
  }
  return year * 512 + dayOfYear(year, month, day);
}

/**
 * Parses a date the working-day calendar can compute, refusing anything else with an error that
 * names the value: the calendar's rules are only proven for {@link SUPPORTED_YEARS}.
 */
export function parseSupportedDate(value: IsoDate): PackedDate {
  if (typeof value !== 'string') {
    throw new TypeError(
      `Expected a date written YYYY-MM-DD, got ${describeValue(value)}`,
    );
  }
  const packed = packOrNaN(value);
  if (Number.isNaN(packed)) {
    throw new RangeError(
      `"${value}" is not a date written YYYY-MM-DD that exists`,
    );
  }
  const year = yearOfPacked(packed);
  if (year < SUPPORTED_YEARS.first || year > SUPPORTED_YEARS.last) {
    throw outOfRangeError(value);
  }
  return packed;
}

/** The error for a date outside the years the calendar computes. */
export function outOfRangeError(what: string): RangeError {
  return new RangeError(
    `${what} is outside the range of the Swedish working-day calendar, ` +
      `${SUPPORTED_DATE_RANGE.first} to ${SUPPORTED_DATE_RANGE.last}`,
  );
}

function describeValue(value: unknown): string {
  if (value instanceof Date) {
    return 'a Date object (convert an instant with stockholmDateOf)';
  }
  return value === null ? 'null' : typeof value;
}
