import { TestDatabaseId } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { createConfiguredTestDatabases } from '../../__testUtils__/databases';
import {
  aSynpunkt,
  startSynpunktBackend,
} from '../../__testUtils__/synpunktBackend';

jest.setTimeout(120_000);

const databases = createConfiguredTestDatabases();

/**
 * How many times the plugin asks the permission service per request: each call is an in-process
 * HTTP round trip to the permission backend, the main cost of a request (bench/results).
 */
describe.each(databases.eachSupportedId())(
  'permission round trips on %p',
  databaseId => {
    async function start(config?: JsonObject) {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const backend = await startSynpunktBackend({ knex, config });
      const calls = () =>
        backend.permissions.authorize.mock.calls.length +
        backend.permissions.authorizeConditional.mock.calls.length;
      return { backend, calls };
    }

    it('register asks the permission service once, and not again while the decisions are fresh', async () => {
      const { backend, calls } = await start();

      const first = await backend.as('erik').post('/synpunkter', aSynpunkt());
      expect(first.status).toBe(201);
      expect(calls()).toBe(1);

      const second = await backend.as('erik').post('/synpunkter', aSynpunkt());
      expect(second.status).toBe(201);
      expect(calls()).toBe(1);
    });

    it('register asks the permission service once per request with the decision cache off', async () => {
      const { backend, calls } = await start({
        serviceGuidelines: { permissions: { decisionCacheTtl: '0s' } },
      });

      for (let i = 1; i <= 3; i++) {
        const res = await backend.as('erik').post('/synpunkter', aSynpunkt());
        expect(res.status).toBe(201);
        expect(calls()).toBe(i);
      }
    });

    it("one user's cached decisions are not another's", async () => {
      const { backend, calls } = await start();

      await backend.as('erik').get('/synpunkter');
      await backend.as('erik').get('/synpunkter');
      expect(calls()).toBe(1);
      await backend.as('maria').get('/synpunkter');
      expect(calls()).toBe(2);
    });
  },
);
