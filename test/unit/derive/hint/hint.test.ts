/**
 * hint(derivation): the first press names the next rule and its parts, the second shows the
 * next step, which the verifier accepts; adding a step starts over; after the derivative the
 * hints are algebra moves, and a finished derivation says so.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../../lib/derive/derive";
import { hint, nextStep } from "../../../../lib/derive/hint";
import { parseExpression } from "../../../../lib/derive/expression";
import type { DerivationSpec } from "../../../../lib/derive/spec";
import { toTex } from "../../../../lib/derive/tex";
import { plainMathProblems } from "../../../math-in-text";

const test = suite("hint");

/** An expression as a hint shows it: `$…$` around its TeX. */
const texOf = (expr: string, names: Readonly<Record<string, string>> = {}) =>
  `$${toTex(parseExpression(expr, "test"), names).trim()}$`;

/** The step a hint's second press shows for the steps before step `k` (1-based), in mathjs syntax. */
const insteadOf = (spec: DerivationSpec, k: number, phase: "differentiate" | "simplify") =>
  nextStep({ ...spec, steps: spec.steps.slice(0, k - 1) }, phase)!.step.expr;

const sigmoid = () => derive("σ′", { name: "g", f: "1 / (1 + e^(-x))", wrt: "x", domain: { x: "(-10, 10)" } });

test("first press: the quotient rule with u = 1 and v = 1 + e^(−x); second press: the next step, both as $…$ TeX", () => {
  const d = sigmoid();
  assert.is(hint(d), "apply the quotient rule, with $u = 1$ and $v = 1+ e^{-x}$");
  const second = hint(d);
  assert.ok(
    second.startsWith(`next step (quotient rule): ${texOf(nextStep(d.spec)!.step.expr)} — `),
    `the step as TeX: ${second}`,
  );
  assert.equal(plainMathProblems(second), []);
  assert.is(hint(d), second, "a third press repeats the step");
  // the derivation's TeX names: ŷ, not yhat
  const bce = derive("L", {
    f: "-(t * log(yhat) + (1 - t) * log(1 - yhat))",
    wrt: "yhat",
    domain: { yhat: "(0, 1)", t: "[0, 1]" },
    texNames: { yhat: "\\hat{y}" },
  });
  assert.match(hint(bce), /\\hat\{y\}/);
  assert.not.match(hint(bce, 2), /yhat|mathit/);
});

test("every press writes its math as $…$ TeX that KaTeX renders: rules, steps, algebra moves, max/min, wrong steps", () => {
  const cases: [string, string, Record<string, string>, string[]][] = [
    ["1 / (1 + e^(-x))", "x", { x: "(-10, 10)" }, []],
    ["sin(x) * log(1 + x^2)", "x", { x: "(-3, 3)" }, []],
    ["3 * x^2 + sqrt(x)", "x", { x: "(0.5, 3)" }, []],
    ["log(cosh(x))", "x", { x: "(-3, 3)" }, []],
    ["x^2 - e^x", "x", { x: "(-3, 3)" }, []],
    ["max(0, x)^2", "x", { x: "(0.1, 2)" }, []],
    ["u^v", "v", { u: "(1, 3)", v: "(-2, 2)" }, []],
    ["y^3", "x", { x: "(-1, 1)", y: "(1, 2)" }, []],
    ["1 / (1 + e^(-x))", "x", { x: "(-10, 10)" }, ["(0 * (1 + e^(-x)) - 1 * (-e^(-x))) / (1 + e^(-x))^2"]],
    ["1 / (1 + e^(-x))", "x", { x: "(-10, 10)" }, ["-e^(-x) / (1 + e^(-x))^2"]],
    ["x^2 + x^3", "x", { x: "(-1, 1)" }, ["2*x + 3*x^2", "2*x + 3*x"]],
  ];
  for (const [f, wrt, domain, steps] of cases) {
    const d = derive("h", { f, wrt, domain });
    for (const [k, expr] of steps.entries())
      if (k === 0) d.differentiate(expr, "rule");
      else d.rewrite(expr, "algebra");
    for (const press of [1, 2] as const) {
      const h = hint(d, press);
      assert.ok(h.length > 0 && !h.startsWith("no hint"), `${f}: ${h}`);
      assert.equal(plainMathProblems(h), [], `${f} ${steps.join(" | ")}, press ${press}: ${h}`);
    }
  }
});

test("the second press states the parts' derivatives, and never refers to derivations it does not show", () => {
  for (const [f, wrt, domain] of [
    ["1 / (1 + e^(-x))", "x", { x: "(-10, 10)" }],
    ["sin(x) * log(1 + x^2)", "x", { x: "(-3, 3)" }],
    ["u^v", "v", { u: "(1, 3)", v: "(-2, 2)" }],
    ["-(t * log(yhat) + (1 - t) * log(1 - yhat))", "yhat", { yhat: "(0, 1)", t: "[0, 1]" }],
  ] as const) {
    const shown = hint(derive("h", { f, wrt, domain }), 2);
    assert.not.match(shown, /worked out above/, `${f}: ${shown}`);
  }
  assert.match(hint(derive("h", { f: "sin(x) * log(1 + x^2)", wrt: "x", domain: { x: "(-3, 3)" } }), 2), /\$v' = /);
  // the note states the formula of the function at hand: u^v in v is an exponential with base u, not e
  assert.match(
    hint(derive("h", { f: "u^v", wrt: "v", domain: { u: "(1, 3)", v: "(-2, 2)" } }), 2),
    /\$\(a\^u\)' = a\^u \\cdot \\ln a\$/,
  );
  assert.match(hint(derive("h", { f: "e^x", wrt: "x", domain: { x: "(-2, 2)" } }), 2), /\$\(e\^u\)' = e\^u\$/);
});

test("the shown step is right: the verifier accepts it as the next step", () => {
  for (const [f, wrt, domain] of [
    ["1 / (1 + e^(-x))", "x", { x: "(-10, 10)" }],
    ["x * sigma(x)", "x", { x: "(-5, 5)" }],
    ["-(t * log(yhat) + (1 - t) * log(1 - yhat))", "yhat", { yhat: "(0, 1)", t: "[0, 1]" }],
    ["log(cosh(x))", "x", { x: "(-3, 3)" }],
    // long next steps are shown whole, never cut with "…" (a learner types them in)
    ["e^z3 / (e^z1 + e^z2 + e^z3)", "z3", { z1: "(-3, 3)", z2: "(-3, 3)", z3: "(-3, 3)" }],
    ["0.5 * x * (1 + tanh(0.7978845608 * (x + 0.044715 * x^3)))", "x", { x: "(-3, 3)" }],
  ] as const) {
    const d = derive("h", { f, wrt, domain });
    const next = nextStep(d.spec)!;
    assert.is(next.step.kind, "differentiate", f);
    // the second press shows the whole step, as TeX
    assert.ok(next.shown.includes(`): ${texOf(next.step.expr)}`), `${f}: the second press shows the whole step`);
    const checked = derive("h", { f, wrt, domain }).differentiate(next.step.expr, next.step.rule).verify();
    assert.ok(checked.ok, `${f}: the hinted step ${next.step.expr} is rejected`);
  }
});

test("the rule names the part: chain rule's inner function, the product's factors", () => {
  assert.is(
    hint(derive("c", { f: "log(cosh(x))", wrt: "x", domain: { x: "(-3, 3)" } })),
    "apply the chain rule, with the inner function $u = \\cosh\\left(x\\right)$ of $\\ln\\left(\\cosh\\left(x\\right)\\right)$",
  );
  assert.is(
    hint(derive("p", { f: "x * sigma(x)", wrt: "x", domain: { x: "(-3, 3)" } })),
    "apply the product rule, with $u = x$ and $v = \\sigma\\left(x\\right)$",
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

test("a wrong rewrite of the function itself, where no algebra move applies: the second press shows the derivative's first step", () => {
  const head = { name: "f", f: "log(1 + x^2)", wrt: "x", domain: { x: "(0.5, 2)" } };
  const d = derive("b", head).rewrite("log(1) + log(x^2)", "log law");
  assert.match(hint(d), /^step 1 does not hold: /);
  const instead = hint(d);
  assert.match(instead, /^instead of step 1, next step \(chain rule\): /);
  const expr = insteadOf(d.spec, 1, "differentiate");
  assert.ok(instead.includes(`): ${texOf(expr)}`), instead);
  assert.ok(derive("b", head).differentiate(expr, "chain rule").verify().ok, `${expr} is the derivative`);
});

test("press 3 is refused by name", () => {
  try {
    hint(sigmoid(), 3 as never);
    assert.unreachable();
  } catch (err) {
    assert.match((err as Error).message, "hint: press must be 1 or 2, got 3");
  }
});

test("a wrong step: the hint names it (with the slip where one explains it), then shows what to write instead, from the last line that holds", () => {
  // a wrong differentiate step as the last step
  const d = derive("a", { name: "g", f: "x^2", wrt: "x", domain: { x: "(-1, 1)" } }).differentiate("3*x", "power rule");
  assert.is(hint(d), "step 1 does not hold; start again from the function");
  const instead = hint(d);
  assert.match(instead, /^instead of step 1, next step \(power rule\): /);
  const expr = insteadOf(d.spec, 1, "differentiate");
  assert.ok(instead.includes(`): ${texOf(expr)}`), instead);
  assert.ok(
    derive("a", { name: "g", f: "x^2", wrt: "x", domain: { x: "(-1, 1)" } })
      .differentiate(expr, "power rule")
      .verify().ok,
    instead,
  );

  // a wrong rewrite after a right derivative: the hint is about the rewrite, never "simplify" onward
  const r = derive("b", { name: "g", f: "x^2 + x^3", wrt: "x", domain: { x: "(-1, 1)" } })
    .differentiate("2*x + 3*x^2 + 0", "sum rule")
    .rewrite("2*x + 3*x", "algebra");
  assert.is(hint(r), "step 2 does not hold; start again from step 1");
  assert.match(hint(r), /^instead of step 2, next step \(algebra: /);

  // a slip the catalogue knows: its message is in the first press, quoting its expressions as TeX
  const s = derive("σ′", { name: "g", f: "1 / (1 + e^(-x))", wrt: "x", domain: { x: "(-10, 10)" } }).differentiate(
    "-e^(-x) / (1 + e^(-x))^2",
    "quotient rule",
  );
  const verdict = s.verify().steps[1];
  assert.ok(verdict.diagnosis, "the missing inner derivative is a known slip");
  assert.is(
    hint(s),
    `step 1 does not hold: ${verdict.diagnosis!.messageTex!.replace(/\.$/, "")}; start again from the function`,
  );
});

test("the verdict is cached per derivation and content: a second press does not verify again, a new step does", () => {
  const d = sigmoid().differentiate("(0 * (1 + e^(-x)) - 1 * (-e^(-x))) / (1 + e^(-x))^2", "quotient rule");
  let calls = 0;
  const verify = d.verify.bind(d);
  d.verify = (options) => {
    calls++;
    return verify(options);
  };
  const first = hint(d);
  assert.is(calls, 1, "the first press verifies");
  const second = hint(d);
  assert.is(calls, 1, "the second press uses the verdict of the first");
  assert.is.not(second, first);
  hint(d, 1);
  assert.is(calls, 1, "a press asked for by number too");
  d.rewrite("e^(-x) / (1 + e^(-x))^2", "algebra");
  hint(d);
  assert.is(calls, 2, "a step added: verified again");
  // a wrong step: the verdict that finds it is also kept
  d.rewrite("e^(-x) / (1 + e^(-x))", "algebra");
  assert.match(hint(d), /^step 3 does not hold/);
  assert.match(hint(d), /^instead of step 3, /);
  assert.is(calls, 3, "one verification for both presses on the wrong step");
});

test("hint refuses what is not a derivation, naming what it got", () => {
  for (const [arg, got] of [
    ["x^2", 'the text "x^2"'],
    [undefined, "undefined"],
    [null, "null"],
  ] as const) {
    try {
      hint(arg as never);
      assert.unreachable(`hint(${String(arg)}) returned`);
    } catch (err) {
      assert.instance(err, TypeError);
      assert.is((err as Error).message, `hint: derivation must be a derivation from derive() or explain(), got ${got}`);
    }
  }
});

test("max and min: the next step writes them as the argument they equal on the domain, and the step it gives is proved", () => {
  const cases = [
    { f: "max(0, x)", wrt: "x", domain: "(0.1, 2)", piece: "x" },
    { f: "max(0, 1 - m)^2", wrt: "m", domain: "(0, 0.9)", piece: "(1 - m) ^ 2" },
    { f: "min(x, 3) * sigma(x)", wrt: "x", domain: "(-2, 2)", piece: "x * sigma(x)" },
    { f: "max(0, x)", wrt: "x", domain: "(-2, -0.5)", piece: "0" },
  ];
  for (const c of cases) {
    const d = derive("piecewise", { name: "f", f: c.f, wrt: c.wrt, domain: { [c.wrt]: c.domain } });
    assert.match(hint(d), `write each max/min as the argument it equals on the domain`, c.f);
    const next = nextStep(d.spec)!;
    assert.is(next.step.kind, "rewrite");
    assert.is(next.step.expr, c.piece, c.f);
    d.spec.steps.push(next.step);
    assert.ok(d.verify().ok, `${c.f}: the hint's own step must hold`);
    // then the rules take over: a differentiate step
    assert.is(nextStep(d.spec)?.step.kind, "differentiate", c.f);
  }
});

test("a kink of max inside the domain: the hint says so in words instead of throwing", () => {
  const d = derive("squared hinge", { name: "f", f: "max(0, 1 - m)^2", wrt: "m", domain: { m: "(0, 2)" } });
  const h = hint(d);
  assert.match(
    h,
    /^no hint from here: hint for "squared hinge": cannot differentiate max\(0, 1 - m\) across the declared domain/,
  );
  assert.match(h, "split the domain there");
});

test.run();
