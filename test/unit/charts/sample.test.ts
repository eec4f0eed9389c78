import { suite } from "uvu";
import * as assert from "uvu/assert";
import { evenGrid } from "../../../lib/charts";
import { close, throwsError } from "./helpers";

const s = suite("evenGrid");

s("should include both ends exactly and space points evenly", () => {
  const xs = evenGrid(-10, 10, 401);
  assert.is(xs.length, 401);
  assert.is(xs[0], -10);
  assert.is(xs[400], 10);
  assert.is(xs[200], 0);
  for (let i = 1; i < xs.length; i++) close(xs[i] - xs[i - 1], 0.05, 1e-12, `step ${i}`);
});

s("should keep ends that are not exactly representable as given", () => {
  const xs = evenGrid(0.1, 0.7, 7);
  assert.is(xs[0], 0.1);
  assert.is(xs[6], 0.7);
});

s("should remove binary noise from inner points", () => {
  // 0.1·3 is 0.30000000000000004 in binary floating point; the grid point is the double nearest 0.3.
  assert.equal(evenGrid(0, 1, 11), [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
});

s("should keep distinct points on a very narrow interval", () => {
  const xs = evenGrid(1, 1 + 1e-12, 5);
  for (let i = 1; i < xs.length; i++) assert.ok(xs[i] > xs[i - 1], `points ${i - 1} and ${i} merged`);
});

s("should give just the ends for n = 2", () => {
  assert.equal(evenGrid(-3, 5, 2), [-3, 5]);
});

s("should throw RangeError naming a bad argument", () => {
  throwsError(() => evenGrid(NaN, 1, 3), RangeError, /min must be finite, got NaN/);
  throwsError(() => evenGrid(0, Infinity, 3), RangeError, /max must be finite, got Infinity/);
  throwsError(() => evenGrid(1, 1, 3), RangeError, /min < max, got min=1, max=1/);
  throwsError(() => evenGrid(0, 1, 1), RangeError, /n must be an integer ≥ 2, got 1/);
  throwsError(() => evenGrid(0, 1, 2.5), RangeError, /got 2.5/);
});

s.run();
