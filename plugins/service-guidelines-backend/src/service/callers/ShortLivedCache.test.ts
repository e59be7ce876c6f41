import { ShortLivedCache } from './ShortLivedCache';

/** A cache of 10 seconds on a clock the test moves by hand, and a loader that counts its calls. */
function setup(options: { ttlMs?: number; maxEntries?: number } = {}) {
  let now = Date.parse('2026-11-24T10:00:00Z');
  const cache = new ShortLivedCache<string>({
    ttlMs: options.ttlMs ?? 10_000,
    maxEntries: options.maxEntries ?? 10,
    now: () => now,
  });
  return {
    cache,
    load: jest.fn(async () => 'value'),
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('ShortLivedCache', () => {
  it('reuses a value within the TTL and loads it again after', async () => {
    const { cache, load, advance } = setup();

    await cache.get('k', undefined, load);
    advance(9_999);
    await expect(cache.get('k', undefined, load)).resolves.toBe('value');
    expect(load).toHaveBeenCalledTimes(1);

    advance(1);
    await cache.get('k', undefined, load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('never reuses a value past notAfter, even within the TTL', async () => {
    const { cache, load, now, advance } = setup();
    const notAfter = new Date(now() + 2_000);

    await cache.get('k', notAfter, load);
    advance(1_999);
    await cache.get('k', notAfter, load);
    expect(load).toHaveBeenCalledTimes(1);
    advance(1);
    await cache.get('k', notAfter, load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps nothing asked with credentials that have already expired', async () => {
    const { cache, load, now } = setup();
    const expired = new Date(now());

    await cache.get('k', expired, load);
    await cache.get('k', expired, load);
    expect(load).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
  });

  it('turns off with a TTL of 0: every lookup loads', async () => {
    const { cache, load } = setup({ ttlMs: 0 });

    await Promise.all([
      cache.get('k', undefined, load),
      cache.get('k', undefined, load),
    ]);
    await cache.get('k', undefined, load);
    expect(load).toHaveBeenCalledTimes(3);
    expect(cache.size).toBe(0);
  });

  it('shares one lookup among concurrent misses of a key', async () => {
    const { cache } = setup();
    let release: (value: string) => void = () => {};
    const load = jest.fn(
      () =>
        new Promise<string>(resolve => {
          release = resolve;
        }),
    );

    const first = cache.get('k', undefined, load);
    const second = cache.get('k', undefined, load);
    release('value');
    await expect(Promise.all([first, second])).resolves.toEqual([
      'value',
      'value',
    ]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed lookup, also for those that shared it, so the next one asks again', async () => {
    const { cache } = setup();
    const load = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new Error('permission backend unavailable'))
      .mockResolvedValue('value');

    const first = cache.get('k', undefined, load);
    const shared = cache.get('k', undefined, load);
    await expect(first).rejects.toThrow('permission backend unavailable');
    await expect(shared).rejects.toThrow('permission backend unavailable');
    await expect(cache.get('k', undefined, load)).resolves.toBe('value');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps keys apart', async () => {
    const { cache } = setup();

    await cache.get('a', undefined, async () => 'A');
    await expect(cache.get('b', undefined, async () => 'B')).resolves.toBe('B');
    await expect(cache.get('a', undefined, async () => 'other')).resolves.toBe(
      'A',
    );
  });

  it('evicts the oldest value beyond maxEntries', async () => {
    const { cache, load } = setup({ maxEntries: 2 });

    await cache.get('a', undefined, load);
    await cache.get('b', undefined, load);
    await cache.get('c', undefined, load);
    expect(cache.size).toBe(2);
    expect(load).toHaveBeenCalledTimes(3);

    await cache.get('c', undefined, load);
    await cache.get('b', undefined, load);
    expect(load).toHaveBeenCalledTimes(3);
    await cache.get('a', undefined, load);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('loads only the missing items of a batch, in one call, and answers in the order asked', async () => {
    const { cache } = setup();
    const loadMissing = jest.fn(async (keys: string[]) =>
      keys.map(k => k.toUpperCase()),
    );

    await cache.getMany(['b'], k => k, undefined, loadMissing);
    await expect(
      cache.getMany(['a', 'b', 'c', 'a'], k => k, undefined, loadMissing),
    ).resolves.toEqual(['A', 'B', 'C', 'A']);
    expect(loadMissing).toHaveBeenCalledTimes(2);
    expect(loadMissing).toHaveBeenLastCalledWith(['a', 'c']);
  });
});
