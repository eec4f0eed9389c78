import { test } from "uvu";
import * as assert from "uvu/assert";
import { Value } from "../../../lib/autodiff";
import { makeMoons } from "../../../lib/models/make-moons";
import {
  initNetwork,
  networkAccuracy,
  networkForward,
  networkGradient,
  networkLoss,
  networkPredict,
  type Network,
} from "../../../lib/models/network";
import { networkGradientCheck, trainNetwork } from "../../../lib/models/network-train";
import { trainLogisticRegression } from "../../../lib/models/train";
import { thrown } from "../derive/helpers";

/** The mean loss of the network built node by node with the autodiff: an oracle for the backward equations that shares none of their code. */
function autodiffGradient(net: Network, X: number[][], t: number[]) {
  const W1 = net.W1.map((row) => row.map((w) => new Value(w)));
  const b1 = net.b1.map((b) => new Value(b));
  const w2 = net.w2.map((w) => new Value(w));
  const b2 = new Value(net.b2);
  let total: Value | null = null;
  X.forEach((x, i) => {
    const h = W1.map((row, k) => {
      const z1 = row.reduce((s: Value, w, j) => s.add(w.mul(x[j])), b1[k]);
      return net.activation === "tanh" ? z1.tanh() : z1.sigmoid();
    });
    const yhat = h.reduce((s: Value, hk, k) => s.add(w2[k].mul(hk)), b2).sigmoid();
    const loss = yhat
      .log()
      .mul(t[i])
      .add(
        yhat
          .neg()
          .add(1)
          .log()
          .mul(1 - t[i]),
      )
      .neg();
    total = total === null ? loss : total.add(loss);
  });
  const J = (total as unknown as Value).div(X.length);
  J.backward();
  return {
    loss: J.data,
    dW1: W1.map((r) => r.map((w) => w.grad)),
    db1: b1.map((b) => b.grad),
    dw2: w2.map((w) => w.grad),
    db2: b2.grad,
  };
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

test("the backward equations equal the autodiff's gradient to 1e-12 relative, for σ and tanh hidden units, on 20 seeded networks", () => {
  const data = makeMoons("network test", 40);
  let worst = 0;
  for (let s = 0; s < 20; s++) {
    const net = initNetwork(`net ${s}`, { hidden: 1 + (s % 6), activation: s % 2 ? "sigmoid" : "tanh" });
    net.b1 = net.b1.map((_, k) => 0.3 * Math.sin(s + k));
    net.b2 = 0.1 * s - 1;
    const hand = networkGradient(net, data);
    const auto = autodiffGradient(net, data.X, data.t);
    assert.ok(rel(hand.loss, auto.loss) < 1e-12, `loss ${hand.loss} vs ${auto.loss}`);
    const pairs: [number, number][] = [
      ...hand.dW1.flatMap((r, k) => r.map((v, j): [number, number] => [v, auto.dW1[k][j]])),
      ...hand.db1.map((v, k): [number, number] => [v, auto.db1[k]]),
      ...hand.dw2.map((v, k): [number, number] => [v, auto.dw2[k]]),
      [hand.db2, auto.db2],
    ];
    for (const [a, b] of pairs) worst = Math.max(worst, rel(a, b));
  }
  assert.ok(worst < 1e-12, `largest relative difference ${worst}`);
});

test("the gradient check of every parameter at a seeded start is below 1e-7, and catches a wrong backward equation", () => {
  const data = makeMoons("stepwise-09", 200);
  for (const activation of ["tanh", "sigmoid"] as const) {
    const net = initNetwork("stepwise-09", { hidden: 8, activation });
    const rows = networkGradientCheck(net, data);
    assert.is(rows.length, 8 * 2 + 8 + 8 + 1);
    assert.equal(
      rows.slice(0, 2).map((r) => r.parameter),
      ["W₁[1,1]", "W₁[1,2]"],
    );
    assert.is(rows[rows.length - 1].parameter, "b₂");
    assert.ok(Math.max(...rows.map((r) => r.relativeError)) <= 1e-7, activation);
    // the same check on the other activation's equations (a′ of the wrong function) fails loudly
    const wrong = networkGradient({ ...net, activation: activation === "tanh" ? "sigmoid" : "tanh" }, data);
    assert.ok(rel(wrong.db1[0], rows.find((r) => r.parameter === "b₁[1]")!.numeric) > 1e-3);
  }
});

test("forward, loss, predictions and accuracy agree with each other", () => {
  const data = makeMoons("forward", 30);
  const net = initNetwork(7, { hidden: 3, activation: "sigmoid" });
  const p = networkForward(net, data.X[0]);
  const z1 = net.W1.map((r, k) => r[0] * data.X[0][0] + r[1] * data.X[0][1] + net.b1[k]);
  assert.equal(p.z1, z1);
  assert.ok(rel(p.yhat, 1 / (1 + Math.exp(-p.z2))) < 1e-15);
  const yhat = networkPredict(net, data.X);
  const loss = yhat.reduce((s, y, i) => s - (data.t[i] ? Math.log(y) : Math.log(1 - y)), 0) / 30;
  assert.ok(rel(networkLoss(net, data), loss) < 1e-12);
  assert.is(networkAccuracy(net, data), yhat.filter((y, i) => (y >= 0.5 ? 1 : 0) === data.t[i]).length / 30);
});

test("two moons: seeded, alternating labels, each class on its half circle; a linear model cannot separate them, the network can", () => {
  const a = makeMoons("stepwise-09", 200);
  assert.equal(makeMoons("stepwise-09", 200), a);
  assert.not.equal(makeMoons("other", 200).X, a.X);
  assert.equal(a.t.slice(0, 4), [0, 1, 0, 1]);
  const clean = makeMoons("clean", 100, { noise: 0 });
  clean.X.forEach((x, i) => {
    const [cx, cy] = clean.t[i] === 0 ? [0, 0] : [1, 0.5];
    assert.ok(Math.abs(Math.hypot(x[0] - cx, x[1] - cy) - 1) < 1e-12);
    assert.ok(clean.t[i] === 0 ? x[1] >= 0 : x[1] <= 0.5);
  });
  const linear = trainLogisticRegression(a, { learningRate: 1, epochs: 2000 });
  const linearAccuracy = linear.history[2000].accuracy;
  assert.ok(linearAccuracy < 0.9, `logistic regression reaches ${linearAccuracy}`);
  const { net, history } = trainNetwork(initNetwork("stepwise-09", { hidden: 8 }), a, {
    learningRate: 0.5,
    epochs: 1500,
    recordEvery: 100,
  });
  assert.equal(
    history.map((r) => r.epoch),
    [0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1300, 1400, 1500],
  );
  assert.ok(history[15].loss < history[0].loss / 4, `loss ${history[0].loss} → ${history[15].loss}`);
  assert.ok(networkAccuracy(net, a) > linearAccuracy + 0.05);
  assert.is(history[15].accuracy, networkAccuracy(net, a));
});

test("bad input is named", () => {
  const data = makeMoons("bad", 10);
  const net = initNetwork("bad", { hidden: 2 });
  assert.match(thrown(() => makeMoons("", 10)).message, /^makeMoons: seed must be a non-empty string/);
  assert.match(thrown(() => makeMoons("s", 1)).message, /^makeMoons: n must be an integer from 2 to 1000000, got 1/);
  assert.match(
    thrown(() => makeMoons("s", 10, { noise: -1 })).message,
    /^makeMoons: opts\.noise must be a finite number ≥ 0, got -1/,
  );
  assert.match(
    thrown(() => initNetwork("s", { hidden: 0 })).message,
    /^initNetwork: opts\.hidden must be an integer from 1 to 1000, got 0/,
  );
  assert.match(
    thrown(() => initNetwork("s", { hidden: 2, activation: "relu" as "tanh" })).message,
    /^initNetwork: opts\.activation must be "sigmoid" or "tanh", got "relu"/,
  );
  assert.match(
    thrown(() => networkGradient({ ...net, b1: [0] }, data)).message,
    /^networkGradient: net\.b1 must have one entry per hidden unit \(2\), got length 1/,
  );
  assert.match(
    thrown(() =>
      networkGradient(
        {
          ...net,
          W1: [
            [1, 2],
            [3, NaN],
          ],
        },
        data,
      ),
    ).message,
    /^networkGradient: net\.W1\[1\]\[1\]/,
  );
  assert.match(
    thrown(() => networkGradient(net, { X: data.X.map((x) => [x[0]]), t: data.t })).message,
    /^networkGradient: data\.X must have 2 features per row/,
  );
  assert.match(
    thrown(() => networkGradient(net, { X: data.X, t: data.t.map(() => 2) })).message,
    /^networkGradient: data\.t\[0\] must be 0 or 1, got 2/,
  );
  assert.match(
    thrown(() => trainNetwork(net, data, { learningRate: 0, epochs: 1 })).message,
    /^trainNetwork: opts\.learningRate/,
  );
  assert.match(thrown(() => networkGradientCheck(net, data, -1)).message, /^networkGradientCheck: h/);
});

test.run();
