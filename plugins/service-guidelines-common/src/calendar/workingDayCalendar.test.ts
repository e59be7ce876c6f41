import fc from 'fast-check';
import {
  dateBetween,
  datesFromTo,
  plusDays,
  supportedDate,
  utcWeekday,
} from './__testUtils__/dates';
import { createWorkingDayCalendar } from './workingDayCalendar';

const calendar = createWorkingDayCalendar();

describe('createWorkingDayCalendar', () => {
  describe('isWorkingDay', () => {
    it('is false on weekends, holidays and eves, true on other weekdays', () => {
      expect(calendar.isWorkingDay('2026-06-17')).toBe(true); // Wednesday
      expect(calendar.isWorkingDay('2026-06-19')).toBe(false); // midsommarafton
      expect(calendar.isWorkingDay('2026-06-20')).toBe(false); // midsommardagen, Saturday
      expect(calendar.isWorkingDay('2026-06-21')).toBe(false); // Sunday
      expect(calendar.isWorkingDay('2026-06-22')).toBe(true);
    });

    it('knows the first and last dates of the range', () => {
      expect(calendar.isWorkingDay('2005-01-01')).toBe(false); // nyårsdagen
      expect(calendar.isWorkingDay('2005-01-03')).toBe(true);
      expect(calendar.isWorkingDay('2005-05-16')).toBe(true); // annandag pingst no more
      expect(calendar.isWorkingDay('2005-06-06')).toBe(false); // the first nationaldag off
      expect(calendar.isWorkingDay('2100-12-31')).toBe(false);
      expect(calendar.isWorkingDay('2100-12-30')).toBe(true);
    });
  });

  describe('nextWorkingDay and workingDayOnOrAfter', () => {
    it('skip the Christmas and New Year holidays', () => {
      expect(calendar.nextWorkingDay('2025-12-23')).toBe('2025-12-29');
      expect(calendar.nextWorkingDay('2025-12-30')).toBe('2026-01-02');
      expect(calendar.workingDayOnOrAfter('2025-12-24')).toBe('2025-12-29');
      expect(calendar.workingDayOnOrAfter('2025-12-23')).toBe('2025-12-23');
    });

    it('cross years', () => {
      expect(calendar.nextWorkingDay('2027-12-31')).toBe('2028-01-03');
      expect(calendar.workingDayOnOrAfter('2033-12-31')).toBe('2034-01-02');
    });
  });

  describe('addWorkingDays', () => {
    it('counts the arbetsdagar after the date', () => {
      expect(calendar.addWorkingDays('2026-04-01', 2)).toBe('2026-04-07'); // over Easter
      expect(calendar.addWorkingDays('2026-05-13', 1)).toBe('2026-05-15'); // over Kristi himmelsfärd
      expect(calendar.addWorkingDays('2026-06-18', 10)).toBe('2026-07-03'); // over midsommar
      expect(calendar.addWorkingDays('2026-12-22', 10)).toBe('2027-01-12'); // over Christmas
    });

    it('from a non-working day counts from the next arbetsdag', () => {
      expect(calendar.addWorkingDays('2026-06-20', 0)).toBe('2026-06-22');
      expect(calendar.addWorkingDays('2026-06-20', 1)).toBe('2026-06-22');
      expect(calendar.addWorkingDays('2026-06-20', 2)).toBe('2026-06-23');
    });

    it('runs across as many years as asked', () => {
      expect(calendar.addWorkingDays('2025-01-01', 0)).toBe('2025-01-02');
      const twoYearsOn = calendar.addWorkingDays('2025-01-02', 500);
      expect(calendar.workingDaysBetween('2025-01-02', twoYearsOn)).toBe(500);
    });

    it('refuses a count that is not a whole number of 0 or more', () => {
      expect(() => calendar.addWorkingDays('2026-01-02', -1)).toThrow(
        'must be a whole number, 0 or more; got -1',
      );
      expect(() => calendar.addWorkingDays('2026-01-02', 1.5)).toThrow(
        RangeError,
      );
      expect(() => calendar.addWorkingDays('2026-01-02', Number.NaN)).toThrow(
        RangeError,
      );
    });

    it('refuses a result past the end of the range, naming the start', () => {
      expect(() => calendar.addWorkingDays('2100-12-29', 2)).toThrow(
        'The date 2 arbetsdagar after 2100-12-29 is outside the range of the Swedish ' +
          'working-day calendar, 2005-01-01 to 2100-12-31',
      );
      expect(() => calendar.nextWorkingDay('2100-12-30')).toThrow(RangeError);
    });
  });

  describe('workingDaysBetween', () => {
    it('counts the arbetsdagar after the first date up to and including the second', () => {
      expect(calendar.workingDaysBetween('2026-06-17', '2026-06-17')).toBe(0);
      expect(calendar.workingDaysBetween('2026-06-17', '2026-06-18')).toBe(1);
      expect(calendar.workingDaysBetween('2026-06-18', '2026-06-22')).toBe(1);
      expect(calendar.workingDaysBetween('2026-06-19', '2026-06-21')).toBe(0);
      expect(calendar.workingDaysBetween('2025-12-23', '2026-01-02')).toBe(3);
    });

    it('is negative when the second date comes first', () => {
      expect(calendar.workingDaysBetween('2026-06-22', '2026-06-18')).toBe(-1);
    });

    it('counts a whole year: 2026 has 261 weekdays, 10 of them holidays or eves', () => {
      expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(251);
    });

    it('counts across many years', () => {
      const whole = calendar.workingDaysBetween('2005-01-01', '2100-12-31');
      let byYear = calendar.workingDaysBetween('2005-01-01', '2005-12-31');
      for (let year = 2006; year <= 2100; year++) {
        byYear += calendar.workingDaysBetween(
          `${year - 1}-12-31`,
          `${year}-12-31`,
        );
      }
      expect(whole).toBe(byYear);
    });
  });

  describe('dates it refuses', () => {
    it.each([
      ['2004-12-31', 'outside the range'],
      ['2101-01-01', 'outside the range'],
      ['2026-02-29', 'is not a date written YYYY-MM-DD that exists'],
      ['2026-13-01', 'is not a date written YYYY-MM-DD that exists'],
      ['2026-1-01', 'is not a date written YYYY-MM-DD that exists'],
      ['2026-06-19T00:00', 'is not a date written YYYY-MM-DD that exists'],
      ['', 'is not a date written YYYY-MM-DD that exists'],
    ])('%j: %s', (date, message) => {
      expect(() => calendar.isWorkingDay(date)).toThrow(RangeError);
      expect(() => calendar.isWorkingDay(date)).toThrow(message);
      expect(() => calendar.holidayName(date)).toThrow(message);
    });

    it('names the date and the range', () => {
      expect(() => calendar.isWorkingDay('2104-06-06')).toThrow(
        '2104-06-06 is outside the range of the Swedish working-day calendar, 2005-01-01 to 2100-12-31',
      );
    });

    it('tells a JavaScript caller that a Date is not a date string', () => {
      expect(() =>
        calendar.isWorkingDay(new Date() as unknown as string),
      ).toThrow(TypeError);
      expect(() =>
        calendar.isWorkingDay(new Date() as unknown as string),
      ).toThrow('convert an instant with stockholmDateOf');
    });
  });

  describe('nonWorkingDaysOf', () => {
    it('lists the named days of a year with their kind', () => {
      expect(calendar.nonWorkingDaysOf(2026)).toEqual([
        { date: '2026-01-01', name: 'nyårsdagen', kind: 'helgdag' },
        { date: '2026-01-06', name: 'trettondedag jul', kind: 'helgdag' },
        { date: '2026-04-03', name: 'långfredagen', kind: 'helgdag' },
        { date: '2026-04-05', name: 'påskdagen', kind: 'helgdag' },
        { date: '2026-04-06', name: 'annandag påsk', kind: 'helgdag' },
        { date: '2026-05-01', name: 'första maj', kind: 'helgdag' },
        { date: '2026-05-14', name: 'Kristi himmelsfärdsdag', kind: 'helgdag' },
        { date: '2026-05-24', name: 'pingstdagen', kind: 'helgdag' },
        { date: '2026-06-06', name: 'nationaldagen', kind: 'helgdag' },
        { date: '2026-06-19', name: 'midsommarafton', kind: 'afton' },
        { date: '2026-06-20', name: 'midsommardagen', kind: 'helgdag' },
        { date: '2026-10-31', name: 'alla helgons dag', kind: 'helgdag' },
        { date: '2026-12-24', name: 'julafton', kind: 'afton' },
        { date: '2026-12-25', name: 'juldagen', kind: 'helgdag' },
        { date: '2026-12-26', name: 'annandag jul', kind: 'helgdag' },
        { date: '2026-12-31', name: 'nyårsafton', kind: 'afton' },
      ]);
    });

    it('gives both names when two holidays share a date', () => {
      // Easter on 23 March 2008 put Kristi himmelsfärdsdag on första maj.
      expect(calendar.holidayName('2008-05-01')).toBe(
        'första maj och Kristi himmelsfärdsdag',
      );
      // Easter on 25 April 2038 puts pingstdagen on 13 June; on 18 April 2049, on nationaldagen.
      expect(calendar.holidayName('2049-06-06')).toBe(
        'pingstdagen och nationaldagen',
      );
    });

    it('refuses a year outside the range', () => {
      expect(() => calendar.nonWorkingDaysOf(2101)).toThrow(
        'The year 2101 is outside the range',
      );
      expect(() => calendar.nonWorkingDaysOf(2026.5)).toThrow(RangeError);
    });
  });

  describe('options', () => {
    const varmdo = createWorkingDayCalendar({
      extraNonWorkingDays: [
        { date: '2026-05-15', name: 'klämdag efter Kristi himmelsfärdsdag' },
        '2026-01-05',
      ],
      workingEves: ['julafton'],
    });

    it('adds extra non-working days with their names', () => {
      expect(varmdo.isWorkingDay('2026-05-15')).toBe(false);
      expect(varmdo.holidayName('2026-05-15')).toBe(
        'klämdag efter Kristi himmelsfärdsdag',
      );
      expect(varmdo.holidayName('2026-01-05')).toBe('extra ledig dag');
      expect(varmdo.addWorkingDays('2026-05-13', 1)).toBe('2026-05-18');
      expect(varmdo.nonWorkingDaysOf(2026)).toContainEqual({
        date: '2026-05-15',
        name: 'klämdag efter Kristi himmelsfärdsdag',
        kind: 'extra',
      });
    });

    it('makes an eve an arbetsdag, with no holiday name', () => {
      expect(varmdo.isWorkingDay('2026-12-24')).toBe(true);
      expect(varmdo.holidayName('2026-12-24')).toBeUndefined();
      expect(varmdo.isWorkingDay('2026-12-31')).toBe(false);
      expect(varmdo.nextWorkingDay('2026-12-23')).toBe('2026-12-24');
    });

    it('leaves the default calendar alone', () => {
      expect(calendar.isWorkingDay('2026-05-15')).toBe(true);
      expect(calendar.isWorkingDay('2026-12-24')).toBe(false);
    });

    it('keeps the legal name first when an extra day falls on a holiday', () => {
      const odd = createWorkingDayCalendar({
        extraNonWorkingDays: [{ date: '2026-01-06', name: 'stängt' }],
      });
      expect(odd.nonWorkingDaysOf(2026)[1]).toEqual({
        date: '2026-01-06',
        name: 'trettondedag jul och stängt',
        kind: 'helgdag',
      });
    });

    it('refuses a bad extra day or eve at once', () => {
      expect(() =>
        createWorkingDayCalendar({ extraNonWorkingDays: ['2026-02-30'] }),
      ).toThrow('"2026-02-30" is not a date');
      expect(() =>
        createWorkingDayCalendar({ extraNonWorkingDays: ['2102-01-02'] }),
      ).toThrow('2102-01-02 is outside the range');
      expect(() =>
        createWorkingDayCalendar({ workingEves: ['paskafton' as 'julafton'] }),
      ).toThrow('"paskafton" is not an eve the calendar knows');
    });
  });

  describe('properties', () => {
    const days = fc.integer({ min: 0, max: 300 });

    it('adding N arbetsdagar and counting back gives N', () => {
      fc.assert(
        fc.property(supportedDate, days, (date, n) => {
          fc.pre(n > 0 || calendar.isWorkingDay(date));
          expect(
            calendar.workingDaysBetween(date, calendar.addWorkingDays(date, n)),
          ).toBe(n);
        }),
        { numRuns: 2000 },
      );
    });

    it('adding gives an arbetsdag, and the earliest one with that count', () => {
      fc.assert(
        fc.property(supportedDate, days, (date, n) => {
          const result = calendar.addWorkingDays(date, n);
          expect(calendar.isWorkingDay(result)).toBe(true);
          expect(result >= date).toBe(true);
          const dayBefore = plusDays(result, -1);
          const countedBefore =
            dayBefore > date ? calendar.workingDaysBetween(date, dayBefore) : 0;
          expect(countedBefore).toBe(Math.max(n - 1, 0));
        }),
        { numRuns: 2000 },
      );
    });

    it('counting is additive and antisymmetric', () => {
      fc.assert(
        fc.property(supportedDate, supportedDate, supportedDate, (a, b, c) => {
          expect(
            calendar.workingDaysBetween(a, b) +
              calendar.workingDaysBetween(b, c),
          ).toBe(calendar.workingDaysBetween(a, c));
          expect(
            calendar.workingDaysBetween(b, a) +
              calendar.workingDaysBetween(a, b),
          ).toBe(0);
        }),
        { numRuns: 1000 },
      );
    });

    it('counting agrees with a walk over the days, one at a time', () => {
      fc.assert(
        fc.property(
          // 400 days after the last start must stay inside the calendar's last year.
          dateBetween('2005-01-01', '2099-11-25'),
          fc.integer({ min: 0, max: 400 }),
          (from, span) => {
            const to = plusDays(from, span);
            const walked = datesFromTo(plusDays(from, 1), to).filter(date =>
              calendar.isWorkingDay(date),
            ).length;
            expect(calendar.workingDaysBetween(from, to)).toBe(walked);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('makes a date an arbetsdag exactly when it is a weekday without a holiday name', () => {
      fc.assert(
        fc.property(supportedDate, date => {
          const weekday = utcWeekday(date);
          const weekend = weekday === 0 || weekday === 6;
          expect(calendar.isWorkingDay(date)).toBe(
            !weekend && calendar.holidayName(date) === undefined,
          );
        }),
        { numRuns: 5000 },
      );
    });
  });
});
