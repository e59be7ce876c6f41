import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  parseSvarstidConfig,
  readRegistrySettings,
} from '@service-guidelines/plugin-service-guidelines-common';
import { ConfigReader } from '@backstage/config';
import { createConfiguredTestDatabases } from '../__testUtils__/databases';
import { testOrganisation } from '../__testUtils__/organisation';
import { createStores } from '../database';
import { syncReportCalendar } from '../report/ReportCalendarStore';
import { ReportService } from '../report/ReportService';
import { ReportStore } from '../report/ReportStore';
import { OrganisationSync } from '../service/organisation/OrganisationSync';
import { SynpunktService } from '../service/synpunkter/SynpunktService';
import { UnitDirectory } from '../service/synpunkter/UnitDirectory';
import { seedDemoSynpunkter } from './seedSynpunkter';

jest.setTimeout(180_000);

describe('demo synpunkter', () => {
  const databases = createConfiguredTestDatabases();

  it.each(databases.eachSupportedId())(
    'fill an empty registry once, through the registry rules, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });
      const stores = await createStores({ database });
      const rules = parseSvarstidConfig(undefined);
      const settings = readRegistrySettings(new ConfigReader({}));
      const catalog = catalogServiceMock({ entities: testOrganisation });
      const auth = mockServices.auth();
      const logger = mockServices.logger.mock();
      const sync = new OrganisationSync({
        catalog,
        auth,
        store: stores.organisation,
        logger,
        unitTypes: ['kommun', 'nämnd', 'förvaltning', 'enhet'],
      });
      const units = new UnitDirectory({
        catalog,
        auth,
        organisation: stores.organisation,
        sync,
        registrableUnitTypes: settings.registrableUnitTypes,
      });
      const now = new Date('2026-11-24T10:00:00Z');
      const seed = () =>
        seedDemoSynpunkter({
          db: knex,
          organisation: stores.organisation,
          refreshOrganisation: async () => {
            await sync.run();
          },
          createService: clock =>
            new SynpunktService({
              store: stores.synpunkter,
              units,
              rules,
              settings,
              auditor: mockServices.auditor.mock(),
              clock,
            }),
          rules,
          areas: settings.areas,
          logger,
          now,
          count: 80,
        });

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
