import { InputError, NotAllowedError } from '@backstage/errors';
import {
  ReportFigures,
  SynpunktReport,
} from '@service-guidelines/plugin-service-guidelines-common';
import { Knex } from 'knex';
import { createConfiguredTestDatabases } from '../__testUtils__/databases';
import { KnexOrganisationStore } from '../database/OrganisationStore';
import { loadReportFixture } from './__testUtils__/reportFixture';
import { ReportService } from './ReportService';
import { ReportStore } from './ReportStore';

jest.setTimeout(120_000);

const AREAS = [
  { id: 'utbildning', title: 'Förskola och skola' },
  { id: 'socialtjanst', title: 'Socialtjänst och omsorg' },
  { id: 'ovrigt', title: 'Övrigt' },
];

function serviceOn(knex: Knex, now: string) {
  return new ReportService({
    store: new ReportStore(knex),
    organisation: new KnexOrganisationStore(knex),
    settings: {
      delar: { from: '01-01', to: '08-31' },
      improvementsPageSize: 500,
    },
    areas: AREAS,
    organisationName: 'Testkommunen',
    clock: () => new Date(now),
  });
}

/** Figures written out by hand: every field, so that nothing is compared with itself. */
function figures(f: {
  antal: number;
  anonyma: number;
  fs: [number, number, number];
  ak: [number, number, number];
  days: [number, number | null, number | null];
  open: number;
  forsenade: number;
  forbattringar: number;
}): ReportFigures {
  const share = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    antal: f.antal,
    anonyma: f.anonyma,
    andelAnonyma: share(f.anonyma, f.antal),
    forstaSvar: {
      iTid: f.fs[0],
      sent: f.fs[1],
      pagaende: f.fs[2],
      andelITid: share(f.fs[0], f.fs[0] + f.fs[1]),
    },
    aterkoppling: {
      iTid: f.ak[0],
      sent: f.ak[1],
      pagaende: f.ak[2],
      andelITid: share(f.ak[0], f.ak[0] + f.ak[1]),
    },
    arbetsdagarTillAterkoppling: {
      antal: f.days[0],
      median: f.days[1],
      p90: f.days[2],
    },
    oppnaVidPeriodensSlut: f.open,
    varavForsenade: f.forsenade,
    forbattringar: f.forbattringar,
  };
}

const row = (
  report: SynpunktReport,
  dimension: keyof SynpunktReport['breakdowns'],
  key: string,
) => report.breakdowns[dimension].find(r => r.key === key);

describe('ReportService on the hand-computed fixture', () => {
  const databases = createConfiguredTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let knex: Knex;
    beforeAll(async () => {
      knex = await databases.init(databaseId);
      await loadReportFixture(knex);
    });

    // Delår 2026 read on 24 November 2026: the period has ended, its state is that of 31 August.
    const afterThePeriod = '2026-11-24T10:00:00Z';

    it('computes every measure for a nämnd (delår 2026, barn- och utbildningsnämnden)', async () => {
      const report = await serviceOn(knex, afterThePeriod).report(
        { period: 'delar', year: 2026, unit: 'group:default/bun' },
        'all',
      );
      expect(report.period).toEqual({
        kind: 'delar',
        from: '2026-01-01',
        to: '2026-08-31',
        year: 2026,
        stateDate: '2026-08-31',
      });
      expect(report.previousPeriod).toMatchObject({
        from: '2025-01-01',
        to: '2025-08-31',
      });
      expect(report.scope).toEqual({
        unitRef: 'group:default/bun',
        title: 'Barn- och utbildningsnämnden',
        type: 'nämnd',
      });
      // S1–S5, S9–S12 (S6–S8 are ifo's; S15 after the delår).
      // Första svar: i tid S1 S3 S9 S10 S12; sent S2 (12 > 11 March) S5 (due 12 Aug, none);
      // pågående S11 (due 3 Sep). Återkoppling: i tid S1 S2 S9 S12; sent S3 (23 > 20 March),
      // S5 (15 unpaused arbetsdagar by 31 Aug ≥ 10); pågående S10 (0 by 31 Aug), S11 (arrives
      // 1 Sep). Arbetsdagar: S12 0, S9 4, S1 6, S2 9, S3 11 → median at ⌈2.5⌉ = 3: 6; p90 at
      // ⌈4.5⌉ = 5: 11. Open: S2, S5, S9 (reopened 10 June), S10, S11 (closed after) = 5, of
      // which försenad S5. Improvements: S1, S12 (S10 closed after the period).
      expect(report.total.current).toEqual(
        figures({
          antal: 9,
          anonyma: 1,
          fs: [5, 2, 1],
          ak: [4, 2, 2],
          days: [5, 6, 11],
          open: 5,
          forsenade: 1,
          forbattringar: 2,
        }),
      );
      // S13 only.
      expect(report.total.previous).toEqual(
        figures({
          antal: 1,
          anonyma: 0,
          fs: [1, 0, 0],
          ak: [1, 0, 0],
          days: [1, 9, 9],
          open: 0,
          forsenade: 0,
          forbattringar: 0,
        }),
      );
    });

    it('computes every measure for the whole organisation', async () => {
      const report = await serviceOn(knex, afterThePeriod).report(
        { period: 'delar', year: 2026 },
        'all',
      );
      // bun's nine, and S6 (paused: fs i tid, ak pågående, open), S7 (fs i tid, ak late,
      // open, försenad), S8 (reopened after the period: closed, improvement, first
      // återkoppling in time after 6). Days 0 4 6 6 9 11 → median at 3: 6; p90 at ⌈5.4⌉ = 6: 11.
      expect(report.scope).toEqual({
        unitRef: null,
        title: 'Testkommunen',
        type: null,
      });
      expect(report.total.current).toEqual(
        figures({
          antal: 12,
          anonyma: 1,
          fs: [8, 2, 1],
          ak: [5, 3, 3],
          days: [6, 6, 11],
          open: 7,
          forsenade: 2,
          forbattringar: 3,
        }),
      );
      expect(report.total.previous).toEqual(
        figures({
          antal: 2,
          anonyma: 1,
          fs: [1, 0, 0],
          ak: [1, 0, 0],
          days: [1, 9, 9],
          open: 0,
          forsenade: 0,
          forbattringar: 0,
        }),
      );
    });

    it('breaks the figures down by type, channel, area, month and unit', async () => {
      const report = await serviceOn(knex, afterThePeriod).report(
        { period: 'delar', year: 2026, unit: 'group:default/bun' },
        'all',
      );
      const counts = (dimension: keyof SynpunktReport['breakdowns']) =>
        Object.fromEntries(
          report.breakdowns[dimension].map(r => [r.key, r.current.antal]),
        );
      expect(counts('type')).toEqual({ berom: 2, klagomal: 6, forslag: 1 });
      expect(counts('channel')).toEqual({
        muntligt: 1,
        telefon: 2,
        sms: 0,
        epost: 4,
        brev: 1,
        webb: 1,
        sociala_medier: 0,
      });
      expect(counts('area')).toEqual({
        utbildning: 8,
        socialtjanst: 0,
        ovrigt: 1,
      });
      expect(counts('month')).toEqual({
        '2026-01': 0,
        '2026-02': 0,
        '2026-03': 4,
        '2026-04': 1,
        '2026-05': 0,
        '2026-06': 1,
        '2026-07': 0,
        '2026-08': 3,
      });
      expect(
        report.breakdowns.unit.map(r => [r.key, r.depth, r.current.antal]),
      ).toEqual([
        ['group:default/bun', 0, 9],
        ['group:default/skolan', 1, 9],
      ]);
      // Klagomål: S1 S2 S5 S9 S11 S12. Första svar i tid S1 S9 S12, sent S2 S5, pågående S11;
      // återkoppling i tid S1 S2 S9 S12, sent S5, pågående S11; days 0 4 6 9 → median at 2: 4,
      // p90 at ⌈3.6⌉ = 4: 9; open S2 S5 S9 S11, försenad S5; improvements S1 S12.
      expect(row(report, 'type', 'klagomal')?.current).toEqual(
        figures({
          antal: 6,
          anonyma: 0,
          fs: [3, 2, 1],
          ak: [4, 1, 1],
          days: [4, 4, 9],
          open: 4,
          forsenade: 1,
          forbattringar: 2,
        }),
      );
      // The same month a year earlier: March 2025 holds S13.
      expect(row(report, 'month', '2026-03')?.previous?.antal).toBe(1);
      expect(row(report, 'type', 'klagomal')?.previous?.antal).toBe(1);
      expect(row(report, 'area', 'ovrigt')?.label).toBe('Övrigt');
    });

    it('rolls every unit up over the units below it for the whole organisation', async () => {
      const report = await serviceOn(knex, afterThePeriod).report(
        { period: 'delar', year: 2026 },
        'all',
      );
      expect(
        report.breakdowns.unit.map(r => [
          r.label,
          r.depth,
          r.current.antal,
          r.current.varavForsenade,
        ]),
      ).toEqual([
        ['Kommunen', 0, 12, 2],
        ['Barn- och utbildningsnämnden', 1, 9, 1],
        ['Skolan', 2, 9, 1],
        ['Socialnämnden', 1, 3, 1],
        ['IFO', 2, 3, 1],
      ]);
    });

    it('lists the improvements with unit and description, and nothing of the customer', async () => {
      const report = await serviceOn(knex, afterThePeriod).report(
        { period: 'delar', year: 2026 },
        'all',
      );
      const items = [...report.improvements.items].sort((a, b) =>
        a.closedDate.localeCompare(b.closedDate),
      );
      expect(items).toEqual([
        {
          unitRef: 'group:default/ifo',
          unitTitle: 'IFO',
          type: 'forslag',
          area: 'socialtjanst',
          areaTitle: 'Socialtjänst och omsorg',
          closedDate: '2026-02-12',
          description: 'Tydligare information på webben',
        },
        {
          unitRef: 'group:default/skolan',
          unitTitle: 'Skolan',
          type: 'klagomal',
          area: 'utbildning',
          areaTitle: 'Förskola och skola',
          closedDate: '2026-03-12',
          description: 'Nya rutiner för skolskjuts',
        },
        {
          unitRef: 'group:default/skolan',
          unitTitle: 'Skolan',
          type: 'klagomal',
          area: 'utbildning',
          areaTitle: 'Förskola och skola',
          closedDate: '2026-03-17',
          description: '=HYPERLINK("http://example.invalid","klicka")',
        },
      ]);
      expect(report.improvements).toMatchObject({ total: 3, truncated: false });
      const text = JSON.stringify(report);
      for (const secret of [
        'Hemliga',
        'hemlig.kund@example.se',
        '070-1740699',
        'Kundens egna ord',
        'SYN-TEST',
      ]) {
        expect(text).not.toContain(secret);
      }
    });

    it('reads a running period as it stands today: a deadline passes when its day is over', async () => {
      const on19May = await serviceOn(knex, '2026-05-19T10:00:00Z').report(
        { period: 'delar', year: 2026, unit: 'group:default/soc' },
        'all',
      );
      expect(on19May.period.stateDate).toBe('2026-05-19');
      // S6 (paused), S7 (due 19 May: still pågående on the 19th), S8 (closed in February; the
      // reopening in September lies ahead).
      expect(on19May.total.current).toEqual(
        figures({
          antal: 3,
          anonyma: 0,
          fs: [3, 0, 0],
          ak: [1, 0, 2],
          days: [1, 6, 6],
          open: 2,
          forsenade: 0,
          forbattringar: 1,
        }),
      );
      const on20May = await serviceOn(knex, '2026-05-20T10:00:00Z').report(
        { period: 'delar', year: 2026, unit: 'group:default/soc' },
        'all',
      );
      expect(on20May.total.current).toEqual(
        figures({
          antal: 3,
          anonyma: 0,
          fs: [3, 0, 0],
          ak: [1, 1, 1],
          days: [1, 6, 6],
          open: 2,
          forsenade: 1,
          forbattringar: 1,
        }),
      );
    });

    it('compares a range with the range of equal length that ends the day before', async () => {
      // 9–31 March 2026 (23 days) against 14 February – 8 March: S2 (received 6 March) is in
      // the previous range, S12 (16 March) in the range itself.
      const report = await serviceOn(knex, afterThePeriod).report(
        {
          period: 'range',
          from: '2026-03-09',
          to: '2026-03-31',
          unit: 'group:default/skolan',
        },
        'all',
      );
      expect(report.previousPeriod).toMatchObject({
        from: '2026-02-14',
        to: '2026-03-08',
      });
      expect(report.total.current.antal).toBe(1);
      // S1, S2, S3 were received 2–6 March.
      expect(report.total.previous.antal).toBe(3);
      expect(report.breakdowns.month.map(r => r.previous)).toEqual([null]);
    });

    it('keeps a reader limited to a nämnd inside it', async () => {
      const service = serviceOn(knex, afterThePeriod);
      const own = await service.report({ period: 'delar', year: 2026 }, [
        'group:default/bun',
      ]);
      expect(own.scope.unitRef).toBe('group:default/bun');
      expect(own.total.current.antal).toBe(9);
      await expect(
        service.report(
          { period: 'delar', year: 2026, unit: 'group:default/skolan' },
          ['group:default/bun'],
        ),
      ).resolves.toMatchObject({ scope: { unitRef: 'group:default/skolan' } });
      await expect(
        service.report(
          { period: 'delar', year: 2026, unit: 'group:default/ifo' },
          ['group:default/bun'],
        ),
      ).rejects.toThrow(NotAllowedError);
      await expect(
        service.report(
          { period: 'delar', year: 2026, unit: 'group:default/nope' },
          'all',
        ),
      ).rejects.toThrow(InputError);
      const options = await service.options(['group:default/bun']);
      expect(options.wholeOrganisation).toBe(false);
      expect(options.units.map(u => u.unitRef)).toEqual([
        'group:default/bun',
        'group:default/skolan',
      ]);
    });
  });
});
