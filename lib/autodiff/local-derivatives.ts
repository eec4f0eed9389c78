/**
 * The local derivatives of the autodiff's operations: for each operation, how its value is
 * computed and the partial derivative of its value with respect to each input — the rules
 * the tutorials derive by hand (σ′ = σ(1 − σ) in notebooks 02 and 03, (log u)′ = 1/u in
 * notebook 04, the quotient rule in notebook 02, tanh′ = 1 − tanh² and softplus′ = σ in
 * notebook 08). Each rule also carries its formula in mathjs syntax, in the inputs u (and v),
 * so that a notebook or a test can have the verifier prove it against mathjs's `derivative`.
 */
import { sigmoid } from "../functions/sigmoid";

/** The operations a {@link Value} records. */
export type Operation = "add" | "sub" | "mul" | "div" | "pow" | "neg" | "exp" | "log" | "sigmoid" | "tanh" | "softplus";

/** One operation: its value, its partial derivatives and their formulas. */
export interface LocalRule {
  /** The symbol or name the computation graph shows for the node, e.g. "+", "σ". */
  symbol: string;
  /** The function in mathjs syntax, in u (and v), e.g. "sigma(u)". */
  formula: string;
  /** The rule a reader knows it by, e.g. "quotient rule". */
  rule: string;
  /** The value of the operation at its inputs (u, or u and v). */
  value(inputs: readonly number[]): number;
  /**
   * ∂(value)/∂(input i) for each input, from the inputs and the value the forward pass
   * already computed (so σ′ is out · (1 − out), no second exponential).
   */
  partials(inputs: readonly number[], out: number): number[];
  /** The same partials in mathjs syntax, in u (and v), one per input. */
  partialFormulas: readonly string[];
}

/**
 * Overflow-free softplus(u) = log(1 + e^u) = max(u, 0) + log(1 + e^(−|u|)):
 * log1p keeps full precision when e^(−|u|) is tiny.
 */
function softplus(u: number): number {
  return Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
}

/**
 * Every operation of the autodiff, by name. Binary operations take inputs (u, v), unary ones u.
 * Source of each partial: the elementary rules of calculus (sum, product, quotient, power,
 * exponential, logarithm rules); σ′ = σ(1 − σ), tanh′ = 1 − tanh², softplus′ = σ as derived
 * in the tutorials.
 */
export const LOCAL_RULES: Readonly<Record<Operation, LocalRule>> = {
  add: {
    symbol: "+",
    formula: "u + v",
    rule: "sum rule",
    value: ([u, v]) => u + v,
    partials: () => [1, 1],
    partialFormulas: ["1", "1"],
  },
  sub: {
    symbol: "−",
    formula: "u - v",
    rule: "difference rule",
    value: ([u, v]) => u - v,
    partials: () => [1, -1],
    partialFormulas: ["1", "-1"],
  },
  mul: {
    symbol: "×",
    formula: "u * v",
    rule: "product rule",
    value: ([u, v]) => u * v,
    partials: ([u, v]) => [v, u],
    partialFormulas: ["v", "u"],
  },
  div: {
    symbol: "÷",
    formula: "u / v",
    rule: "quotient rule",
    value: ([u, v]) => u / v,
    partials: ([u, v]) => [1 / v, -u / (v * v)],
    partialFormulas: ["1 / v", "-u / v^2"],
  },
  pow: {
    symbol: "^",
    formula: "u ^ v",
    rule: "power rule, exponential rule",
    value: ([u, v]) => u ** v,
    // ∂/∂v = u^v log u needs u > 0; for a constant exponent the graph never uses it,
    // so it is 0 there instead of NaN for a negative base (see Value.pow).
    partials: ([u, v], out) => [v === 0 ? 0 : v * u ** (v - 1), u > 0 ? out * Math.log(u) : 0],
    partialFormulas: ["v * u^(v - 1)", "u^v * log(u)"],
  },
  neg: {
    symbol: "−",
    formula: "-u",
    rule: "constant factor −1",
    value: ([u]) => -u,
    partials: () => [-1],
    partialFormulas: ["-1"],
  },
  exp: {
    symbol: "exp",
    formula: "e^u",
    rule: "exponential rule",
    value: ([u]) => Math.exp(u),
    partials: (_, out) => [out],
    partialFormulas: ["e^u"],
  },
  log: {
    symbol: "log",
    formula: "log(u)",
    rule: "logarithm rule",
    value: ([u]) => Math.log(u),
    partials: ([u]) => [1 / u],
    partialFormulas: ["1 / u"],
  },
  sigmoid: {
    symbol: "σ",
    formula: "sigma(u)",
    rule: "σ′ = σ(1 − σ) (notebook 02)",
    value: ([u]) => sigmoid(u),
    partials: (_, out) => [out * (1 - out)],
    partialFormulas: ["sigma(u) * (1 - sigma(u))"],
  },
  tanh: {
    symbol: "tanh",
    formula: "tanh(u)",
    rule: "tanh′ = 1 − tanh² (notebook 08)",
    value: ([u]) => Math.tanh(u),
    partials: (_, out) => [1 - out * out],
    partialFormulas: ["1 - tanh(u)^2"],
  },
  softplus: {
    symbol: "softplus",
    formula: "log(1 + e^u)",
    rule: "softplus′ = σ (notebook 08)",
    value: ([u]) => softplus(u),
    partials: ([u]) => [sigmoid(u)],
    partialFormulas: ["sigma(u)"],
  },
};
