/**
 * Tests of lib/derive/explain/differentiate.ts and rules.ts: every row of the rule table and
 * of the known derivatives gives a derivative the verifier accepts (checked against mathjs's
 * own `derivative`, an independent implementation, at 64 seeded points and by the exact tier);
 * the rule tree names the parts a teacher names; paths address nodes; a replaced (buggy) rule
 * at one node changes only that node's contribution; errors name the node.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../../lib/derive/derive";
import { differentiateByRules, ruleApplications, ruleTree } from "../../../../lib/derive/explain/differentiate";
import type { SymbolNode } from "mathjs";
import { add, div, mul, nodeAt, num, pow, substitute, withoutParens } from "../../../../lib/derive/explain/nodes";
import { DIFF_RULES, KNOWN_DERIVATIVES, ruleById, type DiffRule } from "../../../../lib/derive/explain/rules";
import { math } from "../../../../lib/derive/expression";
import { thrown } from "../helpers";
import { randomFunctions } from "./random-functions";

const test = suite("explain: rule-by-rule differentiation");

/** True when the verifier accepts `d` as the derivative of `f` on the domain. */
function isDerivative(f: string, d: string, wrt: string, domain: Record<string, string>): boolean {
  return derive(`d/d${wrt} ${f}`, { f, wrt, domain }).differentiate(d, "by the rules").verify({ samples: 24 }).ok;
}

// One function per row of the rule table, each applied at the root (the row's own id).
const PER_RULE: { id: string; f: string; domain?: Record<string, string> }[] = [
  { id: "constant", f: "3 * a^2 + log(a)", domain: { x: "(-3, 3)", a: "(1, 2)" } },
  { id: "variable", f: "x" },
  { id: "sum", f: "x^3 + sin(x)" },
  { id: "difference", f: "x^3 - e^x" },
  { id: "constant-multiple", f: "5 * tanh(x)" },
  { id: "constant-multiple", f: "-cos(x)" },
  { id: "constant-multiple", f: "sinh(x) / 7" },
  { id: "constant-multiple", f: "x^2 * a", domain: { x: "(-3, 3)", a: "(1, 2)" } },
  { id: "product", f: "x * sigma(x)" },
  { id: "quotient", f: "1 / (1 + e^(-x))" },
  { id: "quotient", f: "sin(x) / (2 + cos(x))" },
  { id: "chain", f: "(1 + e^(-x))^(-1)" },
  { id: "chain", f: "log(cosh(x))" },
  { id: "chain", f: "sigma(2 * x + 1)" },
  { id: "power", f: "x^4" },
  // x^(−1) has no value at 0: a domain without it (a function undefined inside its domain is refused)
  { id: "power", f: "x^(-1)", domain: { x: "(0.5, 3)" } },
  { id: "power", f: "x^0.5", domain: { x: "(0.5, 3)" } },
  { id: "exponential", f: "e^x" },
  { id: "exponential", f: "2^x" },
  { id: "logarithm", f: "log(x)", domain: { x: "(0.5, 3)" } },
  { id: "sigmoid", f: "sigma(x)" },
  { id: "softplus", f: "softplus(x)" },
  { id: "tanh", f: "tanh(x)" },
  { id: "abs", f: "abs(x)", domain: { x: "(0.5, 3)" } },
  { id: "general-power", f: "x^x", domain: { x: "(0.5, 3)" } },
];

test("every row of the rule table is exercised and each gives a derivative the verifier accepts", () => {
  const ids = new Set(PER_RULE.map((c) => c.id));
  for (const rule of DIFF_RULES) {
    if (["trigonometric", "inverse-trigonometric", "hyperbolic", "inverse-hyperbolic"].includes(rule.id)) continue; // the known-derivative test below
    assert.ok(ids.has(rule.id), `no test case for the rule "${rule.id}"`);
  }
  for (const c of PER_RULE) {
    const tree = ruleTree(c.f, "x");
    assert.is(tree.rule.id, c.id, `${c.f}: the rule at the root`);
    const d = tree.result.toString();
    assert.ok(isDerivative(c.f, d, "x", c.domain ?? { x: "(-3, 3)" }), `${c.f}: ${d} is not its derivative`);
  }
});

test("every known derivative, applied to x and (by the chain rule) to 2x + 0.25, is verified", () => {
  const domains: Record<string, string> = {
    acosh: "(1.2, 1.6)",
    asin: "(-0.3, 0.3)",
    acos: "(-0.3, 0.3)",
    atanh: "(-0.3, 0.3)",
    log: "(0.2, 2)",
    log10: "(0.2, 2)",
    log2: "(0.2, 2)",
    log1p: "(0.2, 2)",
    sqrt: "(0.2, 2)",
    cbrt: "(0.2, 2)",
    // the derivative nthRoot(x, 3) / (3x) has no value at 0
    nthRoot: "(0.2, 2)",
    abs: "(0.2, 2)",
    coth: "(0.2, 2)",
    csch: "(0.2, 2)",
    csc: "(0.2, 1.2)",
    cot: "(0.2, 1.2)",
  };
  for (const k of KNOWN_DERIVATIVES) {
    for (const arg of ["x", "2 * x + 0.25"]) {
      const f = k.arity === 2 ? `${k.fn}(${arg}, 3)` : `${k.fn}(${arg})`;
      const dom = domains[k.fn] ?? "(-0.4, 0.4)";
      const lo =
        arg === "x"
          ? dom
          : `(${dom
              .slice(1, -1)
              .split(",")
              .map((v) => (Number(v) - 0.25) / 2)
              .join(", ")})`;
      const tree = ruleTree(f, "x");
      assert.is(tree.rule.id, arg === "x" ? k.rule : "chain", `${f}: rule`);
      assert.ok(isDerivative(f, tree.result.toString(), "x", { x: lo }), `${f}: ${tree.result.toString()} on ${lo}`);
    }
  }
});

test("60 seeded random compositions (depth ≤ 3): the rules' derivative is accepted by the verifier against mathjs's", () => {
  const fs = randomFunctions(60, 20261204, 3);
  assert.is(new Set(fs).size > 50, true, "the generator should draw distinct functions");
  for (const f of fs) {
    const d = differentiateByRules(f, "x").toString();
    assert.ok(isDerivative(f, d, "x", { x: "(-2, 2)" }), `${f}: ${d}`);
  }
});

test("the quotient rule names u, v, u′, v′; the chain rule the outer and inner functions", () => {
  const q = ruleTree("1 / (1 + e^(-x))", "x");
  assert.is(q.rule.name, "quotient rule");
  assert.is(q.parts.u.toString(), "1");
  assert.is(q.parts.v.toString(), withoutParens(math.parse("1 + e^(-x)")).toString());
  assert.is(q.derivatives.u.toString(), "0");
  assert.is(q.children.map((c) => c.path).join(","), "0,1");
  assert.ok(isDerivative("1 + e^(-x)", q.derivatives.v.toString(), "x", { x: "(-3, 3)" }), "v′");
  const c = ruleTree("(1 + e^(-x))^(-1)", "x");
  assert.is(c.rule.name, "chain rule");
  assert.is(c.parts.outer.toString(), "u ^ (-1)");
  assert.is(c.parts.inner.toString(), withoutParens(math.parse("1 + e^(-x)")).toString());
  assert.is(c.children[0].path, ":outer");
  assert.is(c.children[0].rule.id, "power");
  assert.is(c.children[0].wrt, "u");
  // the outer derivative −1·u^(−2) with the exponent computed exactly
  assert.is(c.children[0].result.toString(), "-1 * u ^ (-2)");
});

test("the placeholder of the chain rule avoids names the function uses", () => {
  const c = ruleTree("log(u + x^2)", "x");
  assert.is.not((c.parts.placeholder as SymbolNode).name, "u");
  assert.ok(isDerivative("log(u + x^2)", c.result.toString(), "x", { x: "(-2, 2)", u: "(1, 2)" }));
});

test("ruleApplications lists every application pre-order with paths that address the node", () => {
  const f = "-(t * log(yhat) + (1 - t) * log(1 - yhat))";
  const root = withoutParens(math.parse(f));
  const apps = ruleApplications(ruleTree(f, "yhat"));
  assert.is(apps[0].path, "");
  assert.is(
    apps.map((a) => a.rule.id).join(" "),
    "constant-multiple sum constant-multiple logarithm constant-multiple chain logarithm difference constant variable",
  );
  for (const a of apps) {
    if (a.path.includes(":outer")) continue;
    assert.is(nodeAt(root, a.path).toString(), a.node.toString(), `path ${a.path}`);
  }
});

test("replace: a buggy rule at one node changes that node's contribution only", () => {
  // a slip: the quotient rule with the numerator's minus turned into a plus
  const buggyQuotient: DiffRule = {
    ...ruleById("quotient"),
    id: "quotient-plus",
    name: "quotient rule with + for −",
    result: (p, d) => div(add(mul(d.u, p.v), mul(p.u, d.v)), pow(p.v, num(2))),
  };
  const f = "x * (1 / (1 + e^(-x)))";
  const apps = ruleApplications(ruleTree(f, "x"));
  const at = apps.find((a) => a.rule.id === "quotient")!.path;
  assert.is(at, "1");
  const wrong = differentiateByRules(f, "x", { replace: { at, rule: buggyQuotient } }).toString();
  // independently: the product rule with σ and the buggy σ′ = −e^(−x)/(1 + e^(−x))² put in by hand
  const expected = "1 * (1 / (1 + e^(-x))) + x * (-e^(-x) / (1 + e^(-x))^2)";
  assert.ok(
    derive("wrong", { f: wrong, wrt: "x", domain: { x: "(-3, 3)" } })
      .rewrite(expected, "same")
      .verify().ok,
    wrong,
  );
  assert.not.ok(isDerivative(f, wrong, "x", { x: "(-3, 3)" }), "a buggy rule must give a wrong derivative here");
  // the chain rule without the inner derivative, at the node e^(−x) (path 1.1.1 of the quotient's v)
  const noInner: DiffRule = {
    ...ruleById("chain"),
    id: "chain-no-inner",
    name: "chain rule without u′",
    result: (p, d) => substitute(d.outer, (p.placeholder as SymbolNode).name, p.inner),
  };
  const inner = apps.find((a) => a.rule.id === "chain")!.path;
  assert.is(inner, "1.1.1");
  const slip = differentiateByRules(f, "x", { replace: { at: inner, rule: noInner } }).toString();
  // v′ = 0 + e^(−x) (the −1 of −x lost), so σ′ comes out as −e^(−x)/(1 + e^(−x))²
  const slipExpected = "1 / (1 + e^(-x)) - x * e^(-x) / (1 + e^(-x))^2";
  assert.ok(
    derive("slip", { f: slip, wrt: "x", domain: { x: "(-3, 3)" } })
      .rewrite(slipExpected, "same")
      .verify().ok,
    slip,
  );
});

test("errors name the node, the path and the rule", () => {
  assert.match(
    thrown(() => ruleTree("x + max(x, 0)", "x")).message,
    /no differentiation rule applies to "max\(x, 0\)" \(path "1"\) of "x \+ max\(x, 0\)": /,
  );
  // the whole expression is named once, not "max(0, x)" of "max(0, x)" (a new user's finding)
  for (const f of ["max(0, x)", "min(x, 1)", "sign(x)"]) {
    const message = thrown(() => ruleTree(f, "x")).message;
    assert.match(message, /^no differentiation rule applies to "[^"]+": the rules know /, message);
    assert.is(message.split(`"${f}"`).length, 2, message);
  }
  assert.match(
    thrown(() => differentiateByRules("x * e^x", "x", { replace: { at: "", rule: ruleById("quotient") } })).message,
    /quotient rule \("quotient"\) does not apply to "x \* e \^ x" at path ""/,
  );
  assert.match(
    thrown(() => differentiateByRules("x * e^x", "x", { replace: { at: "7", rule: ruleById("quotient") } })).message,
    /no rule is applied at path "7"/,
  );
  assert.match(thrown(() => nodeAt(math.parse("x + 1"), "0.0")).message, /no node at path "0.0"/);
  assert.match(thrown(() => ruleById("nope")).message, /no differentiation rule with id "nope"/);
});

test("choose: a strategy picks the product rule for a quotient written as u · v^(−1)", () => {
  const tree = ruleTree("x * (1 + x^2)^(-1)", "x", {
    choose: (_n, path) => (path === "" ? ruleById("product") : undefined),
  });
  assert.is(tree.rule.id, "product");
  assert.is(tree.children[1].rule.id, "chain");
});

test.run();
