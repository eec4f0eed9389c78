/**
 * Standard normal numbers from a uniform generator on [0, 1), by the Box–Muller transform
 * (√(−2 ln u₁)·cos(2πu₂), √(−2 ln u₁)·sin(2πu₂) for uniform u₁ ∈ (0, 1], u₂ ∈ [0, 1);
 * Box & Muller, Ann. Math. Statist. 29, 1958), both numbers of each pair used in order.
 *
 * @param uniform a generator of uniform numbers in [0, 1), e.g. seedrandom(seed)
 * @returns a generator of independent standard normal numbers
 */
export function normalStream(uniform: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - uniform())); // 1 − u ∈ (0, 1]: log never sees 0
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}
