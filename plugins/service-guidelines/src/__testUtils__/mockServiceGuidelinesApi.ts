import {
  FollowUpOverview,
  HealthStatus,
  SynpunktWithHistory,
  Uppfoljning,
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
    getFollowUpOverview: jest.fn(async () => anOverview()),
    listUppfoljningar: jest.fn(async () => []),
    recordUppfoljning: jest.fn(async () => anUppfoljning()),
    updateUppfoljning: jest.fn(async () => anUppfoljning()),
    ...overrides,
  } as jest.Mocked<ServiceGuidelinesApi>;
}

/** Lars's view: utbildningsförvaltningen and one skola below it. */
export function anOverview(
  overrides: Partial<FollowUpOverview> = {},
): FollowUpOverview {
  const counts = {
    open: 3,
    overdue: 1,
    dueSoon: 1,
    closedInPeriod: 4,
    receivedByType: { berom: 2, klagomal: 4, forslag: 1 },
  };
  return {
    today: '2026-11-24',
    dueBy: '2026-11-27',
    dueWithinDays: 3,
    period: { from: '2026-10-01', to: '2026-12-31' },
    units: [
      {
        unitRef: 'group:default/utbildningsforvaltningen',
        title: 'Utbildningsförvaltningen',
        type: 'förvaltning',
        depth: 0,
        ...counts,
        chefRef: 'user:default/lars.nilsson',
      },
      {
        unitRef: 'group:default/gustavsbergsskolan',
        title: 'Gustavsbergsskolan',
        type: 'enhet',
        parentRef: 'group:default/utbildningsforvaltningen',
        depth: 1,
        ...counts,
        lastFollowedUp: '2026-09-15',
        chefRef: 'user:default/maria.johansson',
      },
    ],
    ...overrides,
  };
}

/** Maria's uppföljning of Gustavsbergsskolan with one open action. */
export function anUppfoljning(
  overrides: Partial<Uppfoljning> = {},
): Uppfoljning {
  return {
    id: '7c2e0000-0000-4000-8000-000000000001',
    unitRef: 'group:default/gustavsbergsskolan',
    heldDate: '2026-11-20',
    recordedBy: 'user:default/maria.johansson',
    participants: [
      { name: 'Maria Johansson', userRef: 'user:default/maria.johansson' },
      { name: 'Lärarlaget åk 4–6' },
    ],
    synpunkter: [
      {
        id: '5b1f3c9e-0000-4000-8000-000000000001',
        registrationNumber: 'SYN-2026-00042',
      },
    ],
    conclusions: 'Skolskjutsen sviker på måndagar.',
    actions: [
      {
        id: '7c2e0000-0000-4000-8000-0000000000a1',
        description: 'Möte med transportören',
        responsible: 'Maria Johansson',
        dueDate: '2026-12-15',
      },
    ],
    version: 1,
    createdAt: '2026-11-20T14:00:00.000Z',
    updatedAt: '2026-11-20T14:00:00.000Z',
    editable: true,
    ...overrides,
  };
}
