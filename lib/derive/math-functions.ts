/**
 * The one place that says which parts of mathjs the verifier uses: the functions a step
 * may call, the operators and constants it may write, and what parsing, compiling and
 * differentiating need. Every mathjs instance of lib/derive is made here from these
 * factories only (mathjs's tree-shakable `create`, "Custom bundling" in the mathjs docs,
 * given the factories its `…Dependencies` maps reach, less its Unit type: mathjs-parts.ts's
 * `factories`), in Node as in the page's verifier bundle, so the two cannot accept
 * different functions, and the bundle carries no units or statistics.
 */
import type { ConfigOptions, MathJsInstance } from "mathjs";
import { create, factories } from "./mathjs-parts";

/**
 * The functions a step, an answer or a definition may call: the elementary functions
 * (powers and roots, exp and log with any base, the trigonometric and hyperbolic functions
 * and their inverses, abs, sign) and max/min. Each evaluates in BigNumber arithmetic;
 * all but log2, log1p, expm1, square, cube, sign, max and min are also differentiated by
 * mathjs `derivative`.
 */
export const VERIFIER_FUNCTIONS: readonly string[] = [
  "exp",
  "expm1",
  "log",
  "log10",
  "log2",
  "log1p",
  "sqrt",
  "cbrt",
  "nthRoot",
  "pow",
  "square",
  "cube",
  "abs",
  "sign",
  "max",
  "min",
  "sin",
  "cos",
  "tan",
  "sec",
  "csc",
  "cot",
  "asin",
  "acos",
  "atan",
  "asec",
  "acsc",
  "acot",
  "sinh",
  "cosh",
  "tanh",
  "sech",
  "csch",
  "coth",
  "asinh",
  "acosh",
  "atanh",
  "asech",
  "acsch",
  "acoth",
];

/**
 * The functions behind the operators a step may write: + − * / ^ and %, unary ±, the
 * comparisons and and/or/not/xor (a test such as (x > 0) of a case written as a product).
 */
export const VERIFIER_OPERATORS: readonly string[] = [
  "add",
  "subtract",
  "multiply",
  "divide",
  "pow",
  "mod",
  "unaryMinus",
  "unaryPlus",
  "equal",
  "unequal",
  "larger",
  "largerEq",
  "smaller",
  "smallerEq",
  "and",
  "or",
  "not",
  "xor",
];

/** The constants a step may write, besides the variables: e, π and mathjs's other named numbers. */
export const VERIFIER_CONSTANTS: readonly string[] = [
  "e",
  "E",
  "pi",
  "PI",
  "Infinity",
  "phi",
  "tau",
  "LN2",
  "LN10",
  "LOG2E",
  "LOG10E",
  "SQRT2",
  "SQRT1_2",
];

/**
 * The mathjs factories every verifier instance is made of: parsing, compiling,
 * differentiating and BigNumbers, then {@link VERIFIER_OPERATORS}, {@link VERIFIER_FUNCTIONS}
 * and {@link VERIFIER_CONSTANTS} (derived from those lists, so a function added there is
 * also built, in Node as in the page).
 */
export const VERIFIER_FACTORIES: readonly string[] = [
  ...new Set([
    "parse",
    "compile",
    "derivative",
    "bignumber",
    ...VERIFIER_OPERATORS,
    ...VERIFIER_FUNCTIONS,
    ...VERIFIER_CONSTANTS,
  ]),
];

// mathjs's Unit type is left out (mathjs-parts.ts's LEFT_OUT), in Node as in the page
const FACTORIES = factories(VERIFIER_FACTORIES);

/**
 * A mathjs instance with only the verifier's functions (and what they depend on).
 *
 * @param config mathjs configuration, e.g. { number: "BigNumber", precision: 60 }; default doubles
 * @returns a new instance: parse, compile, derivative, bignumber, the functions of
 *   {@link VERIFIER_FUNCTIONS} and {@link VERIFIER_OPERATORS}, and the constants
 */
export function verifierMath(config: ConfigOptions = {}): MathJsInstance {
  return create(FACTORIES, config);
}

/** Whether a step may call `name` (one of {@link VERIFIER_FUNCTIONS}). */
export function isVerifierFunction(name: string): boolean {
  return VERIFIER_FUNCTIONS.includes(name);
}
