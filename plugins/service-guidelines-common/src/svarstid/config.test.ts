import {
  DEFAULT_SVARSTID_CONFIG,
  resolveSvarstidConfig,
  SVARSTID_CONFIG_KEY,
  svarstidConfigSchema,
} from './config';

function errorOf(raw: unknown): string {
  try {
    resolveSvarstidConfig(raw);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
}

describe('resolveSvarstidConfig', () => {
  it("gives Värmdö kommun's svarstider when nothing is configured", () => {
    expect(resolveSvarstidConfig(undefined)).toEqual(DEFAULT_SVARSTID_CONFIG);
    expect(resolveSvarstidConfig(null)).toEqual(DEFAULT_SVARSTID_CONFIG);
    expect(resolveSvarstidConfig({})).toEqual({
      endOfWorkingDay: '16:00',
      forstaSvar: {
        perChannel: {
          muntligt: 0,
          telefon: 0,
          sms: 0,
          epost: 2,
          brev: 2,
          webb: 2,
          sociala_medier: 2,
        },
      },
      aterkoppling: { defaultDays: 10, perChannel: {}, perType: {} },
      calendar: { extraNonWorkingDays: [], workingEves: [] },
    });
  });

  it('takes every setting, keeping the defaults of channels left out', () => {
    expect(
      resolveSvarstidConfig({
        endOfWorkingDay: '15:30',
        forstaSvar: { perChannel: { webb: 1, sociala_medier: 0 } },
        aterkoppling: {
          defaultDays: 15,
          perChannel: { epost: 5 },
          perType: { klagomal: 20 },
        },
        calendar: {
          extraNonWorkingDays: [
            '2026-01-05',
            { date: '2026-05-15', name: 'klämdag' },
          ],
          workingEves: ['nyarsafton'],
        },
      }),
    ).toEqual({
      endOfWorkingDay: '15:30',
      forstaSvar: {
        perChannel: {
          muntligt: 0,
          telefon: 0,
          sms: 0,
          epost: 2,
          brev: 2,
          webb: 1,
          sociala_medier: 0,
        },
      },
      aterkoppling: {
        defaultDays: 15,
        perChannel: { epost: 5 },
        perType: { klagomal: 20 },
      },
      calendar: {
        extraNonWorkingDays: [
          { date: '2026-01-05' },
          { date: '2026-05-15', name: 'klämdag' },
        ],
        workingEves: ['nyarsafton'],
      },
    });
  });

  it('shares defaults that no caller can change', () => {
    expect(Object.isFrozen(DEFAULT_SVARSTID_CONFIG.forstaSvar.perChannel)).toBe(
      true,
    );
    const resolved = resolveSvarstidConfig(undefined);
    resolved.forstaSvar.perChannel.epost = 5;
    expect(DEFAULT_SVARSTID_CONFIG.forstaSvar.perChannel.epost).toBe(2);
  });

  describe('refuses, naming the exact key and what is wrong', () => {
    const key = (path: string) => `${SVARSTID_CONFIG_KEY}.${path}`;

    it.each<[string, unknown, string]>([
      [
        'negative days',
        { aterkoppling: { perChannel: { epost: -1 } } },
        `${key(
          'aterkoppling.perChannel.epost',
        )} must be 0 or more arbetsdagar (0 means at once) (got -1)`,
      ],
      [
        'an unknown channel',
        { forstaSvar: { perChannel: { fax: 2 } } },
        `${key(
          'forstaSvar.perChannel.fax',
        )} is not a channel; use one of muntligt, telefon, sms, epost, brev, webb, sociala_medier`,
      ],
      [
        'an unknown synpunkt type',
        { aterkoppling: { perType: { fraga: 3 } } },
        `${key(
          'aterkoppling.perType.fraga',
        )} is not a synpunkt type; use one of berom, klagomal, forslag`,
      ],
      [
        'a fraction of a day',
        { aterkoppling: { defaultDays: 2.5 } },
        `${key(
          'aterkoppling.defaultDays',
        )} must be a whole number of arbetsdagar (got 2.5)`,
      ],
      [
        'days written as text',
        { forstaSvar: { perChannel: { epost: '2' } } },
        `${key(
          'forstaSvar.perChannel.epost',
        )} must be a number of arbetsdagar (got "2")`,
      ],
      [
        'an implausible number of days',
        { aterkoppling: { defaultDays: 1000 } },
        `${key(
          'aterkoppling.defaultDays',
        )} must be at most 365 arbetsdagar (got 1000)`,
      ],
      [
        'a bad time',
        { endOfWorkingDay: '24:00' },
        `${key(
          'endOfWorkingDay',
        )} must be a time of day written HH:MM, such as 16:00 (got "24:00")`,
      ],
      [
        'a time YAML 1.1 read as a number',
        { endOfWorkingDay: 960 },
        `${key(
          'endOfWorkingDay',
        )} must be a time of day written HH:MM, quoted in YAML ('16:00') (got 960)`,
      ],
      [
        'a date that does not exist',
        { calendar: { extraNonWorkingDays: ['2026-01-05', '2026-02-30'] } },
        `${key(
          'calendar.extraNonWorkingDays[1]',
        )} must be a date written YYYY-MM-DD that exists (got "2026-02-30")`,
      ],
      [
        'a date written another way',
        { calendar: { extraNonWorkingDays: [{ date: '15/5/2026' }] } },
        `${key(
          'calendar.extraNonWorkingDays[0].date',
        )} must be a date written YYYY-MM-DD that exists (got "15/5/2026")`,
      ],
      [
        'a date outside the calendar',
        { calendar: { extraNonWorkingDays: ['2104-01-02'] } },
        `${key(
          'calendar.extraNonWorkingDays[0]',
        )} must be from 2005-01-01 to 2100-12-31 (got "2104-01-02")`,
      ],
      [
        'an extra day without a date',
        { calendar: { extraNonWorkingDays: [{ name: 'klämdag' }] } },
        `${key(
          'calendar.extraNonWorkingDays[0].date',
        )} is required: a date written YYYY-MM-DD`,
      ],
      [
        'a misspelt setting of an extra day',
        {
          calendar: {
            extraNonWorkingDays: [{ date: '2026-05-15', namn: 'klämdag' }],
          },
        },
        `${key(
          'calendar.extraNonWorkingDays[0].namn',
        )} is not a setting of an extra day; use date and name`,
      ],
      [
        'an extra day that is neither a date nor a mapping',
        { calendar: { extraNonWorkingDays: [20260515] } },
        `${key(
          'calendar.extraNonWorkingDays[0]',
        )} must be a date written YYYY-MM-DD, or a mapping with date and name`,
      ],
      [
        'an unknown eve',
        { calendar: { workingEves: ['julafton', 'paskafton'] } },
        `${key(
          'calendar.workingEves[1]',
        )} is not an eve; use one of midsommarafton, julafton, nyarsafton (got "paskafton")`,
      ],
      [
        'a misspelt top-level setting',
        { aterkopling: { defaultDays: 5 } },
        `${key(
          'aterkopling',
        )} is not a svarstid setting; use endOfWorkingDay, forstaSvar, aterkoppling or calendar`,
      ],
      [
        'a misspelt setting of a clock',
        { aterkoppling: { default: 5 } },
        `${key(
          'aterkoppling.default',
        )} is not a setting of aterkoppling; use defaultDays, perChannel or perType`,
      ],
      [
        'a list where a mapping belongs',
        { forstaSvar: [2] },
        `${key('forstaSvar')} must be a mapping with perChannel (got [2])`,
      ],
      [
        'a subtree that is not a mapping',
        'ten days',
        `${SVARSTID_CONFIG_KEY} must be a mapping of svarstid settings (got "ten days")`,
      ],
    ])('%s', (_, raw, message) => {
      expect(errorOf(raw)).toBe(`Invalid svarstid configuration: ${message}`);
    });

    it('lists every problem at once', () => {
      const message = errorOf({
        endOfWorkingDay: '4pm',
        aterkoppling: { perChannel: { epost: -2 } },
      });
      expect(message).toContain(key('endOfWorkingDay'));
      expect(message).toContain(key('aterkoppling.perChannel.epost'));
    });

    it('names the key given when the subtree lives elsewhere', () => {
      expect(() =>
        resolveSvarstidConfig({ endOfWorkingDay: 'x' }, 'kommun.svarstider'),
      ).toThrow('kommun.svarstider.endOfWorkingDay must be');
    });
  });

  it('exposes the schema for other validators', () => {
    expect(
      svarstidConfigSchema.safeParse({ forstaSvar: { perChannel: { sms: 0 } } })
        .success,
    ).toBe(true);
  });
});
