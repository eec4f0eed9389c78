import type { MathNode } from "mathjs";
import type { Domain } from "./domain";
import { certainDigits, log10Abs, logSum, type Ball, type BallValue } from "./ball";
import { exactlyZeroAt, showPair, showValue as show } from "./counterexample-text";
import {
  evaluator,
  OVERFLOW,
  PRECISION,
  PRECISION_BOUND,
  PRECISION_LEVELS,
  unsettled,
  type Evaluator,
  type RealValue,
} from "./evaluate";
import { boundedAt, firstApart, pointIntervals, type PointIntervals } from "./double-interval";
import { exactJudge, type ExactOutcome } from "./exact/prove";
import { VerifierInternalError } from "./internal-error";
import { nodeText } from "./node-text";
import { boundInForce, checkDeadline, StepUndecided } from "./deadline";
import type { Certificate, Counterexample, Tier, Undecided } from "./types";

export { PRECISION, PRECISION_BOUND, PRECISION_LEVELS } from "./evaluate";

/**
 * Digits two values must share at a precision of P digits: P − 6. At 60 digits two values
 * agree when |a − b| ≤ 1e-54 · max(|a|, |b|); there is no absolute floor, so a tail where
 * both sides are tiny (σ′ on (110, 700)) is compared at its own scale.
 */
export const GUARD_DIGITS = 6;
/** The relative tolerance at the first precision, 10^−(60 − 6). */
export const TOLERANCE = `1e-${PRECISION - GUARD_DIGITS}`;

/** A comparison whose time bound (deadline.ts) ran out first, or that no sample point could settle (below the resolution). */
export type UndecidedVerdict = { equal: false; tier: "undecided"; undecided: Undecided };

/** The verdict of comparing two expressions. */
export type Verdict =
  | { equal: true; tier: Tier; certificate?: Certificate }
  | { equal: false; tier: Tier; counterexample: Counterexample }
  | UndecidedVerdict;

/**
 * Runs a comparison and turns a {@link StepUndecided} from inside it (the step's time bound
 * ran out, deadline.ts) into the verdict "undecided"; anything else it throws passes through.
 *
 * @param decide the comparison, e.g. () => compare(actual, expected, points, where, domain)
 * @returns its verdict, or { equal: false, tier: "undecided", undecided: { reason, phase, seconds } }
 */
export function verdictWithin(decide: () => Verdict): Verdict | UndecidedVerdict {
  try {
    return decide();
  } catch (err) {
    if (!(err instanceof StepUndecided)) throw err;
    return {
      equal: false,
      tier: "undecided",
      undecided: { reason: err.message, phase: err.phase, seconds: err.seconds },
    };
  }
}

/** What the comparison at one point found. */
type PointOutcome =
  /** zero: both sides are 0 to every digit computed (not settled otherwise). */
  | { kind: "agree"; zero?: boolean }
  /** zero: a side the exact tier shows is exactly 0 at the point (shown "0"; no digits are chased for it). */
  | {
      kind: "differ";
      expected: BallValue;
      actual: BallValue;
      digits: number;
      zero?: { expected?: boolean; actual?: boolean };
    }
  | { kind: "unresolved"; expected: BallValue; actual: BallValue; digits: number }
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
 *   tried at more digits before it counts as undefined, unless its error bounds already show
 *   it is not (a log of a value wholly below 0, a division by an exact 0).
 *
 * A proof that the samples contradict is a {@link VerifierInternalError}. When the exact
 * tier shows the sides differ but the samples agree (a difference below 54 digits), the
 * points are compared again from 240 digits on, then the middle one from 480 digits on, and
 * the step is rejected where the difference shows; if it never shows, the normal form was
 * incomplete (or the difference is below about 10^−474 relative everywhere) and the step
 * is "sampled".
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
export function compare(
  actual: MathNode,
  expected: MathNode,
  points: Record<string, string>[],
  where: string,
  domain?: Domain,
): Verdict {
  return expectation(expected, points, where, domain)(actual);
}

/**
 * Prepares `expected` once (its values at the points, its exact normal form) and returns a
 * function that compares any expression with it, as {@link compare} does; for checking many
 * candidate steps against the same expression.
 *
 * @throws RangeError when `expected` is not a finite real number at a point, even at 480 digits
 */
export function expectation(
  expected: MathNode,
  points: Record<string, string>[],
  where: string,
  domain?: Domain,
): (actual: MathNode) => Verdict {
  checkDeadline(() => "preparing the expected side");
  const want = evaluator(nodeText(expected), points);
  const wantFast = pointIntervals(nodeText(expected), points);
  for (let i = 0; i < points.length; i++) {
    if (boundedAt(wantFast, i)) continue; // certainly finite and real: no decimal evaluation needed to know
    checkDeadline(() => `evaluating the expected side at point ${i + 1} of ${points.length}`);
    const v = firstFinite(want, i);
    if (v === OVERFLOW) {
      throw new RangeError(
        `${where}: "${expected.toString()}" forms ${OVERFLOW} at ${formatPoint(points[i])} (its value, or a part of it), which no precision evaluates; narrow the declared domain`,
      );
    }
    if (unsettled(v)) {
      throw new RangeError(
        `${where}: "${expected.toString()}" cancels at ${formatPoint(points[i])} beyond what ${PRECISION_BOUND} digits settle ` +
          "(decimal.js's limit); write it in a form that does not cancel there, or narrow the declared domain",
      );
    }
    if (typeof v === "string") {
      throw new RangeError(
        `${where}: "${expected.toString()}" is ${v} at ${formatPoint(points[i])}${want.bounded ? "" : `, even with ${PRECISION_BOUND} digits`}; check the declared domain`,
      );
    }
  }
  const exact = exactJudge(expected, domain);
  return (actual) => {
    checkDeadline(() => "starting the comparison");
    const outcome = exact(actual);
    checkDeadline(() => "sampling, after the exact tier");
    const got = evaluator(nodeText(actual), points);
    // Doubles with rigorous bounds first: a point where the sides are certainly far apart
    // decides a wrong step, and cross-checks a proof, without any decimal evaluation.
    const gotFast = pointIntervals(nodeText(actual), points);
    const apart = firstApart(gotFast, wantFast);
    const sides: Sides = { got, want, gotFast, wantFast, actual, expected, points };
    if (outcome.status !== "equal" && apart >= 0) {
      // an earlier point where doubles cannot bound the step (a pole, a log of 0) shows it first, as the decimal pass would
      for (let i = 0; i < apart; i++) {
        if (boundedAt(gotFast, i)) continue;
        const early = comparePoint(got, want, i, 0, PRECISION_LEVELS[0]);
        if (early.kind === "differ") {
          const best = clearest(sides, i, early, 0);
          return {
            equal: false,
            tier: "sampled",
            counterexample: counterexample(points[best.index], best.result, outcome),
          };
        }
      }
      const result = comparePoint(got, want, apart, 0, PRECISION_BOUND, PRECISION_BOUND, PRECISION_LEVELS[0]);
      if (result.kind !== "agree") {
        const best = clearest(sides, apart, result, 0);
        return {
          equal: false,
          tier: "sampled",
          counterexample: counterexample(points[best.index], best.result, outcome),
        };
      }
    }
    if (outcome.status === "equal") {
      // A proof is checked by the double-precision pass at every point; where it finds the
      // sides apart, by the decimal values there, and only a contradiction that far more
      // digits confirm is a bug, reported loudly.
      const sampled = apart < 0 ? null : { index: apart, result: comparePoint(got, want, apart, 0) };
      if (
        sampled !== null &&
        sampled.result.kind === "differ" &&
        !agreesWithMoreDigits(actual, expected, points[sampled.index])
      ) {
        throw new VerifierInternalError(
          `${where}: the exact tier proved "${actual.toString()}" equal to "${expected.toString()}", but at ${formatPoint(points[sampled.index])} ` +
            `the values are ${show(sampled.result.actual)} and ${show(sampled.result.expected)} (${sampled.result.digits} digits)`,
        );
      }
      return { equal: true, tier: "proved", certificate: outcome.certificate };
    }
    const sampling = samplePoints(got, want, points.length, 0);
    const found = sampling.found;
    if (found !== null) {
      const sampled = clearest(sides, found.index, found.result, 0);
      return {
        equal: false,
        tier: "sampled",
        counterexample: counterexample(points[sampled.index], sampled.result, outcome),
      };
    }
    if (outcome.status === "different") {
      // The normal forms differ but every point agreed to 54 digits: look deeper.
      const deeper = samplePoints(got, want, points.length, 2).found;
      const deep = deeper === null ? null : clearest(sides, deeper.index, deeper.result, 2);
      if (deep !== null && deep.result.kind === "differ") {
        return {
          equal: false,
          tier: "sampled",
          counterexample: counterexample(points[deep.index], deep.result, outcome),
        };
      }
      // Still equal to 234 digits: a difference that small (2x + 1e-300 for 2x, tanh x for 1 on
      // (400, 500)) shows only with more digits.
      const deepest = deepestDifference(got, want, points.length);
      if (deepest !== null) {
        return {
          equal: false,
          tier: "sampled",
          counterexample: counterexample(points[deepest.index], deepest.result, outcome),
        };
      }
    }
    if (sampling.resolved === 0) return belowResolution(points.length);
    return { equal: true, tier: "sampled" };
  };
}

/**
 * The verdict on a step that no sample point resolves: at every point both sides are 0 to
 * every digit {@link PRECISION_BOUND}-digit arithmetic gives (issue 21, fuzz 1/6935:
 * −2e^(−3x) + 1 − 1 against −3e^(−3x) at x ≈ 920, both about 1e−1199), and the exact tier
 * did not prove it. Nothing was seen either way: neither accepted nor rejected.
 *
 * @param count the number of sample points
 * @returns "undecided", with the reason in words and the time bound in force as its seconds
 */
function belowResolution(count: number): UndecidedVerdict {
  const phase = `sampling: at all ${count} points both sides are 0 to the ${PRECISION_BOUND} digits decimal.js supports`;
  return {
    equal: false,
    tier: "undecided",
    undecided: {
      reason:
        `below the resolution: at every one of the ${count} sample points both sides are 0 to the ${PRECISION_BOUND} digits ` +
        "decimal.js supports, and the exact tier did not prove the step, so the verifier cannot tell whether they are equal " +
        "(write the step in a form that does not cancel, or narrow the domain to where the values are larger)",
      phase,
      seconds: boundInForce(),
    },
  };
}

/** Both sides of a comparison: evaluators, double intervals, expressions and the sample points. */
interface Sides {
  got: Evaluator;
  want: Evaluator;
  gotFast: PointIntervals | null;
  wantFast: PointIntervals | null;
  actual: MathNode;
  expected: MathNode;
  points: Record<string, string>[];
}

/** Certain digits a counterexample value needs to be shown plainly. */
const SHOWN_DIGITS = 6;

/** A side's value known to {@link SHOWN_DIGITS} digits (or known not to be a finite real number). */
function plain(v: BallValue): boolean {
  return typeof v === "string" || certainDigits(v) >= SHOWN_DIGITS;
}

/**
 * Whether the double intervals of both sides at point i are plainly apart: disjoint by more
 * than 10^−6 of their size, and each known to 6 digits (its width below 10^−7 of its
 * magnitude, so it holds no 0). The decimal comparison there finds the sides different with
 * both values readable at the first precision.
 */
function plainlyApartInDoubles(a: PointIntervals, b: PointIntervals, i: number): boolean {
  const known = (v: PointIntervals) => v.hi[i] - v.lo[i] < 1e-7 * Math.min(Math.abs(v.lo[i]), Math.abs(v.hi[i]));
  const gap = Math.max(a.lo[i] - b.hi[i], b.lo[i] - a.hi[i]);
  const size = Math.max(Math.abs(a.lo[i]), Math.abs(a.hi[i]), Math.abs(b.lo[i]), Math.abs(b.hi[i]));
  return known(a) && known(b) && gap > 1e-6 * size;
}

/**
 * The clearest counterexample for a step found wrong at point `index`: that point when both
 * values there are known to 6 digits, or one side is not a finite real number there; else the first other point where the sides plainly
 * differ (their double intervals apart and each known to 6 digits, or where doubles bound
 * neither, the decimal values at the first precision of `minLevel`), found in milliseconds;
 * else `index` again, a side the exact tier shows is exactly 0 there marked so (shown "0",
 * issue 21: e^(q·k1)·k1 − … at q = k1 = k2, whose ball holds 0 at any precision), and the
 * values raised to 6 certain digits when more digits give them.
 *
 * @param sides    both sides of the comparison
 * @param index    the point where the step was found wrong
 * @param result   what that point showed (with no digits chased for the display)
 * @param minLevel the comparison's first level (an index of PRECISION_LEVELS)
 * @returns the point to show and what it showed
 */
function clearest(
  sides: Sides,
  index: number,
  result: Exclude<PointOutcome, { kind: "agree" }>,
  minLevel: number,
): { index: number; result: Exclude<PointOutcome, { kind: "agree" }> } {
  if (result.kind !== "differ" || (plain(result.expected) && plain(result.actual))) return { index, result };
  const { got, want, gotFast, wantFast, points } = sides;
  const first = PRECISION_LEVELS[minLevel];
  // a side that is not a finite real number here is the plainest counterexample there is: keep the point
  const undefinedSide = typeof result.expected === "string" || typeof result.actual === "string";
  for (let j = 0; j < (undefinedSide ? 0 : points.length); j++) {
    if (j === index) continue;
    const doubles = gotFast !== null && wantFast !== null && boundedAt(gotFast, j) && boundedAt(wantFast, j);
    if (doubles && !plainlyApartInDoubles(gotFast, wantFast, j)) continue;
    checkDeadline(() => `looking for a clearer counterexample at point ${j + 1} of ${points.length}`);
    const r = comparePoint(got, want, j, minLevel, first, PRECISION_BOUND, first);
    if (r.kind === "differ" && plain(r.expected) && plain(r.actual)) return { index: j, result: r };
  }
  const zero = {
    expected: !plain(result.expected) && exactlyZeroAt(sides.expected, points[index]),
    actual: !plain(result.actual) && exactlyZeroAt(sides.actual, points[index]),
  };
  if ((plain(result.expected) || zero.expected) && (plain(result.actual) || zero.actual))
    return { index, result: { ...result, zero } };
  const full = comparePoint(got, want, index, minLevel);
  // more digits only sharpen what was found: a full comparison that agrees here is not expected, and keeps the first finding
  if (full.kind === "agree") return { index, result: { ...result, zero } };
  return { index, result: full.kind === "differ" ? { ...full, zero } : full };
}

/** The precision (an index of PRECISION_LEVELS: 480 digits) of the last look for a difference the exact tier showed. */
const DEEPEST_LEVEL = 3;

/**
 * Whether the sides differ at the middle sample point when compared with
 * PRECISION_LEVELS[DEEPEST_LEVEL] (480) digits, for a step whose exact normal forms differ
 * while every point agreed to 234 digits: a non-zero difference of analytic functions is
 * non-zero at almost every point, so one point settles it but for a difference below about
 * 10^−474 of the values' size everywhere (decimal.js's atan and asin at 1000 digits take
 * seconds a call, too slow for every such step).
 */
function deepestDifference(
  got: Evaluator,
  want: Evaluator,
  count: number,
): { index: number; result: Extract<PointOutcome, { kind: "differ" }> } | null {
  const i = Math.floor(count / 2);
  const result = comparePoint(got, want, i, DEEPEST_LEVEL);
  return result.kind === "differ" ? { index: i, result } : null;
}

/** True when both sides agree at the point once compared from the precision bound on (a proof was right, the digits were too few). */
function agreesWithMoreDigits(actual: MathNode, expected: MathNode, point: Record<string, string>): boolean {
  const points = [point];
  return (
    comparePoint(
      evaluator(actual.toString(), points),
      evaluator(expected.toString(), points),
      0,
      PRECISION_LEVELS.length - 1,
    ).kind === "agree"
  );
}

/**
 * The first point where the sides do not agree (differ, or cannot be told apart), or null,
 * and how many points resolved the sides (agreed with values known to the tolerance, not
 * only as 0 to every digit computed). Every point is first compared at the first precision
 * only (most agree or differ there); then the points left open, one after the other, with as
 * many digits as they need, up to the first that differs or cannot be settled.
 */
function samplePoints(
  got: Evaluator,
  want: Evaluator,
  count: number,
  minLevel: number,
): { found: { index: number; result: Exclude<PointOutcome, { kind: "agree" }> } | null; resolved: number } {
  const open: number[] = [];
  let resolved = 0;
  for (let i = 0; i < count; i++) {
    checkDeadline(() => `sampling point ${i + 1} of ${count} at ${PRECISION_LEVELS[minLevel]} digits`);
    const result = comparePoint(got, want, i, minLevel, PRECISION_LEVELS[minLevel]);
    if (result.kind === "unresolved") open.push(i);
    else if (result.kind !== "agree") return { found: { index: i, result }, resolved };
    else resolved++;
  }
  // Both sides 0 up to their error bounds: settled only at the precision bound (1000 digits, slow);
  // once one point was, the others where both sides vanish alike are taken as 0 from 240 digits on.
  let zeroFrom = PRECISION_BOUND;
  for (const i of open) {
    const result = comparePoint(got, want, i, minLevel, PRECISION_BOUND, zeroFrom, 0);
    if (result.kind === "agree" && result.zero) zeroFrom = ZERO_AFTER_ONE;
    if (result.kind !== "agree") return { found: { index: i, result }, resolved };
    if (!result.zero) resolved++;
  }
  return { found: null, resolved };
}

/**
 * Compares both sides at point i, raising the precision until the error bounds of both
 * values (ball.ts) settle the question. With d = |a − b|, the radii r_a, r_b and
 * s = max(|a|, |b|), at a tolerance τ = 10^−(P₀ − 6) where P₀ is the precision of level
 * `minLevel` (10^−54 from 60 digits):
 * - agree when d + r_a + r_b ≤ τ·s: the exact values are within τ of each other, relative;
 * - differ when d > 4(r_a + r_b) and d > τ·s: the exact values are certainly apart by more
 *   than the tolerance;
 * - else (a value not yet known to enough digits: 1 − σ(700) is 0 ± 10^−59 at 60 digits)
 *   the next precision. At the last (`zeroFrom`), two values whose balls both hold 0 and
 *   overlap agree (zero to every digit computed); anything else is "unresolved".
 * A side that is not a finite real number is one only once its ball says so for certain.
 * `minLevel` is the first level (index into PRECISION_LEVELS) at which "agree" may be said;
 * `limit` the most digits tried (below the bound, what is still open then is "unresolved");
 * `chase` the most digits tried, once the sides certainly differ, to show 6 certain digits of each.
 */
function comparePoint(
  got: Evaluator,
  want: Evaluator,
  i: number,
  minLevel: number,
  limit = PRECISION_BOUND,
  zeroFrom = PRECISION_BOUND,
  chase = PRECISION_BOUND,
): PointOutcome {
  const first = PRECISION_LEVELS[minLevel];
  const tau = GUARD_DIGITS - first;
  let last: { a: BallValue; b: BallValue; digits: number } | undefined;
  let found: { a: Ball; b: Ball; digits: number } | undefined;
  for (let digits = PRECISION_LEVELS[0]; ; ) {
    checkDeadline(() => `sampling: comparing the sides at point ${i + 1} with ${digits} digits`);
    const a = got.ball(i, digits);
    const b = want.ball(i, digits);
    last = { a, b, digits };
    // a real number beyond decimal.js's range: no precision represents it, nothing to compare
    if (a === OVERFLOW || b === OVERFLOW) return { kind: "unresolved", expected: b, actual: a, digits };
    let deficit = Infinity;
    if (typeof a === "string" || typeof b === "string") {
      if (found) break; // shown as found
      if (!unsettled(a) && !unsettled(b)) {
        if (typeof b === "string") return { kind: "undefined-expected", expected: b };
        return { kind: "differ", expected: b, actual: a, digits };
      }
    } else {
      const d = log10Abs(a.v.minus(b.v));
      const radius = logSum(a.r, b.r);
      const scale = Math.max(log10Abs(a.v), log10Abs(b.v));
      if (found === undefined && digits >= first && logSum(d, radius) <= tau + scale) return { kind: "agree" };
      if (found !== undefined || (d > radius + Math.log10(4) && d > tau + scale)) {
        found = { a, b, digits };
        // shown with at least 6 certain digits of each value, if more digits give them (up to `chase` digits)
        if (Math.min(certainDigits(a), certainDigits(b)) >= 6 || digits >= chase) break;
      }
      // orders of magnitude the radius must still shrink by, when the values are known at all
      if (scale > radius) deficit = radius - (found ? scale - 8 : tau + scale);
    }
    if (digits >= limit) break;
    if (
      digits >= zeroFrom &&
      typeof a !== "string" &&
      typeof b !== "string" &&
      (bothZero(a, b) || (bothNegligible(a, b) && Math.max(log10Abs(a.v), log10Abs(b.v)) < -PRECISION_BOUND))
    )
      return { kind: "agree", zero: true };
    digits = nextPrecision(digits, deficit, first);
  }
  if (found) return { kind: "differ", expected: found.b, actual: found.a, digits: found.digits };
  const { a, b, digits } = last;
  if (typeof a !== "string" && typeof b !== "string" && digits >= Math.min(PRECISION_BOUND, zeroFrom) && bothZero(a, b))
    return { kind: "agree", zero: true };
  if (typeof a !== "string" && typeof b !== "string" && digits >= PRECISION_BOUND && bothNegligible(a, b))
    return { kind: "agree", zero: true };
  return { kind: "unresolved", expected: b, actual: a, digits };
}

/**
 * The next precision: enough to shrink the error bounds by `deficit` orders of magnitude
 * (with 10 to spare) when that is known and less than doubling, else double; at least
 * `first`, at most the bound, in steps of 20 digits (each precision has its own cached values).
 */
function nextPrecision(digits: number, deficit: number, first: number): number {
  const want = Number.isFinite(deficit) && deficit < digits ? digits + Math.max(deficit, 0) + 10 : digits * 2;
  return Math.min(PRECISION_BOUND, Math.max(first, Math.ceil(want / 20) * 20));
}

/** Both balls hold 0 and overlap: the values are 0 to every digit computed. */
function bothZero(a: Ball, b: Ball): boolean {
  return a.r >= log10Abs(a.v) && b.r >= log10Abs(b.v) && log10Abs(a.v.minus(b.v)) <= logSum(a.r, b.r) + Math.log10(4);
}

/**
 * At the precision bound, two overlapping balls whose values both lie within the larger
 * radius of 0: both are 0 to every digit the less precise side was computed with. This is
 * 1 − σ(x⁴) at x = −250, 0 ± 10^−991 at 1000 digits, against a form of the same value
 * without the cancellation, known to be about 10^−2017617199: no digit count decimal.js
 * supports tells them apart, and both are 0 to 991 places.
 */
function bothNegligible(a: Ball, b: Ball): boolean {
  const radius = Math.max(a.r, b.r);
  return (
    Math.max(log10Abs(a.v), log10Abs(b.v)) <= radius && log10Abs(a.v.minus(b.v)) <= logSum(a.r, b.r) + Math.log10(4)
  );
}

/** Where both sides vanish at a point after another point of the same comparison was 0 to {@link PRECISION_BOUND} digits, the digits that settle it as 0. */
const ZERO_AFTER_ONE = 240;

function firstFinite(e: Evaluator, i: number): RealValue {
  let v: RealValue = "not evaluated";
  for (const digits of PRECISION_LEVELS) {
    if (digits > PRECISION_LEVELS[0]) checkDeadline(() => `evaluating a side at point ${i + 1} with ${digits} digits`);
    v = e.at(i, digits);
    if (typeof v !== "string" || v === OVERFLOW) return v;
    // certainly not a real number (a log of a ball wholly below 0): more digits cannot change it
    if (e.bounded && !unsettled(v)) return v;
  }
  return v;
}

function counterexample(
  point: Record<string, string>,
  r: Exclude<PointOutcome, { kind: "agree" }>,
  exact: ExactOutcome,
): Counterexample {
  if (r.kind === "undefined-expected") return { point, expected: r.expected, actual: "(not compared)" };
  const pair = showPair(r.expected, r.actual, r.kind === "differ" ? r.zero : undefined);
  if (r.kind === "unresolved") {
    if (r.expected === OVERFLOW || r.actual === OVERFLOW)
      return {
        point,
        ...pair,
        reason:
          `precision bound hit: a side here is ${OVERFLOW}, which no precision represents; ` +
          "the verifier cannot tell whether they are equal (narrow the domain, or write the step so that it does not form so large a value)",
      };
    return {
      point,
      ...pair,
      reason:
        `precision bound hit: the sides cancel here beyond what ${PRECISION_BOUND} digits settle; ` +
        "the verifier cannot tell whether they are equal (rewrite the step in a form that does not cancel, or narrow the domain)",
    };
  }
  if (exact.status === "different" && typeof r.actual !== "string" && typeof r.expected !== "string") {
    const rel = log10Abs(r.actual.v.minus(r.expected.v)) - Math.max(log10Abs(r.actual.v), log10Abs(r.expected.v));
    if (rel < -40)
      return {
        point,
        ...pair,
        reason: `the exact normal forms differ; the difference, about 1e${Math.round(rel)} relative, shows at ${r.digits} digits`,
      };
  }
  return { point, ...pair };
}

/** Formats a point as "x = 0.25, t = 1". */
export function formatPoint(point: Record<string, string>): string {
  return Object.entries(point)
    .map(([k, v]) => `${k} = ${v}`)
    .join(", ");
}
