import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  parseSvarstidConfig,
  readRegistrySettings,
} from '@service-guidelines/plugin-service-guidelines-common';
import { Knex } from 'knex';
import { createStores } from '../database';
import { seedDemoSynpunkter } from '../demo/seedSynpunkter';
import { OrganisationSync } from '../service/organisation/OrganisationSync';
import { SynpunktService } from '../service/synpunkter/SynpunktService';
import { UnitDirectory } from '../service/synpunkter/UnitDirectory';
import { testOrganisation } from './organisation';

/**
 * A registry on the test organisation, with the default rules and settings, a function that
 * fills it with demo synpunkter through the registry's own service (as the demo portal does), and
 * that service on a clock of the caller's.
 */
export async function demoRegistry(knex: Knex, now: Date) {
  const stores = await createStores({
    database: mockServices.database({ knex }),
  });
  const rules = parseSvarstidConfig(undefined);
  const settings = readRegistrySettings(new ConfigReader({}));
  const catalog = catalogServiceMock({ entities: testOrganisation });
  const auth = mockServices.auth();
  const sync = new OrganisationSync({
    catalog,
    auth,
    store: stores.organisation,
    logger: mockServices.logger.mock(),
    unitTypes: ['kommun', 'nämnd', 'förvaltning', 'enhet'],
  });
  const units = new UnitDirectory({
    catalog,
    auth,
    organisation: stores.organisation,
    sync,
    registrableUnitTypes: settings.registrableUnitTypes,
  });
  const createService = (clock: () => Date) =>
    new SynpunktService({
      store: stores.synpunkter,
      units,
      rules,
      settings,
      auditor: mockServices.auditor.mock(),
      clock,
    });
  const seed = (count: number) =>
    seedDemoSynpunkter({
      db: knex,
      organisation: stores.organisation,
      refreshOrganisation: async () => {
        await sync.run();
      },
      createService,
      rules,
      areas: settings.areas,
      logger: mockServices.logger.mock(),
      now,
      count,
    });
  return { stores, rules, settings, seed, createService };
}
