/**
 * hint(derivation): the first press names the next rule and its parts, the second shows the
 * next step, which the verifier accepts; adding a step starts over; after the derivative the
 * hints are algebra moves, and a finished derivation says so.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../../lib/derive/derive";
import { hint, nextStep } from "../../../../lib/derive/hint";

const test = suite("hint");

const sigmoid = () => derive("σ′", { name: "g", f: "1 / (1 + e^(-x))", wrt: "x", domain: { x: "(-10, 10)" } });

test("first press: the quotient rule with u = 1 and v = 1 + e^(−x); second press: the next step", () => {
  const d = sigmoid();
  assert.is(hint(d), "apply the quotient rule, with u = 1 and v = 1 + e^(−x)");
  const second = hint(d);
  assert.match(second, /^next step \(quotient rule\): /);
  assert.is(hint(d), second, "a third press repeats the step");
});

test("the shown step is right: the verifier accepts it as the next step", () => {
  for (const [f, wrt, domain] of [
    ["1 / (1 + e^(-x))", "x", { x: "(-10, 10)" }],
    ["x * sigma(x)", "x", { x: "(-5, 5)" }],
    ["-(t * log(yhat) + (1 - t) * log(1 - yhat))", "yhat", { yhat: "(0, 1)", t: "[0, 1]" }],
    ["log(cosh(x))", "x", { x: "(-3, 3)" }],
  ] as const) {
    const d = derive("h", { f, wrt, domain });
    const next = nextStep(d.spec)!;
    assert.is(next.step.kind, "differentiate", f);
    const checked = derive("h", { f, wrt, domain }).differentiate(next.step.expr, next.step.rule).verify();
    assert.ok(checked.ok, `${f}: the hinted step ${next.step.expr} is rejected`);
  }
});

test("the rule names the part: chain rule's inner function, the product's factors", () => {
  assert.is(
    hint(derive("c", { f: "log(cosh(x))", wrt: "x", domain: { x: "(-3, 3)" } })),
    "apply the chain rule, with the inner function u = cosh(x) of log(cosh(x))",
  );
  assert.is(
    hint(derive("p", { f: "x * sigma(x)", wrt: "x", domain: { x: "(-3, 3)" } })),
    "apply the product rule, with u = x and v = sigma(x)",
  );
});

test("after the derivative: an algebra move, accepted as a rewrite; adding a step starts the presses over", () => {
  const d = sigmoid();
  hint(d);
  hint(d);
  d.differentiate("(0 * (1 + e^(-x)) - 1 * (-e^(-x))) / (1 + e^(-x))^2", "quotient rule");
  assert.match(hint(d), /^simplify: /);
  const next = nextStep(d.spec)!;
  assert.is(next.step.kind, "rewrite");
  d.rewrite(next.step.expr, next.step.rule);
  assert.ok(d.verify().ok, `the hinted rewrite ${next.step.expr} is rejected`);
});

test("a finished derivation: done", () => {
  const d = derive("x²", { f: "x^2", wrt: "x", domain: { x: "(-1, 1)" } }).differentiate("2 * x", "power rule");
  assert.match(hint(d), /^done/);
});

test("press 3 is refused by name", () => {
  try {
    hint(sigmoid(), 3 as never);
    assert.unreachable();
  } catch (err) {
    assert.match((err as Error).message, "hint: press must be 1 or 2, got 3");
  }
});

test.run();
