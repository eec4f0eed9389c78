import { suite } from "uvu";
import * as assert from "uvu/assert";
import { makeBlobs, trainLogisticRegression } from "../../../lib/models";
import { big, close, M, throwsWith } from "../functions/reference";
import { refGradient, refLoss, SMALL } from "./reference";

const s = suite("trainLogisticRegression");
const NOTEBOOK = { seed: "stepwise-06", n: 200, learningRate: 0.5, epochs: 500, init: { w: [0.2, -0.3], b: 0.1 } };

s("should reproduce the notebook's run exactly (regression pin, values recorded from a first run)", () => {
  const data = makeBlobs(NOTEBOOK.seed, NOTEBOOK.n);
  const r = trainLogisticRegression(data, NOTEBOOK);
  const last = r.history[NOTEBOOK.epochs];
  assert.ok(Math.abs(last.loss - 0.20008176373749567) < 1e-12, `final loss ${last.loss}`);
  assert.is(last.accuracy, 0.905);
  assert.ok(Math.abs(r.w[0] - 1.7473677765008317) < 1e-12, `w₁ ${r.w[0]}`);
  assert.ok(Math.abs(r.w[1] - 2.1800380191267013) < 1e-12, `w₂ ${r.w[1]}`);
  assert.ok(Math.abs(r.b - 0.1330502624231699) < 1e-12, `b ${r.b}`);
});

s("should converge on the notebook's data: the 60-digit gradient at the result is ~0", () => {
  const data = makeBlobs(NOTEBOOK.seed, NOTEBOOK.n);
  const r = trainLogisticRegression(data, NOTEBOOK);
  const g = refGradient(r.w, r.b, data.X, data.t);
  const norm = M.sqrt(g.reduce((acc, v) => acc.plus(v.times(v)), M.bignumber(0)));
  assert.ok(norm.lt(1e-4), `gradient norm ${norm.toPrecision(3)}`);
  close(
    r.history[NOTEBOOK.epochs].loss,
    refLoss(r.w, r.b, data.X, data.t),
    1e-13,
    "final loss against the 60-digit loss",
  );
});

s("should be deterministic: the same data and options give identical results", () => {
  const a = trainLogisticRegression(makeBlobs("det", 60), { learningRate: 0.3, epochs: 40 });
  const b = trainLogisticRegression(makeBlobs("det", 60), { learningRate: 0.3, epochs: 40 });
  assert.equal(a, b);
});

s("should decrease the loss at every step when η ≤ 4/trace(M) (descent lemma)", () => {
  // J is L-smooth with L = λ_max(M)/4 ≤ trace(M)/4, M = mean of x̃x̃ᵀ over x̃ = (x₁, x₂, 1), since σ′ ≤ 1/4;
  // gradient descent with η ≤ 1/L decreases J at every step until the gradient vanishes.
  for (const seed of ["stepwise-06", "monotone"]) {
    const data = makeBlobs(seed, 200);
    const trace = data.X.reduce((acc, x) => acc + x[0] ** 2 + x[1] ** 2 + 1, 0) / data.X.length;
    const { history } = trainLogisticRegression(data, { learningRate: 4 / trace, epochs: 100 });
    for (let k = 1; k < history.length; k++) {
      assert.ok(
        history[k].loss < history[k - 1].loss,
        `${seed}: loss rose at epoch ${k}: ${history[k - 1].loss} → ${history[k].loss}`,
      );
    }
  }
});

s("should classify well-separated blobs with accuracy above 0.9", () => {
  const data = makeBlobs("separable", 200, {
    centers: [
      [-3, -3],
      [3, 3],
    ],
    spread: 1,
  });
  const { history } = trainLogisticRegression(data, { learningRate: 0.5, epochs: 100 });
  assert.ok(history[100].accuracy > 0.9, `accuracy ${history[100].accuracy}`);
  assert.ok(history[100].loss < 0.05, `loss ${history[100].loss}`);
});

s("should record epochs 0 … epochs, starting from the initial parameters", () => {
  const init = { w: [0.7, -1.3], b: 0.4 };
  const { history } = trainLogisticRegression(SMALL, { learningRate: 0.1, epochs: 3, init });
  assert.equal(
    history.map((h) => h.epoch),
    [0, 1, 2, 3],
  );
  close(history[0].loss, refLoss(init.w, init.b, SMALL.X, SMALL.t), 1e-14, "loss at epoch 0");
  assert.equal(init, { w: [0.7, -1.3], b: 0.4 }, "init must not be modified");
});

s("should take one step w − η·∂J/∂w, b − η·∂J/∂b per epoch", () => {
  const eta = 0.25;
  const r = trainLogisticRegression(SMALL, { learningRate: eta, epochs: 1, init: { w: [0.7, -1.3], b: 0.4 } });
  const g = refGradient([0.7, -1.3], 0.4, SMALL.X, SMALL.t);
  close(r.w[0], big(0.7).minus(g[0].times(eta)), 1e-15, "w₁ after one step");
  close(r.w[1], big(-1.3).minus(g[1].times(eta)), 1e-15, "w₂ after one step");
  close(r.b, big(0.4).minus(g[2].times(eta)), 1e-15, "b after one step");
  close(r.history[1].loss, refLoss(r.w, r.b, SMALL.X, SMALL.t), 1e-14, "loss after one step");
});

s("should start from w = 0, b = 0 by default: loss ln 2, σ′ = 0.25 everywhere, every prediction 1", () => {
  const r = trainLogisticRegression(SMALL, { learningRate: 0.1, epochs: 0 });
  assert.equal(r.w, [0, 0]);
  assert.is(r.b, 0);
  assert.is(r.history.length, 1);
  close(r.history[0].loss, M.bignumber(2).ln(), 1e-15, "ln 2");
  assert.equal(r.history[0].sigmoidSlope, { mean: 0.25, p10: 0.25, median: 0.25, p90: 0.25 });
  assert.is(r.history[0].accuracy, 0.5); // z = 0 predicts class 1; half of SMALL's labels are 1
});

s("should summarise σ′ of the logits: mean and median against 60-digit values", () => {
  const data = makeBlobs("slopes", 40);
  const r = trainLogisticRegression(data, { learningRate: 0.5, epochs: 30 });
  // σ′(z) = σ(z)·σ(−z) = e^(−z) / (1 + e^(−z))², at 60 digits
  const slopes = data.X.map((x) => {
    const z = big(r.w[0])
      .times(big(x[0]))
      .plus(big(r.w[1]).times(big(x[1])))
      .plus(big(r.b));
    const e = z.neg().exp();
    return e.div(e.plus(1).pow(2));
  });
  const mean = slopes.reduce((a, v) => a.plus(v), M.bignumber(0)).div(slopes.length);
  const sorted = [...slopes].sort((a, b) => a.comparedTo(b));
  const median = sorted[19].plus(sorted[20]).div(2);
  const summary = r.history[30].sigmoidSlope;
  close(summary.mean, mean, 1e-12, "mean σ′");
  close(summary.median, median, 1e-12, "median σ′");
  assert.ok(summary.p10 <= summary.median && summary.median <= summary.p90 && summary.p90 <= 0.25);
});

s("should throw errors that name the failing option or data field", () => {
  const train = (data: unknown, opts: unknown) => () => trainLogisticRegression(data as never, opts as never);
  const ok = { learningRate: 0.1, epochs: 5 };
  throwsWith(train(null, ok), TypeError, /trainLogisticRegression: data must be \{ X, t \}, got null/);
  throwsWith(
    train(
      {
        X: [
          [1, 2],
          [3, NaN],
        ],
        t: [0, 1],
      },
      ok,
    ),
    TypeError,
    /data\.X\[1\]\[1\] must be a number, got NaN/,
  );
  throwsWith(train({ X: [[1, 2]], t: [2] }, ok), RangeError, /data\.t\[0\] must be 0 or 1, got 2/);
  throwsWith(train(SMALL, { ...ok, learningRate: 0 }), RangeError, /learningRate must be > 0, got 0/);
  throwsWith(train(SMALL, { ...ok, learningRate: Infinity }), RangeError, /learningRate must be finite, got Infinity/);
  throwsWith(
    train(SMALL, { ...ok, learningRate: undefined }),
    TypeError,
    /learningRate must be a number, got undefined/,
  );
  throwsWith(
    train(SMALL, { ...ok, epochs: -1 }),
    RangeError,
    /opts\.epochs must be an integer from 0 to 1000000, got -1/,
  );
  throwsWith(
    train(SMALL, { ...ok, epochs: 2.5 }),
    RangeError,
    /opts\.epochs must be an integer from 0 to 1000000, got 2.5/,
  );
  throwsWith(
    train(SMALL, { ...ok, epochs: 1e9 }),
    RangeError,
    /opts\.epochs must be an integer from 0 to 1000000, got 1000000000/,
  );
  throwsWith(train(SMALL, { ...ok, init: "zero" }), TypeError, /opts\.init must be an object, got "zero"/);
  throwsWith(
    train(SMALL, { ...ok, init: { w: [1], b: 0 } }),
    RangeError,
    /init\.w must have one weight per feature \(2\), got length 1/,
  );
  throwsWith(train(SMALL, { ...ok, init: { w: [1, 2], b: NaN } }), TypeError, /init\.b must be a number, got NaN/);
  throwsWith(train(SMALL, null), TypeError, /opts must be an object, got null/);
});

s.run();
