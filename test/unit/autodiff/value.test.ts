import { test } from "uvu";
import * as assert from "uvu/assert";
import seedrandom from "seedrandom";
import { computationGraph, LOCAL_RULES, Value, type Operation } from "../../../lib/autodiff";
import { derive } from "../../../lib/derive";
import { thrown } from "../derive/helpers";
import { buildValue, evaluatePlain } from "./helpers";

/** |a − b| relative to the larger of |a|, |b| and 1e-300. */
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

/**
 * The tutorials' functions and the derivatives they derive, each with its domain. The closed
 * forms are checked by the verifier below, then the autodiff must reproduce them.
 */
const TUTORIAL_FUNCTIONS: {
  name: string;
  f: string;
  wrt: string;
  derivative: string;
  domain: Record<string, string>;
}[] = [
  {
    name: "σ (02, 03)",
    f: "1 / (1 + e^(-x))",
    wrt: "x",
    derivative: "sigma(x) * (1 - sigma(x))",
    domain: { x: "(-10, 10)" },
  },
  { name: "σ as a node", f: "sigma(x)", wrt: "x", derivative: "sigma(x) * (1 - sigma(x))", domain: { x: "(-10, 10)" } },
  {
    name: "binary cross-entropy by ŷ (04)",
    f: "-(t * log(yhat) + (1 - t) * log(1 - yhat))",
    wrt: "yhat",
    derivative: "(yhat - t) / (yhat * (1 - yhat))",
    domain: { yhat: "(0.01, 0.99)", t: "[0, 1]" },
  },
  {
    name: "binary cross-entropy by z (05)",
    f: "-(t * log(sigma(z)) + (1 - t) * log(1 - sigma(z)))",
    wrt: "z",
    derivative: "sigma(z) - t",
    domain: { z: "(-8, 8)", t: "[0, 1]" },
  },
  {
    name: "logistic regression by w₁ (06)",
    f: "-(t * log(sigma(w1 * x1 + w2 * x2 + b)) + (1 - t) * log(1 - sigma(w1 * x1 + w2 * x2 + b)))",
    wrt: "w1",
    derivative: "(sigma(w1 * x1 + w2 * x2 + b) - t) * x1",
    domain: { w1: "(-2, 2)", w2: "(-2, 2)", b: "(-2, 2)", x1: "(-2, 2)", x2: "(-2, 2)", t: "[0, 1]" },
  },
  {
    name: "softmax p₁ by z₂ (07)",
    f: "e^z1 / (e^z1 + e^z2 + e^z3)",
    wrt: "z2",
    derivative: "-(e^z1 / (e^z1 + e^z2 + e^z3)) * (e^z2 / (e^z1 + e^z2 + e^z3))",
    domain: { z1: "(-4, 4)", z2: "(-4, 4)", z3: "(-4, 4)" },
  },
  {
    name: "softmax cross-entropy by z₁ (07)",
    f: "-(t1 * log(e^z1 / (e^z1 + e^z2)) + (1 - t1) * log(e^z2 / (e^z1 + e^z2)))",
    wrt: "z1",
    derivative: "e^z1 / (e^z1 + e^z2) - t1",
    domain: { z1: "(-4, 4)", z2: "(-4, 4)", t1: "[0, 1]" },
  },
  { name: "tanh (08)", f: "tanh(x)", wrt: "x", derivative: "1 - tanh(x)^2", domain: { x: "(-3, 3)" } },
  {
    name: "tanh by exponentials (08)",
    f: "(e^x - e^(-x)) / (e^x + e^(-x))",
    wrt: "x",
    derivative: "1 - tanh(x)^2",
    domain: { x: "(-3, 3)" },
  },
  {
    name: "mean squared error (08)",
    f: "((yhat1 - t1)^2 + (yhat2 - t2)^2) / 2",
    wrt: "yhat1",
    derivative: "yhat1 - t1",
    domain: { yhat1: "(-2, 2)", yhat2: "(-2, 2)", t1: "(-2, 2)", t2: "(-2, 2)" },
  },
  { name: "softplus (08)", f: "log(1 + e^x)", wrt: "x", derivative: "sigma(x)", domain: { x: "(-10, 10)" } },
  {
    name: "swish (08)",
    f: "x * sigma(x)",
    wrt: "x",
    derivative: "sigma(x) * (1 + x * (1 - sigma(x)))",
    domain: { x: "(-10, 10)" },
  },
  { name: "log σ (08)", f: "log(sigma(x))", wrt: "x", derivative: "1 - sigma(x)", domain: { x: "(-10, 10)" } },
];

/** A point drawn uniformly from each variable's interval (bounds parsed from "(a, b)" or "[a, b]"). */
function drawPoint(domain: Record<string, string>, rng: () => number): Record<string, number> {
  const point: Record<string, number> = {};
  for (const [k, text] of Object.entries(domain)) {
    const [lo, hi] = text.slice(1, -1).split(",").map(Number);
    point[k] = lo + (hi - lo) * (0.001 + 0.998 * rng());
  }
  return point;
}

test("the autodiff's gradient of every tutorial function equals its verified derivative at 200 points each", () => {
  const rng = seedrandom("autodiff tutorial functions");
  for (const c of TUTORIAL_FUNCTIONS) {
    const verdict = derive(c.name, { name: "f", f: c.f, wrt: c.wrt, domain: c.domain })
      .differentiate(c.derivative, "closed form")
      .verify();
    assert.ok(verdict.ok, `${c.name}: the closed form ${c.derivative} is not verified`);
    let worst = 0;
    for (let k = 0; k < 200; k++) {
      const point = drawPoint(c.domain, rng);
      const { out, inputs } = buildValue(c.f, point);
      assert.ok(
        relative(out.data, evaluatePlain(c.f, point)) < 1e-12,
        `${c.name}: the value at ${JSON.stringify(point)}`,
      );
      out.backward();
      worst = Math.max(worst, relative(inputs[c.wrt].grad, evaluatePlain(c.derivative, point)));
    }
    assert.ok(worst < 1e-9, `${c.name}: largest relative error ${worst}`);
  }
});

test("every local rule's partials equal its formulas, and the verifier proves each formula is the partial derivative", () => {
  const rng = seedrandom("local rules");
  for (const [op, rule] of Object.entries(LOCAL_RULES) as [Operation, (typeof LOCAL_RULES)[Operation]][]) {
    const names = rule.partialFormulas.length === 2 ? ["u", "v"] : ["u"];
    const domain: Record<string, string> =
      op === "pow"
        ? { u: "(0.1, 3)", v: "(-2, 2)" }
        : op === "log"
          ? { u: "(0.1, 5)" }
          : op === "div"
            ? { u: "(-3, 3)", v: "(0.5, 3)" }
            : { u: "(-3, 3)", v: "(-3, 3)" };
    names.forEach((wrt, i) => {
      const head = { name: op, f: rule.formula, wrt, domain: Object.fromEntries(names.map((n) => [n, domain[n]])) };
      assert.ok(
        derive(`∂${op}/∂${wrt}`, head).differentiate(rule.partialFormulas[i], rule.rule).verify().ok,
        `${op}: ${rule.partialFormulas[i]} by ${wrt}`,
      );
    });
    for (let k = 0; k < 50; k++) {
      const point = drawPoint(Object.fromEntries(names.map((n) => [n, domain[n]])), rng);
      const args = names.map((n) => point[n]);
      const out = rule.value(args);
      assert.ok(relative(out, evaluatePlain(rule.formula, point)) < 1e-13, `${op} value at ${args}`);
      rule.partials(args, out).forEach((p, i) => {
        assert.ok(
          relative(p, evaluatePlain(rule.partialFormulas[i], point)) < 1e-12,
          `${op} partial ${i + 1} at ${args}: ${p}`,
        );
      });
    }
  }
});

test("a value used twice gets the sum over both paths", () => {
  const x = new Value(0.7, "x");
  const y = x.mul(x).add(x.sigmoid()); // x² + σ(x)
  y.backward();
  const s = 1 / (1 + Math.exp(-0.7));
  assert.ok(relative(x.grad, 2 * 0.7 + s * (1 - s)) < 1e-15, `grad ${x.grad}`);
});

test("constants, number operands and constant powers: gradient only to the Values", () => {
  const x = new Value(-1.5, "x");
  const y = x.pow(3).mul(2).sub(1).div(4).neg(); // −(2x³ − 1)/4
  y.backward();
  assert.is(y.data, -(2 * (-1.5) ** 3 - 1) / 4);
  assert.is(x.grad, -(6 * 1.5 ** 2) / 4);
  const u = new Value(2, "u");
  const v = new Value(0.5, "v");
  const w = u.pow(v); // ∂/∂u = v u^(v−1), ∂/∂v = u^v log u
  w.backward();
  assert.ok(relative(u.grad, 0.5 * 2 ** -0.5) < 1e-15);
  assert.ok(relative(v.grad, Math.SQRT2 * Math.log(2)) < 1e-15);
});

test("backward visits inputs after every node that uses them (reverse topological order)", () => {
  const a = new Value(0.3, "a");
  const b = a.exp();
  const c = a.mul(b).add(b.log()).tanh();
  const order = c.backward();
  const position = new Map(order.map((v, i) => [v, i]));
  for (const v of order) for (const u of v.inputs) assert.ok(position.get(u)! < position.get(v)!, `${u} after ${v}`);
  assert.is(order[order.length - 1], c);
  assert.is(new Set(order).size, order.length);
});

test("a deep chain (20 000 operations) goes through backward without a stack overflow", () => {
  let v = new Value(0.5, "x");
  const x = v;
  for (let k = 0; k < 20_000; k++) v = v.mul(1);
  v.backward();
  assert.is(x.grad, 1);
});

test("a value used after backward() is refused, naming it", () => {
  const w = new Value(0.2, "w");
  const loss = w.mul(3).sigmoid();
  loss.backward();
  const e = thrown(() => w.add(1));
  assert.match(e.message, /Value\.add: w \(value 0\.2\) was used after backward\(\)/);
  assert.match(thrown(() => loss.backward()).message, /backward\(\): σ \(value [\d.]+\) was used after backward\(\)/);
  assert.ok(w.used);
  // the gradient stays readable
  assert.ok(relative(w.grad, (3 * Math.exp(-0.6)) / (1 + Math.exp(-0.6)) ** 2) < 1e-15);
});

test("a non-finite input or result is refused, naming the operation and the numbers", () => {
  for (const bad of [NaN, Infinity, -Infinity]) {
    assert.match(thrown(() => new Value(bad)).message, /^new Value: data must be a finite number, got/);
    assert.match(thrown(() => new Value(1).add(bad)).message, /^Value\.add: operand 2 must be a finite number/);
  }
  assert.match(thrown(() => new Value("1" as unknown as number)).message, /^new Value: data must be a number, got "1"/);
  assert.match(thrown(() => new Value(-1).log()).message, /^Value\.log: log\(-1\) is NaN, not a finite number/);
  assert.match(thrown(() => new Value(0).log()).message, /^Value\.log: log\(0\) is -Infinity/);
  assert.match(thrown(() => new Value(1).div(0)).message, /^Value\.div: div\(1, 0\) is Infinity/);
  assert.match(thrown(() => new Value(800).exp()).message, /^Value\.exp: exp\(800\) is Infinity/);
  assert.match(thrown(() => new Value(-2).pow(0.5)).message, /^Value\.pow: pow\(-2, 0\.5\) is NaN/);
  assert.match(thrown(() => new Value(-2).pow(new Value(2))).message, /needs a base > 0/);
  assert.match(thrown(() => new Value(0).pow(-1)).message, /^Value\.pow: pow\(0, -1\) is Infinity/);
});

test("σ and softplus stay finite at extreme inputs", () => {
  const z = new Value(-800);
  const y = z.softplus().add(z.sigmoid());
  y.backward();
  assert.is(y.data, 0);
  assert.is(z.grad, 0);
  const big = new Value(800);
  const s = big.softplus();
  s.backward();
  assert.is(s.data, 800);
  assert.is(big.grad, 1);
});

test("computationGraph lists each node once with its value, gradient, inputs and depth", () => {
  const x = new Value(2, "x");
  const w = new Value(-0.5, "w");
  const y = x.mul(w).add(1).sigmoid();
  y.backward();
  const g = computationGraph(y);
  assert.equal(
    g.map((n) => n.name),
    ["x", "w", "×", "1", "+", "σ"],
  );
  assert.equal(
    g.map((n) => n.depth),
    [0, 0, 1, 0, 2, 3],
  );
  assert.equal(g[4].inputs, [2, 3]);
  assert.is(g[5].data, 0.5);
  assert.is(g[5].grad, 1);
  assert.is(g[4].grad, 0.25);
  assert.is(g[0].grad, -0.125);
  assert.is(g[1].grad, 0.5);
  assert.match(
    thrown(() => computationGraph(3 as unknown as Value)).message,
    /computationGraph: root must be a Value, got number/,
  );
});

test.run();
