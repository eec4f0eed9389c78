/**
 * Input checks of the logistic-regression modules. Every error names the
 * calling function, the failing argument (down to the entry, e.g. `X[3][1]`)
 * and the value it got; `at` prefixes the argument names (e.g. "data." gives
 * `data.X[3][1]`); wrong types are TypeErrors, wrong values RangeErrors,
 * as in ./numbers.ts.
 */
import { describeValue } from "./describe-value";
import { checkArray, checkFinite } from "./numbers";

/**
 * Require a feature matrix: a non-empty array of rows, every row a non-empty
 * array of finite numbers, all rows of the same length d.
 * @returns d, the number of features
 * @throws TypeError when X or a row is not an array, or an entry is not a number;
 *   RangeError when X or a row is empty, rows differ in length, or an entry is infinite
 */
export function checkFeatures(fn: string, X: unknown, at = ""): number {
  checkArray(fn, `${at}X`, X);
  if (X.length === 0) throw new RangeError(`${fn}: ${at}X must have at least one row, got 0 rows`);
  let d = 0;
  X.forEach((row: unknown, i) => {
    checkArray(fn, `${at}X[${i}]`, row);
    if (i === 0) {
      d = row.length;
      if (d === 0) throw new RangeError(`${fn}: ${at}X[0] must have at least one feature, got length 0`);
    } else if (row.length !== d) {
      throw new RangeError(
        `${fn}: every row of ${at}X must have length ${d} (as ${at}X[0]), got ${at}X[${i}] of length ${row.length}`,
      );
    }
    row.forEach((v: unknown, j) => checkFinite(fn, `${at}X[${i}][${j}]`, v));
  });
  return d;
}

/**
 * Require n class labels, each exactly 0 or 1.
 * @throws TypeError when t is not an array or an entry is not a number;
 *   RangeError when its length is not n or an entry is not 0 or 1
 */
export function checkLabels(fn: string, t: unknown, n: number, at = ""): number[] {
  checkArray(fn, `${at}t`, t);
  if (t.length !== n) {
    throw new RangeError(`${fn}: ${at}t must have one label per row of ${at}X (${n}), got length ${t.length}`);
  }
  t.forEach((v: unknown, i) => {
    if (typeof v !== "number" || Number.isNaN(v)) {
      throw new TypeError(`${fn}: ${at}t[${i}] must be a number, got ${describeValue(v)}`);
    }
    if (v !== 0 && v !== 1) throw new RangeError(`${fn}: ${at}t[${i}] must be 0 or 1, got ${describeValue(v)}`);
  });
  return t as number[];
}

/**
 * Require the parameters of a model on d features: w an array of d finite
 * numbers and b a finite number.
 * @throws TypeError / RangeError naming `w`, `w[j]` or `b`
 */
export function checkParameters(fn: string, w: unknown, b: unknown, d: number, at = ""): void {
  checkArray(fn, `${at}w`, w);
  if (w.length !== d) {
    throw new RangeError(`${fn}: ${at}w must have one weight per feature (${d}), got length ${w.length}`);
  }
  w.forEach((v: unknown, j) => checkFinite(fn, `${at}w[${j}]`, v));
  checkFinite(fn, `${at}b`, b);
}

/**
 * Check everything a model evaluation needs: X (n×d), t (n labels in {0, 1}), w (d) and b.
 * @returns n and d
 */
export function checkModelInputs(fn: string, w: unknown, b: unknown, X: unknown, t: unknown): { n: number; d: number } {
  const d = checkFeatures(fn, X);
  const n = (X as unknown[]).length;
  checkLabels(fn, t, n);
  checkParameters(fn, w, b, d);
  return { n, d };
}
