import { derive, type Derivation } from "../derive/derive";

/**
 * tanh′(x) = 1 − tanh²(x): write tanh as (e^x − e^(−x))/(e^x + e^(−x)), apply the
 * quotient rule, split, and recognise tanh. Source: quotient rule.
 * @returns a fresh, unverified derivation with 4 steps
 */
export function tanhDerivative(): Derivation {
  return derive("tanh′(x)", { name: "f", f: "tanh(x)", wrt: "x", domain: { x: "(-3, 3)" } })
    .rewrite("(e^x - e^(-x)) / (e^x + e^(-x))", "definition of tanh")
    .differentiate("((e^x + e^(-x)) * (e^x + e^(-x)) - (e^x - e^(-x)) * (e^x - e^(-x))) / (e^x + e^(-x))^2", "quotient rule",
      "u = e^x − e^(−x), v = e^x + e^(−x): u′ = v and v′ = u.")
    .rewrite("1 - ((e^x - e^(-x)) / (e^x + e^(-x)))^2", "algebra: split the fraction", "v·v/v² = 1.")
    .rewrite("1 - tanh(x)^2", "recognise tanh");
}

/**
 * ∂L/∂ŷ₁ of the mean squared error of three predictions,
 * L = ((ŷ₁ − t₁)² + (ŷ₂ − t₂)² + (ŷ₃ − t₃)²)/3: only the first term depends on ŷ₁.
 * Source: sum rule, chain rule, power rule.
 * @returns a fresh, unverified derivation with 2 steps
 */
export function meanSquaredErrorGradient(): Derivation {
  const domain = { yhat1: "(-2, 2)", yhat2: "(-2, 2)", yhat3: "(-2, 2)", t1: "(-2, 2)", t2: "(-2, 2)", t3: "(-2, 2)" };
  return derive("∂L/∂ŷ₁ of the mean squared error", { name: "L", f: "((yhat1 - t1)^2 + (yhat2 - t2)^2 + (yhat3 - t3)^2) / 3", wrt: "yhat1", domain })
    .differentiate("(2 * (yhat1 - t1) * 1 + 0 + 0) / 3", "sum rule, chain rule, power rule",
      "The other two terms do not depend on ŷ₁; (u²)′ = 2u·u′ with u′ = 1.")
    .rewrite("2 / 3 * (yhat1 - t1)", "algebra");
}

/**
 * softplus′(x) = σ(x), for softplus(x) = log(1 + e^x). Source: chain rule, log rule.
 * @returns a fresh, unverified derivation with 3 steps
 */
export function softplusDerivative(): Derivation {
  return derive("softplus′(x) = σ(x)", { name: "s", f: "log(1 + e^x)", wrt: "x", domain: { x: "(-10, 10)" } })
    .differentiate("1 / (1 + e^x) * e^x", "chain rule, log rule", "(log u)′ = u′/u with u = 1 + e^x, u′ = e^x.")
    .rewrite("1 / (e^(-x) + 1)", "algebra: divide by e^x")
    .rewrite("sigma(x)", "recognise σ");
}
