import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { TestDatabaseId } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { Knex } from 'knex';
import { createConfiguredTestDatabases } from '../__testUtils__/databases';
import { testOrganisation } from '../__testUtils__/organisation';
import {
  aSynpunkt,
  startSynpunktBackend,
} from '../__testUtils__/synpunktBackend';

/**
 * Two backend instances on one database, as a municipality runs them behind a load balancer:
 * registration numbers stay unique and gapless when both register at once, a stale update from
 * either gets 409, and the global organisation mirror task runs once across the two. With the
 * real scheduler, whose global tasks lock through the plugin's database.
 *
 * On PostgreSQL each instance has its own connection pool; on SQLite (in memory) they share the
 * one connection the test database has.
 */

jest.setTimeout(120_000);

const databases = createConfiguredTestDatabases();

/** Counts the catalog listings of all Groups: each is one run of the organisation mirror. */
function countingCatalog(counter: { runs: number }): CatalogService {
  const catalog = catalogServiceMock({ entities: testOrganisation });
  const getEntities = catalog.getEntities.bind(catalog);
  return Object.assign(Object.create(catalog), {
    getEntities: async (...args: Parameters<CatalogService['getEntities']>) => {
      const filter = args[0]?.filter;
      if (
        filter &&
        !Array.isArray(filter) &&
        Object.keys(filter).join() === 'kind' &&
        filter.kind === 'Group'
      ) {
        counter.runs += 1;
      }
      return getEntities(...args);
    },
  });
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe.each(databases.eachSupportedId())(
  'two instances on %p',
  databaseId => {
    let knexes: Knex[];
    const mirrorRuns = [{ runs: 0 }, { runs: 0 }];
    let instances: Array<Awaited<ReturnType<typeof startSynpunktBackend>>>;

    beforeAll(async () => {
      const first = await databases.init(databaseId as TestDatabaseId);
      knexes = [
        first,
        databaseId === 'SQLITE_3' ? first : knexFactory(first.client.config),
      ];
      instances = [];
      for (const [i, knex] of knexes.entries()) {
        instances.push(
          await startSynpunktBackend({
            knex,
            // Hourly: within this test, once at start-up, by whichever instance gets there first.
            config: {
              serviceGuidelines: {
                organisation: { refreshInterval: { hours: 1 } },
              },
            },
            catalog: countingCatalog(mirrorRuns[i]),
            extraFeatures: [schedulerServiceFactory],
          }),
        );
      }
    });

    afterAll(async () => {
      if (knexes?.[1] !== knexes?.[0]) await knexes?.[1]?.destroy();
    });

    it('runs the global organisation mirror once across both', async () => {
      // A worker looks for due tasks every few seconds; give both time to have looked twice.
      for (
        let waited = 0;
        mirrorRuns[0].runs + mirrorRuns[1].runs === 0 && waited < 30_000;
        waited += 500
      ) {
        await sleep(500);
      }
      await sleep(12_000);
      // Global tasks are kept in the database (a local one would not be there at all).
      const tasks: Array<{ id: string }> = await knexes[0](
        'backstage_backend_tasks__tasks',
      )
        .select('id')
        .catch(() => []);
      expect({
        runs: mirrorRuns[0].runs + mirrorRuns[1].runs,
        tasks: tasks.map(t => t.id).filter(id => id.includes('organisation')),
      }).toEqual({
        runs: 1,
        tasks: ['service-guidelines-organisation-mirror'],
      });
    });

    it('gives unique and gapless registration numbers when both register at once', async () => {
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          instances[i % 2]
            .as(i % 4 < 2 ? 'erik' : 'maria')
            .post(
              '/synpunkter',
              aSynpunkt({ description: `Samtidig nummer ${i}` }),
            ),
        ),
      );
      const numbers = answers
        .map(res => res.body.registrationNumber as string)
        .sort();
      expect({
        statuses: [...new Set(answers.map(res => res.status))],
        numbers,
      }).toEqual({
        statuses: [201],
        numbers: Array.from(
          { length: 40 },
          (_, i) =>
            `SYN-${numbers[0].slice(4, 8)}-${String(i + 1).padStart(5, '0')}`,
        ),
      });
    });

    it('answers a stale update from either instance with 409', async () => {
      const created = await instances[0]
        .as('erik')
        .post('/synpunkter', aSynpunkt());
      const id = created.body.id;
      const patch = (i: number, version: number, description: string) =>
        instances[i]
          .as('maria')
          .patch(`/synpunkter/${id}`, { version, description });

      // One after the other: the instance that is behind gets 409, whichever it is.
      const first = await patch(0, 1, 'Rättad på instans 1');
      const staleOnSecond = await patch(1, 1, 'Rättad på instans 2');
      const second = await patch(1, 2, 'Rättad på instans 2');
      const staleOnFirst = await patch(0, 2, 'Rättad igen på instans 1');
      // At the same moment, on the same version: one wins, the other is told.
      const race = await Promise.all([
        patch(0, 3, 'Samtidigt på instans 1'),
        patch(1, 3, 'Samtidigt på instans 2'),
      ]);
      const final = await instances[0].as('maria').get(`/synpunkter/${id}`);

      expect({
        sequence: [first, staleOnSecond, second, staleOnFirst].map(
          r => r.status,
        ),
        conflictMessage: staleOnSecond.body.error?.message,
        race: race.map(r => r.status).sort(),
        version: final.body.version,
        history: final.body.history.length,
      }).toEqual({
        sequence: [200, 409, 200, 409],
        conflictMessage: expect.stringMatching(
          /was changed by someone else \(now version 2\)/,
        ),
        race: [200, 409],
        version: 4,
        // Registration and three corrections: nothing from the refused ones.
        history: 4,
      });
    });
  },
);
