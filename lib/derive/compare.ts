import { create, all, type BigNumber, type MathNode } from "mathjs";
import { math } from "./expression";
import type { Counterexample, Tier } from "./types";

/** Decimal digits of the numeric tier's arithmetic. */
export const PRECISION = 60;
/** Two values agree when |a − b| ≤ TOLERANCE · max(|a|, |b|) + ABSOLUTE_FLOOR. */
export const TOLERANCE = "1e-42";
/**
 * Below this, a difference is taken for rounding noise of the 60-digit arithmetic
 * (intermediate terms up to ~1e10 leave noise under 1e-49): values smaller than
 * about 1e-45 cannot be told apart from 0 by the numeric tier.
 */
export const ABSOLUTE_FLOOR = "1e-45";

const big = create(all, { number: "BigNumber", precision: PRECISION });
type Big = BigNumber;

/** The verdict of comparing two expressions. */
export type Verdict =
  | { equal: true; tier: Tier }
  | { equal: false; tier: "numeric"; counterexample: Counterexample };

/**
 * Decides whether two expressions are equal on a domain, in two tiers.
 *
 * 0. the step must be a finite real number at every point (else it is rejected there);
 * 1. numeric: both are evaluated with 60-digit BigNumber arithmetic at every given
 *    point and must agree to a relative 1e-42 (plus an absolute 1e-45) at each;
 *    a disagreement rejects the step with the first point where the values differ;
 * 2. symbolic: when they agree everywhere, the step is reported as decided by the
 *    symbolic tier if mathjs `simplify` of (actual) − (expected) is the constant 0,
 *    else by the numeric tier.
 *
 * The numeric comparison always runs, so a rewrite rule of `simplify` that is not
 * valid on the whole domain (it simplifies (x^2)^(1/2) to x, which is false for
 * x < 0) cannot accept a wrong step. A true identity that `simplify` cannot prove
 * (e.g. −t/ŷ + (1−t)/(1−ŷ) = (ŷ−t)/(ŷ(1−ŷ))) is decided by the numeric tier.
 *
 * @param actual   the step's expression, definitions already expanded
 * @param expected what it must equal, definitions already expanded
 * @param points   sample points, variable → decimal string
 * @param where    the step, for errors
 * @returns equal with the deciding tier, or not equal with a counterexample
 * @throws RangeError when `expected` is not a finite real number at a point: the domain
 *         declared for the derivation does not suit the expression
 */
export function compare(actual: MathNode, expected: MathNode, points: Record<string, string>[], where: string): Verdict {
  return expectation(expected, points, where)(actual);
}

/**
 * Evaluates `expected` once at every point and returns a function that compares any
 * expression with it, as {@link compare} does; for checking many candidate steps
 * against the same expression.
 *
 * @throws RangeError when `expected` is not a finite real number at a point
 */
export function expectation(expected: MathNode, points: Record<string, string>[], where: string): (actual: MathNode) => Verdict {
  const b = big.parse(expected.toString()).compile();
  const scopes = points.map((point) => Object.fromEntries(Object.entries(point).map(([k, v]) => [k, big.bignumber(v)])));
  const wants = scopes.map((scope, i) => {
    const want = evaluateReal(b, scope);
    if (typeof want === "string") {
      throw new RangeError(`${where}: "${expected.toString()}" is ${want} at ${formatPoint(points[i])}; check the declared domain`);
    }
    return want;
  });
  const tol = big.bignumber(TOLERANCE);
  const floor = big.bignumber(ABSOLUTE_FLOOR);
  return (actual) => {
    const a = big.parse(actual.toString()).compile();
    for (let i = 0; i < points.length; i++) {
      const got = evaluateReal(a, scopes[i]);
      const want = wants[i];
      // A step must be a finite real number on the whole domain, even where simplify
      // would prove it: 0·log(−ŷ) "simplifies" to 0 but is not defined over the reals.
      if (typeof got === "string") {
        return { equal: false, tier: "numeric", counterexample: { point: points[i], expected: show(want), actual: got } };
      }
      if (got.minus(want).abs().gt(tol.times(maxAbs(want, got)).plus(floor))) {
        return { equal: false, tier: "numeric", counterexample: { point: points[i], ...showPair(want, got) } };
      }
    }
    return { equal: true, tier: provenSymbolically(actual, expected) ? "symbolic" : "numeric" };
  };
}

function provenSymbolically(actual: MathNode, expected: MathNode): boolean {
  try {
    const diff = math.simplify(math.parse(`(${actual.toString()}) - (${expected.toString()})`));
    return diff.toString() === "0";
  } catch {
    return false;
  }
}

/** Evaluates to a finite real BigNumber, or a string saying why not. */
function evaluateReal(code: { evaluate(scope: object): unknown }, scope: object): Big | string {
  let v: unknown;
  try {
    v = code.evaluate(scope);
  } catch (err) {
    return `undefined (${(err as Error).message})`;
  }
  if (big.isBigNumber(v)) return (v as Big).isFinite() ? (v as Big) : "not finite";
  if (typeof v === "number") return Number.isFinite(v) ? big.bignumber(v) : "not finite";
  if (big.isComplex(v)) return "not a real number";
  return `not a number (${String(v)})`;
}

/** max(|a|, |b|): the scale the tolerance is relative to. */
function maxAbs(a: Big, b: Big): Big {
  return a.abs().gt(b.abs()) ? a.abs() : b.abs();
}

/** Both values with 20 significant digits, or as many more as it takes to tell them apart (up to 60). */
function showPair(want: Big, got: Big): { expected: string; actual: string } {
  for (let digits = 20; ; digits += 10) {
    const expected = want.toSignificantDigits(digits).toString();
    const actual = got.toSignificantDigits(digits).toString();
    if (expected !== actual || digits >= PRECISION) return { expected, actual };
  }
}

function show(v: Big): string {
  return v.toSignificantDigits(20).toString();
}

/** Formats a point as "x = 0.25, t = 1". */
export function formatPoint(point: Record<string, string>): string {
  return Object.entries(point)
    .map(([k, v]) => `${k} = ${v}`)
    .join(", ");
}
