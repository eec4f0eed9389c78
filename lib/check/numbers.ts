/**
 * Checks of numbers and number arrays, used by the numeric functions (sigmoid,
 * cross-entropies, softmax), the gradient checks and the models. Every check names the calling
 * function, the failing argument and the value it got, e.g. `sigmoid: x must be a number, got NaN`.
 *
 * Error classes: a value of the wrong type (not a number, NaN, not an array)
 * is a TypeError; a number of the right type outside the allowed set (a
 * probability above 1, an infinite logit, arrays of unequal length) is a
 * RangeError.
 */

import { describeValue } from "./describe-value";

/** How far the sum of a probability vector may be from 1 and still be accepted. */
export const PROBABILITY_SUM_TOLERANCE = 1e-6;

/**
 * Require a number that is not NaN (±Infinity passes).
 * @param fn name of the calling function, for the message
 * @param name name of the argument, for the message
 * @returns the value, typed as a number
 * @throws TypeError when `value` is not of type number, or is NaN
 */
export function checkNumber(fn: string, name: string, value: unknown): number {
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new TypeError(`${fn}: ${name} must be a number, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * Require a finite number.
 * @throws TypeError when not a number or NaN; RangeError when ±Infinity
 */
export function checkFinite(fn: string, name: string, value: unknown): number {
  const x = checkNumber(fn, name, value);
  if (!Number.isFinite(x)) {
    throw new RangeError(`${fn}: ${name} must be finite, got ${describeValue(x)}`);
  }
  return x;
}

/**
 * Require a number in the closed interval [0, 1]: a probability ŷ or a
 * (possibly soft) label t. With `open = true`, require the open interval (0, 1).
 * @throws TypeError when not a number or NaN; RangeError when outside the interval
 */
export function checkUnitInterval(fn: string, name: string, value: unknown, open = false): number {
  const x = checkNumber(fn, name, value);
  const inside = open ? x > 0 && x < 1 : x >= 0 && x <= 1;
  if (!inside) {
    const interval = open ? "(0, 1)" : "[0, 1]";
    throw new RangeError(`${fn}: ${name} must be in ${interval}, got ${describeValue(x)}`);
  }
  return x;
}

/**
 * Require a clipping epsilon in [0, 0.5): predictions are clipped to [ε, 1 − ε].
 * @throws TypeError when not a number or NaN; RangeError when outside [0, 0.5)
 */
export function checkEpsilon(fn: string, value: unknown): number {
  const eps = checkNumber(fn, "epsilon", value);
  if (!(eps >= 0 && eps < 0.5)) {
    throw new RangeError(`${fn}: epsilon must be in [0, 0.5), got ${describeValue(eps)}`);
  }
  return eps;
}

/**
 * Require an array (of any length; entries are not checked).
 * @throws TypeError when `value` is not an array
 */
export function checkArray(fn: string, name: string, value: unknown): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) {
    throw new TypeError(`${fn}: ${name} must be an array of numbers, got ${describeValue(value)}`);
  }
}

/**
 * Require a non-empty array whose entries are all numbers (not NaN). With
 * `finite = true`, the entries must also be finite. Entry errors name the
 * entry, e.g. `z[2]`.
 * @throws TypeError when not an array or an entry is not a number / NaN;
 *   RangeError when empty, or when `finite` and an entry is ±Infinity
 */
export function checkVector(fn: string, name: string, value: unknown, finite = false): readonly number[] {
  checkArray(fn, name, value);
  if (value.length === 0) {
    throw new RangeError(`${fn}: ${name} must be a non-empty array, got length 0`);
  }
  value.forEach((v: unknown, i) => (finite ? checkFinite : checkNumber)(fn, `${name}[${i}]`, v));
  return value as readonly number[];
}

/**
 * Require two non-empty arrays of the same length (entries are not checked here).
 * @throws RangeError naming both lengths when either is empty or they differ
 */
export function checkSameLength(
  fn: string,
  nameA: string,
  a: readonly unknown[],
  nameB: string,
  b: readonly unknown[],
): void {
  if (a.length === 0 || b.length === 0 || a.length !== b.length) {
    throw new RangeError(
      `${fn}: ${nameA} and ${nameB} must be non-empty arrays of the same length, ` +
        `got lengths ${a.length} and ${b.length}`,
    );
  }
}

/**
 * Require a probability vector: every entry in [0, 1] and the entries summing
 * to 1 within {@link PROBABILITY_SUM_TOLERANCE} (1e-6).
 * @throws TypeError / RangeError from {@link checkVector} and {@link checkUnitInterval}
 *   for a bad entry; RangeError naming the sum when it is not ~1
 */
export function checkDistribution(fn: string, name: string, value: unknown): readonly number[] {
  const v = checkVector(fn, name, value);
  let sum = 0;
  v.forEach((x, i) => {
    checkUnitInterval(fn, `${name}[${i}]`, x);
    sum += x;
  });
  if (!(Math.abs(sum - 1) <= PROBABILITY_SUM_TOLERANCE)) {
    throw new RangeError(
      `${fn}: ${name} must sum to 1 (within ${PROBABILITY_SUM_TOLERANCE.toExponential()}), got sum ${describeValue(sum)}`,
    );
  }
  return v;
}
