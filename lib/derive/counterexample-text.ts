/**
 * The values a counterexample shows (issue 21): each right to every digit shown, and readable
 * at any scale. Two values that agree to many digits (−σ(z) at z = 908 against −1: they part
 * in the 395th digit) are written as a short anchor plus what is left, "-1 + 2.74737e-395",
 * instead of 400 digits; a value the exact tier shows is 0 at the point is written "0".
 */
import type { BigNumber, MathNode } from "mathjs";
import { shapeOf } from "./node-shape";
import { certainDigits, log10Abs, logSum, type Ball, type BallValue } from "./ball";
import { PRECISION_BOUND, unsettled, type RealValue } from "./evaluate";
import { proveEqual } from "./exact/prove";
import { parseExpression } from "./expression";

/** Significant digits past which two values are written as anchor + remainder (20 shown, then 10 more each round). */
export const ANCHOR_AFTER_DIGITS = 30;

/** Significant digits shown of a remainder (fewer when fewer are certain). */
const REMAINDER_DIGITS = 6;

/**
 * Whether an expression is exactly 0 at a point, by the exact tier (exact/prove.ts) on the
 * expression with the point's decimals put in as exact rationals: `e^(q·k1)·k1 − e^(q·k2)·k2`
 * at q = k1 = k2 = −2 is 0, which no number of digits shows (its ball holds 0 at any precision).
 *
 * @param node  the expression, definitions expanded
 * @param point variable → decimal string
 * @returns true only when the exact tier proves it 0; false when it cannot tell or it is not 0
 */
export function exactlyZeroAt(node: MathNode, point: Record<string, string>): boolean {
  const at = node.transform((n) => {
    const symbol = shapeOf(n);
    return symbol.isSymbolNode && symbol.name !== undefined && symbol.name in point
      ? parseExpression(`(${point[symbol.name]})`, "a counterexample point")
      : n;
  });
  try {
    return proveEqual(at, parseExpression("0", "zero")).status === "equal";
  } catch {
    return false; // outside what the exact tier decides: not known to be 0
  }
}

/**
 * Both values of a counterexample as text: with 20 significant digits, or as many more as it
 * takes to tell them apart, never more than their error bounds make certain; past
 * {@link ANCHOR_AFTER_DIGITS} digits each as an anchor plus its remainder ({@link anchored}) when
 * those differ (else every digit up to the first that differs).
 * A side in `zero` is written "0" (known to be exactly 0); a value known to no digit reads
 * "≈ 0 (|value| < 1e-N)".
 *
 * @param want the expected side's value with its error bound, or why it has none
 * @param got  the step's value likewise
 * @param zero which sides are exactly 0 at the point ({@link exactlyZeroAt})
 * @returns { expected, actual } as decimal text
 */
export function showPair(
  want: BallValue,
  got: BallValue,
  zero: { expected?: boolean; actual?: boolean } = {},
): { expected: string; actual: string } {
  const one = (v: BallValue, isZero: boolean | undefined, digits?: number) => (isZero ? "0" : showValue(v, digits));
  if (typeof want === "string" || typeof got === "string" || zero.expected || zero.actual)
    return { expected: one(want, zero.expected), actual: one(got, zero.actual) };
  const limit = Math.min(certainDigits(want), certainDigits(got), PRECISION_BOUND);
  for (let digits = 20; ; digits += 10) {
    const expected = showValue(want, digits);
    const actual = showValue(got, digits);
    if (expected !== actual || digits >= limit) {
      if (digits <= ANCHOR_AFTER_DIGITS) return { expected, actual };
      // anchored when that tells them apart (it does not for 1.234…e+280 against it plus 1: both remainders read alike)
      const short = { expected: anchored(want), actual: anchored(got) };
      return short.expected !== short.actual ? short : { expected, actual };
    }
  }
}

/**
 * A value with at most `digits` significant digits, and no more than are certain.
 *
 * @param v      a value with its error bound (ball.ts), a plain number, or why there is none
 * @param digits the most significant digits shown
 * @returns decimal text ("0.25", "1.9e-174"); "≈ 0 (|value| < 1e-N)" when no digit is certain
 */
export function showValue(v: BallValue | RealValue, digits = 20): string {
  if (typeof v === "string") return unsettled(v) ? `not settled by ${PRECISION_BOUND} digits (${v})` : v;
  if (!("r" in v)) return (v as BigNumber).toSignificantDigits(digits).toString();
  const certain = certainDigits(v);
  if (certain < 1) return `≈ 0 (|value| < 1e${Math.ceil(logSum(v.r, log10Abs(v.v)))})`;
  return v.v.toSignificantDigits(Math.min(digits, certain)).toString();
}

/**
 * A value as its shortest anchor (at most 20 significant digits) within 10^−20 of it,
 * relative, plus the remainder with up to 6 certain digits: −0.99999…99725263 (395 nines)
 * reads "-1 + 2.74737e-395", 10³⁰·(1 + 10⁻³⁰⁰) reads "1e+30 + 1e-270". The remainder's digits
 * are certain (its error bound is the value's); a value whose remainder is known to no digit
 * is its anchor followed by "± 1e-N".
 *
 * @param v a value with its error bound
 * @returns decimal text
 */
export function anchored(v: Ball): string {
  if (v.v.isZero()) return showValue(v);
  const scale = log10Abs(v.v);
  let anchor = v.v.toSignificantDigits(20);
  for (let k = 1; k <= 20; k++) {
    const a = v.v.toSignificantDigits(k);
    if (a.isZero() || log10Abs(v.v.minus(a)) <= scale - 20) {
      anchor = a;
      break;
    }
  }
  const rest = v.v.minus(anchor);
  if (rest.isZero() && v.r === -Infinity) return anchor.toString();
  const restBall: Ball = { v: rest, r: v.r };
  const certain = certainDigits(restBall);
  if (certain < 1) return `${anchor.toString()} ± 1e${Math.ceil(logSum(v.r, log10Abs(rest)))}`;
  const shown = rest.abs().toSignificantDigits(Math.min(REMAINDER_DIGITS, certain)).toExponential();
  return `${anchor.toString()} ${rest.isNegative() ? "-" : "+"} ${shown}`;
}
