// The autodiff on random expressions: its gradient against central differences (every
// expression) and against SymPy's symbolic derivative evaluated in 30 digits (an independent
// oracle, from .venv's Python), on a seeded corpus generated here.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import seedrandom from "seedrandom";
import { centralDifference } from "../../../lib/functions";
import { ROOT } from "../../shared";
import { buildValue, evaluatePlain } from "./helpers";

/** An expression tree rendered both in mathjs syntax and in SymPy's. */
interface Expr {
  mathjs: string;
  sympy: string;
}

const VARS = ["a", "b", "c"];

/**
 * A random expression of the given depth over a, b, c and small constants, using every
 * operation of the autodiff; log, ÷ and fractional powers get arguments kept positive
 * (u² + 0.5, softplus), exp gets a bounded argument (tanh), so every draw is defined on the box.
 */
function randomExpr(rng: () => number, depth: number): Expr {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
  if (depth === 0 || rng() < 0.15) {
    if (rng() < 0.8) {
      const v = pick(VARS);
      return { mathjs: v, sympy: v };
    }
    const k = pick(["0.5", "2", "1.5", "3"]);
    return { mathjs: k, sympy: k };
  }
  const u = randomExpr(rng, depth - 1);
  const positive = (e: Expr): Expr => ({ mathjs: `((${e.mathjs})^2 + 0.5)`, sympy: `((${e.sympy})**2 + 0.5)` });
  switch (pick(["add", "sub", "mul", "div", "pow", "powv", "neg", "exp", "log", "sigma", "tanh", "softplus"])) {
    case "add": {
      const v = randomExpr(rng, depth - 1);
      return { mathjs: `(${u.mathjs} + ${v.mathjs})`, sympy: `(${u.sympy} + ${v.sympy})` };
    }
    case "sub": {
      const v = randomExpr(rng, depth - 1);
      return { mathjs: `(${u.mathjs} - ${v.mathjs})`, sympy: `(${u.sympy} - ${v.sympy})` };
    }
    case "mul": {
      const v = randomExpr(rng, depth - 1);
      return { mathjs: `(${u.mathjs} * ${v.mathjs})`, sympy: `(${u.sympy} * ${v.sympy})` };
    }
    case "div": {
      const v = positive(randomExpr(rng, depth - 1));
      return { mathjs: `(${u.mathjs} / ${v.mathjs})`, sympy: `(${u.sympy} / ${v.sympy})` };
    }
    case "pow": {
      const k = pick(["2", "3", "-1", "0.5", "-1.5"]);
      const base = Number(k) === Math.trunc(Number(k)) && Number(k) > 0 ? u : positive(u);
      return { mathjs: `(${base.mathjs})^(${k})`, sympy: `(${base.sympy})**(${k})` };
    }
    case "powv": {
      const base = positive(u);
      const v = randomExpr(rng, depth - 1);
      return { mathjs: `(${base.mathjs})^(tanh(${v.mathjs}))`, sympy: `(${base.sympy})**(tanh(${v.sympy}))` };
    }
    case "neg":
      return { mathjs: `(-${u.mathjs})`, sympy: `(-${u.sympy})` };
    case "exp":
      return { mathjs: `e^(tanh(${u.mathjs}))`, sympy: `exp(tanh(${u.sympy}))` };
    case "log": {
      const p = positive(u);
      return { mathjs: `log(${p.mathjs})`, sympy: `log(${p.sympy})` };
    }
    case "sigma":
      return { mathjs: `sigma(${u.mathjs})`, sympy: `(1/(1 + exp(-(${u.sympy}))))` };
    case "tanh":
      return { mathjs: `tanh(${u.mathjs})`, sympy: `tanh(${u.sympy})` };
    default:
      return { mathjs: `softplus(${u.mathjs})`, sympy: `log(1 + exp(${u.sympy}))` };
  }
}

interface Case {
  expr: Expr;
  point: Record<string, number>;
  grad: Record<string, number>;
}

/** The corpus: 200 seeded expressions of depth ≤ 4, each at one point of (−1.5, 1.5)³, with the autodiff's gradient. */
function corpus(): Case[] {
  const rng = seedrandom("autodiff random expressions");
  const cases: Case[] = [];
  while (cases.length < 200) {
    const expr = randomExpr(rng, 1 + Math.floor(rng() * 4));
    const point = Object.fromEntries(VARS.map((v) => [v, -1.5 + 3 * rng()]));
    const { out, inputs } = buildValue(expr.mathjs, point);
    out.backward();
    cases.push({ expr, point, grad: Object.fromEntries(VARS.map((v) => [v, inputs[v].grad])) });
  }
  return cases;
}

const CASES = corpus();

test("the corpus covers every operation", () => {
  const all = CASES.map((c) => c.expr.mathjs).join(" ");
  for (const op of [
    " + ",
    " - ",
    " * ",
    " / ",
    "^(2)",
    "^(-1.5)",
    "^(tanh",
    "(-",
    "e^(",
    "log(",
    "sigma(",
    "tanh(",
    "softplus(",
  ]) {
    assert.ok(all.includes(op), `no expression uses ${op}`);
  }
});

test("the autodiff agrees with central differences on 200 random expressions (relative 1e-6)", () => {
  let worst = 0;
  for (const c of CASES) {
    for (const v of VARS) {
      const along = (x: number) =>
        evaluatePlain(c.expr.mathjs.replace(/softplus\(/g, "log1p_exp("), {
          ...c.point,
          [v]: x,
          log1p_exp: ((u: number) => Math.log1p(Math.exp(u))) as unknown as number,
        });
      const numeric = centralDifference(along, c.point[v], 1e-5);
      const error = Math.abs(numeric - c.grad[v]) / Math.max(1, Math.abs(numeric));
      worst = Math.max(worst, error);
      assert.ok(
        error < 1e-6,
        `${c.expr.mathjs} by ${v} at ${JSON.stringify(c.point)}: autodiff ${c.grad[v]}, central difference ${numeric}`,
      );
    }
  }
  assert.ok(worst > 0, "central differences that agree exactly everywhere: the comparison is not running");
});

const PYTHON = path.join(ROOT, ".venv", "bin", "python");
const SYMPY = `
import json, sys
import sympy as sp
cases = json.load(sys.stdin)
a, b, c = sp.symbols("a b c")
out = []
for case in cases:
    f = sp.sympify(case["expr"], locals={"a": a, "b": b, "c": c})
    subs = {a: sp.Float(repr(case["point"]["a"]), 40), b: sp.Float(repr(case["point"]["b"]), 40), c: sp.Float(repr(case["point"]["c"]), 40)}
    out.append({v: str(sp.diff(f, s).evalf(30, subs=subs)) for v, s in (("a", a), ("b", b), ("c", c))})
print(json.dumps(out))
`;

test("the autodiff agrees with SymPy's derivatives on 200 random expressions (relative 1e-12, absolute below 1e-12)", () => {
  if (!existsSync(PYTHON)) {
    console.log(`  skipped: no ${PYTHON} (run node scripts/setup.mjs)`);
    return;
  }
  const r = spawnSync(PYTHON, ["-c", SYMPY], {
    input: JSON.stringify(CASES.map((c) => ({ expr: c.expr.sympy, point: c.point }))),
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  assert.is(r.status, 0, r.stderr);
  const exact = JSON.parse(r.stdout) as Record<string, string>[];
  assert.is(exact.length, CASES.length);
  let worst = 0;
  CASES.forEach((c, k) => {
    for (const v of VARS) {
      const want = Number(exact[k][v]);
      const error = Math.abs(want - c.grad[v]) / Math.max(1, Math.abs(want));
      worst = Math.max(worst, error);
      assert.ok(
        error < 1e-12,
        `${c.expr.mathjs} by ${v} at ${JSON.stringify(c.point)}: autodiff ${c.grad[v]}, SymPy ${exact[k][v]}`,
      );
    }
  });
  console.log(`  largest error against SymPy: ${worst.toExponential(2)}`);
});

test.run();
