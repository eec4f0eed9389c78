/**
 * Tests of lib/derive/math-text.ts: a power whose exponent is a power prints with the exponent in
 * parentheses (e ^ (x ^ 2), never e ^ x ^ 2, which a learner reads as (e^x)²), in the text a
 * diagnosis quotes and suggests, and the text still means what the expression means.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../lib/derive/derive";
import { math } from "../../../lib/derive/expression";
import { mathText } from "../../../lib/derive/math-text";

const t = suite("mathText");

t("should keep the parentheses of a power's exponent that is a power, and of a base that is an operation", () => {
  const cases: [string, string][] = [
    ["e^(x^2)", "e ^ (x ^ 2)"],
    ["(e^x)^(x^2)", "(e ^ x) ^ (x ^ 2)"],
    ["(x + 1)^(y^2)", "(x + 1) ^ (y ^ 2)"],
    ["2^(3^x) * sigma(x)", "2 ^ (3 ^ x) * sigma(x)"],
    ["(e^x)^2", "(e ^ x) ^ 2"],
    ["e^(-x)", "e ^ (-x)"],
  ];
  for (const [input, text] of cases) {
    const node = math.parse(input);
    assert.is(mathText(node), text, input);
    // the same expression: both read back to the same tree (parentheses aside)
    const bare = (s: string) => math.parse(s).toString({ parenthesis: "auto" });
    assert.is(bare(mathText(node)), bare(input), input);
  }
  // a node built without parentheses (as the rules build them) gets them too
  const built = new math.OperatorNode("^", "pow", [new math.SymbolNode("e"), math.parse("x ^ 2")]);
  assert.is(mathText(built), "e ^ (x ^ 2)");
});

t("should quote e^(x^2) with its parentheses in a diagnosis's message and suggested step (a new user's report)", () => {
  const r = derive("t", { name: "f", f: "e^(x^2)", wrt: "x", domain: { x: "(-2, 2)" } })
    .differentiate("e^(x^2)", "chain rule")
    .verify();
  const d = r.steps[1].diagnosis!;
  assert.is(d.id, "chain-inner-missing");
  assert.match(d.message, "of e^(x^2) is missing");
  assert.not.match(d.message, "e^x^2");
  assert.is(d.expected, "2 * e^(x^2) * x");
});

t.run();
