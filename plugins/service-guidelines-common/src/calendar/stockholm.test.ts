import fc from 'fast-check';
import {
  FOREIGN_TIME_ZONES,
  withLuxonDefaultZone,
} from './__testUtils__/dates';
import { DateTime } from 'luxon';
import {
  epochMillisOf,
  stockholmDateOf,
  stockholmWallClockOf,
} from './stockholm';

/** Stockholm's date of an instant by Intl alone, a path that shares no code with luxon's. */
function stockholmDateByIntl(epochMs: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(epochMs));
}

const STOCKHOLM_TIME_BY_INTL = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Stockholm',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Stockholm's wall clock of an instant by Intl alone. */
function stockholmWallClockByIntl(epochMs: number) {
  const [hour, minute] = STOCKHOLM_TIME_BY_INTL.format(new Date(epochMs))
    .split(':')
    .map(Number);
  return {
    date: stockholmDateByIntl(epochMs),
    minutesOfDay: hour * 60 + minute,
  };
}

describe('stockholmDateOf', () => {
  it.each([
    // Daylight saving time starts 2026-03-29 at 01:00 UTC (02:00 CET becomes 03:00 CEST).
    ['2026-03-28T22:59:59Z', '2026-03-28'],
    ['2026-03-28T23:00:00Z', '2026-03-29'],
    ['2026-03-29T01:30:00Z', '2026-03-29'],
    ['2026-03-29T21:59:59Z', '2026-03-29'],
    ['2026-03-29T22:00:00Z', '2026-03-30'],
    // It ends 2026-10-25 at 01:00 UTC (03:00 CEST becomes 02:00 CET): 02:30 happens twice.
    ['2026-10-24T21:59:59Z', '2026-10-24'],
    ['2026-10-24T22:00:00Z', '2026-10-25'],
    ['2026-10-25T00:30:00Z', '2026-10-25'],
    ['2026-10-25T01:30:00Z', '2026-10-25'],
    ['2026-10-25T22:59:59Z', '2026-10-25'],
    ['2026-10-25T23:00:00Z', '2026-10-26'],
    // Offsets other than UTC name the same instants.
    ['2026-06-18T23:30:00+01:00', '2026-06-19'],
    ['2026-06-18T17:30:00-05:00', '2026-06-19'],
    ['2026-06-19T00:30:00+0200', '2026-06-19'],
  ])('%s is %s in Stockholm', (instant, date) => {
    expect(stockholmDateOf(instant)).toBe(date);
    expect(stockholmDateOf(new Date(instant.replace('+0200', '+02:00')))).toBe(
      date,
    );
  });

  it('refuses a time without an offset, which could be in any zone', () => {
    expect(() => stockholmDateOf('2026-06-19T10:00:00')).toThrow(
      'an ISO 8601 date and time with an offset',
    );
    expect(() => stockholmDateOf('2026-06-19')).toThrow(RangeError);
    expect(() => stockholmDateOf('2026-02-30T10:00:00Z')).toThrow(
      'is not a valid instant',
    );
    expect(() => stockholmDateOf(new Date(Number.NaN))).toThrow(
      'an invalid Date',
    );
  });

  /** The instant written in an offset of its own, as a client in another zone might send it. */
  function isoInOffset(epochMs: number, offsetMinutes: number): string {
    const local = new Date(epochMs + offsetMinutes * 60_000).toISOString();
    if (offsetMinutes === 0) return local;
    const sign = offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(offsetMinutes);
    const hh = String(Math.floor(abs / 60)).padStart(2, '0');
    const mm = String(abs % 60).padStart(2, '0');
    return `${local.slice(0, -1)}${sign}${hh}:${mm}`;
  }

  /** 01:00 UTC on the last Sunday of the month: when Stockholm changes its clocks. */
  function clockChangeOf(year: number, month: 3 | 10): number {
    const lastDay = new Date(Date.UTC(year, month, 0));
    const lastSunday = lastDay.getUTCDate() - lastDay.getUTCDay();
    return Date.UTC(year, month - 1, lastSunday, 1);
  }

  it('gives the date and time of day Intl gives in the hours around every change of the clocks, in any offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2005, max: 2100 }),
        fc.constantFrom(3 as const, 10 as const),
        fc.integer({ min: -6 * 60, max: 6 * 60 }),
        fc.constantFrom(0, 60, 120, -300, 330, 845, -720),
        (year, month, minutes, offset) => {
          const epochMs = clockChangeOf(year, month) + minutes * 60_000;
          expect(stockholmDateOf(isoInOffset(epochMs, offset))).toBe(
            stockholmDateByIntl(epochMs),
          );
          expect(stockholmDateOf(new Date(epochMs))).toBe(
            stockholmDateByIntl(epochMs),
          );
          expect(stockholmWallClockOf(isoInOffset(epochMs, offset))).toEqual(
            stockholmWallClockByIntl(epochMs),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives the date and time of day Intl gives for every hour of two years, more hours than it keeps', () => {
    const start = Date.UTC(2025, 0, 1);
    for (let hour = 0; hour < 2 * 366 * 24; hour++) {
      // The last second of each hour: a date changes at the end of an hour, never inside one.
      const epochMs = start + (hour + 1) * 3_600_000 - 1000;
      expect(stockholmDateOf(new Date(epochMs))).toBe(
        stockholmDateByIntl(epochMs),
      );
      // And the hour's first minute, where the hour itself changes.
      const first = start + hour * 3_600_000 + 59_000;
      expect(stockholmWallClockOf(new Date(first))).toEqual(
        stockholmWallClockByIntl(first),
      );
    }
  });

  it("reads every date and time with an offset as luxon's ISO parser does, and refuses what it refuses", () => {
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.tuple(
          fc.integer({ min: 0, max: 25 }),
          fc.integer({ min: 0, max: 61 }),
          fc.integer({ min: 0, max: 61 }),
        ),
        fc.option(fc.stringMatching(/^[0-9]{1,9}$/)),
        fc.oneof(
          fc.constant('Z'),
          fc
            .tuple(
              fc.constantFrom('+', '-'),
              fc.integer({ min: 0, max: 25 }),
              fc.integer({ min: 0, max: 61 }),
            )
            .map(([sign, h, m]) => `${sign}${two(h)}:${two(m)}`),
        ),
        (year, month, day, [hour, minute, second], fraction, offset) => {
          const instant = `${String(year).padStart(4, '0')}-${two(month)}-${two(
            day,
          )}T${two(hour)}:${two(minute)}:${two(second)}${
            fraction ? `.${fraction}` : ''
          }${offset}`;
          const luxon = DateTime.fromISO(instant, { setZone: true });
          const outcome = (read: () => unknown) => {
            try {
              return { read: read() };
            } catch (error) {
              return { refused: error instanceof RangeError };
            }
          };
          expect({
            epochMs: outcome(() => epochMillisOf(instant)),
            date: outcome(() => stockholmDateOf(instant)),
          }).toEqual(
            luxon.isValid
              ? {
                  epochMs: { read: luxon.toMillis() },
                  // As the whole of it was read before: luxon, in Stockholm's zone.
                  date: {
                    read: DateTime.fromMillis(luxon.toMillis(), {
                      zone: 'Europe/Stockholm',
                    }).toFormat('yyyy-MM-dd'),
                  },
                }
              : { epochMs: { refused: true }, date: { refused: true } },
          );
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('gives the wall clock of a year past 9999 too', () => {
    expect(
      stockholmWallClockOf(new Date(Date.UTC(10000, 6, 1, 12, 5))),
    ).toEqual({ date: '10000-07-01', minutesOfDay: 14 * 60 + 5 });
  });

  it("gives the date Intl gives, whatever luxon's default zone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2005, 0, 1), max: Date.UTC(2100, 11, 31) }),
        fc.constantFrom(...FOREIGN_TIME_ZONES),
        (epochMs, zone) => {
          const expected = stockholmDateByIntl(epochMs);
          const instant = new Date(epochMs);
          expect(
            withLuxonDefaultZone(zone, () => stockholmDateOf(instant)),
          ).toBe(expected);
          expect(
            withLuxonDefaultZone(zone, () =>
              stockholmDateOf(instant.toISOString()),
            ),
          ).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
