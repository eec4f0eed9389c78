import { checkFeatures, checkModelInputs, checkParameters } from "../check";
import { unsafeLogits } from "./logistic-regression";

/**
 * The predicted class of every example: 1 when ŷ = σ(w·x + b) ≥ 0.5, that is when
 * the logit z = w·x + b ≥ 0, else 0. The threshold is applied to z, so no rounding
 * of σ can move an example across it.
 *
 * @param w weights (length d), b bias, X features (n×d)
 * @returns n predicted labels, each 0 or 1
 * @throws TypeError / RangeError naming X, X[i][j], w, w[j] or b
 * Source: the decision rule of logistic regression at threshold 0.5 (σ(z) ≥ 0.5 ⇔ z ≥ 0).
 */
export function predictClasses(w: number[], b: number, X: number[][]): number[] {
  const d = checkFeatures("predictClasses", X);
  checkParameters("predictClasses", w, b, d);
  return unsafeLogits(w, b, X).map((z) => (z >= 0 ? 1 : 0));
}

/**
 * Classification accuracy of a logistic regression on a dataset: the fraction of
 * examples whose predicted class ({@link predictClasses}) equals the target.
 *
 * @param w weights (length d), b bias, X features (n×d), t targets (n labels, each 0 or 1)
 * @returns the accuracy, a fraction in [0, 1] (a multiple of 1/n)
 * @throws TypeError / RangeError naming the failing argument
 */
export function accuracy(w: number[], b: number, X: number[][], t: number[]): number {
  checkModelInputs("accuracy", w, b, X, t);
  return unsafeAccuracy(unsafeLogits(w, b, X), t);
}

/** Fraction of logits on the side of 0 that matches the label (z ≥ 0 ⇔ class 1), without checks. */
export function unsafeAccuracy(z: readonly number[], t: readonly number[]): number {
  let right = 0;
  for (let i = 0; i < z.length; i++) if ((z[i] >= 0 ? 1 : 0) === t[i]) right += 1;
  return right / z.length;
}
