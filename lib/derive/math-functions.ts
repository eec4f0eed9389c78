/**
 * The one place that says which parts of mathjs the verifier uses: the functions a step
 * may call, the operators and constants it may write, and what parsing, compiling and
 * differentiating need. Every mathjs instance of lib/derive is made here from these
 * factories only (mathjs's tree-shakable `create({ …Dependencies })`, "Custom bundling"
 * in the mathjs docs), in Node as in the page's verifier bundle, so the two cannot accept
 * different functions, and the bundle carries no units, matrices or statistics.
 */
import {
  absDependencies, acosDependencies, acoshDependencies, acotDependencies, acothDependencies, acscDependencies, acschDependencies,
  addDependencies, asecDependencies, asechDependencies, asinDependencies, asinhDependencies, atanDependencies, atanhDependencies,
  bignumberDependencies, cbrtDependencies, compileDependencies, cosDependencies, coshDependencies, cotDependencies, cothDependencies,
  create, cscDependencies, cschDependencies, cubeDependencies, derivativeDependencies, divideDependencies, eDependencies,
  equalDependencies, expDependencies, expm1Dependencies, InfinityDependencies, largerDependencies, largerEqDependencies,
  LN10Dependencies, LN2Dependencies, log10Dependencies, log1pDependencies, log2Dependencies, LOG10EDependencies,
  LOG2EDependencies, logDependencies, maxDependencies, minDependencies, multiplyDependencies, nthRootDependencies,
  parseDependencies, phiDependencies, piDependencies, powDependencies, secDependencies, sechDependencies, signDependencies,
  sinDependencies, sinhDependencies, smallerDependencies, smallerEqDependencies, sqrtDependencies, SQRT1_2Dependencies,
  SQRT2Dependencies, squareDependencies, subtractDependencies, tanDependencies, tanhDependencies, tauDependencies,
  unaryMinusDependencies, unaryPlusDependencies, unequalDependencies, andDependencies, orDependencies, notDependencies,
  xorDependencies, modDependencies,
  type ConfigOptions, type FactoryFunctionMap, type MathJsInstance,
} from "mathjs";
// @ts-expect-error: mathjs exports E and PI (upper-case aliases of e and pi), but its types leave them out
import { EDependencies, PIDependencies } from "mathjs";

/**
 * The functions a step, an answer or a definition may call: the elementary functions
 * (powers and roots, exp and log with any base, the trigonometric and hyperbolic functions
 * and their inverses, abs, sign) and max/min. Each evaluates in BigNumber arithmetic;
 * all but log2, log1p, expm1, square, cube, sign, max and min are also differentiated by
 * mathjs `derivative`.
 */
export const VERIFIER_FUNCTIONS: readonly string[] = [
  "exp", "expm1", "log", "log10", "log2", "log1p", "sqrt", "cbrt", "nthRoot", "pow", "square", "cube", "abs", "sign", "max", "min",
  "sin", "cos", "tan", "sec", "csc", "cot", "asin", "acos", "atan", "asec", "acsc", "acot",
  "sinh", "cosh", "tanh", "sech", "csch", "coth", "asinh", "acosh", "atanh", "asech", "acsch", "acoth",
];

/**
 * The functions behind the operators a step may write: + − * / ^ and %, unary ±, the
 * comparisons and and/or/not/xor (a test such as (x > 0) of a case written as a product).
 */
export const VERIFIER_OPERATORS: readonly string[] = [
  "add", "subtract", "multiply", "divide", "pow", "mod", "unaryMinus", "unaryPlus",
  "equal", "unequal", "larger", "largerEq", "smaller", "smallerEq", "and", "or", "not", "xor",
];

const FACTORIES: Record<string, FactoryFunctionMap> = {
  parseDependencies, compileDependencies, derivativeDependencies, bignumberDependencies,
  addDependencies, subtractDependencies, multiplyDependencies, divideDependencies, powDependencies, unaryMinusDependencies,
  unaryPlusDependencies, equalDependencies, unequalDependencies, largerDependencies, largerEqDependencies, smallerDependencies,
  smallerEqDependencies, modDependencies, andDependencies, orDependencies, notDependencies, xorDependencies,
  expDependencies, expm1Dependencies, logDependencies, log10Dependencies, log2Dependencies, log1pDependencies, sqrtDependencies,
  cbrtDependencies, nthRootDependencies, squareDependencies, cubeDependencies, absDependencies, signDependencies,
  maxDependencies, minDependencies,
  sinDependencies, cosDependencies, tanDependencies, secDependencies, cscDependencies, cotDependencies, asinDependencies,
  acosDependencies, atanDependencies, asecDependencies, acscDependencies, acotDependencies,
  sinhDependencies, coshDependencies, tanhDependencies, sechDependencies, cschDependencies, cothDependencies,
  asinhDependencies, acoshDependencies, atanhDependencies, asechDependencies, acschDependencies, acothDependencies,
  // the constants (expression.ts RESERVED_NAMES keeps them from being declared as variables)
  eDependencies, EDependencies, piDependencies, PIDependencies, InfinityDependencies, phiDependencies,
  tauDependencies, LN2Dependencies, LN10Dependencies, LOG2EDependencies, LOG10EDependencies, SQRT2Dependencies,
  SQRT1_2Dependencies,
};

/**
 * A mathjs instance with only the verifier's functions (and what they depend on).
 *
 * @param config mathjs configuration, e.g. { number: "BigNumber", precision: 60 }; default doubles
 * @returns a new instance: parse, compile, derivative, bignumber, the functions of
 *   {@link VERIFIER_FUNCTIONS} and {@link VERIFIER_OPERATORS}, and the constants
 */
export function verifierMath(config: ConfigOptions = {}): MathJsInstance {
  return create(FACTORIES, config) as MathJsInstance;
}

/** Whether a step may call `name` (one of {@link VERIFIER_FUNCTIONS}). */
export function isVerifierFunction(name: string): boolean {
  return VERIFIER_FUNCTIONS.includes(name);
}
