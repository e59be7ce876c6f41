import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createConfiguredTestDatabases } from '../../__testUtils__/databases';
import { KnexFortroendevaldStore } from '../../database/FortroendevaldStore';
import { applyMigrations } from '../../database/migrations';
import { FortroendevaldService } from './FortroendevaldService';
import { DEFAULT_ORGAN_TYPES, OrganDirectory } from './OrganDirectory';
import { seedFortroendevalda } from './seed';
import { DEMO_CSV_PATH } from './testFixtures';

jest.setTimeout(60_000);

describe('seedFortroendevalda', () => {
  const databases = createConfiguredTestDatabases();

  async function setUp(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    await applyMigrations(mockServices.database({ knex }), knex);
    const store = KnexFortroendevaldStore.fromKnex(knex);
    // An empty catalog, as at start-up before the catalog has read the organisation.
    const organs = new OrganDirectory({
      catalog: catalogServiceMock({ entities: [] }),
      auth: mockServices.auth(),
      store,
      logger: mockServices.logger.mock(),
      organTypes: DEFAULT_ORGAN_TYPES,
    });
    const service = new FortroendevaldService({
      store,
      organs,
      clock: () => new Date('2026-11-24T09:00:00Z'),
    });
    const logger = mockServices.logger.mock();
    return { store, service, logger };
  }

  const everyone = { term: 'all' as const, limit: 500, offset: 0 };

  it.each(databases.eachSupportedId())(
    'fills an empty directory from the file, even before the catalog knows the organs, and never again, on %p',
    async databaseId => {
      const { store, service, logger } = await setUp(databaseId);

      await seedFortroendevalda({
        seedFile: DEMO_CSV_PATH,
        store,
        service,
        logger,
      });
      const seeded = await service.list(everyone);
      await seedFortroendevalda({
        seedFile: DEMO_CSV_PATH,
        store,
        service,
        logger,
      });

      expect(seeded.totalCount).toBe(32);
      expect((await service.list(everyone)).items).toEqual(seeded.items);
      expect(logger.info).toHaveBeenCalledTimes(1);
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringMatching(/32 people, 43 uppdrag$/),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'does nothing without a configured file, and names the key when the file cannot be read, on %p',
    async databaseId => {
      const { store, service, logger } = await setUp(databaseId);

      await seedFortroendevalda({
        seedFile: undefined,
        store,
        service,
        logger,
      });
      expect(await store.isEmpty()).toBe(true);

      await expect(
        seedFortroendevalda({
          seedFile: '/no/such/file.csv',
          store,
          service,
          logger,
        }),
      ).rejects.toThrow(
        /^serviceGuidelines\.fortroendevalda\.seedFile: cannot read \/no\/such\/file\.csv/,
      );
    },
  );
});
