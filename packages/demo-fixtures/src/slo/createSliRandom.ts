/** A deterministic pseudo-random stream for the SLI generator. */
export interface SliRandom {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [min, max], both inclusive */
  int(min: number, max: number): number;
}

/**
 * Creates a mulberry32 stream seeded with the FNV-1a hash of `key`. The SLI
 * history keeps its own generator (rather than sharing the simulator's) so
 * that its numbers, and the cached blocks built from them, change only when
 * this directory changes.
 */
export function createSliRandom(key: string): SliRandom {
  let state = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    state = Math.imul(state ^ key.charCodeAt(i), 0x01000193);
  }
  state >>>= 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}
