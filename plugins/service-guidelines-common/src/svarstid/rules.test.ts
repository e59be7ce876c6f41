import { CHANNELS, SYNPUNKT_TYPES } from '../synpunkt/model';
import { createSvarstidRules, parseSvarstidConfig } from './rules';
import { DEFAULT_SVARSTID_CONFIG } from './config';

describe('svarstid rules', () => {
  const varmdo = parseSvarstidConfig(undefined);

  describe("Värmdö kommun's defaults", () => {
    it.each([
      ['epost', 2],
      ['webb', 2],
      ['brev', 2],
      ['sociala_medier', 2],
      ['telefon', 0],
      ['sms', 0],
      ['muntligt', 0],
    ] as const)('första svar on %s within %i arbetsdagar', (channel, days) => {
      expect(varmdo.forstaSvarDays(channel)).toBe(days);
    });

    it('återkoppling within 10 arbetsdagar on every channel and type', () => {
      for (const channel of CHANNELS) {
        for (const type of SYNPUNKT_TYPES) {
          expect(varmdo.aterkopplingDays(channel, type)).toBe(10);
        }
      }
    });
  });

  describe('deadlines', () => {
    it('counts an e-mail received on a Wednesday afternoon from that day', () => {
      expect(
        varmdo.deadlines({
          channel: 'epost',
          type: 'klagomal',
          receivedAt: '2026-01-14T15:59:00+01:00',
          anonymous: false,
        }),
      ).toEqual({
        arrivalDate: '2026-01-14',
        forstaSvar: { days: 2, due: '2026-01-16' },
        aterkoppling: { days: 10, due: '2026-01-28' },
      });
    });

    it('counts an e-mail received after 16:00 on the day before midsommarafton from Monday', () => {
      expect(
        varmdo.deadlines({
          channel: 'epost',
          type: 'forslag',
          receivedAt: '2026-06-18T16:05:00+02:00',
          anonymous: false,
        }),
      ).toEqual({
        arrivalDate: '2026-06-22',
        forstaSvar: { days: 2, due: '2026-06-24' },
        aterkoppling: { days: 10, due: '2026-07-06' },
      });
    });

    it('gives a telephone call its första svar on the arrival day', () => {
      const weekend = varmdo.deadlines({
        channel: 'telefon',
        type: 'berom',
        receivedAt: '2026-01-17T11:00:00+01:00',
        anonymous: false,
      });
      expect(weekend.forstaSvar).toEqual({ days: 0, due: '2026-01-19' });
    });

    it('counts a letter from its stamped date, whatever the hour it was registered', () => {
      for (const receivedAt of ['2026-01-14', '2026-01-14T17:30:00+01:00']) {
        expect(
          varmdo.deadlines({
            channel: 'brev',
            type: 'klagomal',
            receivedAt,
            anonymous: false,
          }),
        ).toEqual({
          arrivalDate: '2026-01-14',
          forstaSvar: { days: 2, due: '2026-01-16' },
          aterkoppling: { days: 10, due: '2026-01-28' },
        });
      }
      expect(varmdo.arrivalDate('brev', '2026-01-17')).toBe('2026-01-19');
    });

    it('has no svar for an anonymous synpunkt', () => {
      expect(
        varmdo.deadlines({
          channel: 'webb',
          type: 'klagomal',
          receivedAt: '2026-01-14T10:00:00+01:00',
          anonymous: true,
        }),
      ).toEqual({ arrivalDate: '2026-01-14' });
    });

    it('pauses the återkoppling clock only', () => {
      const deadlines = varmdo.deadlines({
        channel: 'epost',
        type: 'klagomal',
        receivedAt: '2026-01-12T09:00:00+01:00',
        anonymous: false,
        pauses: [{ from: '2026-01-13', to: '2026-01-15' }],
      });
      expect(deadlines.forstaSvar?.due).toBe('2026-01-14');
      expect(deadlines.aterkoppling?.due).toBe('2026-01-28');
    });

    it('measures "arbetsdagar till" with the configured calendar', () => {
      const rules = parseSvarstidConfig({
        calendar: { extraNonWorkingDays: ['2026-01-13'] },
      });
      expect(
        rules.workingDaysTo({ arrivalDate: '2026-01-12', date: '2026-01-14' }),
      ).toBe(1);
      expect(
        varmdo.workingDaysTo({ arrivalDate: '2026-01-12', date: '2026-01-14' }),
      ).toBe(2);
    });
  });

  describe('configured', () => {
    const rules = parseSvarstidConfig({
      endOfWorkingDay: '15:00',
      forstaSvar: { perChannel: { sociala_medier: 1 } },
      aterkoppling: {
        defaultDays: 15,
        perChannel: { sociala_medier: 5, epost: 12 },
        perType: { klagomal: 10, berom: 20 },
      },
      calendar: {
        extraNonWorkingDays: [{ date: '2026-05-15', name: 'klämdag' }],
        workingEves: ['julafton'],
      },
    });

    it('applies the shorter of a channel svarstid and a type svarstid, else the default', () => {
      expect(rules.aterkopplingDays('sociala_medier', 'klagomal')).toBe(5);
      expect(rules.aterkopplingDays('epost', 'klagomal')).toBe(10);
      expect(rules.aterkopplingDays('epost', 'berom')).toBe(12);
      expect(rules.aterkopplingDays('webb', 'berom')).toBe(20);
      expect(rules.aterkopplingDays('webb', 'forslag')).toBe(15);
    });

    it('uses the configured end of the working day and calendar', () => {
      expect(rules.arrivalDate('webb', '2026-05-14T15:00:00+02:00')).toBe(
        '2026-05-18',
      );
      expect(rules.arrivalDate('webb', '2026-05-13T14:59:00+02:00')).toBe(
        '2026-05-13',
      );
      // At 15:00 on the Wednesday: Kristi himmelsfärdsdag, then the klämdag, then the weekend.
      expect(rules.arrivalDate('webb', '2026-05-13T15:00:00+02:00')).toBe(
        '2026-05-18',
      );
      expect(rules.forstaSvarDays('sociala_medier')).toBe(1);
      expect(rules.calendar.isWorkingDay('2026-12-24')).toBe(true);
      expect(rules.calendar.holidayName('2026-05-15')).toBe('klämdag');
    });

    it('keeps its resolved configuration for display', () => {
      expect(rules.config.aterkoppling.defaultDays).toBe(15);
      expect(rules.config.forstaSvar.perChannel.epost).toBe(2);
    });
  });

  it('refuses a bad configuration at once', () => {
    expect(() =>
      parseSvarstidConfig({ aterkoppling: { perChannel: { epost: -1 } } }),
    ).toThrow(
      'serviceGuidelines.svarstider.aterkoppling.perChannel.epost must be 0 or more arbetsdagar',
    );
  });

  it('builds the same rules from the resolved defaults', () => {
    const rules = createSvarstidRules(DEFAULT_SVARSTID_CONFIG);
    expect(rules.arrivalDate('epost', '2026-01-14T15:59:00+01:00')).toBe(
      '2026-01-14',
    );
  });
});
