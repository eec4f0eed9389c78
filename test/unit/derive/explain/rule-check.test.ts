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
import { derivationPayload } from "../../../../lib/outputs/make-derivation-payload";

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

test.run();
