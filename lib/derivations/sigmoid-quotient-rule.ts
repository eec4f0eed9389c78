import { derive, type Derivation } from "../derive/derive";
import { simplifySigmoidDerivative } from "./sigmoid-simplification";

const X = { x: "(-10, 10)" } as const;

/**
 * u′ for the quotient rule applied to the sigmoid: u = 1, so u′ = 0.
 * Source: the constant rule.
 * @returns a fresh, unverified derivation (call `.verify()`)
 */
export function sigmoidNumeratorDerivative(): Derivation {
  return derive("u′(x) for u = 1", { name: "u", f: "1", wrt: "x", domain: X })
    .differentiate("0", "constant rule", "The derivative of a constant is zero.");
}

/**
 * v′ for the quotient rule applied to the sigmoid: v = 1 + e^(−x), v′ = −e^(−x).
 * Source: sum rule, (e^x)′ = e^x, and the chain rule for −x.
 * @returns a fresh, unverified derivation
 */
export function sigmoidDenominatorDerivative(): Derivation {
  return derive("v′(x) for v = 1 + e^(−x)", { name: "v", f: "1 + e^(-x)", wrt: "x", domain: X })
    .differentiate("0 + e^(-x) * (-1)", "sum rule, exponential rule, chain rule",
      "The 1 contributes 0; e^(−x) differentiates to itself times the derivative of −x, which is −1.")
    .rewrite("-e^(-x)", "algebra", "Drop the zero and move the sign to the front.");
}

/**
 * σ′(x) by the quotient rule, (u/v)′ = (u′v − uv′)/v², with u = 1 and v = 1 + e^(−x),
 * then simplified to g(x)(1 − g(x)). Source: tutorial outline, Part 2.
 * @returns a fresh, unverified derivation with 7 steps
 */
export function sigmoidByQuotientRule(): Derivation {
  const d = derive("σ′(x) by the quotient rule", { name: "g", f: "1 / (1 + e^(-x))", wrt: "x", domain: X })
    .differentiate("(0 * (1 + e^(-x)) - 1 * (-e^(-x))) / (1 + e^(-x))^2", "quotient rule",
      "Put u = 1, u′ = 0, v = 1 + e^(−x), v′ = −e^(−x) into (u′v − uv′)/v².")
    .rewrite("e^(-x) / (1 + e^(-x))^2", "algebra: multiply out the numerator",
      "0 times anything is 0, and −1 · (−e^(−x)) = e^(−x).");
  return simplifySigmoidDerivative(d);
}
