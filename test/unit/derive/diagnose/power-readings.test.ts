/**
 * A slip of the power rule is named however the learner wrote the power (a new user's finding):
 * x^(1/2) → x^(−1/2) was named power-factor-lost but sqrt(x) → 1/sqrt(x) got no name, nor
 * cbrt(x) → x^(−2/3), nor 1/(1 + e^(−x)) → −1/(1 + e^(−x))² (chain-inner-missing on
 * (1 + e^(−x))^(−1)). Here, generated: √u, ∛u, nthRoot(u, 4) and 1/u over several inner
 * functions u, each with the factor n lost and with the inner derivative missing, written with
 * roots and with powers; SymPy checks each step is the slip's formula (u^(n−1)·u′, n·u^(n−1))
 * and not the derivative, and each must be named by its slip first.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../../lib/derive";
import { pythonJson } from "../../python-oracle";

const test = suite("diagnose: power-rule slips on roots and reciprocals");

/** Inner functions u of x, positive on (0.5, 3), with u′ as a learner writes it. */
const INNER: [u: string, du: string][] = [
  ["x", "1"],
  ["1 + x^2", "2*x"],
  ["e^x", "e^x"],
  ["2 + sin(x)", "cos(x)"],
  ["x^3 + 2*x", "3*x^2 + 2"],
  ["1 + e^(-x)", "-e^(-x)"],
];

interface Case {
  f: string;
  step: string;
  slip: "power-factor-lost" | "chain-inner-missing";
  /** The oracle's reading: u, the exponent n (f = u^n), and u′. */
  u: string;
  n: string;
}

/** Each outer form: f of u, its exponent, and the two slips written as a learner writes them. */
const OUTER: {
  f: (u: string) => string;
  n: string;
  factorLost: (u: string, du: string) => string[];
  innerMissing: (u: string) => string[];
}[] = [
  {
    f: (u) => `sqrt(${u})`,
    n: "1/2",
    factorLost: (u, du) => [`(${du})/sqrt(${u})`, `(${u})^(-1/2) * (${du})`],
    innerMissing: (u) => [`1/(2*sqrt(${u}))`, `1/2 * (${u})^(-1/2)`],
  },
  {
    f: (u) => `cbrt(${u})`,
    n: "1/3",
    factorLost: (u, du) => [`(${u})^(-2/3) * (${du})`],
    innerMissing: (u) => [`1/(3*cbrt(${u})^2)`, `1/3 * (${u})^(-2/3)`],
  },
  {
    f: (u) => `nthRoot(${u}, 4)`,
    n: "1/4",
    factorLost: (u, du) => [`(${u})^(-3/4) * (${du})`],
    innerMissing: (u) => [`1/4 * (${u})^(-3/4)`],
  },
  {
    f: (u) => `1/(${u})`,
    n: "-1",
    // the factor −1 lost, u′/u², is also the quotient rule's numerator reversed: no way to tell
    factorLost: () => [],
    innerMissing: (u) => [`-1/(${u})^2`, `-(${u})^(-2)`],
  },
];

/** No time budget for the diagnosis: what it names must not depend on the machine's speed. */
const UNBOUNDED = { diagnosisBudgetMs: Number.POSITIVE_INFINITY };

function cases(): Case[] {
  const out: Case[] = [];
  for (const o of OUTER)
    for (const [u, du] of INNER) {
      for (const step of o.factorLost(u, du)) out.push({ f: o.f(u), step, slip: "power-factor-lost", u, n: o.n });
      // with u = x the inner derivative is 1: nothing to miss
      if (u !== "x")
        for (const step of o.innerMissing(u)) out.push({ f: o.f(u), step, slip: "chain-inner-missing", u, n: o.n });
    }
  return out;
}

/** SymPy: each step is the slip's formula and not the derivative of f = u^n. */
const SYMPY = `
import json, sys
from sympy import E, Rational, cbrt, diff, root, simplify, sin, sqrt, symbols, sympify
x = symbols("x", positive=True)
ns = {"x": x, "e": E, "sin": sin, "sqrt": sqrt, "cbrt": cbrt, "nthRoot": lambda a, k: root(a, k)}
read = lambda s: sympify(s.replace("^", "**"), locals=ns)
out = []
for c in json.load(sys.stdin):
    u, n, step, f = read(c["u"]), Rational(c["n"]), read(c["step"]), read(c["f"])
    slip = u ** (n - 1) * diff(u, x) if c["slip"] == "power-factor-lost" else n * u ** (n - 1)
    out.append(simplify(step - slip) == 0 and simplify(f - u ** n) == 0 and simplify(step - diff(f, x)) != 0)
print(json.dumps(out))
`;

test("√u, ∛u, nthRoot(u, 4) and 1/u: the factor lost and the inner derivative missing are named", () => {
  const all = cases();
  assert.ok(all.length >= 40, `${all.length} cases`);
  const truth: boolean[] = pythonJson(SYMPY, all);
  all.forEach((c, i) => assert.ok(truth[i], `SymPy: ${c.step} is not ${c.slip} of ${c.f}`));
  const wrong: string[] = [];
  for (const c of all) {
    const r = derive("h", { f: c.f, wrt: "x", domain: { x: "(0.5, 3)" } })
      .differentiate(c.step, "power rule")
      .verify(UNBOUNDED);
    const d = r.steps[1].diagnosis;
    if (r.steps[1].ok || d?.id !== c.slip)
      wrong.push(
        `${c.f} → ${c.step}: ${r.steps[1].ok ? "accepted" : `${d?.id} (others ${d?.others.map((o) => o.id)})`}`,
      );
  }
  assert.is(wrong.length, 0, `${wrong.length} of ${all.length}:\n${wrong.join("\n")}`);
});

test.run();
