/**
 * Tests of lib/derive/explain/rule-check.ts and its use by the verifier: a true differentiate
 * step that names a vocabulary rule is checked against what that rule gives; the result rides
 * in the verdict and the payload as data; a true step under another rule's name stays ✓ with a
 * note naming the rule it is; a wrong step gets no rule check.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../../lib/derive/derive";
import { checkNamedRule, namedRules } from "../../../../lib/derive/explain/rule-check";
import { DIFF_RULES, ELEMENTARY_RULE_NAMES } from "../../../../lib/derive/explain/rules";
import { derivationPayload } from "../../../../lib/outputs/make-derivation-payload";
import { pythonJson } from "../../python-oracle";

const test = suite("explain: the rule a hand-written step names");

const SIGMA = "1 / (1 + e^(-x))";
const CHAIN_FORM = "-(1 + e^(-x))^(-2) * (-e^(-x))";
const QUOTIENT_FORM = "(0 * (1 + e^(-x)) - 1 * (-e^(-x))) / (1 + e^(-x))^2";

test("namedRules finds the vocabulary's names and their synonyms in a rule text", () => {
  assert.equal(namedRules("sum rule, exponential rule, chain rule").sort(), [
    "chain rule",
    "exponential rule",
    "sum rule",
  ]);
  assert.equal(namedRules("chain rule, log rule").sort(), ["chain rule", "logarithm rule"]);
  assert.equal(namedRules("algebra: factor"), []);
});

test("the quotient rule's form under its own name agrees; the chain rule's form under it is named", () => {
  assert.equal(checkNamedRule(SIGMA, QUOTIENT_FORM, "x", "quotient rule"), {
    named: "quotient rule",
    applied: "quotient rule",
    agrees: true,
    note: "",
  });
  const other = checkNamedRule(SIGMA, CHAIN_FORM, "x", "quotient rule")!;
  assert.is(other.applied, "chain rule");
  assert.is(other.agrees, false);
  assert.match(other.note, /This step is the chain rule, not the quotient rule/);
  assert.is(checkNamedRule("(1 + e^(-x))^(-1)", CHAIN_FORM, "x", "chain rule")!.agrees, true);
});

test("a rule that does not apply to the line above is named with the kit's rule; no vocabulary rule, no check", () => {
  const r = checkNamedRule("x * sigma(x)", "1 * sigma(x) + x * sigma(x) * (1 - sigma(x))", "x", "quotient rule")!;
  assert.is(r.applied, "product rule");
  assert.is(r.agrees, false);
  assert.is(checkNamedRule("x * sigma(x)", "sigma(x)", "x", "the result above"), undefined);
});

test("the verifier carries the check in the verdict and the payload; the step stays ✓; a wrong step gets none", () => {
  const head = { name: "g", f: SIGMA, wrt: "x", domain: { x: "(-10, 10)" } };
  const d = derive("σ′", head).differentiate(CHAIN_FORM, "quotient rule");
  const r = d.verify();
  assert.is(r.ok, true);
  assert.is(r.steps[1].ruleCheck?.applied, "chain rule");
  const payload = derivationPayload(r, { spec: d.spec });
  assert.is(payload.verdicts[1].ruleCheck?.agrees, false);
  assert.match(payload.verdicts[1].ruleCheck!.note, /chain rule/);
  const wrong = derive("σ′", head).differentiate("-(1 + e^(-x))^(-2) * e^(-x)", "chain rule").verify();
  assert.is(wrong.steps[1].ok, false);
  assert.is(wrong.steps[1].ruleCheck, undefined);
});

test("a rule the kit applies below a constant multiple or a minus is never said not to apply (a new user's report)", () => {
  // the chain rule inside 0.5·(…)², the sum rule under the leading minus of binary cross-entropy
  for (const [prev, step, rule, wrt] of [
    ["0.5 * (y - x)^2", "-(y - x)", "chain rule", "x"],
    ["-(t * log(y) + (1 - t) * log(1 - y))", "(1 - t) / (1 - y) - t / y", "sum rule", "y"],
    ["3 * sin(x^2)", "6 * x * cos(x^2)", "chain rule", "x"],
  ]) {
    const c = checkNamedRule(prev, step, wrt, rule)!;
    assert.is(c.agrees, true, `${rule} on ${prev}: ${c.note}`);
    assert.is(c.note, "");
  }
  // a rule the kit uses nowhere is still named
  const none = checkNamedRule("0.5 * (y - x)^2", "-(y - x)", "x", "quotient rule")!;
  assert.match(none.note, /quotient rule does not apply/);
});

test("a previous line holding a quantity named in defs is not checked: the rules would read it as a constant", () => {
  const logits = { z1: "(-3, 3)", z2: "(-3, 3)", z3: "(-3, 3)" };
  const defs = { p1: "e^z1 / (e^z1 + e^z2 + e^z3)" };
  const r = derive("∂L/∂z1", { name: "L", f: "-log(p1)", wrt: "z1", domain: logits, defs })
    .differentiate("-(1 - p1)", "chain rule")
    .verify();
  assert.is(r.steps[1].ok, true);
  assert.is(r.steps[1].ruleCheck, undefined);
  assert.is(checkNamedRule("-log(p1)", "-(1 - p1)", "z1", "chain rule", ["p1"]), undefined);
  // without the names, p1 is a constant to the rules, and the check says so wrongly: what the names prevent
  assert.match(checkNamedRule("-log(p1)", "-(1 - p1)", "z1", "chain rule")?.note ?? "", /constant rule/);
});

test("a named rule that does not apply at the top of the line above never agrees (x^x is not the power rule)", () => {
  // the rules that apply at the top of each function, written by hand: the root's rule, the
  // outer function of a chain, the terms of a sum or a constant multiple
  const TOP: [string, string[]][] = [
    ["x^x", ["logarithmic differentiation"]],
    ["x^(2 * x)", ["logarithmic differentiation"]],
    ["x * sin(x)", ["product rule"]],
    ["e^(x^2)", ["chain rule", "exponential rule"]],
    ["log(x^2 + 1)", ["chain rule", "logarithm rule"]],
    ["x^3", ["power rule"]],
    ["sqrt(x) * log(x)", ["product rule"]],
    ["(x^2 + 1)^3", ["chain rule", "power rule"]],
    // a product with a constant: the product rule applies to its shape too
    ["3 * tanh(x)", ["constant multiple rule", "tanh derivative", "product rule"]],
    ["x^2 + e^x", ["sum rule", "power rule", "exponential rule"]],
  ];
  // each derivative as SymPy writes it (an independent form, not the kit's shape)
  const steps: string[] = pythonJson(
    `
import json, sys
from sympy import symbols, diff, sympify, E
x = symbols("x", positive=True)
out = [str(diff(sympify(f.replace("^", "**"), locals={"x": x, "e": E}), x)).replace("**", "^") for f in json.load(sys.stdin)]
print(json.dumps(out))
`,
    TOP.map(([f]) => f),
  );
  const vocabulary = [...new Set([...DIFF_RULES.map((r) => r.name), ...Object.values(ELEMENTARY_RULE_NAMES)])];
  const wrong: string[] = [];
  let refused = 0;
  TOP.forEach(([f, top], i) => {
    for (const name of vocabulary) {
      const c = checkNamedRule(f, steps[i], "x", name);
      const agrees = c?.agrees === true;
      if (agrees && !top.includes(name)) wrong.push(`${f} → ${steps[i]} as "${name}": agrees (${JSON.stringify(c)})`);
      if (!agrees && top.includes(name)) wrong.push(`${f} → ${steps[i]} as "${name}": does not agree`);
      if (!agrees) refused++;
    }
  });
  assert.equal(wrong, []);
  assert.ok(refused > 100, `${refused} named rules not agreeing`);
  const xx = checkNamedRule("x^x", "x^x * (log(x) + 1)", "x", "power rule")!;
  assert.is(xx.agrees, false);
  assert.match(xx.note, "logarithmic differentiation");
});

test.run();
