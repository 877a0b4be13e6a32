/**
 * A bounded cache of answers computed from one version of the stored data.
 * Entries are keyed by the caller; seeing a newer data version drops them
 * all, so nothing computed from older data is ever served again. The version
 * is read from the database by the caller, which is what keeps replicas in
 * step: a write on one replica bumps it for all.
 */
export class VersionedCache<T> {
  #version: number | undefined;
  readonly #entries = new Map<string, T>();

  constructor(private readonly maxEntries = 500) {}

  /**
   * The entry for `key` under `version`, computed (and kept) when absent.
   * Concurrent misses of one key share one computation.
   */
  async get(
    version: number,
    key: string,
    compute: () => Promise<T>,
  ): Promise<T> {
    this.#useVersion(version);
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      // Re-insert: the map's order is the eviction order (oldest first).
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const pending = this.#pending.get(`${version}\u0000${key}`);
    if (pending) {
      return pending;
    }
    const promise = compute().finally(() =>
      this.#pending.delete(`${version}\u0000${key}`),
    );
    this.#pending.set(`${version}\u0000${key}`, promise);
    const value = await promise;
    if (this.#version === version) {
      this.#entries.set(key, value);
      if (this.#entries.size > this.maxEntries) {
        this.#entries.delete(this.#entries.keys().next().value as string);
      }
    }
    return value;
  }

  readonly #pending = new Map<string, Promise<T>>();

  #useVersion(version: number) {
    if (this.#version === undefined || version > this.#version) {
      this.#version = version;
      this.#entries.clear();
    }
  }
}
