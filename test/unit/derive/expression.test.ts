/**
 * Tests of lib/derive/expression.ts (parsing, definitions such as sigma(u), and the
 * names an expression uses) and of expandInDerivation (lib/derive/verify.ts), which
 * expands a derivation's own function name. Values are checked against formulas
 * evaluated with plain Math.exp / Math.log, to 1e-14 relative.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { MathNode } from "mathjs";
import {
  BUILTIN_DEFINITIONS,
  calledFunctions,
  expandDefinitions,
  freeVariables,
  math,
  parseDefinitions,
  parseExpression,
} from "../../../lib/derive/expression";
import { explain, MAX_EXPLAIN_NODES } from "../../../lib/derive/explain";
import { derive } from "../../../lib/derive/derive";
import { expandInDerivation } from "../../../lib/derive/verify";
import { thrown } from "./helpers";

/** Asserts |a − b| ≤ 1e-14 · max(1, |b|). */
function near(a: number, b: number, label: string): void {
  assert.ok(Math.abs(a - b) <= 1e-14 * Math.max(1, Math.abs(b)), `${label}: ${a} vs ${b}`);
}

const evalAt = (node: MathNode, scope: Record<string, number>): number => node.compile().evaluate(scope) as number;
const sig = (x: number): number => 1 / (1 + Math.exp(-x));
const XS = [-7.5, -1, 0, 0.3, 2, 9];

const pe = suite("parseExpression");

pe("should return the mathjs tree of a valid expression", () => {
  const node = parseExpression("e^(-x) / (1 + e^(-x))^2", "here");
  near(evalAt(node, { x: 0.7 }), Math.exp(-0.7) / (1 + Math.exp(-0.7)) ** 2, "value at 0.7");
});

pe("should throw a SyntaxError naming the place and the expression when it does not parse", () => {
  const e = thrown(() => parseExpression("(x + 1", "step 4 of D"));
  assert.instance(e, SyntaxError);
  assert.match(e.message, /^step 4 of D: cannot parse "\(x \+ 1": /);
});

pe("should throw a SyntaxError for an empty or blank expression", () => {
  for (const text of ["", "   "]) {
    const e = thrown(() => parseExpression(text, "step 1"));
    assert.instance(e, SyntaxError);
    assert.match(e.message, "step 1: the expression is empty");
  }
});

pe("should refuse what is not real arithmetic, naming the step and what the text holds", () => {
  const cases: [string, RegExp][] = [
    ["x = -e^(-x)", /an assignment/],
    ["f(t) = 3", /an assignment/],
    ["-e^(-x); 5", /several expressions/],
    ["[1, 2]", /array syntax/],
    ["1:3", /a range/],
    ["x!", /operator "!"/],
    ["x mod 2", /operator "mod"/],
    ["e^(i*x)", /the imaginary unit i/],
  ];
  for (const [text, what] of cases) {
    const e = thrown(() => parseExpression(text, "step 2 of D"));
    assert.instance(e, SyntaxError, text);
    assert.ok(e.message.startsWith(`step 2 of D: "${text}" is not an expression the kit checks: it holds `), e.message);
    assert.match(e.message, what, text);
  }
  // a condition is a piecewise function the verifier evaluates; the names i is part of stay names
  assert.is(Number(evalAt(parseExpression("x > 0 and x < 2 ? x^2 : 0", "here"), { x: 1.5 })), 2.25);
  near(Number(evalAt(parseExpression("xi + pi", "here"), { xi: 1 })), 1 + Math.PI, "xi + pi");
});

pe(
  "should refuse, with a RangeError naming the size and the bound, a text too long, too deep or too large to check",
  () => {
    const long = `-e^(-x)${" + 0*x".repeat(3000)}`; // 18 007 characters
    const e1 = thrown(() => parseExpression(long, "step 1 of D"));
    assert.instance(e1, RangeError);
    assert.match(e1.message, `step 1 of D: the expression is ${long.length} characters long, more than the 6000`);
    const deep = `${"(".repeat(2000)}x${")".repeat(2000)}`;
    const e2 = thrown(() => parseExpression(deep, "step 1 of D"));
    assert.instance(e2, RangeError);
    assert.match(e2.message, "nests 2000 brackets deep, more than the 100");
    // 501 terms x: 501 names and 500 additions
    const wide = Array.from({ length: 501 }, () => "x").join("+");
    const e3 = thrown(() => parseExpression(wide, "step 1 of D"));
    assert.instance(e3, RangeError);
    assert.match(e3.message, "the expression has 1001 nodes");
    // just inside every bound: parsed
    assert.is(
      Number(evalAt(parseExpression(Array.from({ length: 500 }, () => "x").join("+"), "here"), { x: 2 })),
      1000,
    );
    assert.is(Number(evalAt(parseExpression(`${"(".repeat(100)}x${")".repeat(100)}`, "here"), { x: 3 })), 3);
  },
);

const pdf = suite("parseDefinitions");

pdf("should read one- and two-parameter heads", () => {
  const defs = parseDefinitions({ "h(u)": "u^2", "k(a, b)": "a - 2 * b" });
  assert.equal(defs.get("h")!.params, ["u"]);
  assert.equal(defs.get("k")!.params, ["a", "b"]);
  near(evalAt(defs.get("k")!.body, { a: 5, b: 1.5 }), 2, "k body at (5, 1.5)");
});

pdf("should reject a malformed head with a SyntaxError naming it", () => {
  for (const head of ["r u", "r()", "2r(u)", "r(u,)"]) {
    const e = thrown(() => parseDefinitions({ [head]: "u" }));
    assert.instance(e, SyntaxError, head);
    assert.match(e.message, `definition "${head}"`);
  }
});

pdf("should reject a body that does not parse, naming the definition", () => {
  const e = thrown(() => parseDefinitions({ "r(u)": "u +" }));
  assert.instance(e, SyntaxError);
  assert.match(e.message, 'definition "r(u)"');
});

const bd = suite("BUILTIN_DEFINITIONS");

bd("should define sigma as the logistic sigmoid and softplus as log(1 + e^u)", () => {
  const defs = parseDefinitions(BUILTIN_DEFINITIONS);
  for (const u of XS) {
    near(evalAt(defs.get("sigma")!.body, { u }), sig(u), `sigma(${u})`);
    near(evalAt(defs.get("softplus")!.body, { u }), Math.log(1 + Math.exp(u)), `softplus(${u})`);
  }
});

const ed = suite("expandDefinitions");
const BUILTIN = parseDefinitions(BUILTIN_DEFINITIONS);

ed("should replace sigma(2x) by its formula, leaving no call of sigma", () => {
  const node = expandDefinitions(math.parse("sigma(2 * x) * (1 - sigma(2 * x))"), BUILTIN, "here");
  assert.not.ok(calledFunctions(node).has("sigma"));
  for (const x of XS) near(evalAt(node, { x }), sig(2 * x) * (1 - sig(2 * x)), `x = ${x}`);
});

ed("should substitute a compound argument as a whole (sigma(u + 1), not sigma(u) + 1)", () => {
  const node = expandDefinitions(math.parse("sigma(u + 1)"), BUILTIN, "here");
  for (const u of XS) near(evalAt(node, { u }), sig(u + 1), `u = ${u}`);
});

ed("should substitute all parameters at once, so h(v, u) with h(u, v) = u − 2v gives v − 2u", () => {
  const defs = parseDefinitions({ "h(u, v)": "u - 2 * v" });
  const node = expandDefinitions(math.parse("h(v, u)"), defs, "here");
  near(evalAt(node, { u: 10, v: 1 }), 1 - 20, "h(v, u) at u = 10, v = 1");
});

ed("should expand nested and chained definitions", () => {
  const defs = parseDefinitions({ ...BUILTIN_DEFINITIONS, "q(u)": "sigma(u)^2" });
  const node = expandDefinitions(math.parse("sigma(sigma(x)) + q(x) + softplus(-x)"), defs, "here");
  assert.equal(
    [...calledFunctions(node)].filter((f) => ["sigma", "q", "softplus"].includes(f)),
    [],
  );
  for (const x of XS) near(evalAt(node, { x }), sig(sig(x)) + sig(x) ** 2 + Math.log(1 + Math.exp(-x)), `x = ${x}`);
});

ed("should leave an expression without defined calls as it is", () => {
  assert.is(
    expandDefinitions(math.parse("log(x) + x^2"), BUILTIN, "here").toString(),
    math.parse("log(x) + x^2").toString(),
  );
});

ed("should throw a RangeError naming the place and the call when the argument count is wrong", () => {
  const e = thrown(() => expandDefinitions(math.parse("sigma(x, t)"), BUILTIN, "step 2"));
  assert.instance(e, RangeError);
  assert.match(e.message, "step 2: sigma takes 1 argument(s), got 2");
  assert.match(e.message, "sigma(x, t)");
});

ed("should throw a RangeError when a definition calls itself", () => {
  const e = thrown(() => expandDefinitions(math.parse("r(x)"), parseDefinitions({ "r(u)": "r(u) + 1" }), "here"));
  assert.instance(e, RangeError);
  assert.match(e.message, "without end");
});

const fv = suite("freeVariables");

fv("should list the variables but neither e, pi nor called function names", () => {
  assert.equal([...freeVariables(math.parse("sigma(z) * e + pi - t * log(yhat)"))].sort(), ["t", "yhat", "z"]);
  assert.equal([...freeVariables(math.parse("E + PI + 2"))], []);
});

const cf = suite("calledFunctions");

cf("should list the names called as functions", () => {
  assert.equal([...calledFunctions(math.parse("sigma(z) * log(1 - exp(t)) + yhat"))].sort(), ["exp", "log", "sigma"]);
  assert.equal([...calledFunctions(math.parse("x^2 + t"))], []);
});

const eid = suite("expandInDerivation");

const G = () =>
  derive("σ′", { name: "g", f: "1 / (1 + e^(-x))", wrt: "x", domain: { x: "(-10, 10)" } }).rewrite("g(x)", "same").spec;

eid("should expand the derivation's own name, g(x), into its formula", () => {
  const node = expandInDerivation(G(), "g(x) * (1 - g(x))");
  assert.not.ok(calledFunctions(node).has("g"));
  for (const x of XS) near(evalAt(node, { x }), sig(x) * (1 - sig(x)), `x = ${x}`);
});

eid("should substitute the argument for the variable, so g(-x) is σ(−x)", () => {
  const node = expandInDerivation(G(), "g(-x)");
  for (const x of XS) near(evalAt(node, { x }), sig(-x), `x = ${x}`);
});

eid("should expand sigma and the derivation's own defs too", () => {
  const spec = derive("D", {
    name: "L",
    f: "h(z) - t",
    wrt: "z",
    domain: { z: "(-5, 5)", t: "[0, 1]" },
    defs: { "h(u)": "sigma(u)^2" },
  }).rewrite("L(z)", "same").spec;
  const node = expandInDerivation(spec, "L(z) + sigma(z)");
  for (const z of XS) near(evalAt(node, { z, t: 0.25 }), sig(z) ** 2 - 0.25 + sig(z), `z = ${z}`);
});

eid("should throw a SyntaxError naming the derivation when the text does not parse", () => {
  const e = thrown(() => expandInDerivation(G(), "g(x"));
  assert.instance(e, SyntaxError);
  assert.match(e.message, 'derivation "σ′"');
});

pe("should tell explain() of a function too large the same thing at any size over its bound (F5)", () => {
  const sum = (terms: number) => Array.from({ length: terms }, (_, i) => `x^${i + 2}`).join(" + ");
  const said = (terms: number) =>
    thrown(() => explain(sum(terms), { wrt: "x", domain: { x: "(0, 1)" } })).message.replace(
      /^explain\(".*?"\)/s,
      "explain(…)",
    );
  for (const terms of [80, 300, 2000]) {
    assert.match(
      said(terms),
      new RegExp(
        `^explain\\(…\\): the function (has \\d+ nodes|is \\d+ characters long); explain takes at most ${MAX_EXPLAIN_NODES}( nodes)?$`,
      ),
      `${terms} terms`,
    );
  }
  // a derivation's step over the parser's bound is still told to be split
  assert.match(
    thrown(() => parseExpression(sum(300), "step 2")).message,
    /^step 2: the expression has \d+ nodes .* split the step/,
  );
});

pe.run();
pdf.run();
bd.run();
ed.run();
fv.run();
cf.run();
eid.run();
