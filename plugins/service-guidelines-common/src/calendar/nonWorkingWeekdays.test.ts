import { createWorkingDayCalendar } from './workingDayCalendar';

/*
 * Every weekday of 2024–2035 that is not an arbetsdag, written out by hand from lag (1989:253)
 * and the eves, not produced by the code under test. How it was worked out: the weekday of
 * 1 January of each year; Easter Sunday (2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28,
 * 2028-04-16, 2029-04-01, 2030-04-21, 2031-04-13, 2032-03-28, 2033-04-17, 2034-04-09, 2035-03-25);
 * långfredagen two days before, annandag påsk the day after, Kristi himmelsfärdsdag 39 days
 * after; midsommarafton the Friday of 19–25 June; the fixed dates when they fall Monday–Friday.
 * Påskdagen, pingstdagen, midsommardagen and alla helgons dag are always weekend days.
 */
const NON_WORKING_WEEKDAYS: ReadonlyArray<readonly [string, string]> = [
  ['2024-01-01', 'nyårsdagen'],
  ['2024-03-29', 'långfredagen'],
  ['2024-04-01', 'annandag påsk'],
  ['2024-05-01', 'första maj'],
  ['2024-05-09', 'Kristi himmelsfärdsdag'],
  ['2024-06-06', 'nationaldagen'],
  ['2024-06-21', 'midsommarafton'],
  ['2024-12-24', 'julafton'],
  ['2024-12-25', 'juldagen'],
  ['2024-12-26', 'annandag jul'],
  ['2024-12-31', 'nyårsafton'],

  ['2025-01-01', 'nyårsdagen'],
  ['2025-01-06', 'trettondedag jul'],
  ['2025-04-18', 'långfredagen'],
  ['2025-04-21', 'annandag påsk'],
  ['2025-05-01', 'första maj'],
  ['2025-05-29', 'Kristi himmelsfärdsdag'],
  ['2025-06-06', 'nationaldagen'],
  ['2025-06-20', 'midsommarafton'],
  ['2025-12-24', 'julafton'],
  ['2025-12-25', 'juldagen'],
  ['2025-12-26', 'annandag jul'],
  ['2025-12-31', 'nyårsafton'],

  ['2026-01-01', 'nyårsdagen'],
  ['2026-01-06', 'trettondedag jul'],
  ['2026-04-03', 'långfredagen'],
  ['2026-04-06', 'annandag påsk'],
  ['2026-05-01', 'första maj'],
  ['2026-05-14', 'Kristi himmelsfärdsdag'],
  ['2026-06-19', 'midsommarafton'],
  ['2026-12-24', 'julafton'],
  ['2026-12-25', 'juldagen'],
  ['2026-12-31', 'nyårsafton'],

  ['2027-01-01', 'nyårsdagen'],
  ['2027-01-06', 'trettondedag jul'],
  ['2027-03-26', 'långfredagen'],
  ['2027-03-29', 'annandag påsk'],
  ['2027-05-06', 'Kristi himmelsfärdsdag'],
  ['2027-06-25', 'midsommarafton'],
  ['2027-12-24', 'julafton'],
  ['2027-12-31', 'nyårsafton'],

  ['2028-01-06', 'trettondedag jul'],
  ['2028-04-14', 'långfredagen'],
  ['2028-04-17', 'annandag påsk'],
  ['2028-05-01', 'första maj'],
  ['2028-05-25', 'Kristi himmelsfärdsdag'],
  ['2028-06-06', 'nationaldagen'],
  ['2028-06-23', 'midsommarafton'],
  ['2028-12-25', 'juldagen'],
  ['2028-12-26', 'annandag jul'],

  ['2029-01-01', 'nyårsdagen'],
  ['2029-03-30', 'långfredagen'],
  ['2029-04-02', 'annandag påsk'],
  ['2029-05-01', 'första maj'],
  ['2029-05-10', 'Kristi himmelsfärdsdag'],
  ['2029-06-06', 'nationaldagen'],
  ['2029-06-22', 'midsommarafton'],
  ['2029-12-24', 'julafton'],
  ['2029-12-25', 'juldagen'],
  ['2029-12-26', 'annandag jul'],
  ['2029-12-31', 'nyårsafton'],

  ['2030-01-01', 'nyårsdagen'],
  ['2030-04-19', 'långfredagen'],
  ['2030-04-22', 'annandag påsk'],
  ['2030-05-01', 'första maj'],
  ['2030-05-30', 'Kristi himmelsfärdsdag'],
  ['2030-06-06', 'nationaldagen'],
  ['2030-06-21', 'midsommarafton'],
  ['2030-12-24', 'julafton'],
  ['2030-12-25', 'juldagen'],
  ['2030-12-26', 'annandag jul'],
  ['2030-12-31', 'nyårsafton'],

  ['2031-01-01', 'nyårsdagen'],
  ['2031-01-06', 'trettondedag jul'],
  ['2031-04-11', 'långfredagen'],
  ['2031-04-14', 'annandag påsk'],
  ['2031-05-01', 'första maj'],
  ['2031-05-22', 'Kristi himmelsfärdsdag'],
  ['2031-06-06', 'nationaldagen'],
  ['2031-06-20', 'midsommarafton'],
  ['2031-12-24', 'julafton'],
  ['2031-12-25', 'juldagen'],
  ['2031-12-26', 'annandag jul'],
  ['2031-12-31', 'nyårsafton'],

  ['2032-01-01', 'nyårsdagen'],
  ['2032-01-06', 'trettondedag jul'],
  ['2032-03-26', 'långfredagen'],
  ['2032-03-29', 'annandag påsk'],
  ['2032-05-06', 'Kristi himmelsfärdsdag'],
  ['2032-06-25', 'midsommarafton'],
  ['2032-12-24', 'julafton'],
  ['2032-12-31', 'nyårsafton'],

  ['2033-01-06', 'trettondedag jul'],
  ['2033-04-15', 'långfredagen'],
  ['2033-04-18', 'annandag påsk'],
  ['2033-05-26', 'Kristi himmelsfärdsdag'],
  ['2033-06-06', 'nationaldagen'],
  ['2033-06-24', 'midsommarafton'],
  ['2033-12-26', 'annandag jul'],

  ['2034-01-06', 'trettondedag jul'],
  ['2034-04-07', 'långfredagen'],
  ['2034-04-10', 'annandag påsk'],
  ['2034-05-01', 'första maj'],
  ['2034-05-18', 'Kristi himmelsfärdsdag'],
  ['2034-06-06', 'nationaldagen'],
  ['2034-06-23', 'midsommarafton'],
  ['2034-12-25', 'juldagen'],
  ['2034-12-26', 'annandag jul'],

  ['2035-01-01', 'nyårsdagen'],
  ['2035-03-23', 'långfredagen'],
  ['2035-03-26', 'annandag påsk'],
  ['2035-05-01', 'första maj'],
  ['2035-05-03', 'Kristi himmelsfärdsdag'],
  ['2035-06-06', 'nationaldagen'],
  ['2035-06-22', 'midsommarafton'],
  ['2035-12-24', 'julafton'],
  ['2035-12-25', 'juldagen'],
  ['2035-12-26', 'annandag jul'],
  ['2035-12-31', 'nyårsafton'],
];

/** The holidays that always fall on a weekend, for a few years, by hand. */
const WEEKEND_HOLIDAYS: ReadonlyArray<readonly [string, string]> = [
  ['2025-04-20', 'påskdagen'],
  ['2025-06-08', 'pingstdagen'],
  ['2025-06-21', 'midsommardagen'],
  ['2025-11-01', 'alla helgons dag'],
  ['2026-04-05', 'påskdagen'],
  ['2026-05-24', 'pingstdagen'],
  ['2026-06-06', 'nationaldagen'],
  ['2026-06-20', 'midsommardagen'],
  ['2026-10-31', 'alla helgons dag'],
  ['2026-12-26', 'annandag jul'],
  ['2033-01-01', 'nyårsdagen'],
  ['2033-12-24', 'julafton'],
  ['2033-12-31', 'nyårsafton'],
];

/** Every date of a year with its weekday, by UTC arithmetic so the process time zone is moot. */
function datesOfYear(year: number): Array<{ date: string; weekday: number }> {
  const dates: Array<{ date: string; weekday: number }> = [];
  for (
    let time = Date.UTC(year, 0, 1);
    time < Date.UTC(year + 1, 0, 1);
    time += 86_400_000
  ) {
    const instant = new Date(time);
    dates.push({
      date: instant.toISOString().slice(0, 10),
      weekday: instant.getUTCDay(),
    });
  }
  return dates;
}

describe('non-working weekdays 2024–2035, against the hand-written table', () => {
  const calendar = createWorkingDayCalendar();
  const expected = new Map(NON_WORKING_WEEKDAYS);

  it('is a table of weekdays only, each once', () => {
    expect(expected.size).toBe(NON_WORKING_WEEKDAYS.length);
    for (const [date] of NON_WORKING_WEEKDAYS) {
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      expect({ date, weekend: weekday === 0 || weekday === 6 }).toEqual({
        date,
        weekend: false,
      });
    }
  });

  it.each(Array.from({ length: 12 }, (_, i) => 2024 + i))(
    'agrees on every weekday of %i, both ways, with names',
    year => {
      const actual = datesOfYear(year)
        .filter(({ weekday }) => weekday >= 1 && weekday <= 5)
        .filter(({ date }) => !calendar.isWorkingDay(date))
        .map(({ date }) => [date, calendar.holidayName(date)]);
      const wanted = NON_WORKING_WEEKDAYS.filter(([date]) =>
        date.startsWith(`${year}-`),
      );
      expect(actual).toEqual(wanted);
    },
  );

  it('names the holidays that fall on weekends', () => {
    for (const [date, name] of WEEKEND_HOLIDAYS) {
      expect({ date, name: calendar.holidayName(date) }).toEqual({
        date,
        name,
      });
      expect({ date, working: calendar.isWorkingDay(date) }).toEqual({
        date,
        working: false,
      });
    }
  });

  it('has no name for ordinary days, weekend or not', () => {
    expect(calendar.holidayName('2025-06-07')).toBeUndefined(); // a Saturday
    expect(calendar.holidayName('2025-06-09')).toBeUndefined(); // annandag pingst, abolished 2005
    expect(calendar.holidayName('2025-01-05')).toBeUndefined(); // trettondagsafton
    expect(calendar.holidayName('2025-04-30')).toBeUndefined(); // valborgsmässoafton
    expect(calendar.holidayName('2025-12-13')).toBeUndefined(); // Lucia, an observance
  });
});
