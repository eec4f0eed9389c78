/**
 * 60-digit references for the logistic-regression tests, from the definitions
 * alone (no gradient formula): the mean binary cross-entropy of σ(w·x + b) in
 * mathjs BigNumber arithmetic, and its partial derivatives as central differences
 * of that 60-digit loss with h = 1e−25. Their error is ~h²·|J‴| ≈ 1e−50 (truncation)
 * plus ~1e−60/h = 1e−35 (rounding), far below any double-precision tolerance.
 */
import { big, M, type Big } from "../functions/reference";

/** A small fixed dataset: 6 examples, 2 features, both classes, not separable. */
export const SMALL = {
  X: [
    [0.5, -1.2],
    [1.5, 0.3],
    [-0.7, 2.1],
    [2.2, 1.1],
    [-1.9, -0.4],
    [0.1, 0.9],
  ],
  t: [0, 1, 0, 1, 0, 1],
};

const ONE = M.bignumber(1);

/** σ(z) = 1 / (1 + e^(−z)), at 60 digits. */
function sigma(z: Big): Big {
  return ONE.div(z.neg().exp().plus(1));
}

/**
 * J(w, b) = −(1/n)·Σ [tᵢ log σ(zᵢ) + (1 − tᵢ) log(1 − σ(zᵢ))], zᵢ = w·xᵢ + b, with Big
 * parameters; 1 − σ(z) is taken as σ(−z) (the same number), which 60 digits resolve even
 * at z = 1000, where 1 − σ(z) would round to 0.
 */
export function refLossBig(w: Big[], b: Big, X: number[][], t: number[]): Big {
  let sum = M.bignumber(0);
  X.forEach((row, i) => {
    const z = row.reduce((acc, x, j) => acc.plus(w[j].times(big(x))), b);
    sum = sum.plus(t[i] === 1 ? sigma(z).ln() : sigma(z.neg()).ln());
  });
  return sum.neg().div(X.length);
}

/** {@link refLossBig} at double parameters. */
export function refLoss(w: number[], b: number, X: number[][], t: number[]): Big {
  return refLossBig(w.map(big), big(b), X, t);
}

/** [∂J/∂w₁, …, ∂J/∂w_d, ∂J/∂b] by 60-digit central differences of {@link refLossBig}. */
export function refGradient(w: number[], b: number, X: number[][], t: number[]): Big[] {
  const h = M.bignumber("1e-25");
  const theta = [...w.map(big), big(b)];
  return theta.map((_, k) => {
    const at = (delta: Big) => {
      const p = theta.map((v, m) => (m === k ? v.plus(delta) : v));
      return refLossBig(p.slice(0, -1), p[p.length - 1], X, t);
    };
    return at(h).minus(at(h.neg())).div(h.times(2));
  });
}
