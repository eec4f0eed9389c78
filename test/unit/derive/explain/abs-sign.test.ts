/**
 * Tests of lib/derive/explain/abs-sign.ts and its step in explain(): on a domain where u has
 * one sign, |u| = u (u > 0) or −u (u < 0); explain() takes that step where the form it ends at
 * is smaller (|x − 1|′ = 1 on (2, 5)), proved by the verifier, and leaves |u| where it is not.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseDomain } from "../../../../lib/derive/domain";
import { absSigns, withoutAbs } from "../../../../lib/derive/explain/abs-sign";
import { explain } from "../../../../lib/derive/explain/explain";
import { keyOf, withoutParens } from "../../../../lib/derive/explain/nodes";
import { math } from "../../../../lib/derive/expression";

const test = suite("explain: |u| on a domain of one sign");
const parse = (s: string) => withoutParens(math.parse(s));

test("absSigns reads each argument's sign on the domain; one that changes sign is left out", () => {
  const signs = absSigns(parse("abs(x - 1) + abs(1 - x) * abs(x - 3)"), parseDomain({ x: "(2, 5)" }, "test"));
  assert.equal(
    [...signs],
    [
      [keyOf(parse("x - 1")), 1],
      [keyOf(parse("1 - x")), -1],
    ],
  );
});

test("withoutAbs writes u or −u and says why", () => {
  const out = withoutAbs(
    parse("abs(x - 1) / (x - 1) + abs(y)"),
    new Map([
      [keyOf(parse("x - 1")), 1 as const],
      [keyOf(parse("y")), -1 as const],
    ]),
  );
  assert.is(out?.expr.toString(), "(x - 1) / (x - 1) + -y");
  assert.is(out?.note, "On the domain $x-1 > 0$, so $|x-1| = x-1$; $y < 0$, so $|y| = -(y)$.");
  assert.is(withoutAbs(parse("x + 1"), new Map()), undefined);
});

test("explain ends at ±u′ where that is smaller, the step proved; else |u| stays", () => {
  const cases: [string, string, string][] = [
    ["abs(x - 1)", "(2, 5)", "1"],
    ["abs(x - 1)", "(-5, -2)", "-1"],
    ["x / (1 + abs(x))", "(1, 3)", "1 / (1 + x) ^ 2"],
    ["x / (1 + abs(x))", "(-3, -1)", "1 / (1 - x) ^ 2"],
    // 2|x| is no larger than −2x: the rules' form stays
    ["abs(x) * x", "(-3, -1)", "2 * abs(x)"],
  ];
  for (const [f, interval, final] of cases) {
    const d = explain(f, { wrt: "x", domain: { x: interval } });
    const steps = d.spec.steps;
    assert.is(steps[steps.length - 1].expr, final, `${f} on ${interval}`);
    const step = d.verify().steps.find((s) => s.rule === "algebra: |u| on the domain");
    assert.is(step === undefined, final.includes("abs"), `${f} on ${interval}: the |u| step`);
    if (step) assert.is(step.tier, "proved", `${f} on ${interval}`);
  }
});

test.run();
