/**
 * Distinct atoms never share an id (exact/poly.ts atomId): when they did, the process-wide atom
 * table kept whichever atom came first, and another expression's normal form read it under the
 * same id (issue 21: e^(x²) and (e^x)² both read "E:v:x^2"; fuzz 4/1785). Here a few hundred
 * generated expressions, built so that their atoms nearly collide (x^k against k·x and x/k,
 * e^(u) nested in logs, exponentials, trigonometric functions, σ and softplus, roots of primes),
 * are brought to their normal forms one after the other in one process, in a seeded random
 * order; each normal form is printed from the table (the atom behind each id) and must have
 * the value of its expression at three random points, by mpmath at 50 digits.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseDomain } from "../../../../lib/derive/domain";
import { normalFormText } from "../../../../lib/derive/exact/prove";
import {
  BUILTIN_DEFINITIONS,
  expandDefinitions,
  parseDefinitions,
  parseExpression,
} from "../../../../lib/derive/expression";
import { generate, rng, text } from "../../../../scripts/fuzz/grammar";
import { pythonText } from "../../../../scripts/fuzz/run";
import { pythonJson } from "../../python-oracle";

const t = suite("exact tier: the atom behind an id has the value of the expression that made it");
const DEFS = parseDefinitions(BUILTIN_DEFINITIONS);

/** Inner parts whose monomials are alike: x^k, k·x, x/k, x^k/k, (x + 1)^k. */
const INNER: ((k: number) => string)[] = [
  (k) => `x^${k}`,
  (k) => `${k} * x`,
  (k) => `x / ${k}`,
  (k) => `x^${k} / ${k}`,
  (k) => `(x + 1)^${k}`,
  (k) => `(e^x)^${k}`,
  (k) => `e^(${k} * x) * x`,
];
/** Outer functions that put the inner part into an atom of another atom. */
const OUTER: ((u: string) => string)[] = [
  (u) => `e^(${u})`,
  (u) => `log(1 + e^(${u}))`,
  (u) => `log(2 + (${u})^2)`,
  (u) => `softplus(${u})`,
  (u) => `sigma(${u})`,
  (u) => `sin(e^(${u}))`,
  (u) => `cos((${u}) / (1 + x^2))`,
  (u) => `atan(${u})`,
  (u) => `e^(e^(${u}))`,
  (u) => `sqrt(1 + (${u})^2) * 3^(1/2)`,
  (u) => `2^(1/3) * log(${u} + 3)`,
];

t("should print 300 generated normal forms, made in one process, with their expressions' values", () => {
  const r = rng(2127);
  const exprs: string[] = [];
  for (const outer of OUTER) for (const inner of INNER) exprs.push(outer(inner(2 + Math.floor(r() * 3))));
  // functions from the fuzz grammar fill the rest (abs, max and min left out: their forms are case splits)
  while (exprs.length < 300) exprs.push(text(generate(r, 2 + Math.floor(r() * 3), false)));
  for (let i = exprs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [exprs[i], exprs[j]] = [exprs[j], exprs[i]];
  }
  const domain = parseDomain({ x: "(0.5, 1.5)" }, "atom values");
  const pairs: { expr: string; form: string }[] = [];
  for (const e of exprs) {
    const form = normalFormText(expandDefinitions(parseExpression(e, "atom values"), DEFS, "atom values"), domain);
    if (form !== undefined) pairs.push({ expr: e, form });
  }
  assert.ok(pairs.length >= 200, `${pairs.length} of 300 in the exact class`);
  const points = ["0.61", "0.97", "1.43"];
  const gaps: (string | null)[] = pythonJson(
    REFERENCE,
    pairs.map((p) => ({ a: pythonText(p.expr), b: pythonText(p.form), points })),
  );
  const bad = pairs.flatMap((p, i) => (gaps[i] === null ? [] : [`${p.expr} → ${p.form}: ${gaps[i]}`]));
  assert.equal(bad, []);
});

/** mpmath at 50 digits: null when each pair agrees to 1e-30 relative at every point, else where and how it does not. */
const REFERENCE = `
import json, sys
from mpmath import mp, mpf, e, pi, exp, log, sqrt, sin, cos, tan, atan, tanh
mp.dps = 50
N = mpf
out = []
for c in json.load(sys.stdin):
    bad = None
    for p in c["points"]:
        ns = {"x": mpf(p), "N": N, "e": e, "pi": pi, "exp": exp, "log": log, "sqrt": sqrt, "sin": sin,
              "cos": cos, "tan": tan, "atan": atan, "tanh": tanh}
        a, b = eval(c["a"], ns), eval(c["b"], ns)
        if abs(a - b) > mpf("1e-30") * max(abs(a), abs(b), 1):
            bad = "at x = %s: %s against %s" % (p, mp.nstr(a, 15), mp.nstr(b, 15))
            break
    out.append(bad)
print(json.dumps(out))
`;

t.run();
