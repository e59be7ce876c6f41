import {
  HealthStatus,
  SynpunktWithHistory,
} from '@service-guidelines/plugin-service-guidelines-common';
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

/** A klagomål by e-mail about Gustavsbergsskolan, as a chef with access sees it. */
export function aSynpunkt(
  overrides: Partial<SynpunktWithHistory> = {},
): SynpunktWithHistory {
  return {
    id: '5b1f3c9e-0000-4000-8000-000000000001',
    registrationNumber: 'SYN-2026-00042',
    type: 'klagomal',
    channel: 'epost',
    receivedAt: '2026-11-23T08:00:00.000Z',
    receivedDate: '2026-11-23',
    arrivalDate: '2026-11-23',
    registeredAt: '2026-11-23T08:05:00.000Z',
    registeredBy: 'user:default/erik.lindqvist',
    unitRef: 'group:default/gustavsbergsskolan',
    area: 'utbildning',
    legalDuty: true,
    description: 'Skolskjutsen kom inte i måndags.',
    sekretess: false,
    anonymous: false,
    contact: { name: 'Anna Kund', email: 'anna.kund@example.se' },
    personalDataVisible: true,
    status: 'registrerad',
    forstaSvar: { due: '2026-11-25' },
    aterkopplingDue: '2026-12-07',
    aterkopplingDays: 10,
    pauses: [],
    version: 1,
    updatedAt: '2026-11-23T08:05:00.000Z',
    history: [
      {
        id: 1,
        at: '2026-11-23T08:05:00.000Z',
        actorRef: 'user:default/erik.lindqvist',
        kind: 'registrerad',
      },
    ],
    ...overrides,
  };
}

/** A stand-in for the backend client whose answers each test chooses. */
export function mockServiceGuidelinesApi(
  overrides: Partial<ServiceGuidelinesApi> = {},
): jest.Mocked<ServiceGuidelinesApi> {
  return {
    getHealth: jest.fn(async () => healthySqlite),
    listSynpunkter: jest.fn(async () => ({ items: [] })),
    getSynpunkt: jest.fn(async () => aSynpunkt()),
    registerSynpunkt: jest.fn(async () => aSynpunkt()),
    updateSynpunkt: jest.fn(async () => aSynpunkt()),
    actOnSynpunkt: jest.fn(async () => aSynpunkt()),
    listSvarsmallar: jest.fn(async () => []),
    ...overrides,
  } as jest.Mocked<ServiceGuidelinesApi>;
}
