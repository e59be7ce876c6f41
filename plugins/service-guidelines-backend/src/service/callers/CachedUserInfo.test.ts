import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { CachedUserInfo } from './CachedUserInfo';
import { ShortLivedCache } from './ShortLivedCache';

describe('CachedUserInfo', () => {
  function setup(ttlMs = 10_000) {
    const userInfo = mockServices.userInfo.mock({
      getUserInfo: async credentials => {
        const { userEntityRef } = credentials.principal as {
          userEntityRef: string;
        };
        return { userEntityRef, ownershipEntityRefs: [userEntityRef] };
      },
    });
    const cached = new CachedUserInfo({
      userInfo,
      cache: new ShortLivedCache({ ttlMs, maxEntries: 100 }),
    });
    return { userInfo, cached };
  }

  it("reuses a user's info within the TTL, per user", async () => {
    const { userInfo, cached } = setup();
    const erik = mockCredentials.user('user:default/erik');

    await cached.getUserInfo(erik);
    await expect(cached.getUserInfo(erik)).resolves.toEqual({
      userEntityRef: 'user:default/erik',
      ownershipEntityRefs: ['user:default/erik'],
    });
    await expect(
      cached.getUserInfo(mockCredentials.user('user:default/maria')),
    ).resolves.toMatchObject({ userEntityRef: 'user:default/maria' });

    expect(userInfo.getUserInfo).toHaveBeenCalledTimes(2);
  });

  it('asks every time with a TTL of 0', async () => {
    const { userInfo, cached } = setup(0);
    const erik = mockCredentials.user('user:default/erik');

    await cached.getUserInfo(erik);
    await cached.getUserInfo(erik);

    expect(userInfo.getUserInfo).toHaveBeenCalledTimes(2);
  });

  it('passes callers that are not users straight on', async () => {
    const { userInfo, cached } = setup();
    const service = mockCredentials.service();

    await cached.getUserInfo(service);
    await cached.getUserInfo(service);

    expect(userInfo.getUserInfo).toHaveBeenCalledTimes(2);
  });
});
