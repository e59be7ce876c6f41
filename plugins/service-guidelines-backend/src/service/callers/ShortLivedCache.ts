/** How long {@link ShortLivedCache} reuses a value, and how many it keeps. */
export interface ShortLivedCacheOptions {
  /** Milliseconds a loaded value is reused; 0 or less turns the cache off. */
  ttlMs: number;
  /** The most values kept; beyond it the oldest is evicted first. */
  maxEntries: number;
  /** The current time in milliseconds since the epoch; tests pass a fake clock. */
  now?: () => number;
}

interface Entry<V> {
  /** Settles to the value; concurrent lookups of the same key share it while it is pending. */
  value: Promise<V>;
  /** Time (ms since the epoch) after which the value is not reused. */
  expiresAt: number;
}

/**
 * Values that may be reused for a short time, e.g. a signed-in caller's permission decisions, so
 * that repeated requests of one user do not each make the same in-process HTTP round trip.
 *
 * - A value is reused until the TTL passes or `notAfter` (the caller's token expiry), whichever
 *   comes first: a decision never outlives the credentials it was made for.
 * - Concurrent misses of one key share one lookup.
 * - A failed lookup is forgotten at once, so the next request asks again.
 * - At most `maxEntries` values are kept; the oldest go first.
 */
export class ShortLivedCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: ShortLivedCacheOptions) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = Math.max(1, options.maxEntries);
    this.#now = options.now ?? Date.now;
  }

  /** How many values are held (fresh or not yet evicted); for tests. */
  get size(): number {
    return this.#entries.size;
  }

  /** The value of one key, loaded by `load` on a miss. */
  async get(
    key: string,
    notAfter: Date | undefined,
    load: () => Promise<V>,
  ): Promise<V> {
    const [value] = await this.getMany(
      [key],
      k => k,
      notAfter,
      async () => [await load()],
    );
    return value;
  }

  /**
   * The values of `items` in their order; the items without a fresh value are loaded together
   * by one call of `loadMissing`, which returns their values in the order given.
   */
  async getMany<T>(
    items: readonly T[],
    keyOf: (item: T) => string,
    notAfter: Date | undefined,
    loadMissing: (missing: T[]) => Promise<readonly V[]>,
  ): Promise<V[]> {
    if (this.#ttlMs <= 0) {
      return [...(await loadMissing([...items]))];
    }
    const now = this.#now();
    const values = new Map<string, Promise<V>>();
    const missing: T[] = [];
    for (const item of items) {
      const key = keyOf(item);
      if (values.has(key)) continue;
      const entry = this.#entries.get(key);
      if (entry && entry.expiresAt > now) {
        values.set(key, entry.value);
      } else if (!missing.some(other => keyOf(other) === key)) {
        missing.push(item);
      }
    }
    if (missing.length > 0) {
      const loaded = loadMissing(missing);
      // Counted from before the lookup, so that a value is never reused longer than the TTL after
      // the moment it was asked for.
      const expiresAt = Math.min(
        now + this.#ttlMs,
        notAfter?.getTime() ?? Infinity,
      );
      missing.forEach((item, index) => {
        const key = keyOf(item);
        const value = loaded.then(all => all[index]);
        values.set(key, value);
        if (expiresAt > now) this.#remember(key, { value, expiresAt });
      });
    }
    return Promise.all(items.map(item => values.get(keyOf(item))!));
  }

  #remember(key: string, entry: Entry<V>): void {
    // Deleted first so that a refreshed key counts as the newest for eviction.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    entry.value.catch(() => {
      // Only this lookup's own entry: a newer one for the key may have replaced it meanwhile.
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }
}
