/**
 * A tiny bounded cache for filtered lists: a client pages through the same
 * query many times in a row, so a handful of recent entries is enough.
 */
export class MemoCache {
  private readonly entries = new Map<string, unknown>();

  constructor(private readonly capacity = 16) {}

  /** The cached value of `key`, computing and storing it on a miss. */
  get<T>(key: string, compute: () => T): T {
    if (this.entries.has(key)) {
      return this.entries.get(key) as T;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) {
        this.entries.delete(oldest);
      }
    }
    return value;
  }

  /** Drops everything, e.g. when the fleet changes. */
  clear(): void {
    this.entries.clear();
  }
}
