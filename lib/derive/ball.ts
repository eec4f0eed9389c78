/**
 * Error bounds for the sampling tier's decimal arithmetic ("ball arithmetic", as in Arb):
 * every value carries, besides its decimal digits, a bound on how far it may be from the
 * exact value of the expression at that point, carried through each operation by the
 * operation's derivative bound plus its own rounding. The bound is kept as log10 of the
 * radius in a double (−Infinity: the value is exact), so it spans radii like 10^−1000 that
 * no double holds.
 *
 * This is what tells "1 − σ(700) is 0 at 60 digits" (0 ± 10^−59: not known yet) from "x − x
 * is 0" (exact): a value is only as good as its radius says, and the sampling tier raises the
 * precision until the radius is small next to the values it compares.
 *
 * Source of the propagation rules: first-order error analysis with the second-order terms
 * bounded (Higham, "Accuracy and Stability of Numerical Algorithms", ch. 2–3); the rounding
 * of each decimal.js operation is taken as at most one unit in the last place (10 for its
 * transcendental functions, which it documents as correctly rounded "almost always").
 */
import type { BigNumber } from "mathjs";

/** A decimal value and log10 of a bound on its distance from the exact value (−Infinity: exact). */
export interface Ball {
  v: BigNumber;
  /** log10 of the radius; −Infinity when the value is exact. */
  r: number;
}

/** A value that the digits at hand cannot settle (a denominator or log argument whose ball holds 0): try more digits. */
export const UNRESOLVED = "unresolved at this precision";

/**
 * A real number too large for decimal.js (its exponent stops at 9e15: e^(2e30) has none): not
 * "not finite", which says a value does not exist (a division by an exact 0). No precision
 * settles it, and a comparison that meets it cannot tell (compare.ts: "precision bound hit").
 */
export const OVERFLOW = "a real number beyond decimal.js's range (above 1e+9000000000000000)";

/** What an operation on balls gives: a ball, or why there is no value ("not finite", "not a real number", {@link UNRESOLVED}, {@link OVERFLOW}). */
export type BallValue = Ball | string;

const LOG10_E = Math.LOG10E;

/**
 * log10 |v| to about 15 significant digits from decimal.js's own representation (digits in
 * base 10^7, `d`, and the decimal exponent, `e`); −Infinity for 0.
 *
 * @param v a finite decimal
 * @returns log10 |v|
 */
export function log10Abs(v: BigNumber): number {
  if (v.isZero()) return -Infinity;
  if (!v.isFinite()) return Infinity; // ±Infinity or NaN (decimal.js keeps no digits for them): the caller says "not finite"
  const { d, e } = v as unknown as { d: number[]; e: number };
  const w = d[0];
  const width = w >= 1e6 ? 7 : w >= 1e5 ? 6 : w >= 1e4 ? 5 : w >= 1e3 ? 4 : w >= 100 ? 3 : w >= 10 ? 2 : 1;
  const lead = w + (d.length > 1 ? d[1] / 1e7 + (d.length > 2 ? d[2] / 1e14 : 0) : 0);
  return e + Math.log10(lead) - (width - 1);
}

/** log10 of a sum of terms given by their log10 (−Infinity terms are 0). */
export function logSum(...terms: number[]): number {
  let m = -Infinity;
  for (const t of terms) if (t > m) m = t;
  if (m === -Infinity) return m;
  if (m === Infinity) return Infinity;
  let s = 0;
  for (const t of terms) s += 10 ** (t - m);
  return m + Math.log10(s);
}

/** log10 of the rounding error of a result `v` at `digits` significant digits: one ulp, or `ulps` of them (0: not rounded). */
export function roundingError(v: BigNumber, digits: number, ulps = 1): number {
  return ulps === 0 ? -Infinity : log10Abs(v) + 1 - digits + Math.log10(ulps);
}

/** Transcendental functions: 10 ulps. */
const T = 10;

/**
 * log10 of e^(10^lt) − 1: the relative error of e^x when x is off by at most 10^lt.
 * Infinity when that is astronomically large (lt > 2.5).
 */
function expSpread(lt: number): number {
  if (lt === -Infinity) return -Infinity;
  if (lt < -8) return lt + Math.log10(1 + 10 ** lt) + 1e-9;
  if (lt > 2.5) return Infinity;
  return Math.log10(Math.expm1(10 ** lt));
}

/** A result of value `v` whose exact value is within 10^r, with its own rounding at `digits` (× ulps) added. */
function ball(v: BigNumber, r: number, digits: number, ulps = 1): BallValue {
  if (v.isNaN()) return "not a real number";
  // ±Infinity from finite operands (the callers rule out an exact 0 divisor and log 0 first) is an overflow
  if (!v.isFinite()) return OVERFLOW;
  const radius = logSum(r, roundingError(v, digits, ulps)) + 1e-9;
  if (radius === Infinity || Number.isNaN(radius)) return UNRESOLVED;
  return { v, r: radius };
}

/** The relative radius (log10) of a ball, and whether it keeps away from 0 by at least half its value. */
function relative(b: Ball): { rel: number; clear: boolean } {
  const rel = b.r - log10Abs(b.v);
  return { rel, clear: rel < -0.31 };
}

/** Significant digits of a decimal (decimal.js's sd()). */
const sd = (v: BigNumber): number => (v as unknown as { sd(): number }).sd();
/** The decimal exponent of a non-zero decimal. */
const exponent = (v: BigNumber): number => (v as unknown as { e: number }).e;

/** a ± b at `digits` digits was not rounded: every digit of both fits in `digits` (with a carry). */
function sumIsExact(a: BigNumber, b: BigNumber, digits: number): boolean {
  if (a.isZero() || b.isZero()) return true;
  const high = Math.max(exponent(a), exponent(b)) + 1;
  const low = Math.min(exponent(a) - sd(a) + 1, exponent(b) - sd(b) + 1);
  return high - low + 1 <= digits;
}

/** a ± b (`v`, already computed at `digits` digits). */
export function ballAdd(a: Ball, b: Ball, v: BigNumber, digits: number): BallValue {
  return ball(v, logSum(a.r, b.r), digits, sumIsExact(a.v, b.v, digits) ? 0 : 1);
}

/** a · b (`v`, already computed). */
export function ballMul(a: Ball, b: Ball, v: BigNumber, digits: number): BallValue {
  const exactProduct = a.v.isZero() || b.v.isZero() || sd(a.v) + sd(b.v) <= digits;
  const r = logSum(log10Abs(a.v) + b.r, log10Abs(b.v) + a.r, a.r + b.r);
  // a product below decimal.js's smallest exponent (1e-9e15) comes back 0: the exact product is within |a|·|b| of it
  if (v.isZero() && !exactProduct) return { v, r: logSum(r, underflow(log10Abs(a.v) + log10Abs(b.v))) };
  return ball(v, r, digits, exactProduct ? 0 : 1);
}

/** log10 of a bound on a value of about 10^m that decimal.js rounded to 0 (a little above, for the double's own rounding). */
function underflow(m: number): number {
  return m + 1e-9 * Math.abs(m) + 1e-9;
}

/** a / b; "not finite" for an exact 0 denominator, {@link UNRESOLVED} where b's ball comes near 0. */
export function ballDiv(a: Ball, b: Ball, divide: () => BigNumber, digits: number): BallValue {
  if (b.v.isZero()) return b.r === -Infinity ? "not finite" : UNRESOLVED;
  const { rel, clear } = relative(b);
  if (!clear) return UNRESOLVED;
  const v = divide();
  if (a.r === -Infinity && b.r === -Infinity && sd(v) < digits && v.times(b.v).eq(a.v)) return { v, r: -Infinity }; // 3/4, 1/2: exact
  const mb = log10Abs(b.v);
  const r = logSum(a.r - mb, log10Abs(v) + rel) - Math.log10(1 - 10 ** rel);
  // a quotient below decimal.js's smallest exponent comes back 0: within |a|/|b|·2 of it (b kept clear of 0)
  if (v.isZero() && !a.v.isZero()) return { v, r: logSum(r, underflow(log10Abs(a.v) - mb + Math.log10(2))) };
  return ball(v, r, digits);
}

/**
 * e^x: relative error e^(rx) − 1. Below decimal.js's range (x < −2.07e16, where it returns 0)
 * a ball around 0 of radius e^(x + r_x) ≥ the exact value, whose log10 a double still holds
 * (e^(−2e30) is 0 ± 10^(−8.7e29)); above it {@link OVERFLOW}.
 */
export function ballExp(x: Ball, v: BigNumber, digits: number): BallValue {
  if (v.isZero()) {
    const top = x.v.toNumber() + (x.r === -Infinity ? 0 : 10 ** x.r);
    return { v, r: underflow(top * LOG10_E) };
  }
  return ball(v, log10Abs(v) + expSpread(x.r), digits, T);
}

/** ln x for x > 0 whose ball keeps clear of 0; the caller has ruled out x ≤ 0 when exact. */
export function ballLn(x: Ball, ln: () => BigNumber, digits: number): BallValue {
  if (x.v.isZero()) return x.r === -Infinity ? "not finite" : UNRESOLVED;
  const { rel, clear } = relative(x);
  if (!clear) return UNRESOLVED;
  if (x.v.isNeg()) return "not a real number";
  const q = 10 ** rel;
  const r = q < 1e-8 ? rel + 1e-8 : Math.log10(-Math.log1p(-q));
  return ball(ln(), r, digits, T);
}

/**
 * √x: "not a real number" for x certainly below 0; {@link UNRESOLVED} for a ball that holds 0
 * and is not exactly 0 (its sign unknown: √ of it may be undefined, issue 21: tanh(softplus x)² − 1
 * on (774.598, 774.627) is −2e−673, 0 ± 1e−600 at 600 digits), so the caller raises the precision
 * until the sign is known, and at the precision bound reports the point unsettled, never a value.
 */
export function ballSqrt(x: Ball, sqrt: () => BigNumber, digits: number): BallValue {
  if (x.v.isZero()) return x.r === -Infinity ? { v: sqrt(), r: -Infinity } : UNRESOLVED;
  const { rel, clear } = relative(x);
  if (x.v.isNeg()) return x.r === -Infinity || clear ? "not a real number" : UNRESOLVED;
  if (!clear) return x.r < log10Abs(x.v) ? ball(sqrt(), logSum(log10Abs(x.v), x.r) / 2, digits, T) : UNRESOLVED;
  const v = sqrt();
  return ball(v, x.r - log10Abs(v) - Math.log10(1 - 10 ** rel), digits, T);
}

/** f(x) for an f whose slope is at most 1 (abs, max, min, tanh, sin, cos): the radius carries over. */
export function ballLipschitz(r: number, v: BigNumber, digits: number, ulps = T): BallValue {
  return ball(v, r, digits, ulps);
}

/**
 * A function whose slope falls off away from 0, of a ball clear of 0: tanh (slope
 * sech² t ≤ 4e^(−2|t|)) or atan (slope 1/(1 + t²)), with |t| ≥ m = |x| − r over the ball. Its
 * radius is r times that slope, not r: tanh(e^7503 ± 10^3199) is 1 to every digit, where the
 * Lipschitz bound 1 left it 1 ± 10^3200 at any precision (fuzz 7/952 was "undecided: the sides
 * cancel" there). Where the ball reaches 0 the slope is taken as 1.
 *
 * @param fn the function, "tanh" or "atan"
 * @param x  the argument's ball
 * @param v  fn(x.v), computed
 * @returns the ball of fn(x)
 */
export function ballSaturating(fn: "tanh" | "atan", x: Ball, v: BigNumber, digits: number): BallValue {
  const lx = log10Abs(x.v);
  if (x.r === -Infinity || x.v.isZero() || x.r > lx - 0.31) return ball(v, x.r, digits, T);
  // log10 of m = |x| − 10^r ≥ |x|/2, in log space: |x| may be far past a double's range
  const lm = lx + Math.log10(1 - 10 ** (x.r - lx));
  const m = 10 ** lm;
  const slope = fn === "tanh" ? Math.log10(4) - 2 * m * LOG10_E : -2 * lm;
  return ball(v, x.r + Math.min(0, slope), digits, T);
}

/** sinh x or cosh x: slope cosh(x ± r) ≤ (|v| + 1)·e^r. */
export function ballHyperbolic(x: Ball, v: BigNumber, digits: number): BallValue {
  if (x.r > 0) return UNRESOLVED;
  return ball(v, x.r + logSum(log10Abs(v), 0) + 10 ** x.r * LOG10_E, digits, T);
}

/** tan x: slope 1 + tan², which the ball must keep bounded (far from a pole). */
export function ballTan(x: Ball, v: BigNumber, digits: number): BallValue {
  const slope = logSum(0, 2 * logSum(log10Abs(v), 0));
  if (x.r + slope > -1) return UNRESOLVED;
  return ball(v, x.r + slope + 0.05, digits, T);
}

/**
 * b^x for b > 0 (or b < 0 with an exact integer x, the sign applied by the caller):
 * relative error e^t − 1 with t = |x|·ρ_b/(1 − ρ_b) + |ln b|·r_x + r_x·ρ_b/(1 − ρ_b).
 */
export function ballPow(b: Ball, x: Ball, v: BigNumber, digits: number): BallValue {
  if (b.v.isZero()) return b.r === -Infinity && x.r === -Infinity ? ball(v, -Infinity, digits) : UNRESOLVED;
  const { rel, clear } = relative(b);
  if (!clear) return UNRESOLVED;
  const rho = rel === -Infinity ? -Infinity : rel - Math.log10(1 - 10 ** rel);
  const lnb = Math.log10(Math.abs(log10Abs(b.v)) / LOG10_E + 1e-7);
  const t = logSum(log10Abs(x.v) + rho, lnb + x.r, x.r + rho);
  const spread = expSpread(t);
  if (spread === Infinity) return UNRESOLVED;
  return ball(v, log10Abs(v) + spread, digits, T);
}

/**
 * b^n for an exact integer 1 ≤ n ≤ 1024 (`v`, already computed), also where b's ball holds 0
 * (then ballPow cannot bound it): by the mean value theorem |(b + δ)^n − b^n| ≤ n·|δ|·(|b| + |δ|)^(n−1),
 * so the radius is n·r·(|b| + r)^(n−1); (0 ± r)³ is 0 ± 3r³, not unknown.
 */
export function ballIntPow(b: Ball, n: number, v: BigNumber, digits: number): BallValue {
  if (b.r === -Infinity) return ball(v, -Infinity, digits, T);
  const r = Math.log10(n) + b.r + (n - 1) * logSum(log10Abs(b.v), b.r);
  return ball(v, r, digits, T);
}

/** An exact value (a literal, a sample point's coordinate). */
export const exact = (v: BigNumber): Ball => ({ v, r: -Infinity });

/** A constant rounded to `digits` (e, π): one rounding of a transcendental. */
export const rounded = (v: BigNumber, digits: number): Ball => ({ v, r: roundingError(v, digits, T) });

/**
 * How many significant digits of a ball's value are certain (its radius is below one unit
 * of the last of them); Infinity for an exact value.
 */
export function certainDigits(b: Ball): number {
  if (b.r === -Infinity) return Infinity;
  if (b.v.isZero()) return 0;
  return Math.max(0, Math.floor(log10Abs(b.v) - b.r));
}
