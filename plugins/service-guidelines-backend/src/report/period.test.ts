import { ConfigReader } from '@backstage/config';
import { reportQuerySchema } from '@service-guidelines/plugin-service-guidelines-common';
import { parseInput } from '../service/parseInput';
import {
  deadlineCutoffOf,
  endInstantOf,
  monthsOf,
  resolvePeriods,
} from './period';
import { readReportSettings } from './settings';

const delar = { delar: { from: '01-01', to: '08-31' } };

describe('report periods', () => {
  it('makes delår 1 January – 31 August by default, compared with the year before', () => {
    expect(
      resolvePeriods({ period: 'delar', year: 2026 }, delar, '2026-11-24'),
    ).toEqual({
      period: {
        kind: 'delar',
        from: '2026-01-01',
        to: '2026-08-31',
        year: 2026,
        stateDate: '2026-08-31',
      },
      previousPeriod: {
        kind: 'delar',
        from: '2025-01-01',
        to: '2025-08-31',
        year: 2025,
        stateDate: '2025-08-31',
      },
    });
  });

  it('takes the delår from configuration', () => {
    const settings = readReportSettings(
      new ConfigReader({
        serviceGuidelines: {
          reports: { delar: { from: '01-01', to: '04-30' } },
        },
      }),
    );
    expect(
      resolvePeriods({ period: 'delar', year: 2026 }, settings, '2027-01-10')
        .period,
    ).toMatchObject({ from: '2026-01-01', to: '2026-04-30' });
  });

  it('refuses a delår that is not a month and day of every year, naming the key', () => {
    expect(() =>
      readReportSettings(
        new ConfigReader({
          serviceGuidelines: { reports: { delar: { to: '02-29' } } },
        }),
      ),
    ).toThrow(/serviceGuidelines\.reports\.delar\.to must be a month and day/);
    expect(() =>
      readReportSettings(
        new ConfigReader({
          serviceGuidelines: {
            reports: { delar: { from: '09-01', to: '08-31' } },
          },
        }),
      ),
    ).toThrow(/delar\.to \(08-31\) is before delar\.from \(09-01\)/);
  });

  it('makes helår the calendar year; a running one is read as of today', () => {
    const { period, previousPeriod } = resolvePeriods(
      { period: 'helar', year: 2026 },
      delar,
      '2026-05-19',
    );
    expect(period).toMatchObject({
      from: '2026-01-01',
      to: '2026-12-31',
      stateDate: '2026-05-19',
    });
    expect(previousPeriod).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
      stateDate: '2025-12-31',
    });
    expect(deadlineCutoffOf(period, '2026-05-19')).toBe('2026-05-18');
    expect(deadlineCutoffOf(previousPeriod, '2026-05-19')).toBe('2025-12-31');
  });

  it('compares a range with the range of equal length ending the day before, across a leap day', () => {
    // 1–31 March 2024: 31 days; the 31 days before end on 29 February 2024.
    expect(
      resolvePeriods(
        { period: 'range', from: '2024-03-01', to: '2024-03-31' },
        delar,
        '2026-01-01',
      ).previousPeriod,
    ).toMatchObject({ from: '2024-01-30', to: '2024-02-29' });
    // A single day: the day before.
    expect(
      resolvePeriods(
        { period: 'range', from: '2026-01-01', to: '2026-01-01' },
        delar,
        '2026-06-01',
      ).previousPeriod,
    ).toMatchObject({ from: '2025-12-31', to: '2025-12-31' });
  });

  it('reads the history up to the start of the next day in Stockholm', () => {
    // Summer time: midnight in Stockholm is 22:00 UTC the day before.
    expect(endInstantOf('2026-08-31')).toBe('2026-08-31T22:00:00.000Z');
    expect(endInstantOf('2026-12-31')).toBe('2026-12-31T23:00:00.000Z');
  });

  it('lists the months a period touches', () => {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });
});

describe('the report query', () => {
  const parse = (query: object) =>
    parseInput(reportQuerySchema, query, 'query');

  it('accepts delår, helår and ranges', () => {
    expect(parse({ period: 'delar', year: '2026' })).toEqual({
      period: 'delar',
      year: 2026,
    });
    expect(
      parse({ period: 'range', from: '2026-01-01', to: '2026-03-31' }),
    ).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
  });

  it.each([
    [
      { period: 'kvartal', year: '2026' },
      /period: must be one of delar, helar, range/,
    ],
    [{ period: 'delar' }, /year: is required for period=delar/],
    [{ period: 'helar', year: '1999' }, /year: must be 2005 or later/],
    [
      { period: 'range', from: '2026-03-01', to: '2026-02-01' },
      /to: 2026-02-01 is before from \(2026-03-01\)/,
    ],
    [
      { period: 'range', from: '2020-01-01', to: '2025-01-01' },
      /to: the range from 2020-01-01 to 2025-01-01 is longer than 5 years/,
    ],
    [
      { period: 'range', to: '2026-02-01' },
      /from: is required for period=range/,
    ],
    [
      { period: 'range', from: '2026-02-30', to: '2026-03-01' },
      /from: is not a date that exists/,
    ],
    [
      { period: 'delar', year: '2026', from: '2026-01-01' },
      /from: is only used with period=range/,
    ],
    [
      { period: 'delar', year: '2026', unit: 'kontaktcenter' },
      /unit: must be a group entity ref/,
    ],
    [{ period: 'delar', year: '2026', extra: '1' }, /extra/],
  ])('refuses %j naming the field', (query, message) => {
    expect(() => parse(query)).toThrow(message);
  });

  it('allows a range of exactly five years less a day', () => {
    expect(() =>
      parse({ period: 'range', from: '2020-01-01', to: '2024-12-31' }),
    ).not.toThrow();
  });
});
