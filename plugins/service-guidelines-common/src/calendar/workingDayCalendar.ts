import {
  dayOfYearOfPacked,
  IsoDate,
  outOfRangeError,
  parseSupportedDate,
  SUPPORTED_YEARS,
  yearOfPacked,
} from './isoDate';
import { SWEDISH_EVES, SwedishEve } from './swedishHolidays';
import {
  buildYearTable,
  ExtraDayOfYear,
  NonWorkingDay,
  YearTable,
} from './yearTable';

/**
 * A day a municipality closes on besides the holidays, e.g. a klämdag.
 *
 * @public
 */
export interface ExtraNonWorkingDay {
  date: IsoDate;
  /** Shown wherever the day is named; "extra ledig dag" when left out. */
  name?: string;
}

/**
 * How a municipality's working days differ from the Swedish default.
 *
 * @public
 */
export interface WorkingDayCalendarOptions {
  /** Days that are not arbetsdagar though the law says nothing of them (klämdagar). */
  extraNonWorkingDays?: ReadonlyArray<IsoDate | ExtraNonWorkingDay>;
  /** Eves on which the municipality works after all. */
  workingEves?: ReadonlyArray<SwedishEve>;
}

/**
 * Swedish arbetsdagar: Monday to Friday except the allmänna helgdagar of lag (1989:253), the eves
 * midsommarafton, julafton and nyårsafton, and the municipality's extra days. Dates are
 * {@link IsoDate} strings from 2005-01-01 to 2100-12-31; any other date is refused with a
 * `RangeError` that names it. No operation depends on the process's time zone.
 *
 * @public
 */
export interface WorkingDayCalendar {
  /** Whether the date is an arbetsdag. */
  isWorkingDay(date: IsoDate): boolean;

  /** The first arbetsdag after the date (the date itself never counts). */
  nextWorkingDay(date: IsoDate): IsoDate;

  /**
   * The date itself when it is an arbetsdag, otherwise the next one: where a deadline that falls
   * on a non-working day moves (lag 1930:173, 2 §).
   */
  workingDayOnOrAfter(date: IsoDate): IsoDate;

  /**
   * The `days`-th arbetsdag after the date. With 0 it is {@link WorkingDayCalendar.workingDayOnOrAfter},
   * so the result is always an arbetsdag. For `days` ≥ 1, and for 0 from an arbetsdag,
   * `workingDaysBetween(date, addWorkingDays(date, days))` is `days`.
   *
   * @param days - a whole number, 0 or more
   */
  addWorkingDays(date: IsoDate, days: number): IsoDate;

  /**
   * The number of arbetsdagar after `from` up to and including `to`: 0 when both are the same
   * date, and negative (the count after `to` up to and including `from`) when `to` comes first.
   * This is the count of "Arbetsdagar till X" in the report measures, from the arrival day.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;

  /**
   * The Swedish name of the holiday, eve or extra day on the date, e.g. "Kristi himmelsfärdsdag",
   * or undefined when it is none of them (a plain weekend day is none). An eve the municipality
   * works on has no name here, since it is an ordinary arbetsdag.
   */
  holidayName(date: IsoDate): string | undefined;

  /** Every named non-working day of a year, in date order, including those on weekends. */
  nonWorkingDaysOf(year: number): NonWorkingDay[];
}

const DEFAULT_EXTRA_DAY_NAME = 'extra ledig dag';

class TableWorkingDayCalendar implements WorkingDayCalendar {
  private readonly tables: Array<YearTable | undefined>;
  private readonly workingEves: ReadonlySet<SwedishEve>;
  private readonly extraDaysByYear: ReadonlyMap<number, ExtraDayOfYear[]>;

  constructor(options: WorkingDayCalendarOptions) {
    this.tables = new Array(SUPPORTED_YEARS.last - SUPPORTED_YEARS.first + 1);
    this.workingEves = new Set(
      (options.workingEves ?? []).map(eve => {
        if (!(SWEDISH_EVES as readonly string[]).includes(eve)) {
          throw new RangeError(
            `"${eve}" is not an eve the calendar knows; use one of ${SWEDISH_EVES.join(
              ', ',
            )}`,
          );
        }
        return eve;
      }),
    );
    const extraDaysByYear = new Map<number, ExtraDayOfYear[]>();
    for (const entry of options.extraNonWorkingDays ?? []) {
      const { date, name } =
        typeof entry === 'string' ? { date: entry, name: undefined } : entry;
      const packed = parseSupportedDate(date);
      const year = yearOfPacked(packed);
      const ofYear = extraDaysByYear.get(year) ?? [];
      ofYear.push({
        dayOfYear: dayOfYearOfPacked(packed),
        name: name?.trim() || DEFAULT_EXTRA_DAY_NAME,
      });
      extraDaysByYear.set(year, ofYear);
    }
    this.extraDaysByYear = extraDaysByYear;
  }

  isWorkingDay(date: IsoDate): boolean {
    const packed = parseSupportedDate(date);
    return (
      this.tableOf(yearOfPacked(packed)).nonWorking[
        dayOfYearOfPacked(packed)
      ] === 0
    );
  }

  nextWorkingDay(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, 1);
  }

  workingDayOnOrAfter(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, 0);
  }

  addWorkingDays(date: IsoDate, days: number): IsoDate {
    if (!Number.isInteger(days) || days < 0) {
      throw new RangeError(
        `The number of arbetsdagar to add must be a whole number, 0 or more; got ${days}`,
      );
    }
    const packed = parseSupportedDate(date);
    const table = this.tableOf(yearOfPacked(packed));
    const dayOfYear = dayOfYearOfPacked(packed);
    if (days === 0 && table.nonWorking[dayOfYear] === 0) {
      return table.isoDates[dayOfYear];
    }
    // Zero-based position, among the year's arbetsdagar, of the one wanted. From a non-working
    // day, adding 0 and adding 1 both give the next arbetsdag.
    const position = table.workingBefore[dayOfYear + 1] + Math.max(days, 1) - 1;
    return this.workingDayAtPosition(table, position, date, days);
  }

  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const fromPacked = parseSupportedDate(from);
    const toPacked = parseSupportedDate(to);
    // `0 -` rather than unary minus, which would give -0 for an empty span.
    return toPacked >= fromPacked
      ? this.countAfterUpTo(fromPacked, toPacked)
      : 0 - this.countAfterUpTo(toPacked, fromPacked);
  }

  holidayName(date: IsoDate): string | undefined {
    const packed = parseSupportedDate(date);
    return this.tableOf(yearOfPacked(packed)).named.get(
      dayOfYearOfPacked(packed),
    )?.name;
  }

  nonWorkingDaysOf(year: number): NonWorkingDay[] {
    if (
      !Number.isInteger(year) ||
      year < SUPPORTED_YEARS.first ||
      year > SUPPORTED_YEARS.last
    ) {
      throw outOfRangeError(`The year ${year}`);
    }
    const table = this.tableOf(year);
    return [...table.named]
      .sort(([a], [b]) => a - b)
      .map(([dayOfYear, { name, kind }]) => ({
        date: table.isoDates[dayOfYear],
        name,
        kind,
      }));
  }

  /** Arbetsdagar after `from` up to and including `to`, for `from` ≤ `to`. */
  private countAfterUpTo(from: number, to: number): number {
    const fromYear = yearOfPacked(from);
    const toYear = yearOfPacked(to);
    const fromTable = this.tableOf(fromYear);
    const toTable = this.tableOf(toYear);
    const upToInFromYear = fromTable.workingBefore[dayOfYearOfPacked(from) + 1];
    const upToInToYear = toTable.workingBefore[dayOfYearOfPacked(to) + 1];
    if (fromYear === toYear) {
      return upToInToYear - upToInFromYear;
    }
    let count = fromTable.workingDays.length - upToInFromYear + upToInToYear;
    for (let year = fromYear + 1; year < toYear; year++) {
      count += this.tableOf(year).workingDays.length;
    }
    return count;
  }

  private workingDayAtPosition(
    table: YearTable,
    position: number,
    start: IsoDate,
    days: number,
  ): IsoDate {
    let current = table;
    let remaining = position;
    while (remaining >= current.workingDays.length) {
      remaining -= current.workingDays.length;
      if (current.year === SUPPORTED_YEARS.last) {
        throw outOfRangeError(
          days === 0
            ? `The first arbetsdag on or after ${start}`
            : `The date ${days} arbetsdagar after ${start}`,
        );
      }
      current = this.tableOf(current.year + 1);
    }
    return current.isoDates[current.workingDays[remaining]];
  }

  private tableOf(year: number): YearTable {
    const index = year - SUPPORTED_YEARS.first;
    let table = this.tables[index];
    if (!table) {
      table = buildYearTable(
        year,
        this.workingEves,
        this.extraDaysByYear.get(year) ?? [],
      );
      this.tables[index] = table;
    }
    return table;
  }
}

/**
 * A Swedish working-day calendar. Each year's table is computed on first use and kept, so that a
 * deadline costs a few array look-ups.
 *
 * @public
 */
export function createWorkingDayCalendar(
  options: WorkingDayCalendarOptions = {},
): WorkingDayCalendar {
  return new TableWorkingDayCalendar(options);
}
