import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import request from 'supertest';
import { createConfiguredTestDatabases } from './__testUtils__/databases';
import { newestMigration } from './__testUtils__/migrationFiles';
import { serviceGuidelinesPlugin } from './plugin';
import {
  FIXTURE_SYNPUNKTER,
  loadReportFixture,
} from './report/__testUtils__/reportFixture';
import { readPluginVersion } from './version';

jest.setTimeout(60_000);

/** The test scheduler, which runs a task when told to. */
type TestScheduler = SchedulerService & {
  factory(): ServiceFactory;
  triggerTask(id: string): Promise<void>;
};

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

  it.each(databases.eachSupportedId())(
    'keeps the report facts of what is registered, on its schedule, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await loadReportFixture(knex);
      expect(await knex('report_facts_pending')).toHaveLength(
        FIXTURE_SYNPUNKTER.length,
      );
      const scheduler = mockServices.scheduler() as TestScheduler;
      await startTestBackend({
        features: [
          serviceGuidelinesPlugin,
          mockServices.database.factory({ knex }),
          scheduler.factory(),
        ],
      });
      expect(await scheduler.getScheduledTasks()).toContainEqual(
        expect.objectContaining({
          id: 'service-guidelines-report-facts',
          scope: 'global',
        }),
      );
      await scheduler.triggerTask('service-guidelines-report-facts');
      expect(await knex('report_facts_pending')).toHaveLength(0);
      expect(await knex('report_facts')).toHaveLength(
        FIXTURE_SYNPUNKTER.length,
      );
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
