import { checkArg } from "../args/check-args";
import { checkFinite } from "./check";

/**
 * The central finite difference (f(x + h) − f(x − h)) / (2h), an estimate of f′(x)
 * whose truncation error is O(h²) (Taylor's theorem; see any numerical analysis text).
 *
 * @param f a real function
 * @param x the point, finite
 * @param h the step, finite and > 0
 * @returns the estimate of f′(x)
 * @throws TypeError / RangeError naming x or h when they are NaN, infinite, or h ≤ 0
 */
export function centralDifference(f: (x: number) => number, x: number, h: number): number {
  checkArg("centralDifference", "f", f, { kind: "function" });
  checkFinite("centralDifference", "x", x);
  checkFinite("centralDifference", "h", h);
  if (!(h > 0)) throw new RangeError(`centralDifference: h must be > 0, got ${h}`);
  return (f(x + h) - f(x - h)) / (2 * h);
}

/** One row of a gradient check: a step size and the error it gave. */
export interface GradientCheckRow {
  /** Finite-difference step h, > 0. */
  h: number;
  /** The central-difference estimate of f′(x). */
  estimate: number;
  /** |estimate − analytic derivative|. */
  error: number;
}

/**
 * Gradient checking: compares an analytic derivative with central finite differences
 * for several step sizes. The error first falls like h² (truncation), then rises like
 * ε/h once rounding (ε ≈ 1.1e-16) dominates, so the best h is near ε^(1/3) ≈ 1e-5.
 *
 * @param f  the function
 * @param df its analytic derivative
 * @param x  the point
 * @param hs step sizes, each > 0 (default 10^0, 10^−1, …, 10^−12)
 * @returns one row per h, in the given order
 * @throws TypeError naming f, df, x or hs when one is missing or of the wrong type (or df returns a non-number);
 *   RangeError for a non-finite x or an h that is not finite and > 0 (naming which hs entry)
 */
export function gradientCheck(
  f: (x: number) => number,
  df: (x: number) => number,
  x: number,
  hs: readonly number[] = Array.from({ length: 13 }, (_, k) => 10 ** -k),
): GradientCheckRow[] {
  const fn = "gradientCheck";
  checkArg(fn, "f", f, { kind: "function" });
  checkArg(fn, "df", df, { kind: "function" });
  checkArg(fn, "x", x, { kind: "number" });
  checkArg(fn, "hs", hs, { kind: "array", nonEmpty: true });
  hs.forEach((h, k) => checkArg(fn, `hs[${k}]`, h, { kind: "number", positive: true }));
  const exact = df(x);
  if (typeof exact !== "number") throw new TypeError(`${fn}: df(${x}) must return a number, got ${typeof exact}`);
  return hs.map((h) => {
    const estimate = centralDifference(f, x, h);
    return { h, estimate, error: Math.abs(estimate - exact) };
  });
}
