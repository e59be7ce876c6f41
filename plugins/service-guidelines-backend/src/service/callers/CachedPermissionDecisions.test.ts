import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  synpunktCreatePermission,
  synpunktHandlePermission,
  synpunktReadPermission,
} from '@service-guidelines/plugin-service-guidelines-common';
import { CachedPermissionDecisions } from './CachedPermissionDecisions';
import { ShortLivedCache } from './ShortLivedCache';

const readConditions: PolicyDecision = {
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'service-guidelines',
  resourceType: 'service-guidelines-synpunkt',
  conditions: {
    rule: 'IS_IN_UNITS',
    resourceType: 'service-guidelines-synpunkt',
    params: { unitRefs: ['group:default/skolan'] },
  },
};

/** The permissions service: create allowed, read conditional, everything else denied. */
function permissionsService() {
  const decide = (permission: Permission): PolicyDecision => {
    if (permission.name === synpunktCreatePermission.name) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (permission.name === synpunktReadPermission.name) return readConditions;
    return { result: AuthorizeResult.DENY };
  };
  return mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(r => decide(r.permission)) as never,
    authorizeConditional: async requests =>
      requests.map(r => decide(r.permission)) as never,
  });
}

function setup(ttlMs = 10_000) {
  let now = Date.parse('2026-11-24T10:00:00Z');
  const permissions = permissionsService();
  const decisions = new CachedPermissionDecisions({
    permissions,
    cache: new ShortLivedCache({ ttlMs, maxEntries: 100, now: () => now }),
  });
  const calls = () =>
    permissions.authorize.mock.calls.length +
    permissions.authorizeConditional.mock.calls.length;
  return {
    permissions,
    decisions,
    calls,
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('CachedPermissionDecisions', () => {
  const erik = mockCredentials.user('user:default/erik');
  const maria = mockCredentials.user('user:default/maria');

  it('gives the same decision within the TTL without asking the permission service again', async () => {
    const { decisions, calls, advance } = setup();

    const first = await decisions.decide(erik, [synpunktReadPermission]);
    advance(9_000);
    const again = await decisions.decide(erik, [synpunktReadPermission]);

    expect(again).toEqual(first);
    expect(first).toEqual([readConditions]);
    expect(calls()).toBe(1);
  });

  it('asks again once the TTL has passed', async () => {
    const { decisions, calls, advance } = setup();

    await decisions.decide(erik, [synpunktReadPermission]);
    advance(10_000);
    await decisions.decide(erik, [synpunktReadPermission]);

    expect(calls()).toBe(2);
  });

  it('keeps users and permissions apart', async () => {
    const { decisions, calls } = setup();

    await decisions.decide(erik, [synpunktReadPermission]);
    await expect(
      decisions.decide(maria, [synpunktReadPermission]),
    ).resolves.toEqual([readConditions]);
    await expect(
      decisions.decide(erik, [synpunktHandlePermission]),
    ).resolves.toEqual([{ result: AuthorizeResult.DENY }]);

    expect(calls()).toBe(3);
  });

  it('never reuses a decision past the expiry of the token it was asked with', async () => {
    const { decisions, calls, now, advance } = setup();
    const expiringSoon = { ...erik, expiresAt: new Date(now() + 1_000) };

    await decisions.decide(expiringSoon, [synpunktReadPermission]);
    advance(999);
    await decisions.decide(erik, [synpunktReadPermission]);
    expect(calls()).toBe(1);
    advance(1);
    await decisions.decide(erik, [synpunktReadPermission]);
    expect(calls()).toBe(2);
  });

  it('asks every time with a TTL of 0', async () => {
    const { decisions, calls } = setup(0);

    await decisions.decide(erik, [synpunktReadPermission]);
    await decisions.decide(erik, [synpunktReadPermission]);

    expect(calls()).toBe(2);
  });

  it('shares one call among concurrent identical misses', async () => {
    const { decisions, calls } = setup();

    await Promise.all([
      decisions.decide(erik, [synpunktReadPermission]),
      decisions.decide(erik, [synpunktReadPermission]),
      decisions.decide(erik, [synpunktReadPermission]),
    ]);

    expect(calls()).toBe(1);
  });

  it('does not keep a failed call', async () => {
    const { decisions, permissions, calls } = setup();
    permissions.authorizeConditional.mockRejectedValueOnce(
      new Error('permission backend unavailable'),
    );

    await expect(
      decisions.decide(erik, [synpunktReadPermission]),
    ).rejects.toThrow('permission backend unavailable');
    await expect(
      decisions.decide(erik, [synpunktReadPermission]),
    ).resolves.toEqual([readConditions]);

    expect(calls()).toBe(2);
  });

  it('asks basic and resource permissions in one conditional call, and basic ones alone through authorize', async () => {
    const { decisions, permissions } = setup();

    await expect(
      decisions.decide(erik, [synpunktCreatePermission]),
    ).resolves.toEqual([{ result: AuthorizeResult.ALLOW }]);
    expect(permissions.authorize).toHaveBeenCalledTimes(1);

    await expect(
      decisions.decide(maria, [
        synpunktCreatePermission,
        synpunktReadPermission,
        synpunktHandlePermission,
      ]),
    ).resolves.toEqual([
      { result: AuthorizeResult.ALLOW },
      readConditions,
      { result: AuthorizeResult.DENY },
    ]);
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
    expect(permissions.authorizeConditional).toHaveBeenCalledWith(
      [
        { permission: synpunktCreatePermission },
        { permission: synpunktReadPermission },
        { permission: synpunktHandlePermission },
      ],
      { credentials: maria },
    );
  });
});
