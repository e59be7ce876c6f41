import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { createConfiguredTestDatabases } from './__testUtils__/databases';
import { newestMigration } from './__testUtils__/migrationFiles';
import { serviceGuidelinesPlugin } from './plugin';
import { readPluginVersion } from './version';

jest.setTimeout(60_000);

describe('serviceGuidelinesPlugin', () => {
  const databases = createConfiguredTestDatabases();

  it.each(databases.eachSupportedId())(
    'answers GET /health for a signed-in user with its version and database, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [
          serviceGuidelinesPlugin,
          mockServices.database.factory({ knex }),
        ],
      });

      const res = await request(server)
        .get('/api/service-guidelines/health')
        .set('Authorization', mockCredentials.user.header());

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        status: 'ok',
        plugin: { id: 'service-guidelines', version: readPluginVersion() },
        database: {
          client: databaseId === 'SQLITE_3' ? 'better-sqlite3' : 'pg',
          schemaVersion: newestMigration(),
          installedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      });
    },
  );

  it('refuses GET /health without credentials', async () => {
    const { server } = await startTestBackend({
      features: [serviceGuidelinesPlugin],
    });

    const res = await request(server)
      .get('/api/service-guidelines/health')
      .set('Authorization', mockCredentials.none.header());

    expect(res.status).toBe(401);
    expect(res.body.error.name).toBe('AuthenticationError');
  });

  it('refuses GET /health to a service caller, since it is for people', async () => {
    const { server } = await startTestBackend({
      features: [serviceGuidelinesPlugin],
    });

    const res = await request(server)
      .get('/api/service-guidelines/health')
      .set('Authorization', mockCredentials.service.header());

    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
  });

  it('reads its version from its own package.json', () => {
    const pkg = require('../package.json');
    expect(readPluginVersion()).toBe(pkg.version);
  });
});
