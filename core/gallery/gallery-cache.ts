/**
 * A small in-process cache for public galleries. Each entry has two instants from its loader:
 * - `expiresAt`: never served after it (the next license start or end among the gallery's
 *   candidates, so time alone never serves content past a license end; and a bound on how
 *   stale a change made through another API replica may be);
 * - `refreshAt`: after it, the entry is still served but reloaded in the background, once, so
 *   busy galleries never make a request wait for the database.
 * Changes made through this process (licenses, assets, FAQ) call markGalleriesStale(), and
 * every entry is dropped at once. Concurrent misses for one key share one load.
 */
let generation = 0;

/** Drops every cached gallery in this process: call after a change that may alter what a gallery shows. */
export function markGalleriesStale(): void {
  generation += 1;
}

/**
 * Counts markGalleriesStale() calls: a change that may alter what a gallery shows may alter any
 * answer about licenses, so other caches of such answers (the file server's, see
 * core/licensing/license-answer-cache.ts) drop theirs when it moves.
 */
export const galleriesStaleCount = (): number => generation;

export interface Loaded<V> {
  value: V;
  /** Epoch ms after which the value is reloaded in the background (and served meanwhile). */
  refreshAt: number;
  /** Epoch ms after which the value is never served. */
  expiresAt: number;
}

interface Entry<V> {
  generation: number;
  refreshAt: number;
  expiresAt: number;
  value: Promise<V>;
  refreshing: boolean;
}

export class GalleryCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  /**
   * `maxEntries` bounds memory against clients asking for endless made-up SKUs; the oldest go first.
   * `changeCount` moves whenever entries must go: by default this process's markGalleriesStale()
   * calls; publicGallery adds the changes other API replicas announce (gallery-changes.ts).
   */
  constructor(
    private readonly maxEntries: number,
    private readonly changeCount: () => number = galleriesStaleCount,
  ) {}

  get(key: string, load: () => Promise<Loaded<V>>): Promise<V> {
    const now = Date.now();
    const cached = this.entries.get(key);
    if (!cached || cached.generation !== this.changeCount() || cached.expiresAt <= now) return this.fill(key, load);
    if (cached.refreshAt <= now && !cached.refreshing) {
      cached.refreshing = true;
      const settle = () => (cached.refreshing = false);
      // A failed refresh keeps serving the entry (until it expires) and tries again next time.
      void this.fill(key, load, cached).then(settle, settle);
    }
    return cached.value;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Loads into a new entry; while a refresh runs, `current` stays in place and is served. */
  private fill(key: string, load: () => Promise<Loaded<V>>, current?: Entry<V>): Promise<V> {
    // Until the load settles a new entry never expires, so concurrent requests wait for it.
    const entry: Entry<V> = {
      generation: this.changeCount(),
      refreshAt: Infinity,
      expiresAt: Infinity,
      value: Promise.resolve(undefined as V),
      refreshing: false,
    };
    entry.value = load().then(
      (loaded) => {
        Object.assign(entry, { refreshAt: loaded.refreshAt, expiresAt: loaded.expiresAt });
        if (current && this.entries.get(key) === current) this.put(key, entry);
        return loaded.value;
      },
      (err: unknown) => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        throw err;
      },
    );
    if (!current) this.put(key, entry);
    return entry.value;
  }

  private put(key: string, entry: Entry<V>): void {
    this.entries.delete(key); // re-inserted last: Map order is age order
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
