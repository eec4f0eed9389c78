import { derive, type Derivation } from "../derive/derive";
import { simplifySigmoidDerivative } from "./sigmoid-simplification";

/**
 * dg/du for g = u^(−1): −u^(−2). Source: the power rule (u^n)′ = n·u^(n−1).
 * u = 1 + e^(−x) lies in (1, ∞); the domain samples (1, 50).
 * @returns a fresh, unverified derivation
 */
export function sigmoidOuterDerivative(): Derivation {
  return derive("dg/du for g = u^(−1)", { name: "g", f: "u^(-1)", wrt: "u", domain: { u: "(1, 50)" } })
    .differentiate("-1 * u^(-1 - 1)", "power rule", "Bring the exponent −1 down and lower it by one.")
    .rewrite("-u^(-2)", "algebra");
}

/**
 * σ′(x) by the chain rule: write g = (1 + e^(−x))^(−1), set u = 1 + e^(−x),
 * multiply dg/du = −u^(−2) by du/dx = −e^(−x), then simplify to g(x)(1 − g(x)).
 * Source: tutorial outline, Part 3.
 * @returns a fresh, unverified derivation with 8 steps
 */
export function sigmoidByChainRule(): Derivation {
  const d = derive("σ′(x) by the chain rule", { name: "g", f: "1 / (1 + e^(-x))", wrt: "x", domain: { x: "(-10, 10)" } })
    .rewrite("(1 + e^(-x))^(-1)", "negative power", "1/a is the same as a^(−1).")
    .differentiate("-(1 + e^(-x))^(-2) * (-e^(-x))", "chain rule",
      "dg/dx = dg/du · du/dx with u = 1 + e^(−x): dg/du = −u^(−2) and du/dx = −e^(−x).")
    .rewrite("e^(-x) / (1 + e^(-x))^2", "algebra: the two minus signs cancel",
      "A negative power in the numerator becomes a positive power in the denominator.");
  return simplifySigmoidDerivative(d);
}
