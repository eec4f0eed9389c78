/**
 * The logistic sigmoid σ(x) = 1 / (1 + e^(−x)), its derivative and its
 * logarithm, each computed so that no input (including ±Infinity) gives NaN
 * and no intermediate value overflows.
 */
import { checkNumber } from "../check";

/**
 * The logistic sigmoid σ(x) = 1 / (1 + e^(−x)), mapping a logit to a
 * probability in [0, 1].
 *
 * Stable for both signs: for x ≥ 0 it evaluates 1 / (1 + e^(−x)), where
 * e^(−x) ≤ 1 cannot overflow; for x < 0 it evaluates the equal form
 * e^x / (1 + e^x). So σ(−800) is 0 (the true value, ≈ 3.7e−348, is below the
 * smallest double), σ(800) = 1, σ(−∞) = 0 and σ(∞) = 1; results are accurate
 * to a few ulps (relative) wherever they are representable.
 *
 * @param x logit, any number including ±Infinity
 * @returns σ(x), a probability in [0, 1]
 * @throws TypeError when x is not a number or is NaN
 * Source: definition of the logistic function; the two-branch form is the
 * standard overflow-free evaluation.
 */
export function sigmoid(x: number): number {
  checkNumber("sigmoid", "x", x);
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * The derivative of the sigmoid, σ′(x) = σ(x)(1 − σ(x)).
 *
 * For |x| ≤ 40 evaluated as 0.25 / cosh²(x/2). That is the same number: σ(x)(1 − σ(x)) =
 * σ(x)σ(−x) = 1 / ((1 + e^(−x))(1 + e^x)) = 1 / (2 + e^x + e^(−x)) = 1 / (2 + 2 cosh x),
 * and 2 + 2 cosh x = 4 cosh²(x/2). There is no cancellation (σ(37) rounds to 1 in
 * double precision, so the naive σ(1 − σ) gives 0 instead of ≈ 8.5e−17), and as a
 * division of 0.25 by a number ≥ 1 the result never exceeds 0.25 (the form
 * e^(−|x|)/(1 + e^(−|x|))² gives 0.25000000000000006 at x = 1e−9).
 * For |x| > 40 it is e^(−|x|)·(1 + e^(−|x|))^(−2) = e^(−|x|)·(1 − 2e^(−|x|) + …), and
 * 2e^(−40) ≈ 8.5e−18 is below half an ulp of 1, so e^(−|x|) itself, to the last bit: no
 * cosh² to overflow (it does from |x| ≈ 711.9), and values in the subnormal range
 * (|x| from about 708.4 to 745.1) keep every bit they have. 0 from |x| ≈ 745.13,
 * where e^(−|x|) is below half the smallest subnormal; σ′(±∞) = 0.
 *
 * @param x logit, any number including ±Infinity
 * @returns σ′(x), in [0, 0.25]; σ′(0) = 0.25
 * @throws TypeError when x is not a number or is NaN
 * Source: quotient rule applied to 1 / (1 + e^(−x)); see any calculus text.
 */
export function sigmoidDerivative(x: number): number {
  checkNumber("sigmoidDerivative", "x", x);
  const a = Math.abs(x);
  if (a > 40) return Math.exp(-a);
  // 0.25 / cosh²(x/2): a division of 0.25 by a number ≥ 1, so never above 0.25
  // (e/(1 + e)² rounds to 0.25000000000000006 at x = 1e-9).
  const c = Math.cosh(x / 2);
  return 0.25 / (c * c);
}

/**
 * The logarithm of the sigmoid, log σ(x) = −softplus(−x) = −log(1 + e^(−x)).
 *
 * Stable form: for x ≥ 0, −log1p(e^(−x)); for x < 0, x − log1p(e^x). Neither
 * branch overflows and log1p keeps full precision when e^(∓x) is tiny. So
 * log σ(−800) = −800, log σ(0) = −ln 2, log σ(800) = −0 (the true value,
 * −e^(−800), underflows), log σ(−∞) = −∞ and log σ(∞) = −0.
 *
 * @param x logit, any number including ±Infinity
 * @returns log σ(x), a number in [−∞, 0]
 * @throws TypeError when x is not a number or is NaN
 * Source: the log-sum-exp / softplus identity log σ(x) = −log(1 + e^(−x)).
 */
export function logSigmoid(x: number): number {
  checkNumber("logSigmoid", "x", x);
  if (x >= 0) return -Math.log1p(Math.exp(-x));
  return x - Math.log1p(Math.exp(x));
}
