/**
 * The numeric functions keep their documented bounds (issue 11): binaryCrossEntropy never
 * exceeds −log ε at the upper clip, sigmoidDerivative never exceeds 0.25, and
 * centralDifference shrinks h (or throws a clear error) where x ± h leaves f's domain.
 * References are 60-digit values from test/unit/functions/reference.ts.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  binaryCrossEntropy,
  centralDifference,
  centralDifferenceStep,
  gradientCheck,
  sigmoidDerivative,
} from "../../../lib/functions";
import { big, close, M, refBinaryCrossEntropy, refClip, refSigmoidDerivative, throwsWith } from "./reference";

const bce = suite("binaryCrossEntropy at the clips");

bce("should give exactly −log(1e-7) = 16.11809565095832 for (t, ŷ) = (0, 1) and (1, 0), never more", () => {
  const max = M.bignumber("1e-7").ln().neg();
  for (const [t, y] of [
    [0, 1],
    [1, 0],
  ]) {
    const got = binaryCrossEntropy(t, y);
    close(got, max, 2 ** -52, `bce(${t}, ${y})`);
    assert.ok(big(got).lte(max.plus(M.bignumber(2 ** -50))), `bce(${t}, ${y}) = ${got} above the maximum`);
  }
  assert.is(binaryCrossEntropy(0, 1), 16.11809565095832);
});

bce("should match the 60-digit reference of the clipped loss near ŷ = 1 and stay ≤ −log ε", () => {
  const max = M.bignumber("1e-7").ln().neg();
  for (const y of [0.5, 0.9, 1 - 1e-6, 1 - 1e-7, 1 - 1e-8, 1 - 1e-12, 1 - 2 ** -53, 1]) {
    for (const t of [0, 0.3, 1]) {
      const got = binaryCrossEntropy(t, y);
      close(got, refBinaryCrossEntropy(t, refClip(y, 1e-7)), 4e-16, `bce(${t}, ${y})`, 1e-22);
      assert.ok(big(got).lte(max.times(1 + 4e-16)), `bce(${t}, ${y}) = ${got}`);
    }
  }
});

const sd = suite("sigmoidDerivative ≤ 0.25");

sd("should never exceed 0.25 near 0 and match the 60-digit reference to 4 ulps", () => {
  const xs = [1e-9, -1e-9, 1e-12, 3e-8, 1e-5, -1e-5, 2 ** -30, 1e-300, 0.001, 0.1];
  for (let k = -20; k <= 20; k++) xs.push(k * 1e-8, k * 0.37);
  for (const x of xs) {
    const got = sigmoidDerivative(x);
    assert.ok(got <= 0.25, `σ′(${x}) = ${got} > 0.25`);
    close(got, refSigmoidDerivative(x), 4 * 2 ** -53, `σ′(${x})`);
  }
  assert.is(sigmoidDerivative(1e-9), 0.25);
});

sd("should stay accurate in the tails (60-digit reference) and underflow to 0 far out", () => {
  for (const x of [20, 37, 100, 300, 700, -700])
    close(sigmoidDerivative(x), refSigmoidDerivative(x), 8 * 2 ** -53, `σ′(${x})`);
  assert.is(sigmoidDerivative(1500), 0);
  assert.is(sigmoidDerivative(-1e308), 0);
});

const cd = suite("centralDifference at the edge of f's domain");

cd("should shrink h for −ln p at p = 1e-6, h = 1e-5 and estimate −1/p (60-digit reference)", () => {
  const f = (p: number) => -Math.log(p);
  const { estimate, h } = centralDifferenceStep(f, 1e-6, 1e-5);
  assert.ok(h < 1e-6, `h = ${h}`);
  close(estimate, M.bignumber(-1).div(big(1e-6)), 1e-2, "d/dp −ln p at 1e-6");
  assert.ok(Number.isFinite(centralDifference(f, 1e-6, 1e-5)));
});

cd("should shrink h when f throws outside its domain (a loss that checks its argument)", () => {
  const loss = (y: number) => binaryCrossEntropy(1, y, 0);
  const est = centralDifference(loss, 1e-4, 1e-3);
  close(
    est,
    M.bignumber(-1).div(big(1e-4)),
    1e-2,
    "d/dŷ −log ŷ at 1e-4 (truncation error ~(h/x)² with h shrunk to 1e-5)",
  );
});

cd("should report the h used in gradientCheck rows", () => {
  const rows = gradientCheck(
    (p) => -Math.log(p),
    (p) => -1 / p,
    1e-6,
    [1e-5, 1e-8],
  );
  assert.ok(rows[0].h < 1e-6, `h = ${rows[0].h}`);
  assert.is(rows[1].h, 1e-8);
});

cd("should throw a RangeError naming x and the value when f(x) is not finite, or no h helps", () => {
  throwsWith(() => centralDifference((p) => Math.log(p), -1, 1e-3), RangeError, /f\(x\) is NaN at x = -1/);
  throwsWith(
    () => centralDifference((p) => (p === 0.5 ? 1 : NaN), 0.5, 1e-3),
    RangeError,
    /x lies on the edge of f's domain/,
  );
});

for (const s of [bce, sd, cd]) s.run();
