import { derive, type Derivation } from "../derive/derive";

const YT = { yhat: "(0, 1)", t: "[0, 1]" } as const;

/**
 * ∂/∂ŷ [t · log ŷ] = t/ŷ, treating the target t as a constant.
 * Source: product rule (f·h)′ = f′h + fh′ and the log rule (log ŷ)′ = 1/ŷ.
 * @returns a fresh, unverified derivation
 */
export function crossEntropyFirstTerm(): Derivation {
  return derive("∂/∂ŷ of t·log(ŷ)", { name: "a", f: "t * log(yhat)", wrt: "yhat", domain: YT })
    .differentiate("0 * log(yhat) + t * (1 / yhat)", "product rule, log rule",
      "t does not depend on ŷ, so its derivative is 0; the derivative of log ŷ is 1/ŷ.")
    .rewrite("t / yhat", "algebra");
}

/**
 * ∂/∂ŷ [(1 − t) · log(1 − ŷ)] = −(1 − t)/(1 − ŷ).
 * Source: product rule, log rule, and the chain rule for 1 − ŷ (inner derivative −1).
 * @returns a fresh, unverified derivation
 */
export function crossEntropySecondTerm(): Derivation {
  return derive("∂/∂ŷ of (1 − t)·log(1 − ŷ)", { name: "b", f: "(1 - t) * log(1 - yhat)", wrt: "yhat", domain: YT })
    .differentiate("0 * log(1 - yhat) + (1 - t) * (1 / (1 - yhat)) * (-1)", "product rule, log rule, chain rule",
      "(1 − t) is a constant; log(1 − ŷ) gives 1/(1 − ŷ) times the inner derivative −1.")
    .rewrite("-(1 - t) / (1 - yhat)", "algebra");
}

/**
 * ∂L/∂ŷ of binary cross-entropy L = −[t·log ŷ + (1 − t)·log(1 − ŷ)], term by term,
 * down to (ŷ − t)/(ŷ(1 − ŷ)). Source: tutorial outline, Part 4.
 * @returns a fresh, unverified derivation with 4 steps
 */
export function binaryCrossEntropyDerivative(): Derivation {
  return derive("∂L/∂ŷ of binary cross-entropy", { name: "L", f: "-(t * log(yhat) + (1 - t) * log(1 - yhat))", wrt: "yhat", domain: YT })
    .differentiate("-(t / yhat - (1 - t) / (1 - yhat))", "sum rule",
      "Differentiate term by term (t/ŷ and −(1 − t)/(1 − ŷ) from above); the leading minus stays.")
    .rewrite("-t / yhat + (1 - t) / (1 - yhat)", "algebra: distribute the minus")
    .rewrite("(-t * (1 - yhat) + (1 - t) * yhat) / (yhat * (1 - yhat))", "algebra: common denominator",
      "Bring both fractions over ŷ(1 − ŷ).")
    .rewrite("(yhat - t) / (yhat * (1 - yhat))", "algebra: expand the numerator",
      "−t + tŷ + ŷ − tŷ = ŷ − t.");
}
