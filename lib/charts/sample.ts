/**
 * Sampling helpers for the chart builders: an evenly spaced grid and the
 * evaluation of a function on it with gaps for non-finite values.
 */
import type { ChartSample } from "./types";

/**
 * `n` evenly spaced points from `min` to `max`, both ends included exactly.
 * Inner points are `min·(1 − i/(n−1)) + max·i/(n−1)`, rounded to 15
 * significant digits when the spacing exceeds 1e-12 of the interval's
 * magnitude: that removes binary noise such as 0.15000000000000002 and cannot
 * merge neighbouring points (rounding moves a point by < 1e-14 of its magnitude).
 *
 * @param min first point (finite)
 * @param max last point (finite, > min)
 * @param n number of points, an integer ≥ 2
 * @returns the grid, ascending, length n
 * @throws RangeError when min or max is not finite, min ≥ max, or n is not an integer ≥ 2
 */
export function evenGrid(min: number, max: number, n: number): number[] {
  if (!Number.isFinite(min)) throw new RangeError(`evenGrid: min must be finite, got ${min}`);
  if (!Number.isFinite(max)) throw new RangeError(`evenGrid: max must be finite, got ${max}`);
  if (!(min < max)) throw new RangeError(`evenGrid: need min < max, got min=${min}, max=${max}`);
  if (!Number.isInteger(n) || n < 2) {
    throw new RangeError(`evenGrid: n must be an integer ≥ 2, got ${n}`);
  }
  const tidy = (max - min) / (n - 1) > 1e-12 * Math.max(Math.abs(min), Math.abs(max));
  const grid = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const s = i / (n - 1);
    const x = min * (1 - s) + max * s;
    grid[i] = tidy ? Number(x.toPrecision(15)) : x;
  }
  grid[0] = min;
  grid[n - 1] = max;
  return grid;
}

/**
 * Evaluates `f` at every point of `xs`; a result that is NaN or ±Infinity
 * becomes null, so the chart shows a gap instead of a broken line.
 *
 * @param f a real function; `label` names it in errors
 * @param xs the points
 * @returns one sample per point
 * @throws TypeError when f returns something that is not a number
 */
export function sampleFunction(f: (x: number) => number, xs: number[], label: string): ChartSample[] {
  return xs.map((x) => {
    const y: unknown = f(x);
    if (typeof y !== "number") {
      throw new TypeError(`${label}: f(${x}) must return a number, got ${typeof y}`);
    }
    return Number.isFinite(y) ? y : null;
  });
}
