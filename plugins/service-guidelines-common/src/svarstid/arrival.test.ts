import fc from 'fast-check';
import { createWorkingDayCalendar } from '../calendar';
import {
  FOREIGN_TIME_ZONES,
  withLuxonDefaultZone,
} from '../calendar/__testUtils__/dates';
import { arrivalDateOf, minutesOfTimeOfDay } from './arrival';

const calendar = createWorkingDayCalendar();

describe('arrivalDateOf', () => {
  it.each([
    // A Wednesday in winter (CET, UTC+1).
    ['2026-01-14T14:59:59Z', '2026-01-14', 'before 16:00'],
    ['2026-01-14T15:00:00Z', '2026-01-15', 'at 16:00'],
    ['2026-01-14T22:59:00Z', '2026-01-15', 'late evening'],
    ['2026-01-14T23:00:00Z', '2026-01-15', 'just after midnight, before 16:00'],
    // A Wednesday in summer (CEST, UTC+2): the same local hours, other UTC hours.
    ['2026-08-12T13:59:59Z', '2026-08-12', 'before 16:00'],
    ['2026-08-12T14:00:00Z', '2026-08-13', 'at 16:00'],
    // Weekends and holidays.
    ['2026-01-16T15:30:00Z', '2026-01-19', 'Friday after 16:00'],
    ['2026-01-17T09:00:00Z', '2026-01-19', 'Saturday morning'],
    ['2026-01-18T22:59:59Z', '2026-01-19', 'Sunday at 23:59:59'],
    [
      '2026-06-18T14:30:00Z',
      '2026-06-22',
      'the day before midsommarafton after 16:00',
    ],
    ['2026-06-19T08:00:00Z', '2026-06-22', 'midsommarafton morning'],
    ['2025-12-23T16:00:00Z', '2025-12-29', 'before Christmas after 16:00'],
  ])('%s arrives %s (%s)', (receivedAt, arrival) => {
    expect(arrivalDateOf(calendar, receivedAt)).toBe(arrival);
    expect(arrivalDateOf(calendar, new Date(receivedAt))).toBe(arrival);
  });

  describe('across daylight saving time', () => {
    it.each([
      // Friday 2026-03-27 is CET, Monday 2026-03-30 CEST: 16:00 is 15:00Z, then 14:00Z.
      ['2026-03-27T14:59:00Z', '2026-03-27'],
      ['2026-03-27T15:00:00Z', '2026-03-30'],
      ['2026-03-29T00:59:00Z', '2026-03-30'], // 01:59 CET, the Sunday of the change
      ['2026-03-29T01:00:00Z', '2026-03-30'], // 03:00 CEST, one instant later
      ['2026-03-30T13:59:00Z', '2026-03-30'],
      ['2026-03-30T14:00:00Z', '2026-03-31'],
      // Friday 2026-10-23 is CEST, Monday 2026-10-26 CET: 16:00 is 14:00Z, then 15:00Z.
      ['2026-10-23T13:59:00Z', '2026-10-23'],
      ['2026-10-23T14:00:00Z', '2026-10-26'],
      ['2026-10-25T00:30:00Z', '2026-10-26'], // 02:30 CEST, the first of two
      ['2026-10-25T01:30:00Z', '2026-10-26'], // 02:30 CET, the second
      ['2026-10-26T14:59:00Z', '2026-10-26'],
      ['2026-10-26T15:00:00Z', '2026-10-27'],
    ])('%s arrives %s', (receivedAt, arrival) => {
      expect(arrivalDateOf(calendar, receivedAt)).toBe(arrival);
    });
  });

  it('takes a bare date as a date stamp, with no hour to compare', () => {
    expect(arrivalDateOf(calendar, '2026-01-14')).toBe('2026-01-14');
    expect(arrivalDateOf(calendar, '2026-01-17')).toBe('2026-01-19');
  });

  it('takes another end of the working day', () => {
    expect(arrivalDateOf(calendar, '2026-01-14T15:00:00+01:00', '15:00')).toBe(
      '2026-01-15',
    );
    expect(arrivalDateOf(calendar, '2026-01-14T14:59:00+01:00', '15:00')).toBe(
      '2026-01-14',
    );
    expect(arrivalDateOf(calendar, '2026-01-14T23:59:00+01:00', '23:59')).toBe(
      '2026-01-15',
    );
  });

  it('refuses what it cannot read', () => {
    expect(() => arrivalDateOf(calendar, '2026-01-14T10:00:00')).toThrow(
      'with an offset',
    );
    expect(() =>
      arrivalDateOf(calendar, '2026-01-14T10:00:00Z', '4pm'),
    ).toThrow('"4pm" is not a time of day written HH:MM');
    expect(() => minutesOfTimeOfDay('24:00')).toThrow(RangeError);
    expect(minutesOfTimeOfDay('16:00')).toBe(960);
  });

  it("is always an arbetsdag on or after the Stockholm date, whatever luxon's default zone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2005, 0, 1), max: Date.UTC(2099, 11, 1) }),
        fc.constantFrom(...FOREIGN_TIME_ZONES),
        (epochMs, zone) => {
          const instant = new Date(epochMs);
          const inStockholm = withLuxonDefaultZone('Europe/Stockholm', () =>
            arrivalDateOf(calendar, instant),
          );
          expect(
            withLuxonDefaultZone(zone, () => arrivalDateOf(calendar, instant)),
          ).toBe(inStockholm);
          expect(calendar.isWorkingDay(inStockholm)).toBe(true);
          const stockholmDate = new Intl.DateTimeFormat('en-CA', {
            timeZone: 'Europe/Stockholm',
          }).format(instant);
          expect(inStockholm >= stockholmDate).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
