import {
  BackstageCredentials,
  BackstageUserInfo,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { ShortLivedCache } from './ShortLivedCache';

/**
 * The user info service, with a signed-in user's info (their entity ref and ownership) reused for
 * a short time, so that a user's repeated report requests do not each make the in-process round
 * trip `GET /api/auth/v1/userinfo`. Kept per user entity ref, as the auth backend keeps it, and
 * never reused past the expiry of the token it was read with.
 */
export class CachedUserInfo implements UserInfoService {
  constructor(
    private readonly deps: {
      userInfo: UserInfoService;
      cache: ShortLivedCache<BackstageUserInfo>;
    },
  ) {}

  async getUserInfo(
    credentials: BackstageCredentials,
  ): Promise<BackstageUserInfo> {
    const userRef = userRefOf(credentials);
    if (userRef === undefined) {
      // Not a user: the service itself says why it has no user info.
      return this.deps.userInfo.getUserInfo(credentials);
    }
    return this.deps.cache.get(userRef, credentials.expiresAt, () =>
      this.deps.userInfo.getUserInfo(credentials),
    );
  }
}

function userRefOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as {
    type?: unknown;
    userEntityRef?: unknown;
  };
  return principal.type === 'user' &&
    typeof principal.userEntityRef === 'string'
    ? principal.userEntityRef
    : undefined;
}
