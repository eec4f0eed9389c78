/**
 * A slip is named the same whichever way the learner writes the signs (a new user's finding):
 * for f = −(t·log ŷ + (1 − t)·log(1 − ŷ)) the step −t/ŷ was named constant-not-zero ("the
 * constant 1 differentiates to 0, not to 1"), which gives the same value, and sum-term-dropped
 * only among the others; −(t/ŷ) was named right. Here, generated: f = ±(a + b) for pairs of
 * terms, the step the derivative of one term only, written in several sign styles (−d, −(d),
 * (−1)·(d), 0 − (d), −(d) + 0, the inner minus cancelled …); each step's value is checked by SymPy
 * (it is ±a′, and the dropped term's derivative b′ is not 0), and each must be named
 * sum-term-dropped first.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import seedrandom from "seedrandom";
import { derive } from "../../../../lib/derive";
import { pythonJson } from "../../python-oracle";

const test = suite("diagnose: a dropped term is named so whatever the sign style");

/** A term of x (and t), with its derivative as a learner writes it. */
const TERMS: [term: string, derivative: string][] = [
  ["x^2", "2*x"],
  ["x^3", "3*x^2"],
  ["sin(x)", "cos(x)"],
  ["cos(x)", "-sin(x)"],
  ["e^x", "e^x"],
  ["log(x)", "1/x"],
  ["sin(2 - x)", "-cos(2 - x)"],
  ["t * log(x)", "t/x"],
  ["(1 - t) * log(1 - x)", "-(1 - t)/(1 - x)"],
  ["1/x", "-1/x^2"],
  ["sqrt(x)", "1/(2*sqrt(x))"],
  ["e^(-x)", "-e^(-x)"],
  ["log(1 + x)", "1/(1 + x)"],
];

/** The step −d written in several styles (each a product, quotient, power or call d, or −such). */
const NEGATIVE: ((d: string) => string)[] = [
  (d) => `-(${d})`,
  (d) => (d.startsWith("-") ? d.slice(1) : `-${d}`),
  (d) => `(-1)*(${d})`,
  (d) => `-1*(${d})`,
  (d) => `0 - (${d})`,
  (d) => `-(${d}) + 0`,
  (d) => `(${d})*(-1)`,
];
/** The step d written in several styles. */
const POSITIVE: ((d: string) => string)[] = [
  (d) => d,
  (d) => `${d} + 0`,
  (d) => `1*(${d})`,
  (d) => `-(-(${d}))`,
  (d) => `0 + (${d})`,
];

interface Case {
  f: string;
  step: string;
  kept: string;
  dropped: string;
  sign: 1 | -1;
}

/** Seeded cases: every pair of terms, each way round and each sign, one style each (round robin). */
/** No time budget for the diagnosis: what it names must not depend on the machine's speed. */
const UNBOUNDED = { diagnosisBudgetMs: Number.POSITIVE_INFINITY };

function cases(): Case[] {
  const rnd = seedrandom("sign-styles");
  const out: Case[] = [];
  let k = 0;
  for (let i = 0; i < TERMS.length; i++)
    for (let j = i + 1; j < TERMS.length; j++)
      for (const keepFirst of [true, false])
        for (const sign of [-1, 1] as const) {
          if (rnd() > 0.5) continue;
          const [a, b] = [TERMS[i], TERMS[j]];
          const [kept, dropped] = keepFirst ? [a, b] : [b, a];
          const styles = sign === -1 ? NEGATIVE : POSITIVE;
          const step = styles[k++ % styles.length](kept[1]);
          const sum = `${a[0]} + ${b[0]}`;
          out.push({ f: sign === -1 ? `-(${sum})` : sum, step, kept: kept[0], dropped: dropped[0], sign });
        }
  return out;
}

/** SymPy: each step is sign·kept′ and the dropped term's derivative is not 0 (see the module comment). */
const SYMPY = `
import json, sys
from sympy import E, diff, simplify, symbols, sympify, log, sin, cos, sqrt
x, t = symbols("x t", positive=True)
ns = {"x": x, "t": t, "e": E, "log": log, "sin": sin, "cos": cos, "sqrt": sqrt}
read = lambda s: sympify(s.replace("^", "**"), locals=ns)
out = []
for c in json.load(sys.stdin):
    step, kept, dropped = read(c["step"]), read(c["kept"]), read(c["dropped"])
    out.append(simplify(step - c["sign"] * diff(kept, x)) == 0 and simplify(diff(dropped, x)) != 0)
print(json.dumps(out))
`;

test("the derivative of one term of ±(a + b), in any sign style, is named sum-term-dropped", () => {
  const all = cases();
  assert.ok(all.length >= 100, `${all.length} cases`);
  assert.ok(
    all.filter((c) => c.sign === -1).length >= 50,
    `${all.filter((c) => c.sign === -1).length} cases with the outer minus`,
  );
  const truth: boolean[] = pythonJson(SYMPY, all);
  all.forEach((c, i) => assert.ok(truth[i], `SymPy: ${c.step} is not ${c.sign}·(${c.kept})′ for f = ${c.f}`));
  const wrong: string[] = [];
  for (const c of all) {
    const r = derive("h", { f: c.f, wrt: "x", domain: { x: "(0.1, 0.9)", t: "(0.1, 0.9)" } })
      .differentiate(c.step, "sum rule")
      .verify(UNBOUNDED);
    const d = r.steps[1].diagnosis;
    if (r.steps[1].ok || d?.id !== "sum-term-dropped")
      wrong.push(
        `${c.f} → ${c.step}: ${r.steps[1].ok ? "accepted" : `${d?.id} (others ${d?.others.map((o) => o.id)})`}`,
      );
  }
  assert.is(wrong.length, 0, `${wrong.length} of ${all.length}:\n${wrong.join("\n")}`);
});

test("the new user's steps: −t/ŷ in every spelling, −2x, −1/x", () => {
  const bce = "-(t * log(yhat) + (1 - t) * log(1 - yhat))";
  const named = (f: string, wrt: string, domain: Record<string, string>, step: string): string | undefined =>
    derive("h", { f, wrt, domain }).differentiate(step, "r").verify(UNBOUNDED).steps[1].diagnosis?.id;
  for (const step of ["-t/yhat", "-t / yhat", "(-t)/yhat", "-1*t/yhat", "-t*(1/yhat)", "0 - t/yhat", "-t/yhat + 0"])
    assert.is(named(bce, "yhat", { yhat: "(0, 1)", t: "[0, 1]" }, step), "sum-term-dropped", step);
  assert.is(named("-(x^2 + sin(2 - x))", "x", { x: "(-3, 3)" }, "-2*x"), "sum-term-dropped");
  assert.is(named("-(log(x) + log(1 - x))", "x", { x: "(0, 1)" }, "-1/x"), "sum-term-dropped");
});

test.run();
