import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  synpunktCreatePermission,
  synpunktHandlePermission,
  synpunktReadPermission,
  synpunktReadPersonalDataPermission,
} from '@service-guidelines/plugin-service-guidelines-common';
import { Request } from 'express';
import { CachedPermissionDecisions } from '../callers';
import { ShortLivedCache } from '../callers/ShortLivedCache';
import { CallerResolver } from './callerAccess';

/** A resolver for erik whose policy allows reading everything and creating as `create` says. */
function resolverWith(create: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const decide = (permission: Permission) => ({
    result:
      permission.name === synpunktCreatePermission.name
        ? create
        : AuthorizeResult.ALLOW,
  });
  const permissions = mockServices.permissions.mock({
    authorize: async requests => requests.map(r => decide(r.permission)),
    authorizeConditional: async requests =>
      requests.map(r => decide(r.permission)),
  });
  const callers = new CallerResolver({
    // A request without a token is erik's.
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.user('user:default/erik'),
    }),
    decisions: new CachedPermissionDecisions({
      permissions,
      cache: new ShortLivedCache({ ttlMs: 0, maxEntries: 1 }),
    }),
    transformConditions: jest.fn(),
  });
  return { callers, permissions };
}

const req = { headers: {} } as Request;

describe('CallerResolver', () => {
  it('asks read, personal-data and handle access in one call', async () => {
    const { callers, permissions } = resolverWith(AuthorizeResult.DENY);

    await expect(callers.synpunktAccess(req)).resolves.toEqual({
      userRef: 'user:default/erik',
      read: 'all',
      personalData: 'all',
      handle: 'all',
    });
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
    expect(
      permissions.authorizeConditional.mock.calls[0][0].map(
        r => r.permission.name,
      ),
    ).toEqual([
      synpunktReadPermission.name,
      synpunktReadPersonalDataPermission.name,
      synpunktHandlePermission.name,
    ]);
  });

  it('lets a required permission through when the policy allows it', async () => {
    const { callers, permissions } = resolverWith(AuthorizeResult.ALLOW);
    const credentials = await callers.user(req);

    await expect(
      callers.require(credentials, synpunktCreatePermission, 'No'),
    ).resolves.toBeUndefined();
    expect(permissions.authorize).toHaveBeenCalledTimes(1);
  });

  it('refuses with 403 and the given message when a required permission is denied', async () => {
    const { callers } = resolverWith(AuthorizeResult.DENY);
    const credentials = await callers.user(req);

    await expect(
      callers.require(
        credentials,
        synpunktCreatePermission,
        'You may not register synpunkter',
      ),
    ).rejects.toThrow(new NotAllowedError('You may not register synpunkter'));
  });
});
