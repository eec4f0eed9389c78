import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  binaryCrossEntropy,
  binaryCrossEntropyDerivative,
  binaryCrossEntropyGradientLogit,
  binaryCrossEntropyWithLogits,
  sigmoid,
  sigmoidDerivative,
} from "../../../lib/functions";
import {
  EXTREME,
  ORDINARY,
  close,
  refBinaryCrossEntropy,
  refBinaryCrossEntropyDerivative,
  refBinaryCrossEntropyGradientLogit,
  refBinaryCrossEntropyWithLogits,
  refClip,
  throwsWith,
} from "./reference";

/** 1e−14 relative wherever the value is a normal double (underflow rule of `close` otherwise). */
const REL = 1e-14;
/** Targets: hard labels and dyadic soft labels. */
const TARGETS = [0, 0.25, 0.5, 1];
/** Predictions in [0, 1], including ones inside the default clip margin 1e−7. */
const PREDICTIONS = [0, 1e-300, 1e-8, 1e-7, 1e-3, 0.1, 0.25, 0.5, 0.7, 0.9, 0.999, 1 - 1e-9, 1];
/** Predictions in the open interval (0, 1) for the derivative. */
const OPEN_PREDICTIONS = [1e-300, 1e-8, 1e-3, 0.1, 0.25, 0.5, 0.7, 0.9, 0.999, 1 - 2 ** -53];
const SWEEP = Array.from({ length: 4001 }, (_, i) => -1000 + i * 0.5);

const bce = suite("binaryCrossEntropy");

bce("should match the 60-digit reference of the clipped loss (default ε = 1e−7)", () => {
  for (const t of TARGETS) {
    for (const y of PREDICTIONS) {
      close(binaryCrossEntropy(t, y), refBinaryCrossEntropy(t, refClip(y, 1e-7)), REL, `bce(${t}, ${y})`);
    }
  }
});

bce("should use a custom epsilon, and with ε = 0 give the exact loss or Infinity", () => {
  for (const t of TARGETS) {
    for (const y of [1e-12, 0.3, 1 - 1e-12]) {
      close(binaryCrossEntropy(t, y, 1e-3), refBinaryCrossEntropy(t, refClip(y, 1e-3)), REL, `bce(${t}, ${y}, 1e-3)`);
      close(binaryCrossEntropy(t, y, 0), refBinaryCrossEntropy(t, refClip(y, 0)), REL, `bce(${t}, ${y}, 0)`);
    }
  }
  assert.is(binaryCrossEntropy(1, 0, 0), Infinity);
  assert.is(binaryCrossEntropy(0, 1, 0), Infinity);
  assert.is(binaryCrossEntropy(0, 0, 0), 0);
  assert.is(binaryCrossEntropy(1, 1, 0), 0);
});

bce("should cap the loss at −log(1e−7) ≈ 16.118 for a confidently wrong prediction", () => {
  close(binaryCrossEntropy(1, 0), refBinaryCrossEntropy(1, refClip(1e-7, 1e-7)), REL, "bce(1, 0)");
  assert.ok(Math.abs(binaryCrossEntropy(0, 1) - 16.11809565095832) < 1e-6);
});

bce("should reject bad t, yhat and epsilon with the right error class, argument and value", () => {
  throwsWith(() => binaryCrossEntropy(NaN, 0.5), TypeError, /^binaryCrossEntropy: t must be a number, got NaN$/);
  throwsWith(() => binaryCrossEntropy(1.5, 0.5), RangeError, /^binaryCrossEntropy: t must be in \[0, 1\], got 1\.5$/);
  throwsWith(() => binaryCrossEntropy(-1, 0.5), RangeError, /^binaryCrossEntropy: t must be in \[0, 1\], got -1$/);
  throwsWith(
    () => binaryCrossEntropy(1, -0.1),
    RangeError,
    /^binaryCrossEntropy: yhat must be in \[0, 1\], got -0\.1$/,
  );
  throwsWith(
    () => binaryCrossEntropy(1, Infinity),
    RangeError,
    /^binaryCrossEntropy: yhat must be in \[0, 1\], got Infinity$/,
  );
  throwsWith(
    () => binaryCrossEntropy(1, "0.5" as unknown as number),
    TypeError,
    /^binaryCrossEntropy: yhat must be a number, got "0\.5"$/,
  );
  throwsWith(
    () => binaryCrossEntropy(1, 0.5, 0.5),
    RangeError,
    /^binaryCrossEntropy: epsilon must be in \[0, 0\.5\), got 0\.5$/,
  );
  throwsWith(
    () => binaryCrossEntropy(1, 0.5, -1e-7),
    RangeError,
    /^binaryCrossEntropy: epsilon must be in \[0, 0\.5\), got -1e-7$/,
  );
  throwsWith(
    () => binaryCrossEntropy(1, 0.5, NaN),
    TypeError,
    /^binaryCrossEntropy: epsilon must be a number, got NaN$/,
  );
});

bce.run();

const logits = suite("binaryCrossEntropyWithLogits");

logits("should match −[t·log σ(z) + (1 − t)·log σ(−z)] in 60 digits at ordinary and extreme z", () => {
  for (const t of TARGETS) {
    for (const z of [...ORDINARY, ...EXTREME]) {
      close(binaryCrossEntropyWithLogits(t, z), refBinaryCrossEntropyWithLogits(t, z), REL, `bceLogits(${t}, ${z})`);
    }
  }
});

logits("should keep full precision for a non-dyadic label close to 1 at large z", () => {
  // Here z·t is rounded, so max(z, 0) − z·t would lose ~9 digits to cancellation; 1e−14 relative is still required.
  for (const t of [0.9999999, 0.3]) {
    for (const z of [37, 100, -37, -100]) {
      close(binaryCrossEntropyWithLogits(t, z), refBinaryCrossEntropyWithLogits(t, z), REL, `bceLogits(${t}, ${z})`);
    }
  }
});

logits("should give 800 for (1, −800) and (0, 800), and ~0 for (1, 800)", () => {
  assert.is(binaryCrossEntropyWithLogits(1, -800), 800);
  assert.is(binaryCrossEntropyWithLogits(0, 800), 800);
  assert.ok(binaryCrossEntropyWithLogits(1, 800) >= 0 && binaryCrossEntropyWithLogits(1, 800) < 1e-300);
});

logits("should agree with binaryCrossEntropy(t, sigmoid(z)) at ordinary z (|z| ≤ 10, no clipping)", () => {
  // Tolerance 1e−11 relative: forming σ(z) rounds it, and log(1 − σ(z)) amplifies that rounding by
  // up to 1/(1 − σ(10)) ≈ 2.2e4, so the probability form is only good to ~2.5e−12 at z = ±10.
  for (const t of TARGETS) {
    for (const z of ORDINARY.filter((v) => Math.abs(v) <= 10)) {
      const viaProbability = binaryCrossEntropy(t, sigmoid(z));
      const direct = binaryCrossEntropyWithLogits(t, z);
      assert.ok(
        Math.abs(viaProbability - direct) <= 1e-11 * direct,
        `t = ${t}, z = ${z}: ${viaProbability} vs ${direct}`,
      );
    }
  }
});

logits("should return the limits at infinite z: 0 when the label matches, Infinity otherwise", () => {
  assert.is(binaryCrossEntropyWithLogits(1, Infinity), 0);
  assert.is(binaryCrossEntropyWithLogits(0.5, Infinity), Infinity);
  assert.is(binaryCrossEntropyWithLogits(0, -Infinity), 0);
  assert.is(binaryCrossEntropyWithLogits(0.25, -Infinity), Infinity);
});

logits("should never return NaN and stay finite and ≥ 0 for |z| ≤ 1000", () => {
  for (const t of [0, 0.3, 0.5, 1]) {
    for (const z of SWEEP) {
      const v = binaryCrossEntropyWithLogits(t, z);
      assert.ok(Number.isFinite(v) && v >= 0, `bceLogits(${t}, ${z}) = ${v}`);
    }
  }
});

logits("should reject bad t and z with the right error class, argument and value", () => {
  throwsWith(
    () => binaryCrossEntropyWithLogits(2, 0),
    RangeError,
    /^binaryCrossEntropyWithLogits: t must be in \[0, 1\], got 2$/,
  );
  throwsWith(
    () => binaryCrossEntropyWithLogits(1, NaN),
    TypeError,
    /^binaryCrossEntropyWithLogits: z must be a number, got NaN$/,
  );
  throwsWith(
    () => binaryCrossEntropyWithLogits(null as unknown as number, 0),
    TypeError,
    /^binaryCrossEntropyWithLogits: t must be a number, got null$/,
  );
});

logits.run();

const der = suite("binaryCrossEntropyDerivative");

der("should match −t/ŷ + (1 − t)/(1 − ŷ) in 60 digits", () => {
  for (const t of TARGETS) {
    for (const y of OPEN_PREDICTIONS) {
      close(binaryCrossEntropyDerivative(t, y), refBinaryCrossEntropyDerivative(t, y), REL, `dL/dŷ(${t}, ${y})`);
    }
  }
});

der("should keep full precision when ŷ is close to t", () => {
  for (const [t, y] of [
    [0.25, 0.25 + 1e-9],
    [0.5, 0.5 - 1e-12],
    [0.3, 0.3000001],
    [1, 1 - 1e-12],
  ]) {
    close(binaryCrossEntropyDerivative(t, y), refBinaryCrossEntropyDerivative(t, y), REL, `dL/dŷ(${t}, ${y})`);
  }
});

der("should be 0 where ŷ = t and have the sign of ŷ − t", () => {
  assert.is(binaryCrossEntropyDerivative(0.25, 0.25), 0);
  assert.ok(binaryCrossEntropyDerivative(1, 0.3) < 0);
  assert.ok(binaryCrossEntropyDerivative(0, 0.3) > 0);
});

der("should agree with a central finite difference of the unclipped loss", () => {
  const h = 1e-7;
  for (const t of TARGETS) {
    for (const y of [0.1, 0.25, 0.5, 0.7, 0.9]) {
      const fd = (binaryCrossEntropy(t, y + h, 0) - binaryCrossEntropy(t, y - h, 0)) / (2 * h);
      const d = binaryCrossEntropyDerivative(t, y);
      assert.ok(Math.abs(fd - d) <= 1e-6 * Math.max(1, Math.abs(d)), `t = ${t}, ŷ = ${y}: fd ${fd} vs ${d}`);
    }
  }
});

der("should reject ŷ = 0, ŷ = 1 and bad t with a RangeError naming the argument and value", () => {
  throwsWith(
    () => binaryCrossEntropyDerivative(1, 0),
    RangeError,
    /^binaryCrossEntropyDerivative: yhat must be in \(0, 1\), got 0$/,
  );
  throwsWith(
    () => binaryCrossEntropyDerivative(0, 1),
    RangeError,
    /^binaryCrossEntropyDerivative: yhat must be in \(0, 1\), got 1$/,
  );
  throwsWith(
    () => binaryCrossEntropyDerivative(1.25, 0.5),
    RangeError,
    /^binaryCrossEntropyDerivative: t must be in \[0, 1\], got 1\.25$/,
  );
  throwsWith(
    () => binaryCrossEntropyDerivative(1, NaN),
    TypeError,
    /^binaryCrossEntropyDerivative: yhat must be a number, got NaN$/,
  );
});

der.run();

const grad = suite("binaryCrossEntropyGradientLogit");

grad("should match the chain-rule reference (−t/ŷ + (1 − t)/(1 − ŷ))·ŷ(1 − ŷ) at ordinary and extreme z", () => {
  for (const t of TARGETS) {
    for (const z of [...ORDINARY, ...EXTREME]) {
      close(binaryCrossEntropyGradientLogit(t, z), refBinaryCrossEntropyGradientLogit(t, z), REL, `dL/dz(${t}, ${z})`);
    }
  }
});

grad("should equal ∂L/∂ŷ · σ′(z) at ordinary z", () => {
  // 1e−10 relative: ∂L/∂ŷ at ŷ = σ(z) divides by 1 − σ(z), which carries σ(z)'s rounding amplified by up to ~2.2e4.
  for (const t of TARGETS) {
    for (const z of ORDINARY.filter((v) => Math.abs(v) <= 10)) {
      const product = binaryCrossEntropyDerivative(t, sigmoid(z)) * sigmoidDerivative(z);
      const g = binaryCrossEntropyGradientLogit(t, z);
      assert.ok(
        Math.abs(product - g) <= 1e-10 * Math.max(Math.abs(g), 1e-300),
        `t = ${t}, z = ${z}: ${product} vs ${g}`,
      );
    }
  }
});

grad("should agree with a central finite difference of binaryCrossEntropyWithLogits", () => {
  const h = 1e-5;
  for (const t of TARGETS) {
    for (const z of ORDINARY) {
      const fd = (binaryCrossEntropyWithLogits(t, z + h) - binaryCrossEntropyWithLogits(t, z - h)) / (2 * h);
      assert.ok(Math.abs(fd - binaryCrossEntropyGradientLogit(t, z)) <= 1e-9, `t = ${t}, z = ${z}`);
    }
  }
});

grad("should stay finite in [−1, 1] for |z| ≤ 1000 and at ±Infinity", () => {
  for (const t of [0, 0.3, 1]) {
    for (const z of [...SWEEP, Infinity, -Infinity]) {
      const g = binaryCrossEntropyGradientLogit(t, z);
      assert.ok(g >= -1 && g <= 1, `dL/dz(${t}, ${z}) = ${g}`);
    }
  }
  assert.is(binaryCrossEntropyGradientLogit(1, Infinity), 0);
  assert.is(binaryCrossEntropyGradientLogit(1, -Infinity), -1);
});

grad("should reject bad t and z with the right error class, argument and value", () => {
  throwsWith(
    () => binaryCrossEntropyGradientLogit(-0.5, 0),
    RangeError,
    /^binaryCrossEntropyGradientLogit: t must be in \[0, 1\], got -0\.5$/,
  );
  throwsWith(
    () => binaryCrossEntropyGradientLogit(0, NaN),
    TypeError,
    /^binaryCrossEntropyGradientLogit: z must be a number, got NaN$/,
  );
});

grad.run();
