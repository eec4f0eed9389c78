/**
 * Binary cross-entropy L(t, ŷ) = −[t·log(ŷ) + (1 − t)·log(1 − ŷ)] for a target
 * t in [0, 1] and a prediction ŷ in [0, 1], in two forms (from a probability ŷ,
 * and from a logit z with ŷ = σ(z)), and its derivatives with respect to ŷ
 * and to z. Losses are in nats (natural logarithm).
 */
import { checkEpsilon, checkNumber, checkUnitInterval } from "../check";
import { sigmoid } from "./sigmoid";

/**
 * Binary cross-entropy of a prediction ŷ against a target t, in nats:
 * −[t·log(ŷ) + (1 − t)·log(1 − ŷ)], with ŷ first clipped to [ε, 1 − ε].
 *
 * The clipping keeps the loss finite when ŷ is exactly 0 or 1, and is what
 * mainstream frameworks do: Keras clips predictions to [ε, 1 − ε] with
 * ε = 1e−7 (its default backend epsilon); PyTorch's BCELoss instead clamps
 * each log term at −100. With the default ε the loss is at most
 * −log(1e−7) ≈ 16.118. A term whose coefficient is 0 (t = 0 or t = 1) is
 * skipped, so `epsilon = 0` is allowed and gives the exact, possibly infinite,
 * loss. For ŷ < 0.5 the clipped ŷ enters as log ŷ and log1p(−ŷ); for ŷ ≥ 0.5 the
 * complement q = 1 − ŷ (exact there) is clipped instead and enters as log q and
 * log1p(−q), so the loss never exceeds −log ε: binaryCrossEntropy(0, 1) =
 * −log(1e−7) = 16.11809565095832.
 *
 * @param t target (label) in [0, 1]; soft labels allowed
 * @param yhat prediction ŷ, a probability in [0, 1]
 * @param epsilon clipping margin in [0, 0.5), default 1e−7
 * @returns the loss in nats, ≥ 0 (its minimum over ŷ is the entropy of t,
 *   which is 0 only for t = 0 or t = 1)
 * @throws TypeError when an argument is not a number or is NaN;
 *   RangeError when t or yhat is outside [0, 1] or epsilon outside [0, 0.5)
 * Source: definition of cross-entropy between Bernoulli(t) and Bernoulli(ŷ);
 * clipping as in Keras `binary_crossentropy`.
 */
export function binaryCrossEntropy(t: number, yhat: number, epsilon = 1e-7): number {
  const fn = "binaryCrossEntropy";
  checkUnitInterval(fn, "t", t);
  checkUnitInterval(fn, "yhat", yhat);
  checkEpsilon(fn, epsilon);
  // Clip ŷ to [ε, 1 − ε] and, separately, its complement 1 − ŷ to the same interval: 1 − ŷ
  // is exact for ŷ ≥ 0.5 (Sterbenz), whereas rounding ŷ to the double nearest 1 − ε first
  // would make 1 − ŷ ≠ ε and the loss exceed its maximum −log ε.
  const clip = (p: number) => Math.min(Math.max(p, epsilon), 1 - epsilon);
  let logY: number;
  let logQ: number;
  if (yhat >= 0.5) {
    const q = clip(1 - yhat);
    logY = Math.log1p(-q);
    logQ = Math.log(q);
  } else {
    const y = clip(yhat);
    logY = Math.log(y);
    logQ = Math.log1p(-y);
  }
  let loss = 0;
  if (t !== 0) loss -= t * logY;
  if (t !== 1) loss -= (1 - t) * logQ;
  return loss;
}

/**
 * Binary cross-entropy computed from the logit z (ŷ = σ(z)), in nats:
 * max(z, 0) − z·t + log(1 + e^(−|z|)).
 *
 * This equals −[t·log σ(z) + (1 − t)·log(1 − σ(z))] exactly, without forming
 * σ(z), so it needs no clipping and is finite and accurate for every finite z:
 * e.g. (t = 1, z = −800) → 800, (t = 0, z = 800) → 800, (t = 1, z = 800) → 0.
 * max(z, 0) − z·t is evaluated as z·(1 − t) for z ≥ 0 and −z·t for z < 0
 * (the same value, with less rounding), and log(1 + ·) with log1p.
 *
 * Infinite z: the loss is defined as its limit, which always exists in
 * [0, ∞]: z = +∞ gives 0 when t = 1 and +∞ otherwise; z = −∞ gives 0 when
 * t = 0 and +∞ otherwise. (The clipped {@link binaryCrossEntropy} of σ(±∞)
 * would instead be capped near 16.1.)
 *
 * @param t target (label) in [0, 1]
 * @param z logit, any number including ±Infinity
 * @returns the loss in nats, in [0, ∞]
 * @throws TypeError when an argument is not a number or is NaN;
 *   RangeError when t is outside [0, 1]
 * Source: the stable logits form used by mainstream frameworks (TensorFlow
 * `sigmoid_cross_entropy_with_logits`, PyTorch `BCEWithLogitsLoss`).
 */
export function binaryCrossEntropyWithLogits(t: number, z: number): number {
  const fn = "binaryCrossEntropyWithLogits";
  checkUnitInterval(fn, "t", t);
  checkNumber(fn, "z", z);
  if (z === Infinity) return t === 1 ? 0 : Infinity;
  if (z === -Infinity) return t === 0 ? 0 : Infinity;
  const linear = z >= 0 ? z * (1 - t) : -z * t;
  return linear + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * Derivative of the (unclipped) binary cross-entropy with respect to the
 * prediction: ∂L/∂ŷ = −t/ŷ + (1 − t)/(1 − ŷ) = (ŷ − t) / (ŷ(1 − ŷ)).
 *
 * Defined only for ŷ strictly between 0 and 1; the quotient form keeps full
 * precision when ŷ is close to t. For ŷ within ~1e−308 of 0 or 1 the true
 * value exceeds the double range and the result is ±Infinity.
 *
 * @param t target (label) in [0, 1]
 * @param yhat prediction ŷ, a probability in the open interval (0, 1)
 * @returns ∂L/∂ŷ in nats per unit of probability; negative when ŷ < t
 * @throws TypeError when an argument is not a number or is NaN;
 *   RangeError when t is outside [0, 1] or yhat is outside (0, 1)
 * Source: differentiate each log term (d/dŷ log ŷ = 1/ŷ, chain rule for
 * log(1 − ŷ)) and put them over the common denominator ŷ(1 − ŷ).
 */
export function binaryCrossEntropyDerivative(t: number, yhat: number): number {
  const fn = "binaryCrossEntropyDerivative";
  checkUnitInterval(fn, "t", t);
  checkUnitInterval(fn, "yhat", yhat, true);
  return (yhat - t) / (yhat * (1 - yhat));
}

/**
 * Derivative of the binary cross-entropy with respect to the logit z:
 * ∂L/∂z = ∂L/∂ŷ · σ′(z) = σ(z) − t.
 *
 * Evaluated as (1 − t)·σ(z) − t·σ(−z), which equals σ(z) − t because
 * σ(z) + σ(−z) = 1, but does not cancel for t = 1 and large z: the gradient at
 * (t = 1, z = 37) is −σ(−37) ≈ −8.5e−17, where σ(37) − 1 would give 0.
 * Finite for every z including ±Infinity.
 *
 * @param t target (label) in [0, 1]
 * @param z logit, any number including ±Infinity
 * @returns ∂L/∂z, in [−1, 1]
 * @throws TypeError when an argument is not a number or is NaN;
 *   RangeError when t is outside [0, 1]
 * Source: chain rule; (ŷ − t)/(ŷ(1 − ŷ)) times σ′(z) = ŷ(1 − ŷ) leaves ŷ − t.
 */
export function binaryCrossEntropyGradientLogit(t: number, z: number): number {
  const fn = "binaryCrossEntropyGradientLogit";
  checkUnitInterval(fn, "t", t);
  checkNumber(fn, "z", z);
  return (1 - t) * sigmoid(z) - t * sigmoid(-z);
}
