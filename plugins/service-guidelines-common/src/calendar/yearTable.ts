import {
  daysInYear,
  formatIsoDate,
  isoWeekday,
  monthAndDayOf,
} from './civilDate';
import { IsoDate } from './isoDate';
import { SwedishEve, swedishRuleDaysOf } from './swedishHolidays';

/**
 * Why a date is not an arbetsdag though it may be a weekday: an allmän helgdag of lag (1989:253),
 * one of the eves, or a day the municipality added in its configuration.
 *
 * @public
 */
export type NonWorkingDayKind = 'helgdag' | 'afton' | 'extra';

/**
 * A named day on which no arbetsdag falls.
 *
 * @public
 */
export interface NonWorkingDay {
  date: IsoDate;
  /** The Swedish name; two names joined by "och" when two holidays share the date. */
  name: string;
  kind: NonWorkingDayKind;
}

/** A day the municipality closes on, within one year. */
export interface ExtraDayOfYear {
  dayOfYear: number;
  name: string;
}

/**
 * Everything the calendar answers about one year, computed once: a flag per day, and the running
 * count of arbetsdagar with its inverse, so that adding or counting arbetsdagar is two array
 * look-ups instead of a walk over the days.
 */
export interface YearTable {
  readonly year: number;
  readonly length: number;
  /** 1 where the day of the year is not an arbetsdag. */
  readonly nonWorking: Uint8Array;
  /** At index i: the arbetsdagar among days of the year 0 … i-1; index `length` holds the year's total. */
  readonly workingBefore: Uint16Array;
  /** The days of the year of the arbetsdagar, in order. */
  readonly workingDays: Uint16Array;
  /** `YYYY-MM-DD` of every day of the year, so that results need no formatting. */
  readonly isoDates: readonly IsoDate[];
  readonly named: ReadonlyMap<
    number,
    { name: string; kind: NonWorkingDayKind }
  >;
}

const KIND_STRENGTH: Record<NonWorkingDayKind, number> = {
  helgdag: 0,
  afton: 1,
  extra: 2,
};

export function buildYearTable(
  year: number,
  workingEves: ReadonlySet<SwedishEve>,
  extraDays: readonly ExtraDayOfYear[],
): YearTable {
  const length = daysInYear(year);
  const nonWorking = new Uint8Array(length);
  const designations = new Map<
    number,
    { names: string[]; kind: NonWorkingDayKind }
  >();

  const markNamed = (
    dayOfYear: number,
    name: string,
    kind: NonWorkingDayKind,
  ) => {
    nonWorking[dayOfYear] = 1;
    const existing = designations.get(dayOfYear);
    if (!existing) {
      designations.set(dayOfYear, { names: [name], kind });
      return;
    }
    // Two rules can meet on one date (första maj and Kristi himmelsfärdsdag in 2008); the
    // strongest reason is the one reported, and both names are kept.
    if (!existing.names.includes(name)) {
      existing.names.push(name);
    }
    if (KIND_STRENGTH[kind] < KIND_STRENGTH[existing.kind]) {
      existing.kind = kind;
    }
  };

  const weekdayOfJanuaryFirst = isoWeekday(year, 1, 1);
  for (let day = 0; day < length; day++) {
    const weekday = ((weekdayOfJanuaryFirst - 1 + day) % 7) + 1;
    if (weekday >= 6) {
      nonWorking[day] = 1;
    }
  }
  for (const ruleDay of swedishRuleDaysOf(year)) {
    if (ruleDay.eve === undefined) {
      markNamed(ruleDay.dayOfYear, ruleDay.name, 'helgdag');
    } else if (!workingEves.has(ruleDay.eve)) {
      markNamed(ruleDay.dayOfYear, ruleDay.name, 'afton');
    }
  }
  for (const extra of extraDays) {
    markNamed(extra.dayOfYear, extra.name, 'extra');
  }

  const workingBefore = new Uint16Array(length + 1);
  const workingDays: number[] = [];
  for (let day = 0; day < length; day++) {
    workingBefore[day + 1] = workingBefore[day] + (nonWorking[day] ? 0 : 1);
    if (!nonWorking[day]) {
      workingDays.push(day);
    }
  }

  const isoDates: IsoDate[] = [];
  for (let day = 0; day < length; day++) {
    const { month, day: dayOfMonth } = monthAndDayOf(year, day);
    isoDates.push(formatIsoDate(year, month, dayOfMonth));
  }

  const named = new Map<number, { name: string; kind: NonWorkingDayKind }>();
  for (const [dayOfYear, { names, kind }] of designations) {
    named.set(dayOfYear, { name: names.join(' och '), kind });
  }

  return {
    year,
    length,
    nonWorking,
    workingBefore,
    workingDays: Uint16Array.from(workingDays),
    isoDates,
    named,
  };
}
