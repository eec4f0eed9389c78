import { suite } from "uvu";
import * as assert from "uvu/assert";
import { logisticRegressionGradient, logisticRegressionLoss, logits } from "../../../lib/models";
import { big, close, M, throwsWith } from "../functions/reference";
import { refGradient, refLoss, SMALL } from "./reference";

const W = [0.7, -1.3];
const B = 0.4;

const z = suite("logits");

z("should compute w·x + b for every row", () => {
  const got = logits(W, B, SMALL.X);
  SMALL.X.forEach((x, i) =>
    close(
      got[i],
      big(W[0])
        .times(big(x[0]))
        .plus(big(W[1]).times(big(x[1])))
        .plus(big(B)),
      1e-15,
      `z[${i}]`,
      1e-16,
    ),
  );
});

z("should name the argument that is wrong", () => {
  throwsWith(
    () => logits([1], 0, SMALL.X),
    RangeError,
    /logits: w must have one weight per feature \(2\), got length 1/,
  );
  throwsWith(() => logits(W, NaN, SMALL.X), TypeError, /logits: b must be a number, got NaN/);
});

z.run();

const loss = suite("logisticRegressionLoss");

loss("should equal the 60-digit mean binary cross-entropy", () => {
  for (const [w, b] of [
    [W, B],
    [[0, 0], 0],
    [[3, 2], -1],
  ] as [number[], number][]) {
    close(
      logisticRegressionLoss(w, b, SMALL.X, SMALL.t),
      refLoss(w, b, SMALL.X, SMALL.t),
      1e-14,
      `J at w=${w}, b=${b}`,
    );
  }
});

loss("should be ln 2 at w = 0, b = 0 whatever the data", () => {
  close(logisticRegressionLoss([0, 0], 0, SMALL.X, SMALL.t), M.bignumber(2).ln(), 1e-15, "J(0, 0)");
});

loss("should stay finite and accurate at extreme logits", () => {
  // z = ±1000·x: the naive formula would take log(0); the loss is ≈ mean of |z| over the misclassified.
  const X = [[1], [-1], [1]];
  const t = [1, 1, 0];
  const got = logisticRegressionLoss([1000], 0, X, t);
  close(got, refLoss([1000], 0, X, t), 1e-14, "J at |z| = 1000");
  // Two of three examples are wrong by |z| = 1000 (loss ≈ 1000 each, up to e^−1000), one right.
  close(got, M.bignumber(2000).div(3), 1e-15, "J ≈ 2000/3");
});

loss.run();

const grad = suite("logisticRegressionGradient");

grad("should equal 60-digit central differences of the loss on a small dataset", () => {
  for (const [w, b] of [
    [W, B],
    [[0, 0], 0],
    [[3, 2], -1],
    [[-0.25, 0.5], 2],
  ] as [number[], number][]) {
    const g = logisticRegressionGradient(w, b, SMALL.X, SMALL.t);
    const ref = refGradient(w, b, SMALL.X, SMALL.t);
    close(g.dw[0], ref[0], 1e-13, `∂J/∂w₁ at ${w}, ${b}`, 1e-16);
    close(g.dw[1], ref[1], 1e-13, `∂J/∂w₂ at ${w}, ${b}`, 1e-16);
    close(g.db, ref[2], 1e-13, `∂J/∂b at ${w}, ${b}`, 1e-16);
    close(g.loss, refLoss(w, b, SMALL.X, SMALL.t), 1e-14, `J at ${w}, ${b}`);
  }
});

grad("should work for any number of features", () => {
  const X = [
    [1, 2, 3],
    [-1, 0.5, 2],
    [0, -2, 1],
  ];
  const t = [1, 0, 0];
  const w = [0.3, -0.2, 0.1];
  const g = logisticRegressionGradient(w, -0.5, X, t);
  const ref = refGradient(w, -0.5, X, t);
  assert.is(g.dw.length, 3);
  g.dw.forEach((v, j) => close(v, ref[j], 1e-13, `∂J/∂w${j + 1}`, 1e-16));
  close(g.db, ref[3], 1e-13, "∂J/∂b", 1e-16);
});

grad("should throw errors that name the failing argument and value", () => {
  const f = (w: unknown, b: unknown, X: unknown, t: unknown) => () =>
    logisticRegressionGradient(w as number[], b as number, X as number[][], t as number[]);
  throwsWith(f(W, B, "X", SMALL.t), TypeError, /logisticRegressionGradient: X must be an array of numbers, got "X"/);
  throwsWith(f(W, B, [], []), RangeError, /X must have at least one row, got 0 rows/);
  throwsWith(
    f(W, B, [[1, 2], [3]], [0, 1]),
    RangeError,
    /every row of X must have length 2 \(as X\[0\]\), got X\[1\] of length 1/,
  );
  throwsWith(
    f(
      W,
      B,
      [
        [1, 2],
        [3, Infinity],
      ],
      [0, 1],
    ),
    RangeError,
    /X\[1\]\[1\] must be finite, got Infinity/,
  );
  throwsWith(
    f(
      W,
      B,
      [
        [1, 2],
        [3, "4"],
      ],
      [0, 1],
    ),
    TypeError,
    /X\[1\]\[1\] must be a number, got "4"/,
  );
  throwsWith(f(W, B, SMALL.X, [0, 1]), RangeError, /t must have one label per row of X \(6\), got length 2/);
  throwsWith(f(W, B, SMALL.X, [0, 1, 0, 1, 0, 0.5]), RangeError, /t\[5\] must be 0 or 1, got 0.5/);
  throwsWith(f(W, B, SMALL.X, [0, 1, 0, 1, 0, NaN]), TypeError, /t\[5\] must be a number, got NaN/);
  throwsWith(f([1, 2, 3], B, SMALL.X, SMALL.t), RangeError, /w must have one weight per feature \(2\), got length 3/);
  throwsWith(f([1, -Infinity], B, SMALL.X, SMALL.t), RangeError, /w\[1\] must be finite, got -Infinity/);
  throwsWith(f(W, Infinity, SMALL.X, SMALL.t), RangeError, /b must be finite, got Infinity/);
});

grad.run();
