import { checkArg, checkFinite } from "../check";

/**
 * The central finite difference (f(x + h) − f(x − h)) / (2h), an estimate of f′(x)
 * whose truncation error is O(h²) (Taylor's theorem; see any numerical analysis text).
 *
 * Where x ± h leaves the domain of f (f returns NaN or ±Infinity there, or throws), h is
 * divided by 10, up to 8 times, until both points are inside; so −ln p at p = 1e−6 with
 * h = 1e−5 is estimated with h = 1e−7. See {@link centralDifferenceStep} for the h used.
 *
 * @param f a real function
 * @param x the point, finite, where f is finite
 * @param h the step, finite and > 0
 * @returns the estimate of f′(x)
 * @throws TypeError / RangeError naming x or h when they are NaN, infinite, or h ≤ 0;
 *   RangeError naming x, h and the value when f(x) is not finite, or f(x ± h) is not
 *   finite even with h shrunk 10⁸-fold (x lies on the edge of f's domain)
 */
export function centralDifference(f: (x: number) => number, x: number, h: number): number {
  return centralDifferenceStep(f, x, h).estimate;
}

/**
 * {@link centralDifference}, also returning the step h it used (smaller than asked for
 * when x ± h left the domain of f).
 *
 * @returns { estimate, h }
 * @throws as {@link centralDifference}
 */
export function centralDifferenceStep(f: (x: number) => number, x: number, h: number): { estimate: number; h: number } {
  checkArg("centralDifference", "f", f, { kind: "function" });
  checkFinite("centralDifference", "x", x);
  checkFinite("centralDifference", "h", h);
  if (!(h > 0)) throw new RangeError(`centralDifference: h must be > 0, got ${h}`);
  const at = (u: number): number | string => {
    try {
      const v = f(u);
      return typeof v === "number" && Number.isFinite(v) ? v : String(v);
    } catch (err) {
      return `an error (${(err as Error).message})`;
    }
  };
  const center = at(x);
  if (typeof center === "string")
    throw new RangeError(`centralDifference: f(x) is ${center} at x = ${x}; f must be finite at x`);
  let step = h;
  for (let k = 0; k <= 8; k++, step /= 10) {
    const up = at(x + step);
    const down = at(x - step);
    if (typeof up === "number" && typeof down === "number") return { estimate: (up - down) / (2 * step), h: step };
    if (k === 8) {
      const [where, value] = typeof down === "string" ? [x - step, down] : [x + step, up];
      throw new RangeError(
        `centralDifference: f is ${value} at ${where} (x = ${x}, h shrunk from ${h} to ${step}); x lies on the edge of f's domain`,
      );
    }
  }
  throw new RangeError("centralDifference: unreachable");
}

/** One row of a gradient check: a step size and the error it gave. */
export interface GradientCheckRow {
  /** Finite-difference step h, > 0 (the one used: smaller than asked where x ± h left f's domain). */
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
  return hs.map((asked) => {
    const { estimate, h } = centralDifferenceStep(f, x, asked);
    return { h, estimate, error: Math.abs(estimate - exact) };
  });
}
