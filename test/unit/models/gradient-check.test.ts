import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  logisticRegressionGradient,
  logisticRegressionGradientCheck,
  logisticRegressionLoss,
} from "../../../lib/models";
import { close, throwsWith } from "../functions/reference";
import { refGradient, SMALL } from "./reference";

const s = suite("logisticRegressionGradientCheck");
const W = [0.7, -1.3];
const B = 0.4;

s("should list w₁, w₂, then b with the analytic gradient", () => {
  const rows = logisticRegressionGradientCheck(W, B, SMALL.X, SMALL.t);
  const g = logisticRegressionGradient(W, B, SMALL.X, SMALL.t);
  assert.equal(
    rows.map((r) => r.parameter),
    ["w₁", "w₂", "b"],
  );
  assert.equal(
    rows.map((r) => r.analytic),
    [...g.dw, g.db],
  );
});

s("should compute each numeric entry as a central difference in that parameter alone", () => {
  const h = 1e-3;
  const rows = logisticRegressionGradientCheck(W, B, SMALL.X, SMALL.t, h);
  const J = (w: number[], b: number) => logisticRegressionLoss(w, b, SMALL.X, SMALL.t);
  const expected = [
    (J([W[0] + h, W[1]], B) - J([W[0] - h, W[1]], B)) / (2 * h),
    (J([W[0], W[1] + h], B) - J([W[0], W[1] - h], B)) / (2 * h),
    (J(W, B + h) - J(W, B - h)) / (2 * h),
  ];
  rows.forEach((r, k) =>
    assert.ok(Math.abs(r.numeric - expected[k]) <= 1e-13, `${r.parameter}: ${r.numeric} vs ${expected[k]}`),
  );
});

s(
  "should find a correct gradient correct to ~1e−9 relative at h = 1e−5, and the error be |a − n| / max(|a|, |n|)",
  () => {
    const rows = logisticRegressionGradientCheck(W, B, SMALL.X, SMALL.t);
    const ref = refGradient(W, B, SMALL.X, SMALL.t);
    rows.forEach((r, k) => {
      close(r.numeric, ref[k], 1e-8, `${r.parameter} numeric`);
      assert.ok(r.relativeError < 1e-8, `${r.parameter}: relative error ${r.relativeError}`);
      const expected = Math.abs(r.analytic - r.numeric) / Math.max(Math.abs(r.analytic), Math.abs(r.numeric));
      assert.is(r.relativeError, expected);
    });
  },
);

s("should report a relative error of 0 when both values are 0", () => {
  // One feature, two mirrored examples with opposite labels, at w = 0, b = 0: J(w) = J(−w) and J(b) = J(−b)
  // exactly, so both central differences are exactly 0, and so is the analytic gradient.
  const rows = logisticRegressionGradientCheck([0], 0, [[1], [-1]], [1, 0]);
  const db = rows.find((r) => r.parameter === "b")!;
  assert.is(db.analytic, 0);
  assert.is(db.numeric, 0);
  assert.is(db.relativeError, 0);
});

s("should name a wrong argument, including h", () => {
  throwsWith(
    () => logisticRegressionGradientCheck(W, B, SMALL.X, [0, 1]),
    RangeError,
    /logisticRegressionGradientCheck: t must have one label/,
  );
  throwsWith(() => logisticRegressionGradientCheck(W, B, SMALL.X, SMALL.t, 0), RangeError, /h must be > 0, got 0/);
});

s.run();
