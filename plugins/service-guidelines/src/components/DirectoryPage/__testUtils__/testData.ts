import { mockApis } from '@backstage/test-utils';
import {
  DirectoryFacets,
  Fortroendevald,
  FortroendevaldList,
} from '@service-guidelines/plugin-service-guidelines-common';
import { FortroendevaldaApi } from '../../../api/FortroendevaldaApi';

// The permission decisions of mockApis.permission, without importing
// @backstage/plugin-permission-common, which this package does not depend on.
type Decision = Extract<
  NonNullable<
    NonNullable<Parameters<typeof mockApis.permission>[0]>['authorize']
  >,
  string
>;
const ALLOW = 'ALLOW' as Decision;
const DENY = 'DENY' as Decision;

/** A permission API that allows everything (an administrator) or nothing (a medarbetare). */
export const permissionsFor = (role: 'admin' | 'medarbetare') =>
  mockApis.permission({ authorize: role === 'admin' ? ALLOW : DENY });

export const torbjorn: Fortroendevald = {
  id: 'p-torbjorn',
  name: 'Torbjörn Ekman',
  party: 'M',
  email: 'torbjorn.ekman@politiker.varmdo.se',
  phone: '070-174 06 08',
  version: 3,
  updatedAt: '2026-11-24T08:00:00.000Z',
  uppdrag: [
    {
      id: 'u-ks',
      organ: 'Kommunstyrelsen',
      organRef: 'group:default/kommunstyrelsen',
      role: 'ordforande',
      from: '2023-01-01',
      to: '2026-12-31',
      status: 'current',
    },
    {
      id: 'u-kf',
      organ: 'Kommunfullmäktige',
      organRef: 'group:default/kommunfullmaktige',
      role: 'ledamot',
      from: '2023-01-01',
      to: '2026-12-31',
      status: 'current',
    },
    {
      id: 'u-ks-past',
      organ: 'Kommunstyrelsen',
      organRef: 'group:default/kommunstyrelsen',
      role: 'forste-vice-ordforande',
      from: '2019-01-01',
      to: '2022-12-31',
      status: 'past',
    },
  ],
};

export const sanna: Fortroendevald = {
  id: 'p-sanna',
  name: 'Sanna Öhman',
  party: 'V',
  email: 'sanna.ohman@politiker.varmdo.se',
  version: 1,
  updatedAt: '2026-11-24T08:00:00.000Z',
  uppdrag: [
    {
      id: 'u-sanna',
      organ: 'Kommunfullmäktige',
      organRef: 'group:default/kommunfullmaktige',
      role: 'ersattare',
      from: '2023-01-01',
      to: '2026-12-31',
      status: 'current',
    },
  ],
};

export const facets: DirectoryFacets = {
  organs: [
    { name: 'Kommunfullmäktige', ref: 'group:default/kommunfullmaktige' },
    { name: 'Kommunstyrelsen', ref: 'group:default/kommunstyrelsen' },
  ],
  parties: ['M', 'V'],
  roles: ['ledamot', 'ordforande', 'ersattare'],
};

const page = (items: Fortroendevald[]): FortroendevaldList => ({
  items,
  totalCount: items.length,
  offset: 0,
  limit: 25,
});

/** A stand-in for the directory client whose answers each test chooses. */
export function mockFortroendevaldaApi(
  overrides: Partial<FortroendevaldaApi> = {},
): jest.Mocked<FortroendevaldaApi> {
  return {
    list: jest.fn(async () => page([sanna, torbjorn])),
    get: jest.fn(async (id: string) => (id === sanna.id ? sanna : torbjorn)),
    facets: jest.fn(async () => facets),
    knownOrgans: jest.fn(async () => facets.organs),
    create: jest.fn(),
    update: jest.fn(),
    remove: jest.fn(async () => undefined),
    addUppdrag: jest.fn(),
    changeUppdrag: jest.fn(),
    endUppdrag: jest.fn(),
    removeUppdrag: jest.fn(),
    importDryRun: jest.fn(),
    importApply: jest.fn(),
    ...overrides,
  } as jest.Mocked<FortroendevaldaApi>;
}
