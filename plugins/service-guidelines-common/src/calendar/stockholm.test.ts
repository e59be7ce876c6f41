import fc from 'fast-check';
import {
  FOREIGN_TIME_ZONES,
  withLuxonDefaultZone,
} from './__testUtils__/dates';
import { stockholmDateOf } from './stockholm';

/** Stockholm's date of an instant by Intl alone, a path that shares no code with luxon's. */
function stockholmDateByIntl(epochMs: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(epochMs));
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
