import { suite } from "uvu";
import * as assert from "uvu/assert";
import { quantile } from "../../../lib/models";
import { throwsWith } from "../functions/reference";

const s = suite("quantile");

s("should interpolate linearly between order statistics (Hyndman–Fan 7)", () => {
  const v = [3, 1, 4, 1, 5, 9, 2, 6]; // sorted: 1 1 2 3 4 5 6 9
  assert.is(quantile(v, 0), 1);
  assert.is(quantile(v, 1), 9);
  assert.is(quantile(v, 0.5), 3.5); // h = 3.5: halfway between 3 and 4
  // h = 7·0.3 = 2.1: 2 + 0.1·(3 − 2) = 2.1
  assert.ok(Math.abs(quantile(v, 0.3) - 2.1) < 1e-15);
  // h = 7·0.9 = 6.3: 6 + 0.3·(9 − 6) = 6.9
  assert.ok(Math.abs(quantile(v, 0.9) - 6.9) < 1e-14);
  assert.is(quantile([7], 0.42), 7);
});

s("should not modify its input", () => {
  const v = [3, 1, 2];
  quantile(v, 0.5);
  assert.equal(v, [3, 1, 2]);
});

s("should handle infinite values at exact order statistics", () => {
  assert.is(quantile([-Infinity, 0, Infinity], 0.5), 0);
  assert.is(quantile([-Infinity, 0, Infinity], 1), Infinity);
});

s("should throw for bad input", () => {
  throwsWith(() => quantile([], 0.5), RangeError, /quantile: values must be a non-empty array/);
  throwsWith(() => quantile([1, NaN], 0.5), TypeError, /values\[1\] must be a number, got NaN/);
  throwsWith(() => quantile([1], 1.5), RangeError, /p must be in \[0, 1\], got 1.5/);
  throwsWith(() => quantile([1], NaN), TypeError, /p must be a number, got NaN/);
});

s.run();
