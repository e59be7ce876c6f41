import { TestDatabaseId } from '@backstage/backend-test-utils';
import { createConfiguredTestDatabases } from '../../__testUtils__/databases';
import {
  aSynpunkt,
  startSynpunktBackend,
} from '../../__testUtils__/synpunktBackend';

jest.setTimeout(120_000);

const databases = createConfiguredTestDatabases();

describe.each(databases.eachSupportedId())(
  'benchmark baseline routes on %p',
  databaseId => {
    it('are not mounted unless the bench flag is on', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const backend = await startSynpunktBackend({ knex });

      const res = await backend.as('erik').post('/bench/baseline', aSynpunkt());

      expect(res.status).toBe(404);
      expect(await knex.schema.hasTable('bench_baseline')).toBe(false);
    });

    it('insert one row and read one synpunkt when the flag is on', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const backend = await startSynpunktBackend({
        knex,
        config: { serviceGuidelines: { bench: { baselineRoutes: true } } },
      });
      const registered = await backend
        .as('erik')
        .post('/synpunkter', aSynpunkt());
      expect(registered.status).toBe(201);

      const inserted = await backend
        .as('erik')
        .post('/bench/baseline', aSynpunkt());
      const read = await backend
        .as('erik')
        .get(`/bench/baseline/${registered.body.id}`);

      expect(inserted.status).toBe(201);
      expect(
        Number((await knex('bench_baseline').count({ n: '*' }).first())?.n),
      ).toBe(1);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        id: registered.body.id,
        registration_number: registered.body.registrationNumber,
      });
    });

    it('answer 404 for an unknown synpunkt and 401 without sign-in', async () => {
      const knex = await databases.init(databaseId as TestDatabaseId);
      const backend = await startSynpunktBackend({
        knex,
        config: { serviceGuidelines: { bench: { baselineRoutes: true } } },
      });

      const res = await backend.as('erik').get('/bench/baseline/x');
      const anonymous = await backend
        .as('erik')
        .post('/bench/baseline', {})
        .set('Authorization', 'Bearer not-a-token');

      expect(res.status).toBe(404);
      expect(anonymous.status).toBe(401);
    });
  },
);
