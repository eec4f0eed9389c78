import { suite } from "uvu";
import * as assert from "uvu/assert";
import { centralDifference, gradientCheck } from "../../../lib/functions";

const central = suite("centralDifference");

central("should be exact for a quadratic, up to rounding", () => {
  // (f(x+h) − f(x−h)) / 2h = 2x + 3 exactly for f = x² + 3x
  const f = (x: number) => x * x + 3 * x;
  assert.ok(Math.abs(centralDifference(f, 1.5, 0.25) - 6) < 1e-12);
});

central("should have an O(h²) error for exp", () => {
  const e1 = Math.abs(centralDifference(Math.exp, 0, 1e-2) - 1);
  const e2 = Math.abs(centralDifference(Math.exp, 0, 1e-3) - 1);
  // error ≈ h²/6: 1.67e-5 and 1.67e-7, a ratio of ~100
  assert.ok(Math.abs(e1 - 1e-4 / 6) < 1e-8, String(e1));
  assert.ok(e1 / e2 > 90 && e1 / e2 < 110, String(e1 / e2));
});

central("should reject a step that is not positive", () => {
  assert.throws(() => centralDifference(Math.exp, 0, 0), /centralDifference: h must be > 0, got 0/);
  assert.throws(() => centralDifference(Math.exp, NaN, 1e-3), /x/);
});

central.run();

const check = suite("gradientCheck");

check("should give one row per step with the error against the analytic derivative", () => {
  const rows = gradientCheck(Math.sin, Math.cos, 0.7, [1e-1, 1e-4]);
  assert.equal(
    rows.map((r) => r.h),
    [1e-1, 1e-4],
  );
  // truncation error of the central difference for sin: ≈ h²/6 · cos(0.7)
  assert.ok(Math.abs(rows[0].error - (1e-2 / 6) * Math.cos(0.7)) < 1e-5, String(rows[0].error));
  assert.ok(rows[1].error < 1e-8);
});

check("should show rounding error growing at tiny steps", () => {
  const rows = gradientCheck(Math.exp, Math.exp, 1);
  assert.is(rows.length, 13);
  const best = rows.reduce((a, b) => (b.error < a.error ? b : a));
  assert.ok(best.h >= 1e-7 && best.h <= 1e-3, `best h ${best.h}`);
  assert.ok(rows[12].error > best.error * 100, "h = 1e-12 should be far worse than the best step");
});

check.run();
