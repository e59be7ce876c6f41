import {
  createServiceFactory,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import request from 'supertest';
import { ServiceGuidelinesPolicy } from '../permissions/ServiceGuidelinesPolicy';
import { serviceGuidelinesPlugin } from '../plugin';
import { ownershipOf, testOrganisation } from './organisation';
import { RecordingRootLogger } from './recordingLogger';

const policy = new ServiceGuidelinesPolicy({
  administrators: ['group:default/admins'],
  reportReaders: [
    'group:default/rapportlasare',
    'group:default/ks-rapportlasare',
    'group:default/bun-rapportlasare',
  ],
});

type Principal = { userEntityRef?: string } | undefined;

/**
 * A permissions service that asks the plugin's own {@link ServiceGuidelinesPolicy} with the test
 * organisation's ownership, so that router tests see real ALLOW, DENY and CONDITIONAL decisions.
 */
function policyBackedPermissions() {
  const decide = async (
    permission: Parameters<ServiceGuidelinesPolicy['handle']>[0]['permission'],
    principal: Principal,
  ) => {
    const userRef = principal?.userEntityRef;
    const user = userRef
      ? {
          identity: {
            type: 'user' as const,
            userEntityRef: userRef,
            ownershipEntityRefs: ownershipOf(userRef.split('/')[1]),
          },
          info: {
            userEntityRef: userRef,
            ownershipEntityRefs: ownershipOf(userRef.split('/')[1]),
          },
          token: 'test',
          credentials: mockCredentials.user(userRef),
        }
      : undefined;
    return policy.handle({ permission }, user);
  };
  return mockServices.permissions.mock({
    authorizeConditional: async (requests, { credentials }) =>
      Promise.all(
        requests.map(r =>
          decide(r.permission, credentials.principal as Principal),
        ),
      ) as never,
    authorize: async (requests, { credentials }) =>
      Promise.all(
        requests.map(async r => {
          const decision = await decide(
            r.permission,
            credentials.principal as Principal,
          );
          return {
            result:
              decision.result === AuthorizeResult.ALLOW
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          };
        }),
      ) as never,
  });
}

/** The user info the sign-in resolver would give: the test user and their groups. */
function membershipUserInfo() {
  return mockServices.userInfo.mock({
    getUserInfo: async credentials => {
      const userEntityRef = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return {
        userEntityRef,
        ownershipEntityRefs: ownershipOf(userEntityRef.split('/')[1]),
      };
    },
  });
}

/** Starts the plugin on the given database with the test organisation in the catalog. */
export async function startSynpunktBackend(options: {
  knex: Knex;
  config?: JsonObject;
  extraFeatures?: ServiceFactory[];
  /** The catalog to use instead of a mock holding the test organisation. */
  catalog?: CatalogService;
}) {
  const auditor = mockServices.auditor.mock();
  const logger = new RecordingRootLogger();
  const permissions = policyBackedPermissions();
  const { server } = await startTestBackend({
    features: [
      logger.factory(),
      serviceGuidelinesPlugin,
      mockServices.database.factory({ knex: options.knex }),
      options.catalog
        ? createServiceFactory({
            service: catalogServiceRef,
            deps: {},
            factory: () => options.catalog!,
          })
        : catalogServiceMock.factory({ entities: testOrganisation }),
      permissions.factory,
      membershipUserInfo().factory,
      auditor.factory,
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      ...(options.extraFeatures ?? []),
    ],
  });
  /** A request as the named test user (e.g. 'maria'). */
  const as = (userName: string) => {
    const header = mockCredentials.user.header(`user:default/${userName}`);
    const api = '/api/service-guidelines';
    return {
      get: (path: string) =>
        request(server)
          .get(api + path)
          .set('Authorization', header),
      post: (path: string, body?: object) =>
        request(server)
          .post(api + path)
          .set('Authorization', header)
          .send(body),
      patch: (path: string, body?: object) =>
        request(server)
          .patch(api + path)
          .set('Authorization', header)
          .send(body),
      put: (path: string, body?: object) =>
        request(server)
          .put(api + path)
          .set('Authorization', header)
          .send(body),
      delete: (path: string) =>
        request(server)
          .delete(api + path)
          .set('Authorization', header),
    };
  };
  /** A request without any credentials, as a browser of the external website sends it. */
  const unauthenticated = () => {
    const api = '/api/service-guidelines';
    return {
      get: (path: string) => request(server).get(api + path),
      post: (path: string, body?: object) =>
        request(server)
          .post(api + path)
          .send(body),
      patch: (path: string, body?: object) =>
        request(server)
          .patch(api + path)
          .send(body),
      put: (path: string, body?: object) =>
        request(server)
          .put(api + path)
          .send(body),
      delete: (path: string) => request(server).delete(api + path),
    };
  };
  return {
    server,
    as,
    unauthenticated,
    auditor,
    /** The permissions service the plugin asks, to count its calls. */
    permissions,
    logLines: logger.lines,
  };
}

/** A valid registration: a klagomål by e-mail about skolan, with contact details. */
export function aSynpunkt(overrides: Record<string, unknown> = {}) {
  return {
    type: 'klagomal',
    channel: 'epost',
    // Monday 23 November 2026, 09:00 in Stockholm.
    receivedAt: '2026-11-23T09:00:00+01:00',
    unitRef: 'group:default/skolan',
    area: 'utbildning',
    description: 'Skolskjutsen kom inte i måndags.',
    anonymous: false,
    contact: { name: 'Anna Kund', email: 'anna.kund@example.se' },
    ...overrides,
  };
}
