import fc from 'fast-check';
import {
  dayOfYear,
  daysSinceEpoch,
  formatIsoDate,
  isoWeekday,
  monthAndDayOf,
} from './civilDate';

const MS_PER_DAY = 86_400_000;

describe('civil date arithmetic', () => {
  it('agrees with UTC Date arithmetic for every day of 1900–2200', () => {
    fc.assert(
      fc.property(
        fc.integer({
          min: daysSinceEpoch(1900, 1, 1),
          max: daysSinceEpoch(2200, 12, 31),
        }),
        days => {
          const utc = new Date(days * MS_PER_DAY);
          const year = utc.getUTCFullYear();
          const month = utc.getUTCMonth() + 1;
          const day = utc.getUTCDate();
          expect(daysSinceEpoch(year, month, day)).toBe(days);
          expect(isoWeekday(year, month, day)).toBe(utc.getUTCDay() || 7);
          expect(formatIsoDate(year, month, day)).toBe(
            utc.toISOString().slice(0, 10),
          );
          expect(monthAndDayOf(year, dayOfYear(year, month, day))).toEqual({
            month,
            day,
          });
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('counts the leap day only in leap years', () => {
    expect(dayOfYear(2024, 3, 1)).toBe(60);
    expect(dayOfYear(2100, 3, 1)).toBe(59);
    expect(dayOfYear(2000, 12, 31)).toBe(365);
  });
});
