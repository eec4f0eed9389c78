/**
 * The browser's mathjs-parts (see mathjs-parts.ts, which Node uses): the verifier's
 * factory maps as named imports from "mathjs", so that esbuild keeps only these and what
 * they depend on. package.json's "browser" field swaps this file in for mathjs-parts when
 * lib/site/try/verifier-bundle.ts bundles the verifier. Every name of
 * math-functions.ts's VERIFIER_FACTORIES must be here (test/unit/derive/mathjs-parts.test.ts).
 */
import {
  type ConfigOptions, type FactoryFunctionMap, type MathJsInstance,
  absDependencies, acosDependencies, acoshDependencies, acotDependencies, acothDependencies, acscDependencies, acschDependencies,
  addDependencies, asecDependencies, asechDependencies, asinDependencies, asinhDependencies, atanDependencies, atanhDependencies,
  bignumberDependencies, cbrtDependencies, compileDependencies, cosDependencies, coshDependencies, cotDependencies, cothDependencies,
  create as mathCreate, cscDependencies, cschDependencies, cubeDependencies, derivativeDependencies, divideDependencies, eDependencies,
  equalDependencies, expDependencies, expm1Dependencies, InfinityDependencies, largerDependencies, largerEqDependencies,
  LN10Dependencies, LN2Dependencies, log10Dependencies, log1pDependencies, log2Dependencies, LOG10EDependencies,
  LOG2EDependencies, logDependencies, maxDependencies, minDependencies, multiplyDependencies, nthRootDependencies,
  parseDependencies, phiDependencies, piDependencies, powDependencies, secDependencies, sechDependencies, signDependencies,
  sinDependencies, sinhDependencies, smallerDependencies, smallerEqDependencies, sqrtDependencies, SQRT1_2Dependencies,
  SQRT2Dependencies, squareDependencies, subtractDependencies, tanDependencies, tanhDependencies, tauDependencies,
  unaryMinusDependencies, unaryPlusDependencies, unequalDependencies, andDependencies, orDependencies, notDependencies,
  xorDependencies, modDependencies,
} from "mathjs";
// @ts-expect-error: mathjs exports E and PI (upper-case aliases of e and pi), but its types leave them out
import { EDependencies, PIDependencies } from "mathjs";

const MAPS: Record<string, FactoryFunctionMap> = {
  parse: parseDependencies, compile: compileDependencies, derivative: derivativeDependencies,
  bignumber: bignumberDependencies, add: addDependencies, subtract: subtractDependencies,
  multiply: multiplyDependencies, divide: divideDependencies, pow: powDependencies,
  unaryMinus: unaryMinusDependencies, unaryPlus: unaryPlusDependencies, equal: equalDependencies,
  unequal: unequalDependencies, larger: largerDependencies, largerEq: largerEqDependencies,
  smaller: smallerDependencies, smallerEq: smallerEqDependencies, mod: modDependencies, and: andDependencies,
  or: orDependencies, not: notDependencies, xor: xorDependencies, exp: expDependencies,
  expm1: expm1Dependencies, log: logDependencies, log10: log10Dependencies, log2: log2Dependencies,
  log1p: log1pDependencies, sqrt: sqrtDependencies, cbrt: cbrtDependencies, nthRoot: nthRootDependencies,
  square: squareDependencies, cube: cubeDependencies, abs: absDependencies, sign: signDependencies,
  max: maxDependencies, min: minDependencies, sin: sinDependencies, cos: cosDependencies,
  tan: tanDependencies, sec: secDependencies, csc: cscDependencies, cot: cotDependencies,
  asin: asinDependencies, acos: acosDependencies, atan: atanDependencies, asec: asecDependencies,
  acsc: acscDependencies, acot: acotDependencies, sinh: sinhDependencies, cosh: coshDependencies,
  tanh: tanhDependencies, sech: sechDependencies, csch: cschDependencies, coth: cothDependencies,
  asinh: asinhDependencies, acosh: acoshDependencies, atanh: atanhDependencies, asech: asechDependencies,
  acsch: acschDependencies, acoth: acothDependencies, e: eDependencies, E: EDependencies, pi: piDependencies,
  PI: PIDependencies, Infinity: InfinityDependencies, phi: phiDependencies, tau: tauDependencies,
  LN2: LN2Dependencies, LN10: LN10Dependencies, LOG2E: LOG2EDependencies, LOG10E: LOG10EDependencies,
  SQRT2: SQRT2Dependencies, SQRT1_2: SQRT1_2Dependencies,
};

/**
 * The factory map of one of the verifier's mathjs names.
 *
 * @param name a name of VERIFIER_FACTORIES ("parse", "exp", "pi", "E", …)
 * @returns its `…Dependencies` map
 * @throws Error naming the function when this bundle does not carry it
 */
export function dependencies(name: string): FactoryFunctionMap {
  const map = MAPS[name];
  if (!map) throw new Error(`mathjs-parts.browser: the page's verifier has no mathjs factory for ${JSON.stringify(name)}`);
  return map;
}

/** The names this bundle carries (for the test that compares them with VERIFIER_FACTORIES). */
export const BROWSER_FACTORIES: readonly string[] = Object.keys(MAPS);

/** mathjs's `create`. */
export const create = mathCreate as (factories: Record<string, FactoryFunctionMap>, config?: ConfigOptions) => MathJsInstance;
