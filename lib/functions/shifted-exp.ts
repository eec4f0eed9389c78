/**
 * Internal helpers of softmax.ts: the max-shifted exponentials every softmax
 * quantity is built from. Not re-exported from the package.
 */

/** The exponentials of logits shifted by their maximum, and their sums. */
export interface ShiftedExp {
  /** eᵢ = e^(zᵢ − m), each in [0, 1]; e[k] = 1. */
  e: number[];
  /** Index of the (first) largest logit. */
  k: number;
  /** The largest logit, m = z[k]. */
  m: number;
  /** Σ_{i≠k} eᵢ, summed without the max term: s − 1 without rounding away small terms. */
  rest: number;
  /** s = Σᵢ eᵢ = 1 + rest, in [1, n]. */
  s: number;
}

/**
 * Shift finite logits by their maximum and exponentiate. Keeping `rest`
 * separate lets callers form log s as log1p(rest) and 1 − p_k as rest / s
 * without cancellation when one logit dominates.
 * @param z non-empty array of finite logits (validated by the caller)
 */
export function shiftedExp(z: readonly number[]): ShiftedExp {
  let k = 0;
  for (let i = 1; i < z.length; i++) if (z[i] > z[k]) k = i;
  const m = z[k];
  const e = z.map((zi) => Math.exp(zi - m));
  let rest = 0;
  e.forEach((ei, i) => {
    if (i !== k) rest += ei;
  });
  return { e, k, m, rest, s: 1 + rest };
}

/**
 * 1 − pᵢ for each i, where pᵢ = eᵢ / s: rest / s for the largest entry (no
 * cancellation), (s − eᵢ) / s for the others (eᵢ ≤ s / 2 there, so s − eᵢ
 * loses nothing).
 */
export function complements({ e, k, rest, s }: ShiftedExp): number[] {
  return e.map((ei, i) => (i === k ? rest : s - ei) / s);
}
