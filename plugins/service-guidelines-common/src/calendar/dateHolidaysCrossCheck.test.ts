import Holidays from 'date-holidays';
import { datesFromTo, utcWeekday } from './__testUtils__/dates';
import { createWorkingDayCalendar } from './workingDayCalendar';

/*
 * An independent implementation as a second opinion, for every date the calendar supports.
 * date-holidays lists observances (Lucia, Mors dag) and optional days (valborgsmässoafton) too;
 * only its types public and bank are days off, and its eves (midsommarafton, julafton,
 * nyårsafton) are the bank ones.
 */
describe('the calendar against date-holidays, 2005–2100', () => {
  const calendar = createWorkingDayCalendar();
  const holidays = new Holidays('SE');

  function daysOffByDateHolidays(year: number): Map<string, string[]> {
    const byDate = new Map<string, string[]>();
    for (const holiday of holidays.getHolidays(year)) {
      if (holiday.type === 'public' || holiday.type === 'bank') {
        const date = holiday.date.slice(0, 10);
        byDate.set(date, [...(byDate.get(date) ?? []), holiday.name]);
      }
    }
    return byDate;
  }

  it.each(Array.from({ length: 96 }, (_, i) => 2005 + i))(
    'agrees on every date of %i',
    year => {
      const theirs = daysOffByDateHolidays(year);
      const disagreements: string[] = [];
      for (const date of datesFromTo(`${year}-01-01`, `${year}-12-31`)) {
        const weekday = utcWeekday(date);
        const offByTheirs = weekday === 0 || weekday === 6 || theirs.has(date);
        if (calendar.isWorkingDay(date) === offByTheirs) {
          disagreements.push(
            `${date}: ours ${
              calendar.isWorkingDay(date) ? 'arbetsdag' : 'off'
            }`,
          );
        }
        const ourNames = calendar.holidayName(date)?.split(' och ') ?? [];
        const theirNames = theirs.get(date) ?? [];
        if ([...ourNames].sort().join() !== [...theirNames].sort().join()) {
          disagreements.push(
            `${date}: ours ${ourNames.join('+')}, theirs ${theirNames.join(
              '+',
            )}`,
          );
        }
      }
      expect(disagreements).toEqual([]);
    },
  );
});
