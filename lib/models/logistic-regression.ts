/**
 * Logistic regression ŷ = σ(w·x + b) with the mean binary cross-entropy loss:
 * the logits, the loss and its gradient for a whole dataset at once.
 */
import { checkFeatures, checkModelInputs, checkParameters } from "../check";
import { binaryCrossEntropyGradientLogit, binaryCrossEntropyWithLogits } from "../functions/binary-cross-entropy";

/** The loss of a logistic regression on a dataset and its gradient with respect to w and b. */
export interface LogisticRegressionGradient {
  /** ∂J/∂w = Xᵀ(ŷ − t)/n, one entry per weight, in nats per unit of weight. */
  dw: number[];
  /** ∂J/∂b = mean(ŷ − t), in nats per unit of bias. */
  db: number;
  /** The mean binary cross-entropy J = (1/n)·Σᵢ L(tᵢ, σ(zᵢ)), in nats. */
  loss: number;
}

/**
 * The logits z = Xw + b of every example, zᵢ = Σⱼ wⱼ·X[i][j] + b.
 *
 * @param w weights, one per feature (length d)
 * @param b bias
 * @param X features, n×d, finite
 * @returns n logits
 * @throws TypeError / RangeError naming X, X[i][j], w, w[j] or b when the shapes or values are wrong
 */
export function logits(w: number[], b: number, X: number[][]): number[] {
  const d = checkFeatures("logits", X);
  checkParameters("logits", w, b, d);
  return unsafeLogits(w, b, X);
}

/**
 * The mean binary cross-entropy of a logistic regression on a dataset,
 * J(w, b) = (1/n)·Σᵢ L(tᵢ, σ(zᵢ)) with zᵢ = w·xᵢ + b, each term computed by the
 * stable logits form max(z, 0) − z·t + log(1 + e^(−|z|)) (finite for every finite z).
 *
 * @param w weights (length d), b bias, X features (n×d), t labels (n, each 0 or 1)
 * @returns the loss in nats, ≥ 0
 * @throws TypeError / RangeError naming the failing argument (see {@link logisticRegressionGradient})
 * Source: notebook 05's stable logits form, as in TensorFlow's
 * `sigmoid_cross_entropy_with_logits` and PyTorch's `BCEWithLogitsLoss`.
 */
export function logisticRegressionLoss(w: number[], b: number, X: number[][], t: number[]): number {
  checkModelInputs("logisticRegressionLoss", w, b, X, t);
  return meanLoss(unsafeLogits(w, b, X), t);
}

/**
 * The mean binary cross-entropy of a logistic regression and its gradient, in
 * vectorised form: with ŷ = σ(Xw + b),
 *   ∂J/∂w = Xᵀ(ŷ − t)/n   and   ∂J/∂b = mean(ŷ − t).
 * Each example contributes ∂L/∂wⱼ = (ŷᵢ − tᵢ)·X[i][j] and ∂L/∂b = ŷᵢ − tᵢ (the chain
 * rule through ∂L/∂z = ŷ − t); the mean of the per-example gradients is the gradient of
 * the mean loss because differentiation is linear. ŷᵢ − tᵢ is evaluated as
 * `binaryCrossEntropyGradientLogit(tᵢ, zᵢ)`, which does not cancel at large |z|.
 *
 * @param w weights, one per feature (length d), finite
 * @param b bias, finite
 * @param X features, n×d (the tutorial uses d = 2), finite
 * @param t targets, n labels each 0 or 1
 * @returns `{ dw, db, loss }` (see {@link LogisticRegressionGradient})
 * @throws TypeError when an argument or entry has the wrong type; RangeError when X is
 *   empty or ragged, t or w has the wrong length, a label is not 0 or 1, or a value is infinite
 * Source: notebook 05 (∂L/∂z = ŷ − t) and the per-example derivations of notebook 06
 * (∂z/∂wⱼ = xⱼ, ∂z/∂b = 1).
 */
export function logisticRegressionGradient(
  w: number[],
  b: number,
  X: number[][],
  t: number[],
): LogisticRegressionGradient {
  checkModelInputs("logisticRegressionGradient", w, b, X, t);
  return unsafeGradient(w, b, X, t);
}

/** z = Xw + b without input checks (callers have checked). */
export function unsafeLogits(w: readonly number[], b: number, X: readonly (readonly number[])[]): number[] {
  return X.map((row) => row.reduce((z, x, j) => z + w[j] * x, b));
}

/** Mean stable-logits cross-entropy of logits z against labels t, without input checks. */
export function meanLoss(z: readonly number[], t: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += binaryCrossEntropyWithLogits(t[i], z[i]);
  return sum / z.length;
}

/** {@link logisticRegressionGradient} without input checks, also returning the logits. */
export function unsafeGradient(
  w: readonly number[],
  b: number,
  X: readonly (readonly number[])[],
  t: readonly number[],
): LogisticRegressionGradient & { z: number[] } {
  const n = X.length;
  const z = unsafeLogits(w, b, X);
  const dw = new Array<number>(w.length).fill(0);
  let db = 0;
  for (let i = 0; i < n; i++) {
    const residual = binaryCrossEntropyGradientLogit(t[i], z[i]); // ŷᵢ − tᵢ
    for (let j = 0; j < w.length; j++) dw[j] += residual * X[i][j];
    db += residual;
  }
  return { dw: dw.map((g) => g / n), db: db / n, loss: meanLoss(z, t), z };
}
