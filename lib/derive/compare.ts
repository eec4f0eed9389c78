import type { BigNumber, MathNode } from "mathjs";
import type { Domain } from "./domain";
import { bigMath, evaluator, PRECISION, PRECISION_BOUND, PRECISION_LEVELS, type Evaluator, type RealValue } from "./evaluate";
import { exactJudge, type ExactOutcome } from "./exact/prove";
import { VerifierInternalError } from "./internal-error";
import type { Certificate, Counterexample, Tier } from "./types";

export { PRECISION, PRECISION_BOUND, PRECISION_LEVELS } from "./evaluate";

/**
 * Digits two values must share at a precision of P digits: P − 6. At 60 digits two values
 * agree when |a − b| ≤ 1e-54 · max(|a|, |b|); there is no absolute floor, so a tail where
 * both sides are tiny (σ′ on (110, 700)) is compared at its own scale.
 */
export const GUARD_DIGITS = 6;
/** The relative tolerance at the first precision, 10^−(60 − 6). */
export const TOLERANCE = `1e-${PRECISION - GUARD_DIGITS}`;

/** The verdict of comparing two expressions. */
export type Verdict =
  | { equal: true; tier: Tier; certificate?: Certificate }
  | { equal: false; tier: Tier; counterexample: Counterexample };

/** What the comparison at one point found. */
type PointOutcome =
  | { kind: "agree" }
  | { kind: "differ"; expected: RealValue; actual: RealValue; digits: number }
  | { kind: "unresolved"; expected: BigNumber; actual: BigNumber; digits: number }
  /** The expected side is not a finite real number at any precision. */
  | { kind: "undefined-expected"; expected: string };

/**
 * Decides whether two expressions are equal on a domain. Two tiers, and both always run:
 *
 * - proved: the exact tier (exact/prove.ts) brings both sides to a normal form with exact
 *   rational coefficients and finds them equal, with every denominator non-zero and every
 *   log argument positive on the whole declared domain; the verdict carries the certificate.
 * - sampled: otherwise the step is accepted when it agrees with `expected` at every sample
 *   point. At each point both sides are evaluated with 60 digits and must agree to
 *   10^−54 relative to their own size. Where they do not, both are evaluated again at
 *   120, 240 and 480 digits: a difference that stays put while the rounding error shrinks
 *   rejects the step; one that shrinks with it was rounding, and the point agrees once the
 *   values match to the precision's tolerance. A side that is not finite at 60 digits is
 *   tried at more digits before it counts as undefined.
 *
 * A proof that the samples contradict is a {@link VerifierInternalError}. When the exact
 * tier shows the sides differ but the samples agree (a difference below 54 digits), the
 * points are compared again at 240 and 480 digits and the step is rejected where the
 * difference shows; if it never shows, the normal form was incomplete and the step is
 * "sampled".
 *
 * @param actual   the step's expression, definitions already expanded
 * @param expected what it must equal, definitions already expanded
 * @param points   sample points, variable → decimal string
 * @param where    the step, for errors
 * @param domain   the declared domain (the exact tier's side conditions); without it the
 *                 variables are taken as unbounded reals
 * @returns equal with the deciding tier (and certificate), or not equal with a counterexample
 * @throws RangeError when `expected` is not a finite real number at a point even at 480
 *         digits: the domain declared for the derivation does not suit the expression
 * @throws VerifierInternalError when a proof and the samples disagree
 */
export function compare(actual: MathNode, expected: MathNode, points: Record<string, string>[], where: string, domain?: Domain): Verdict {
  return expectation(expected, points, where, domain)(actual);
}

/**
 * Prepares `expected` once (its values at the points, its exact normal form) and returns a
 * function that compares any expression with it, as {@link compare} does; for checking many
 * candidate steps against the same expression.
 *
 * @throws RangeError when `expected` is not a finite real number at a point, even at 480 digits
 */
export function expectation(expected: MathNode, points: Record<string, string>[], where: string, domain?: Domain): (actual: MathNode) => Verdict {
  const want = evaluator(expected.toString(), points);
  for (let i = 0; i < points.length; i++) {
    const v = firstFinite(want, i);
    if (typeof v === "string") {
      throw new RangeError(`${where}: "${expected.toString()}" is ${v} at ${formatPoint(points[i])}, even with ${PRECISION_BOUND} digits; check the declared domain`);
    }
  }
  const exact = exactJudge(expected, domain);
  return (actual) => {
    const outcome = exact(actual);
    const got = evaluator(actual.toString(), points);
    const sampled = samplePoints(got, want, points.length, 0);
    if (outcome.status === "equal") {
      // a proof contradicted by a sample: make sure it is not the precision (far more digits), then fail loudly
      if (sampled !== null && sampled.result.kind === "differ" && !agreesWithMoreDigits(actual, expected, points[sampled.index])) {
        throw new VerifierInternalError(
          `${where}: the exact tier proved "${actual.toString()}" equal to "${expected.toString()}", but at ${formatPoint(points[sampled.index])} ` +
            `the values are ${show(sampled.result.actual)} and ${show(sampled.result.expected)} (${sampled.result.digits} digits)`,
        );
      }
      return { equal: true, tier: "proved", certificate: outcome.certificate };
    }
    if (sampled !== null) return { equal: false, tier: "sampled", counterexample: counterexample(points[sampled.index], sampled.result, outcome) };
    if (outcome.status === "different") {
      // The normal forms differ but every point agreed to 54 digits: look deeper.
      const deep = samplePoints(got, want, points.length, 2);
      if (deep !== null && deep.result.kind === "differ") {
        return { equal: false, tier: "sampled", counterexample: counterexample(points[deep.index], deep.result, outcome) };
      }
    }
    return { equal: true, tier: "sampled" };
  };
}

/** True when both sides agree at the point with four times the precision bound (a proof was right, the digits were too few). */
function agreesWithMoreDigits(actual: MathNode, expected: MathNode, point: Record<string, string>): boolean {
  const digits = PRECISION_BOUND * 4;
  const a = evaluator(actual.toString(), [point]).at(0, digits);
  const b = evaluator(expected.toString(), [point]).at(0, digits);
  if (typeof a === "string" || typeof b === "string") return false;
  const scale = a.abs().gt(b.abs()) ? a.abs() : b.abs();
  return a.minus(b).abs().lte(scale.times(bigMath(digits).bignumber(`1e-${PRECISION_BOUND}`)));
}

/** The first point where the sides do not agree (differ, or cannot be told apart), or null. */
function samplePoints(got: Evaluator, want: Evaluator, count: number, minLevel: number): { index: number; result: Exclude<PointOutcome, { kind: "agree" }> } | null {
  let unresolved: { index: number; result: Exclude<PointOutcome, { kind: "agree" }> } | null = null;
  for (let i = 0; i < count; i++) {
    const result = comparePoint(got, want, i, minLevel);
    if (result.kind === "differ") return { index: i, result };
    if (result.kind !== "agree" && unresolved === null) unresolved = { index: i, result };
  }
  return unresolved;
}

/**
 * Compares both sides at point i, raising the precision as long as it can change the answer.
 * `minLevel` is the first level (index into PRECISION_LEVELS) at which "agree" may be said.
 */
function comparePoint(got: Evaluator, want: Evaluator, i: number, minLevel: number): PointOutcome {
  let prev: { a: BigNumber; b: BigNumber; d: BigNumber; digits: number } | undefined;
  let last: { a: RealValue; b: RealValue; digits: number } | undefined;
  for (let level = 0; level < PRECISION_LEVELS.length; level++) {
    const digits = PRECISION_LEVELS[level];
    const a = got.at(i, digits);
    const b = want.at(i, digits);
    last = { a, b, digits };
    if (typeof a === "string" || typeof b === "string") {
      // not real: rounding does not turn a real value complex here; confirm once, then stop
      if (typeof a === "string" && typeof b !== "string" && a.startsWith("not a real") && level >= 1) break;
      prev = undefined;
      continue;
    }
    const m = bigMath(digits);
    const d = a.minus(b).abs();
    const scale = a.abs().gt(b.abs()) ? a.abs() : b.abs();
    const tol = scale.times(m.bignumber(`1e-${digits - GUARD_DIGITS}`));
    const est = prev ? a.minus(prev.a).abs().plus(b.minus(prev.b).abs()).times(m.bignumber(`1e-${digits - prev.digits}`)) : undefined;
    if (level >= minLevel && (d.isZero() || d.lte(est ? tol.plus(est.times(1000)) : tol))) return { kind: "agree" };
    if (prev && est && d.gt(tol.plus(est.times(1e6))) && d.minus(prev.d).abs().lte(d.times(0.5))) {
      return { kind: "differ", expected: b, actual: a, digits };
    }
    prev = { a, b, d, digits };
  }
  if (last === undefined) throw new VerifierInternalError("comparePoint: no precision levels");
  const { a, b, digits } = last;
  if (typeof b === "string") return { kind: "undefined-expected", expected: b };
  if (typeof a === "string") return { kind: "differ", expected: b, actual: a, digits };
  return { kind: "unresolved", expected: b, actual: a, digits };
}

function firstFinite(e: Evaluator, i: number): RealValue {
  let v: RealValue = "not evaluated";
  for (const digits of PRECISION_LEVELS) {
    v = e.at(i, digits);
    if (typeof v !== "string") return v;
  }
  return v;
}

function counterexample(point: Record<string, string>, r: Exclude<PointOutcome, { kind: "agree" }>, exact: ExactOutcome): Counterexample {
  if (r.kind === "undefined-expected") return { point, expected: r.expected, actual: "(not compared)" };
  const pair = showPair(r.expected, r.actual);
  if (r.kind === "unresolved") {
    return {
      point, ...pair,
      reason: `precision bound hit: both sides cancel here and still differ in the last digits at ${PRECISION_BOUND} digits; ` +
        "the verifier cannot tell whether they are equal (rewrite the step in a form that does not cancel, or narrow the domain)",
    };
  }
  if (exact.status === "different" && typeof r.actual !== "string" && typeof r.expected !== "string") {
    const rel = r.actual.minus(r.expected).abs().div(r.expected.abs().gt(r.actual.abs()) ? r.expected.abs() : r.actual.abs());
    if (rel.lt(1e-40)) return { point, ...pair, reason: `the exact normal forms differ; the difference, ${rel.toSignificantDigits(3).toString()} relative, shows at ${r.digits} digits` };
  }
  return { point, ...pair };
}

/** Both values with 20 significant digits, or as many more as it takes to tell them apart. */
function showPair(want: RealValue, got: RealValue): { expected: string; actual: string } {
  if (typeof want === "string" || typeof got === "string") return { expected: show(want), actual: show(got) };
  for (let digits = 20; ; digits += 10) {
    const expected = want.toSignificantDigits(digits).toString();
    const actual = got.toSignificantDigits(digits).toString();
    if (expected !== actual || digits >= PRECISION_BOUND) return { expected, actual };
  }
}

function show(v: RealValue): string {
  return typeof v === "string" ? v : v.toSignificantDigits(20).toString();
}

/** Formats a point as "x = 0.25, t = 1". */
export function formatPoint(point: Record<string, string>): string {
  return Object.entries(point)
    .map(([k, v]) => `${k} = ${v}`)
    .join(", ");
}
