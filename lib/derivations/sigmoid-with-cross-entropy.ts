import { derive, type Derivation } from "../derive/derive";

const ZT = { z: "(-10, 10)", t: "[0, 1]" } as const;

/**
 * ∂L/∂z for binary cross-entropy on ŷ = σ(z): the chain rule ∂L/∂ŷ · ∂ŷ/∂z, where
 * ∂L/∂ŷ = (ŷ − t)/(ŷ(1 − ŷ)) and ∂ŷ/∂z = ŷ(1 − ŷ), leaves ŷ − t = σ(z) − t.
 * Source: tutorial outline, Part 5 item 1.
 * @returns a fresh, unverified derivation with 2 steps
 */
export function sigmoidCrossEntropyGradient(): Derivation {
  return derive("∂L/∂z for ŷ = σ(z)", { name: "L", f: "-(t * log(sigma(z)) + (1 - t) * log(1 - sigma(z)))", wrt: "z", domain: ZT })
    .differentiate("(sigma(z) - t) / (sigma(z) * (1 - sigma(z))) * (sigma(z) * (1 - sigma(z)))", "chain rule",
      "∂L/∂z = ∂L/∂ŷ · ∂ŷ/∂z with ŷ = σ(z): the BCE derivative times the sigmoid derivative.")
    .rewrite("sigma(z) - t", "algebra: cancel", "The factor σ(z)(1 − σ(z)) cancels: what is left is ŷ − t.");
}

/**
 * The stable logits form of binary cross-entropy equals the textbook one:
 * −[t·log σ(z) + (1 − t)·log(1 − σ(z))] = max(z, 0) − z·t + log(1 + e^(−|z|)).
 * Source: log σ(z) = −log(1 + e^(−z)), log(1 − σ(z)) = −z − log(1 + e^(−z)), and
 * log(1 + e^(−z)) = −z + log(1 + e^z) for z < 0; the form mainstream frameworks use.
 * @returns a fresh, unverified derivation with 3 rewrite steps
 */
export function stableLogitsCrossEntropy(): Derivation {
  return derive("the stable logits form of binary cross-entropy", { name: "L", f: "-(t * log(sigma(z)) + (1 - t) * log(1 - sigma(z)))", wrt: "z", domain: ZT })
    .rewrite("t * log(1 + e^(-z)) + (1 - t) * (z + log(1 + e^(-z)))", "log rules",
      "log σ(z) = −log(1 + e^(−z)) and log(1 − σ(z)) = −z − log(1 + e^(−z)).")
    .rewrite("z - z * t + log(1 + e^(-z))", "algebra: collect terms")
    .rewrite("max(z, 0) - z * t + log(1 + e^(-abs(z)))", "algebra: both signs of z",
      "For z ≥ 0 this is the line above; for z < 0 use log(1 + e^(−z)) = −z + log(1 + e^z). No exponential of a large positive number is ever taken.");
}
