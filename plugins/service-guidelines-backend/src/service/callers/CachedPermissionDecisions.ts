import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  BasicPermission,
  isResourcePermission,
  Permission,
  PolicyDecision,
  QueryPermissionRequest,
} from '@backstage/plugin-permission-common';
import { ShortLivedCache } from './ShortLivedCache';

/**
 * A signed-in user's permission decisions, reused for a short time so that a user's repeated
 * requests do not each make the in-process round trip `POST /api/permission/authorize` (and the
 * permission backend's own `GET /api/auth/v1/userinfo` behind it).
 *
 * A decision is kept per user entity ref and permission name. The user ref is the key, not the
 * token: the permission backend decides from the user's identity and the user info the auth
 * backend keeps per user, so two valid tokens of one user get the same decision. A decision is
 * never reused past the expiry of the token it was asked with. Conditional decisions are kept as
 * the policy's conditions; callers transform them on every use.
 */
export class CachedPermissionDecisions {
  constructor(
    private readonly deps: {
      permissions: PermissionsService;
      cache: ShortLivedCache<PolicyDecision>;
    },
  ) {}

  /**
   * The decisions on `permissions` for the caller, in their order. Those not cached are asked in
   * one round trip, basic and resource permissions together.
   */
  async decide(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    permissions: readonly Permission[],
  ): Promise<PolicyDecision[]> {
    const userRef = credentials.principal.userEntityRef;
    return this.deps.cache.getMany(
      permissions,
      // A NUL cannot occur in an entity ref or a permission name, so keys cannot collide.
      permission => `${userRef}\u0000${permission.name}`,
      credentials.expiresAt,
      missing => this.ask(credentials, missing),
    );
  }

  private async ask(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    permissions: Permission[],
  ): Promise<PolicyDecision[]> {
    const basic = permissions.filter(
      (permission): permission is BasicPermission =>
        !isResourcePermission(permission),
    );
    if (basic.length === permissions.length) {
      return this.deps.permissions.authorize(
        basic.map(permission => ({ permission })),
        { credentials },
      );
    }
    const requests = permissions.map(permission => ({ permission }));
    // The permission backend's batch takes basic and resource permissions alike and answers a
    // basic one with ALLOW or DENY only (a policy that returns CONDITIONAL for one fails the
    // whole call), so one conditional batch serves both; the type only names resource ones.
    return this.deps.permissions.authorizeConditional(
      requests as QueryPermissionRequest[],
      { credentials },
    );
  }
}
