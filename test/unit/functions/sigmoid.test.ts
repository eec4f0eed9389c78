import { suite } from "uvu";
import * as assert from "uvu/assert";
import { logSigmoid, sigmoid, sigmoidDerivative } from "../../../lib/functions";
import { EXTREME, ORDINARY, close, refLogSigmoid, refSigmoid, refSigmoidDerivative, throwsWith } from "./reference";

/** Tolerance: 1e−14 relative at every input whose value is a normal double; underflow rule of `close` below. */
const REL = 1e-14;
/** A grid over [−1000, 1000] in steps of 0.25, for the no-NaN sweeps. */
const SWEEP = Array.from({ length: 8001 }, (_, i) => -1000 + i * 0.25);

/** The argument checks shared by the three functions: NaN and non-numbers are TypeErrors naming x. */
function assertRejectsBadX(fn: (x: number) => number, name: string): void {
  throwsWith(() => fn(NaN), TypeError, new RegExp(`^${name}: x must be a number, got NaN$`));
  throwsWith(() => fn("1" as unknown as number), TypeError, new RegExp(`^${name}: x must be a number, got "1"$`));
  throwsWith(
    () => fn(undefined as unknown as number),
    TypeError,
    new RegExp(`^${name}: x must be a number, got undefined$`),
  );
}

const sig = suite("sigmoid");

sig("should match the 60-digit reference at ordinary inputs", () => {
  for (const x of ORDINARY) close(sigmoid(x), refSigmoid(x), REL, `sigmoid(${x})`);
});

sig("should match the reference at extreme inputs (σ(−800), σ(−1000) underflow to 0 or a subnormal)", () => {
  for (const x of EXTREME) close(sigmoid(x), refSigmoid(x), REL, `sigmoid(${x})`);
});

sig("should give exactly 0.5 at 0, 1 at 800 and the limits 0 and 1 at ∓Infinity", () => {
  assert.is(sigmoid(0), 0.5);
  assert.is(sigmoid(800), 1);
  assert.is(sigmoid(-Infinity), 0);
  assert.is(sigmoid(Infinity), 1);
});

sig("should never return NaN and stay within [0, 1] for |x| ≤ 1000", () => {
  for (const x of SWEEP) {
    const y = sigmoid(x);
    assert.ok(y >= 0 && y <= 1, `sigmoid(${x}) = ${y}`);
  }
});

sig("should satisfy σ(−x) = 1 − σ(x) at ordinary inputs", () => {
  for (const x of ORDINARY) assert.ok(Math.abs(sigmoid(-x) - (1 - sigmoid(x))) <= 2 ** -52, `x = ${x}`);
});

sig("should reject NaN and non-numbers with a TypeError naming x and the value", () => {
  assertRejectsBadX(sigmoid, "sigmoid");
});

sig.run();

const der = suite("sigmoidDerivative");

der("should match σ(x)σ(−x) in 60 digits at ordinary inputs", () => {
  for (const x of ORDINARY) close(sigmoidDerivative(x), refSigmoidDerivative(x), REL, `sigmoidDerivative(${x})`);
});

der("should match the reference at extreme inputs, including ≈ 8.5e−17-sized tails the naive product loses", () => {
  for (const x of EXTREME) close(sigmoidDerivative(x), refSigmoidDerivative(x), REL, `sigmoidDerivative(${x})`);
  close(sigmoidDerivative(37), refSigmoidDerivative(37), REL, "sigmoidDerivative(37)");
});

der("should be exactly 0.25 at 0 and 0 at ±Infinity", () => {
  assert.is(sigmoidDerivative(0), 0.25);
  assert.is(sigmoidDerivative(Infinity), 0);
  assert.is(sigmoidDerivative(-Infinity), 0);
});

der("should agree with a central finite difference of sigmoid at ordinary inputs", () => {
  const h = 1e-5;
  for (const x of ORDINARY) {
    const fd = (sigmoid(x + h) - sigmoid(x - h)) / (2 * h);
    assert.ok(Math.abs(fd - sigmoidDerivative(x)) <= 1e-10, `x = ${x}: fd ${fd} vs ${sigmoidDerivative(x)}`);
  }
});

der("should never return NaN and stay within [0, 0.25] for |x| ≤ 1000", () => {
  for (const x of SWEEP) {
    const d = sigmoidDerivative(x);
    assert.ok(d >= 0 && d <= 0.25, `sigmoidDerivative(${x}) = ${d}`);
  }
});

der("should reject NaN and non-numbers with a TypeError naming x and the value", () => {
  assertRejectsBadX(sigmoidDerivative, "sigmoidDerivative");
});

der.run();

const logs = suite("logSigmoid");

logs("should match −log(1 + e^(−x)) in 60 digits at ordinary inputs", () => {
  for (const x of ORDINARY) close(logSigmoid(x), refLogSigmoid(x), REL, `logSigmoid(${x})`);
});

logs("should match the reference at extreme inputs (log σ(800) ≈ −e^(−800) may be −0)", () => {
  for (const x of EXTREME) close(logSigmoid(x), refLogSigmoid(x), REL, `logSigmoid(${x})`);
});

logs("should give −800 at −800, −ln 2 at 0, −Infinity at −Infinity and 0 at Infinity", () => {
  assert.is(logSigmoid(-800), -800);
  close(logSigmoid(0), refLogSigmoid(0), 1e-16, "logSigmoid(0)");
  assert.ok(Math.abs(logSigmoid(0) + Math.LN2) <= 2 ** -53);
  assert.is(logSigmoid(-Infinity), -Infinity);
  assert.ok(logSigmoid(Infinity) === 0);
});

logs("should never return NaN and stay finite and ≤ 0 for |x| ≤ 1000", () => {
  for (const x of SWEEP) {
    const v = logSigmoid(x);
    assert.ok(Number.isFinite(v) && v <= 0, `logSigmoid(${x}) = ${v}`);
  }
});

logs("should equal log(sigmoid(x)) where sigmoid(x) is not close to 1", () => {
  for (const x of [-30, -10, -5, -1, 0, 0.5, 1]) {
    assert.ok(Math.abs(logSigmoid(x) - Math.log(sigmoid(x))) <= 1e-14 * Math.abs(logSigmoid(x)), `x = ${x}`);
  }
});

logs("should reject NaN and non-numbers with a TypeError naming x and the value", () => {
  assertRejectsBadX(logSigmoid, "logSigmoid");
});

logs.run();
