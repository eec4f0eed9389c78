/**
 * Every numeric function of lib/functions swept against its 60-digit reference
 * (reference.ts) from ordinary inputs down to results in the subnormal range (issue 21):
 * within a few ulps of the reference at its own binade, so a value that is subnormal but
 * not zero must come back as that subnormal, not as 0.
 */
import { suite } from "uvu";
import {
  binaryCrossEntropy,
  binaryCrossEntropyDerivative,
  binaryCrossEntropyGradientLogit,
  binaryCrossEntropyWithLogits,
  categoricalCrossEntropyGradient,
  categoricalCrossEntropyWithLogits,
  logSigmoid,
  sigmoid,
  sigmoidDerivative,
  softmax,
  softmaxJacobian,
} from "../../../lib/functions";
import {
  closeUlps,
  refBinaryCrossEntropy,
  refBinaryCrossEntropyDerivative,
  refBinaryCrossEntropyGradientLogit,
  refBinaryCrossEntropyWithLogits,
  refCategoricalCrossEntropyGradient,
  refCategoricalCrossEntropyWithLogits,
  refClip,
  refLogSigmoid,
  refSigmoid,
  refSigmoidDerivative,
  refSoftmax,
  refSoftmaxJacobian,
} from "./reference";

/** Logits from 0 to 760 (results from 1 down past the smallest subnormal, e^−745.13), both signs; a seeded spread of fractions. */
function logits(): number[] {
  const xs: number[] = [0, 1e-300, 1e-9, 0.5, 1, 5, 20, 36.7, 40, 40.0001, 100];
  let s = 12345;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let x = 700; x <= 760; x += 0.5) xs.push(x + rand() * 0.5);
  xs.push(708.39, 708.4, 709.78, 711.9, 712, 744.44, 745.1, 745.13, 745.14, 746);
  return [...xs, ...xs.map((x) => -x)];
}

const X = logits();
const s = suite("sweep into the subnormal range");

s(
  "should give σ, σ′ and log σ within 2 ulps of the reference at every logit, subnormal results included (σ′(±712) ≈ 1.2e−309 is not 0)",
  () => {
    for (const x of X) {
      closeUlps(sigmoid(x), refSigmoid(x), 2, `sigmoid(${x})`);
      closeUlps(sigmoidDerivative(x), refSigmoidDerivative(x), 2, `sigmoidDerivative(${x})`);
      if (x > -700) closeUlps(logSigmoid(x), refLogSigmoid(x), 2, `logSigmoid(${x})`);
    }
  },
);

s("should give the binary cross-entropy from logits and its gradient in z within 4 ulps, t = 0, 0.3, 1", () => {
  for (const x of X) {
    for (const t of [0, 0.3, 1]) {
      if (t === 0 || t === 1)
        closeUlps(
          binaryCrossEntropyWithLogits(t, x),
          refBinaryCrossEntropyWithLogits(t, x),
          4,
          `bceWithLogits(${t}, ${x})`,
        );
      // (1 − t)σ(z) − tσ(−z): for 0 < t < 1 its terms cancel where σ(z) ≈ t, so ulps of the larger term
      const terms = refSigmoid(x)
        .times(1 - t)
        .abs();
      const other = refSigmoid(-x).times(t).abs();
      const scale = t === 0 || t === 1 ? refBinaryCrossEntropyGradientLogit(t, x) : terms.gt(other) ? terms : other;
      closeUlps(
        binaryCrossEntropyGradientLogit(t, x),
        refBinaryCrossEntropyGradientLogit(t, x),
        4,
        `bceGradientLogit(${t}, ${x})`,
        scale,
      );
    }
  }
});

s("should give the binary cross-entropy and its ŷ-derivative within 4 ulps for ŷ from subnormal to 1 − 2^−53", () => {
  const ys = [5e-324, 1e-310, 2.2250738585072014e-308, 1e-300, 1e-20, 1e-7, 0.3, 0.5, 0.9, 1 - 1e-7, 1 - 2 ** -53];
  for (const y of ys) {
    for (const t of [0, 0.3, 1]) {
      closeUlps(binaryCrossEntropy(t, y), refBinaryCrossEntropy(t, refClip(y, 1e-7)), 4, `bce(${t}, ${y})`);
      closeUlps(
        binaryCrossEntropyDerivative(t, y),
        refBinaryCrossEntropyDerivative(t, y),
        4,
        `bceDerivative(${t}, ${y})`,
      );
    }
  }
});

s(
  "should give softmax, its Jacobian and the categorical losses from logits within 4 ulps when one logit dominates by up to 760",
  () => {
    for (const x of X.filter((v) => v < 0)) {
      const z = [0, x, x / 2];
      const p = softmax(z);
      const rp = refSoftmax(z);
      p.forEach((v, i) => closeUlps(v, rp[i], 4, `softmax([${z}])[${i}]`));
      const J = softmaxJacobian(z);
      const rJ = refSoftmaxJacobian(z);
      J.forEach((row, i) => row.forEach((v, j) => closeUlps(v, rJ[i][j], 4, `softmaxJacobian([${z}])[${i}][${j}]`)));
      const t = [1, 0, 0];
      closeUlps(
        categoricalCrossEntropyWithLogits(t, z),
        refCategoricalCrossEntropyWithLogits(t, z),
        4,
        `cceWithLogits([${z}])`,
      );
      const g = categoricalCrossEntropyGradient(t, z);
      const rg = refCategoricalCrossEntropyGradient(t, z);
      g.forEach((v, i) => closeUlps(v, rg[i], 4, `cceGradient([${z}])[${i}]`));
    }
  },
);

s.run();
