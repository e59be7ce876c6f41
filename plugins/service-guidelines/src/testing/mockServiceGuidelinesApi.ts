import { HealthStatus } from '@service-guidelines/plugin-service-guidelines-common';
import { ServiceGuidelinesApi } from '../api/ServiceGuidelinesApi';

/** A healthy backend on SQLite, as the tests see it. */
export const healthySqlite: HealthStatus = {
  status: 'ok',
  plugin: { id: 'service-guidelines', version: '9.8.7' },
  database: {
    client: 'better-sqlite3',
    schemaVersion: '20261124080000_plugin_metadata.js',
    installedAt: '2026-11-24T08:15:00.000Z',
  },
};

/** A stand-in for the backend client whose answers each test chooses. */
export function mockServiceGuidelinesApi(
  overrides: Partial<ServiceGuidelinesApi> = {},
): jest.Mocked<ServiceGuidelinesApi> {
  return {
    getHealth: jest.fn(async () => healthySqlite),
    ...overrides,
  } as jest.Mocked<ServiceGuidelinesApi>;
}
