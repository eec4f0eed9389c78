/**
 * The bench's generated set (scripts/explain-generated-functions.ts): the same seed draws the same
 * functions, each on a domain that names its variables; on a seeded sample explain() gives a
 * derivation that verifies (explain() throws otherwise) whose final form is the derivative,
 * checked by SymPy (an independent oracle: its own diff, evaluated at 5 points of the domain);
 * and the bench counts a SymPy result by explain()'s counter on the same kind of tree.
 */
import type { SymbolNode } from "mathjs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { formSize } from "../../../../lib/derive/explain/algebra";
import { explain } from "../../../../lib/derive/explain/explain";
import { math } from "../../../../lib/derive/expression";
import { generatedFunctions } from "../../../../scripts/explain-generated-functions";
import { box, sympyFormSize, sympyText } from "../../../../scripts/sympy-oracle";
import { pythonJson } from "../../python-oracle";

const test = suite("explain: the generated function set");

test("the same seed draws the same functions, another seed others; every variable has an interval", () => {
  const a = generatedFunctions(40, 7);
  assert.equal(generatedFunctions(40, 7), a);
  const b = generatedFunctions(40, 8);
  assert.ok(a.filter((fn, i) => fn.f !== b[i].f).length > 30, "seed 8 draws other functions");
  assert.is(new Set(a.map((fn) => fn.name)).size, 40);
  for (const fn of a) {
    // the symbols that are not a function's name
    const symbols = math
      .parse(fn.f)
      .filter(
        (n, p, parent) => (n as SymbolNode).isSymbolNode === true && !(parent.type === "FunctionNode" && p === "fn"),
      );
    const names = new Set(symbols.map((n) => (n as SymbolNode).name));
    for (const name of names) if (name !== "e") assert.ok(fn.domain[name], `${fn.name}: ${name} has no interval`);
    assert.ok(fn.domain[fn.wrt], `${fn.name}: wrt ${fn.wrt}`);
  }
  // the kinds the generator promises: activations, losses, products, quotients, compositions
  const kinds = generatedFunctions(300, 7).map((fn) => fn.name.split(" ")[1].split(":")[0]);
  for (const kind of ["act", "loss", "product", "quotient"]) assert.ok(kinds.includes(kind), kind);
});

test("12 generated functions (seed 19): each derivation verifies and its final form is SymPy's derivative at 5 points", () => {
  const sample = generatedFunctions(12, 19);
  const finals = sample.map((fn) => {
    const d = explain(fn.f, { wrt: fn.wrt, domain: fn.domain, title: fn.name });
    return d.spec.steps[d.spec.steps.length - 1].expr;
  });
  const gaps: number[] = pythonJson(
    `
import json, sys, random
from sympy import Symbol, sympify, diff, E, pi, N
out = []
for it in json.load(sys.stdin):
    names = {n: Symbol(n, real=True) for n in it["box"]}
    names.update({"e": E, "E": E, "pi": pi})
    gap = sympify(it["final"], locals=names) - diff(sympify(it["f"], locals=names), names[it["wrt"]])
    rnd = random.Random(19)
    pts = [{names[n]: rnd.uniform(*it["box"][n]) for n in it["box"]} for _ in range(5)]
    out.append(max(abs(float(N(gap.subs(p), 30))) for p in pts))
print(json.dumps(out))
`,
    sample.map((fn, i) => ({ f: sympyText(fn.f), final: sympyText(finals[i]), wrt: fn.wrt, box: box(fn.domain) })),
  );
  sample.forEach((fn, i) => assert.ok(gaps[i] < 1e-9, `${fn.name}: ${finals[i]} differs from SymPy's by ${gaps[i]}`));
});

test("a SymPy result is counted as explain()'s forms are: b^(−k), printed alone as b**(-k), as 1/b^k", () => {
  for (const [sympy, ours] of [
    ["(p - 1)**(-2)", "1 / (p - 1)^2"],
    ["(x + 1)**(-3/2)", "1 / (x + 1)^(3/2)"],
    ["x**(-1)", "1 / x"],
    ["exp(x)/(exp(x) + 1)**3", "e^x / (e^x + 1)^3"],
    ["-x/(2*cosh(x)**2)", "-x / (2 * cosh(x)^2)"],
  ])
    assert.is(sympyFormSize(sympy), formSize(math.parse(ours)), sympy);
  assert.is(sympyFormSize("Piecewise((x, x > 0), (0, True))"), Number.POSITIVE_INFINITY);
});

test.run();
