import { suite } from "uvu";
import * as assert from "uvu/assert";
import { accuracy, predictClasses } from "../../../lib/models";
import { throwsWith } from "../functions/reference";

// Logits of these rows under w = (1, −1), b = 0.5: 0.5, −1.5, 0, 3.5, −0.5 (exact in binary).
const X = [
  [1, 1],
  [0, 2],
  [-0.5, 0],
  [2, -1],
  [1, 2],
];
const W = [1, -1];
const B = 0.5;

const p = suite("predictClasses");

p("should predict 1 exactly when w·x + b ≥ 0 (ŷ ≥ 0.5)", () => {
  assert.equal(predictClasses(W, B, X), [1, 0, 1, 1, 0]);
});

p("should name a wrong argument", () => {
  throwsWith(() => predictClasses([1], B, X), RangeError, /predictClasses: w must have one weight per feature \(2\)/);
});

p.run();

const a = suite("accuracy");

a("should be the fraction of correct predictions", () => {
  assert.is(accuracy(W, B, X, [1, 0, 1, 1, 0]), 1);
  assert.is(accuracy(W, B, X, [1, 1, 1, 1, 0]), 0.8);
  assert.is(accuracy(W, B, X, [0, 1, 0, 0, 1]), 0);
  // Flipping every parameter's sign flips every prediction except at z = 0.
  assert.is(accuracy([-1, 1], -0.5, X, [1, 0, 1, 1, 0]), 0.2);
});

a("should name a wrong argument", () => {
  throwsWith(() => accuracy(W, B, X, [1, 0, 1, 1, 2]), RangeError, /accuracy: t\[4\] must be 0 or 1, got 2/);
  throwsWith(
    () => accuracy(W, B, X, [1, 0]),
    RangeError,
    /accuracy: t must have one label per row of X \(5\), got length 2/,
  );
});

a.run();
