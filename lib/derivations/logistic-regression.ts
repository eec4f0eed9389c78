import { derive, type Derivation } from "../derive/derive";

/**
 * ∂L/∂w₁ for one example of logistic regression with two features:
 * z = w₁x₁ + w₂x₂ + b, ŷ = σ(z), L = binary cross-entropy. The chain rule
 * ∂L/∂z · ∂z/∂w₁ = (ŷ − t)·x₁, the per-example form of ∂L/∂w = Xᵀ(ŷ − t)/n.
 * Source: notebook 05's ∂L/∂z = ŷ − t and ∂z/∂w₁ = x₁.
 * @returns a fresh, unverified derivation with 2 steps
 */
export function logisticRegressionWeightGradient(): Derivation {
  const domain = { w1: "(-3, 3)", w2: "(-3, 3)", b: "(-3, 3)", x1: "(-3, 3)", x2: "(-3, 3)", t: "[0, 1]" };
  return derive("∂L/∂w₁ for one example", {
    name: "L", f: "-(t * log(sigma(w1 * x1 + w2 * x2 + b)) + (1 - t) * log(1 - sigma(w1 * x1 + w2 * x2 + b)))", wrt: "w1", domain,
  })
    .differentiate("(sigma(w1 * x1 + w2 * x2 + b) - t) * x1", "chain rule",
      "∂L/∂z = σ(z) − t (notebook 05) times ∂z/∂w₁ = x₁.")
    .rewrite("x1 * sigma(w1 * x1 + w2 * x2 + b) - x1 * t", "algebra: expand");
}

/**
 * ∂L/∂b for one example of logistic regression: ∂L/∂z · ∂z/∂b = ŷ − t.
 * @returns a fresh, unverified derivation with 1 step
 */
export function logisticRegressionBiasGradient(): Derivation {
  const domain = { w1: "(-3, 3)", w2: "(-3, 3)", b: "(-3, 3)", x1: "(-3, 3)", x2: "(-3, 3)", t: "[0, 1]" };
  return derive("∂L/∂b for one example", {
    name: "L", f: "-(t * log(sigma(w1 * x1 + w2 * x2 + b)) + (1 - t) * log(1 - sigma(w1 * x1 + w2 * x2 + b)))", wrt: "b", domain,
  }).differentiate("sigma(w1 * x1 + w2 * x2 + b) - t", "chain rule", "∂z/∂b = 1.");
}
