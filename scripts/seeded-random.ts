/**
 * A small seeded generator of uniform numbers, for the corpora, fuzzers and randomised tests
 * that must draw the same cases on every run (not part of the kit's API).
 * Source of the method: mulberry32, a 32-bit generator by Tommy Ettinger (public domain).
 */

/**
 * mulberry32: a generator of uniform numbers in [0, 1), the same sequence for the same seed.
 * @param seed any number; its low 32 bits are the state
 * @returns the next number on each call, in [0, 1) with 2^−32 resolution
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
