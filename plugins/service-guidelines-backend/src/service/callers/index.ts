import {
  BackstageUserInfo,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { PolicyDecision } from '@backstage/plugin-permission-common';
import { readDecisionCacheTtlMs } from '../../config/permissionSettings';
import { CachedPermissionDecisions } from './CachedPermissionDecisions';
import { CachedUserInfo } from './CachedUserInfo';
import { ShortLivedCache } from './ShortLivedCache';

export { CachedPermissionDecisions } from './CachedPermissionDecisions';

/**
 * The most values each cache holds: some thousand users with a handful of permissions each, a
 * few megabytes at most, whatever the traffic.
 */
const MAX_ENTRIES = 10_000;

/**
 * Permission decisions and user info of signed-in callers, reused for
 * `serviceGuidelines.permissions.decisionCacheTtl`, so that a user's repeated requests skip the
 * in-process HTTP round trips to the permission and auth backends.
 */
export function createCallerCaches(options: {
  config: Config;
  permissions: PermissionsService;
  userInfo: UserInfoService;
}): { decisions: CachedPermissionDecisions; userInfo: UserInfoService } {
  const ttlMs = readDecisionCacheTtlMs(options.config);
  return {
    decisions: new CachedPermissionDecisions({
      permissions: options.permissions,
      cache: new ShortLivedCache<PolicyDecision>({
        ttlMs,
        maxEntries: MAX_ENTRIES,
      }),
    }),
    userInfo: new CachedUserInfo({
      userInfo: options.userInfo,
      cache: new ShortLivedCache<BackstageUserInfo>({
        ttlMs,
        maxEntries: MAX_ENTRIES,
      }),
    }),
  };
}
