/**
 * A half-open domain's closed end belongs to the domain (lib/derive/domain.ts, and every user of
 * an interval's openness: samplePoints, the exact tier's box, explain()'s hazard check). Before,
 * "[0, 1)" was read as "(0, 1)": log x, 1/x, x/x = 1 … were accepted although 0 is declared.
 * Generated functions with a singular point at one end × the four kinds of interval, judged by
 * SymPy (.venv) at the closed ends: is the function (and, for explain(), its derivative), or
 * each side of a rewrite, a finite real number there, and are the two sides equal?
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../lib/derive/derive";
import { explain } from "../../../lib/derive/explain/explain";
import { rng } from "../../../scripts/fuzz/grammar";
import { pythonJson } from "../python-oracle";

const t = suite("half-open domains: the closed end is in the domain");

/** Functions of U with their only trouble, if any, at U = 0 (U > 0 inside the interval). */
const OF_U = ["log(U)", "1 / U", "sqrt(U)", "U * log(U)", "log(U)^2", "1 / U^2", "e^U", "U^2 + 3 * U", "sqrt(U) * U"];
/** Rewrites f → g of U that hold for U > 0; at U = 0 some sides are not defined. */
const REWRITES: [string, string][] = [
  ["U / U", "1"],
  ["U^2 / U", "U"],
  ["log(U^2)", "2 * log(U)"],
  ["sqrt(U)^2", "U"],
  ["e^(log(U))", "U"],
  ["(U^2 + U) / U", "U + 1"],
];
const KINDS = ["(a, b)", "[a, b]", "[a, b)", "(a, b]"] as const;

interface Case {
  f: string;
  g?: string;
  domain: string;
  closed: number[];
}

/** Cases: each template with U = x − a (trouble at the lower end) or b − x (at the upper), each kind of interval. */
function cases(templates: [string, string | undefined][], seed: number): Case[] {
  const r = rng(seed);
  const out: Case[] = [];
  for (const [f, g] of templates) {
    for (const side of ["lo", "hi"] as const) {
      const a = Math.round((r() * 6 - 3) * 4) / 4;
      const b = a + 0.5 + Math.round(r() * 8) / 4;
      const u = side === "lo" ? `(x - ${a})` : `(${b} - x)`;
      for (const kind of KINDS) {
        const domain = kind.replace("a", String(a)).replace("b", String(b));
        const closed = [...(kind[0] === "[" ? [a] : []), ...(kind.endsWith("]") ? [b] : [])];
        out.push({ f: f.replace(/U/g, u), g: g?.replace(/U/g, u), domain, closed });
      }
    }
  }
  return out;
}

/** SymPy's verdict per case: f (and f′ when derivative) finite at every closed end, and f = g there when g is given. */
function sympyFine(cs: Case[], derivative: boolean): boolean[] {
  return pythonJson(
    `
import json, re, sys
from sympy import Rational, N, symbols, diff, E
from sympy.parsing.sympy_parser import parse_expr
x = symbols("x", real=True)
# read exactly (decimals as rationals) and not simplified: (x - 0) / (x - 0) stays 0/0 at x = 0
def read(s):
    s = re.sub(r"(\\d+\\.\\d+)", r'Rational("\\1")', s.replace("^", "**"))
    return parse_expr(s, local_dict={"x": x, "e": E, "Rational": Rational}, evaluate=False)
# the value at x = p, node by node from the leaves: None as soon as a part is not a finite real number
def value(expr, p):
    if not expr.args:
        return expr.xreplace({x: p})
    args = [value(a, p) for a in expr.args]
    if any(a is None for a in args):
        return None
    v = expr.func(*args)
    n = N(v, 40)
    return v if n.is_real is True and n.is_finite is True else None
out = []
for c in json.load(sys.stdin):
    f = read(c["f"])
    g = read(c["g"]) if c.get("g") else None
    ok = True
    for end in c["closed"]:
        p = Rational(str(end))
        fv = value(f, p)
        ok = ok and fv is not None
        if ok and ${derivative ? "True" : "False"}:
            ok = value(diff(f, x), p) is not None
        if ok and g is not None:
            gv = value(g, p)
            ok = gv is not None and abs(N(fv - gv, 40)) < 1e-30
    out.append(bool(ok))
print(json.dumps(out))
`,
    cs,
  );
}

t(
  "explain() accepts a function on a domain only where SymPy finds it and its derivative finite at each closed end",
  () => {
    const cs = cases(
      OF_U.map((f) => [f, undefined]),
      7,
    );
    const truth = sympyFine(cs, true);
    const wrong: string[] = [];
    let accepted = 0;
    let refusedByKind = 0;
    cs.forEach((c, i) => {
      let ok: boolean;
      try {
        ok = explain(c.f, { wrt: "x", domain: { x: c.domain } }).verify().ok;
      } catch {
        ok = false;
      }
      if (ok) accepted++;
      // sound: never accept what SymPy finds undefined at a closed end; complete on open intervals
      if (ok && !truth[i]) wrong.push(`${c.f} on ${c.domain}: accepted, SymPy: not finite at ${c.closed.join(", ")}`);
      if (!ok && c.closed.length === 0) wrong.push(`${c.f} on ${c.domain}: refused on an open interval`);
      if (!truth[i]) refusedByKind++;
    });
    assert.equal(wrong, []);
    // the set is not one-sided: SymPy refuses some cases and the kit accepts others
    assert.ok(refusedByKind >= 20, `SymPy refuses ${refusedByKind} of ${cs.length}`);
    assert.ok(accepted >= 40, `accepted ${accepted}`);
  },
);

t("derive() proves a rewrite on a domain only where SymPy finds both sides finite and equal at each closed end", () => {
  const cs = cases(REWRITES, 11);
  const truth = sympyFine(cs, false);
  const wrong: string[] = [];
  cs.forEach((c, i) => {
    let ok: boolean;
    let why = "";
    try {
      const s = derive("half-open", { f: c.f, wrt: "x", domain: { x: c.domain } })
        .rewrite(c.g!, "algebra")
        .verify().steps[1];
      ok = s.ok;
      why = `${s.tier} ${JSON.stringify(s.certificate?.conditions ?? [])}`;
    } catch (e) {
      ok = false;
      why = (e as Error).message;
    }
    if (ok !== truth[i]) wrong.push(`${c.f} → ${c.g} on ${c.domain}: kit ${ok} (${why}), SymPy ${truth[i]}`);
  });
  assert.equal(wrong, []);
  const fine = truth.filter((v) => v).length;
  assert.ok(
    fine >= 16 && fine <= 32,
    `SymPy: ${fine} of ${truth.length} hold at their closed ends: both verdicts in the set`,
  );
});

t.run();
