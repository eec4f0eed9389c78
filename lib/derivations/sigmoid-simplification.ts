import type { Derivation } from "../derive/derive";

/**
 * Appends the simplification of e^(−x)/(1 + e^(−x))² down to g(x)(1 − g(x)),
 * one equation per step, to a derivation of the sigmoid g whose last step is
 * e^(−x)/(1 + e^(−x))². Shared by the quotient-rule and chain-rule derivations.
 *
 * @param d a derivation named "g" over x; it is extended in place
 * @returns the same derivation
 */
export function simplifySigmoidDerivative(d: Derivation): Derivation {
  return d
    .rewrite("(1 + e^(-x) - 1) / (1 + e^(-x))^2", "algebra: add and subtract 1",
      "Write the numerator e^(−x) as (1 + e^(−x)) − 1, so the denominator's base appears in it.")
    .rewrite("(1 + e^(-x)) / (1 + e^(-x))^2 - 1 / (1 + e^(-x))^2", "algebra: split the fraction",
      "A fraction whose numerator is a difference splits into a difference of two fractions.")
    .rewrite("1 / (1 + e^(-x)) - 1 / (1 + e^(-x))^2", "algebra: cancel",
      "In the first fraction one factor 1 + e^(−x) cancels.")
    .rewrite("(1 / (1 + e^(-x))) * (1 - 1 / (1 + e^(-x)))", "algebra: factor",
      "Take out the common factor 1/(1 + e^(−x)).")
    .rewrite("g(x) * (1 - g(x))", "recognise g",
      "Both factors are written in terms of g(x) = 1/(1 + e^(−x)).");
}
