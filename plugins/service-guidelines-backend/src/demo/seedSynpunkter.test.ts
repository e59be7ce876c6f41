import { createConfiguredTestDatabases } from '../__testUtils__/databases';
import { demoRegistry } from '../__testUtils__/demoRegistry';
import { syncReportCalendar } from '../report/ReportCalendarStore';
import { ReportService } from '../report/ReportService';
import { ReportStore } from '../report/ReportStore';

jest.setTimeout(180_000);

describe('demo synpunkter', () => {
  const databases = createConfiguredTestDatabases();

  it.each(databases.eachSupportedId())(
    'fill an empty registry once, through the registry rules, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const now = new Date('2026-11-24T10:00:00Z');
      const {
        stores,
        rules,
        settings,
        seed: seedCount,
      } = await demoRegistry(knex, now);
      const seed = () => seedCount(80);

      expect(await seed()).toBe(80);
      // Only when empty: a second run (another instance, a restart) adds nothing.
      expect(await seed()).toBe(0);

      const rows = await knex('synpunkter').select(
        'received_date',
        'registration_number',
        'status',
        'contact_email',
        'anonymous',
        'forsta_svar_due',
        'aterkoppling_due',
      );
      expect(rows).toHaveLength(80);
      expect(
        rows.every(
          r =>
            r.received_date >= '2025-01-01' && r.received_date < '2026-11-24',
        ),
      ).toBe(true);
      expect(
        rows.filter(r => !/^SYN-202[56]-\d{5}$/.test(r.registration_number)),
      ).toEqual([]);
      // Anonymous ones have no återkoppling clock; the others a deadline and a made-up address.
      const anonymous = rows.filter(r => Boolean(r.anonymous));
      const withContact = rows.filter(r => !r.anonymous);
      expect(anonymous.length).toBeGreaterThan(0);
      expect(anonymous.filter(r => r.aterkoppling_due !== null)).toEqual([]);
      expect(
        withContact.filter(
          r =>
            !/@example\.se$/.test(r.contact_email ?? '') ||
            !/^\d{4}-\d{2}-\d{2}$/.test(r.aterkoppling_due ?? ''),
        ),
      ).toEqual([]);
      expect(rows.some(r => r.status === 'avslutad')).toBe(true);

      // And the reports have something to show.
      await syncReportCalendar(knex, rules.calendar);
      const report = await new ReportService({
        store: new ReportStore(knex),
        organisation: stores.organisation,
        settings: {
          delar: { from: '01-01', to: '08-31' },
          improvementsPageSize: 10,
        },
        areas: settings.areas,
        organisationName: 'Demo',
        clock: () => now,
      }).report(
        { period: 'range', from: '2025-01-01', to: '2026-11-23' },
        'all',
      );
      expect(report.total.current.antal).toBe(80);
      expect(report.total.current.aterkoppling.iTid).toBeGreaterThan(0);
    },
  );
});
