import { create, all, type BigNumber, type MathNode } from "mathjs";
import { math } from "./expression";
import type { Counterexample, Tier } from "./types";

/** Decimal digits of the numeric tier's arithmetic. */
export const PRECISION = 50;
/** Two values agree when |a − b| ≤ TOLERANCE · max(1, |a|, |b|). */
export const TOLERANCE = "1e-30";

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
 * 1. symbolic: mathjs `simplify` of (actual) − (expected) is the constant 0;
 * 2. numeric: both are evaluated with 50-digit BigNumber arithmetic at every given
 *    point and must agree to a relative 1e-30 (of max(1, |a|, |b|)) at each.
 *
 * A true identity that `simplify` cannot prove (e.g. −t/ŷ + (1−t)/(1−ŷ) =
 * (ŷ−t)/(ŷ(1−ŷ))) is decided by tier 2; a false one is rejected by tier 2 with the
 * first point where the values differ.
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
  const a = big.parse(actual.toString()).compile();
  const b = big.parse(expected.toString()).compile();
  const scopes = points.map((point) => Object.fromEntries(Object.entries(point).map(([k, v]) => [k, big.bignumber(v)])));
  const wants = scopes.map((scope, i) => {
    const want = evaluateReal(b, scope);
    if (typeof want === "string") {
      throw new RangeError(`${where}: "${expected.toString()}" is ${want} at ${formatPoint(points[i])}; check the declared domain`);
    }
    return want;
  });
  const gots = scopes.map((scope) => evaluateReal(a, scope));
  // A step must be a real, finite number on the whole domain, even where simplify
  // would prove it: 0·log(−ŷ) "simplifies" to 0 but is not defined over the reals.
  const undefinedAt = gots.findIndex((g) => typeof g === "string");
  if (undefinedAt >= 0) {
    return { equal: false, tier: "numeric", counterexample: { point: points[undefinedAt], expected: show(wants[undefinedAt]), actual: gots[undefinedAt] as string } };
  }
  if (provenSymbolically(actual, expected)) return { equal: true, tier: "symbolic" };
  const tol = big.bignumber(TOLERANCE);
  for (let i = 0; i < points.length; i++) {
    const got = gots[i] as Big;
    const want = wants[i];
    if (got.minus(want).abs().gt(tol.times(maxAbs(want, got)))) {
      return { equal: false, tier: "numeric", counterexample: { point: points[i], expected: show(want), actual: show(got) } };
    }
  }
  return { equal: true, tier: "numeric" };
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

/** max(1, |a|, |b|): the scale the tolerance is relative to. */
function maxAbs(a: Big, b: Big): Big {
  const one = big.bignumber(1);
  const m = a.abs().gt(b.abs()) ? a.abs() : b.abs();
  return m.gt(one) ? m : one;
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
