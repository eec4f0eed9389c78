import { checkNumber, checkVector } from "../check";

/**
 * The p-quantile of a list of numbers by linear interpolation between order
 * statistics: with the values sorted ascending as v₀ ≤ … ≤ vₙ₋₁ and h = (n − 1)·p,
 * the result is v⌊h⌋ + (h − ⌊h⌋)·(v⌊h⌋₊₁ − v⌊h⌋). p = 0 gives the minimum, 0.5 the
 * median, 1 the maximum. The input is not modified.
 *
 * @param values a non-empty array of numbers (not NaN)
 * @param p the probability level, in [0, 1]
 * @returns the quantile, in the units of the values
 * @throws TypeError when values is not a non-empty array of numbers or p is not a number;
 *   RangeError when values is empty or p is outside [0, 1]
 * Source: Hyndman & Fan, "Sample quantiles in statistical packages" (1996), definition 7,
 * the default of R's `quantile` and NumPy's `quantile`.
 */
export function quantile(values: readonly number[], p: number): number {
  checkVector("quantile", "values", values);
  checkNumber("quantile", "p", p);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return h === lo ? sorted[lo] : sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
