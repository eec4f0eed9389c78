/**
 * Softmax pᵢ = e^(zᵢ) / Σⱼ e^(zⱼ) of a vector of logits z, categorical
 * cross-entropy (from probabilities and from logits), its gradient with
 * respect to the logits, and the Jacobian of softmax. Logits must be finite;
 * losses are in nats.
 */
import { checkArray, checkDistribution, checkEpsilon, checkSameLength, checkVector } from "../check";
import { complements, shiftedExp } from "./shifted-exp";

/**
 * Validate a target t and a second vector (p or z) of the same length: both
 * arrays, then the lengths (so an empty array reports both lengths), then the
 * entries; the second vector's entries must be finite when it holds logits.
 */
function checkPair(fn: string, t: unknown, name: "p" | "z", v: unknown): void {
  checkArray(fn, "t", t);
  checkArray(fn, name, v);
  checkSameLength(fn, "t", t, name, v);
  checkVector(fn, name, v, name === "z");
}

/**
 * Softmax of a vector of logits: pᵢ = e^(zᵢ) / Σⱼ e^(zⱼ).
 *
 * Computed as e^(zᵢ − max z) / Σⱼ e^(zⱼ − max z) — the same value, since the
 * factor e^(−max z) cancels — so no exponential overflows and the largest
 * term is exactly 1. Invariant to adding a constant to every logit.
 *
 * @param z logits, a non-empty array of finite numbers
 * @returns a probability vector of the same length (entries in [0, 1], sum 1
 *   up to rounding)
 * @throws TypeError when z is not an array or an entry is not a number / NaN;
 *   RangeError when z is empty or an entry is ±Infinity
 * Source: definition of softmax; max-subtraction is the standard stable form.
 */
export function softmax(z: readonly number[]): number[] {
  checkVector("softmax", "z", z, true);
  const { e, s } = shiftedExp(z);
  return e.map((ei) => ei / s);
}

/**
 * Categorical cross-entropy of predicted probabilities p against a target
 * distribution t, in nats: −Σᵢ tᵢ·log(pᵢ), with each pᵢ first clipped to
 * [ε, 1 − ε] (as Keras does, default ε = 1e−7). Terms with tᵢ = 0 are
 * skipped, so `epsilon = 0` gives the exact, possibly infinite, loss.
 *
 * @param t target distribution (one-hot or soft labels): entries in [0, 1]
 *   summing to 1 within 1e−6
 * @param p predicted probability vector, same length, same requirements
 * @param epsilon clipping margin in [0, 0.5), default 1e−7
 * @returns the loss in nats, ≥ 0
 * @throws TypeError for a non-array or a non-number / NaN entry or epsilon;
 *   RangeError when t and p are empty or of different lengths, an entry is
 *   outside [0, 1], a vector does not sum to ~1, or epsilon is outside [0, 0.5)
 * Source: definition of cross-entropy H(t, p); clipping as in Keras
 * `categorical_crossentropy`.
 */
export function categoricalCrossEntropy(t: readonly number[], p: readonly number[], epsilon = 1e-7): number {
  const fn = "categoricalCrossEntropy";
  checkPair(fn, t, "p", p);
  checkDistribution(fn, "t", t);
  checkDistribution(fn, "p", p);
  checkEpsilon(fn, epsilon);
  let loss = 0;
  t.forEach((ti, i) => {
    // for pᵢ ≥ 0.5 clip the complement (exact there), as binaryCrossEntropy does
    if (ti !== 0)
      loss -=
        ti *
        (p[i] >= 0.5
          ? Math.log1p(-Math.min(Math.max(1 - p[i], epsilon), 1 - epsilon))
          : Math.log(Math.min(Math.max(p[i], epsilon), 1 - epsilon)));
  });
  return loss;
}

/**
 * Categorical cross-entropy computed from logits z (p = softmax(z)), in nats:
 * −Σᵢ tᵢ·log softmax(z)ᵢ = Σᵢ tᵢ·(LSE(z) − zᵢ), where LSE is log-sum-exp.
 *
 * Each LSE(z) − zᵢ is evaluated as (max z − zᵢ) + log1p(Σ_{j≠k} e^(zⱼ − max z)),
 * a sum of two non-negative terms, so the result never overflows, needs no
 * clipping, and keeps full precision even when one logit dominates
 * (e.g. t = [1, 0], z = [37, 0] gives log1p(e^(−37)) ≈ 8.5e−17).
 *
 * @param t target distribution: entries in [0, 1] summing to 1 within 1e−6
 * @param z logits, a non-empty array of finite numbers of the same length
 * @returns the loss in nats, ≥ 0
 * @throws TypeError for a non-array or a non-number / NaN entry; RangeError
 *   when the arrays are empty or of different lengths, a t entry is outside
 *   [0, 1], t does not sum to ~1, or a logit is ±Infinity
 * Source: log softmax(z)ᵢ = zᵢ − LSE(z); the log-sum-exp form used by
 * mainstream frameworks (e.g. `softmax_cross_entropy_with_logits`).
 */
export function categoricalCrossEntropyWithLogits(t: readonly number[], z: readonly number[]): number {
  const fn = "categoricalCrossEntropyWithLogits";
  checkPair(fn, t, "z", z);
  checkDistribution(fn, "t", t);
  const { m, rest } = shiftedExp(z);
  const logSum = Math.log1p(rest);
  let loss = 0;
  t.forEach((ti, i) => {
    if (ti !== 0) loss += ti * (m - z[i] + logSum);
  });
  return loss;
}

/**
 * Gradient of {@link categoricalCrossEntropyWithLogits} with respect to the
 * logits: ∂L/∂zᵢ = softmax(z)ᵢ − tᵢ (because Σ t = 1).
 *
 * Evaluated as pᵢ·(1 − tᵢ) − tᵢ·(1 − pᵢ), the same value, with 1 − pᵢ formed
 * without cancellation; so for t = [1, 0] and z = [37, 0] the first entry is
 * −σ(−37) ≈ −8.5e−17 rather than 0. The binary case (one logit against 0)
 * reduces to σ(z) − t.
 *
 * @param t target distribution: entries in [0, 1] summing to 1 within 1e−6
 * @param z logits, a non-empty array of finite numbers of the same length
 * @returns the gradient, same length, entries in [−1, 1], summing to ~0
 * @throws as {@link categoricalCrossEntropyWithLogits}
 * Source: chain rule through the softmax Jacobian: Σⱼ (−tⱼ/pⱼ)·pⱼ(δⱼᵢ − pᵢ)
 * = pᵢ·Σⱼ tⱼ − tᵢ.
 */
export function categoricalCrossEntropyGradient(t: readonly number[], z: readonly number[]): number[] {
  const fn = "categoricalCrossEntropyGradient";
  checkPair(fn, t, "z", z);
  checkDistribution(fn, "t", t);
  const shifted = shiftedExp(z);
  const { e, s } = shifted;
  const q = complements(shifted);
  return e.map((ei, i) => (ei / s) * (1 - t[i]) - t[i] * q[i]);
}

/**
 * Jacobian of softmax: J[i][j] = ∂pᵢ/∂zⱼ = pᵢ(δᵢⱼ − pⱼ), where p = softmax(z)
 * and δ is the Kronecker delta. Symmetric; every row sums to ~0. The diagonal
 * pᵢ(1 − pᵢ) uses 1 − pᵢ formed without cancellation.
 *
 * @param z logits, a non-empty array of finite numbers (length n)
 * @returns an n × n array of rows, J[i][j] in [−0.25, 0.25]
 * @throws TypeError when z is not an array or an entry is not a number / NaN;
 *   RangeError when z is empty or an entry is ±Infinity
 * Source: quotient rule on e^(zᵢ) / Σ e^(zₖ); see any text on softmax.
 */
export function softmaxJacobian(z: readonly number[]): number[][] {
  checkVector("softmaxJacobian", "z", z, true);
  const shifted = shiftedExp(z);
  const p = shifted.e.map((ei) => ei / shifted.s);
  const q = complements(shifted);
  return p.map((pi, i) => p.map((pj, j) => (i === j ? pi * q[i] : -pi * pj)));
}
