/**
 * Tests of lib/derive/verify.ts: verifyDerivation (the two tiers, wrong and undefined
 * steps with their counterexamples, and the errors that name the step) and verifyStep.
 *
 * Counterexample values are re-evaluated here with an independent mathjs instance in
 * 80-digit BigNumber arithmetic (more than the engine's own), from the formulas as written in the test, and must
 * match the reported 20-digit values to 1e-18 relative.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { all, create, type BigNumber } from "mathjs";
import { derive } from "../../../lib/derive/derive";
import { math } from "../../../lib/derive/expression";
import type { DerivationSpec } from "../../../lib/derive/spec";
import type { Counterexample } from "../../../lib/derive/types";
import { verifyStep } from "../../../lib/derive/verify";
import { thrown } from "./helpers";

/** Reference arithmetic: 80 significant digits. */
const R = create(all, { number: "BigNumber", precision: 80 });

/** Evaluates a formula at a point given as decimal strings, in 80-digit arithmetic. */
function ref(expr: string, point: Record<string, string>): BigNumber {
  const scope = Object.fromEntries(Object.entries(point).map(([k, v]) => [k, R.bignumber(v)]));
  return R.evaluate(expr, scope) as BigNumber;
}

/** Asserts that a reported 20-digit value equals the reference to 1e-18 relative (of max(1, |ref|)). */
function sameValue(reported: string, reference: BigNumber, label: string): void {
  const diff = R.bignumber(reported).minus(reference).abs();
  const scale = R.max(R.bignumber(1), reference.abs()) as BigNumber;
  assert.ok(diff.lte(scale.times("1e-18")), `${label}: reported ${reported}, reference ${reference.toString()}`);
}

/** True when mathjs simplify reduces a − b to the constant 0 (the symbolic tier's test, restated). */
const simplifiesToZero = (a: string, b: string): boolean => math.simplify(`(${a}) - (${b})`).toString() === "0";

const YT = { yhat: "(0, 1)", t: "[0, 1]" } as const;

/** Asserts a counterexample's point lies in yhat ∈ (0, 1), t ∈ [0, 1] (exact decimal comparison). */
function insideYT(c: Counterexample): void {
  assert.equal(Object.keys(c.point).sort(), ["t", "yhat"]);
  const y = R.bignumber(c.point.yhat);
  const t = R.bignumber(c.point.t);
  assert.ok(y.gt(0) && y.lt(1), `yhat = ${c.point.yhat}`);
  assert.ok(t.gte(0) && t.lte(1), `t = ${c.point.t}`);
}

const v = suite("verifyDerivation");

v("should prove an identity with the exact tier", () => {
  assert.ok(simplifiesToZero("5 * x", "2 * x + 3 * x"), "premise: simplify proves it");
  const r = derive("collect", { f: "2 * x + 3 * x", wrt: "x", domain: { x: "(-5, 5)" } })
    .rewrite("5 * x", "collect terms")
    .verify();
  assert.is(r.ok, true);
  assert.is(r.steps[1].tier, "proved");
  assert.is(r.steps[1].ok, true);
});

v(
  "should prove −t/ŷ + (1−t)/(1−ŷ) = (ŷ−t)/(ŷ(1−ŷ)), which simplify cannot, with the exact tier, naming ŷ ≠ 0 and 1 − ŷ ≠ 0",
  () => {
    const lhs = "-t / yhat + (1 - t) / (1 - yhat)";
    const rhs = "(yhat - t) / (yhat * (1 - yhat))";
    assert.not.ok(simplifiesToZero(rhs, lhs), "premise: simplify does not prove it");
    const r = derive("common denominator", { name: "L", f: lhs, wrt: "yhat", domain: YT })
      .rewrite(rhs, "algebra")
      .verify();
    assert.is(r.ok, true);
    assert.is(r.steps[1].ok, true);
    assert.is(r.steps[1].tier, "proved");
    assert.is(r.steps[1].counterexample, undefined);
    const conditions = r.steps[1].certificate!.conditions;
    assert.ok(conditions.includes("yhat ≠ 0") && conditions.includes("(1 - yhat) ≠ 0"), conditions.join("; "));
  },
);

v("should reject a wrong rewrite with a counterexample inside the domain whose values really differ", () => {
  const before = "(yhat - t) / (yhat * (1 - yhat))";
  const wrong = "(yhat - t) / (yhat * (1 + yhat))";
  const r = derive("BCE", { name: "L", f: "-(t * log(yhat) + (1 - t) * log(1 - yhat))", wrt: "yhat", domain: YT })
    .differentiate("-t / yhat + (1 - t) / (1 - yhat)", "sum rule")
    .rewrite(before, "algebra")
    .rewrite(wrong, "a slip: + for −")
    .verify();
  assert.is(r.ok, false);
  assert.equal(
    r.steps.map((s) => s.ok),
    [true, true, true, false],
  );
  const s = r.steps[3];
  assert.is(s.tier, "sampled");
  assert.ok(s.counterexample, "counterexample present");
  const c = s.counterexample!;
  insideYT(c);
  const expected = ref(before, c.point);
  const actual = ref(wrong, c.point);
  sameValue(c.expected, expected, "expected");
  sameValue(c.actual, actual, "actual");
  assert.ok(
    expected
      .minus(actual)
      .abs()
      .gt(R.bignumber("1e-9").times(R.max(1, expected.abs()) as BigNumber)),
    "values differ",
  );
});

v("should fail the closing check too when the last step is wrong", () => {
  const r = derive("BCE", { name: "L", f: "-(t * log(yhat) + (1 - t) * log(1 - yhat))", wrt: "yhat", domain: YT })
    .differentiate("-t / yhat + (1 - t) / (1 - yhat)", "sum rule")
    .rewrite("(yhat - t) / (yhat * (1 + yhat))", "slip")
    .verify();
  assert.is(r.final!.ok, false);
  const c = r.final!.counterexample!;
  insideYT(c);
  sameValue(c.expected, ref("-t / yhat + (1 - t) / (1 - yhat)", c.point), "expected = ∂L/∂ŷ");
  sameValue(c.actual, ref("(yhat - t) / (yhat * (1 + yhat))", c.point), "actual");
});

v("should reject a wrong differentiate step, with the true derivative as the expected value", () => {
  const r = derive("t log ŷ", { name: "a", f: "t * log(yhat)", wrt: "yhat", domain: YT })
    .differentiate("t * yhat", "a slip")
    .verify();
  assert.is(r.ok, false);
  const c = r.steps[1].counterexample!;
  insideYT(c);
  sameValue(c.expected, ref("t / yhat", c.point), "expected t/ŷ");
  sameValue(c.actual, ref("t * yhat", c.point), "actual tŷ");
});

v(
  "should reject 0·log(−ŷ) + t/ŷ for ∂/∂ŷ of t·log ŷ: not real on (0, 1), though simplify reduces the difference to 0",
  () => {
    const step = "0 * log(-yhat) + t / yhat";
    assert.ok(simplifiesToZero(step, "t / yhat"), "premise: simplify 'proves' it");
    const r = derive("t log ŷ", { name: "a", f: "t * log(yhat)", wrt: "yhat", domain: YT })
      .differentiate(step, "product rule")
      .verify();
    assert.is(r.ok, false);
    assert.is(r.steps[1].ok, false);
    const c = r.steps[1].counterexample!;
    insideYT(c);
    assert.match(c.actual, /not a real number/);
    sameValue(c.expected, ref("t / yhat", c.point), "expected t/ŷ");
    assert.ok(R.isComplex(ref("log(-yhat)", c.point)), "log(−ŷ) is complex at the point");
  },
);

v("should reject a step that is infinite on the domain", () => {
  const r = derive("inf", { f: "x", wrt: "x", domain: { x: "(0, 1)" } })
    .rewrite("x + 0 / (x - x)", "division by zero")
    .verify();
  assert.is(r.steps[1].ok, false);
  assert.ok(r.steps[1].counterexample);
});

v("should throw a RangeError naming the given function when it is not real on the domain", () => {
  const e = thrown(() =>
    derive("sqrt", { f: "sqrt(x)", wrt: "x", domain: { x: "(-1, 1)" } })
      .rewrite("x^(1/2)", "power")
      .verify(),
  );
  assert.instance(e, RangeError);
  assert.match(e.message, "the given function");
  assert.match(e.message, "check the declared domain");
});

v("should give the same verdict and counterexample for the same seed, and another point for another seed", () => {
  const der = derive("t log ŷ", { name: "a", f: "t * log(yhat)", wrt: "yhat", domain: YT }).differentiate(
    "t * yhat",
    "a slip",
  );
  const a = der.verify({ seed: "one" });
  const b = der.verify({ seed: "one" });
  const c = der.verify({ seed: "two" });
  assert.equal(a, b);
  assert.is.not(a.seed, c.seed);
  assert.equal(
    a.steps.map((s) => s.ok),
    c.steps.map((s) => s.ok),
  );
});

v("should throw a SyntaxError naming step 2 and its text when step 2 does not parse", () => {
  const e = thrown(() =>
    derive("D", { f: "x^2", wrt: "x", domain: { x: "(0, 1)" } })
      .differentiate("2 * x", "power rule")
      .rewrite("(2 * x", "typo")
      .verify(),
  );
  assert.instance(e, SyntaxError);
  assert.match(e.message, 'derivation "D"');
  assert.match(e.message, "step 2");
  assert.match(e.message, '"(2 * x"');
});

v("should throw a SyntaxError naming the given function when it does not parse", () => {
  const e = thrown(() =>
    derive("D", { f: "x^", wrt: "x", domain: { x: "(0, 1)" } })
      .rewrite("x", "same")
      .verify(),
  );
  assert.instance(e, SyntaxError);
  assert.match(e.message, "the given function");
});

v("should throw a RangeError naming the variable and the step when a variable has no declared domain", () => {
  const e = thrown(() =>
    derive("D", { f: "x^2", wrt: "x", domain: { x: "(0, 1)" } })
      .differentiate("2 * x", "power rule")
      .rewrite("2 * x + 0 * y", "typo")
      .verify(),
  );
  assert.instance(e, RangeError);
  assert.match(e.message, "step 2");
  assert.match(e.message, "the variable y has no declared domain");
});

v("should throw a RangeError when the differentiation variable has no declared domain", () => {
  const e = thrown(() =>
    derive("D", { f: "x^2", wrt: "z", domain: { x: "(0, 1)" } })
      .rewrite("x^2", "same")
      .verify(),
  );
  assert.instance(e, RangeError);
  assert.match(e.message, "the variable z has no declared domain");
});

v("should throw a RangeError naming an unknown function and the step", () => {
  const e = thrown(() =>
    derive("D", { f: "x^2", wrt: "x", domain: { x: "(0, 1)" } })
      .rewrite("foo(x)", "no such function")
      .verify(),
  );
  assert.instance(e, RangeError);
  assert.match(e.message, "step 1");
  assert.match(e.message, "unknown function foo(…)");
});

v("should accept a function declared in defs", () => {
  const r = derive("D", { f: "x^2", wrt: "x", domain: { x: "(0, 1)" }, defs: { "foo(u)": "u * u" } })
    .rewrite("foo(x)", "defined")
    .verify();
  assert.is(r.ok, true);
});

v('should throw a RangeError "has no steps" for an empty derivation', () => {
  const e = thrown(() => derive("empty", { f: "x", wrt: "x", domain: { x: "(0, 1)" } }).verify());
  assert.instance(e, RangeError);
  assert.match(e.message, 'derivation "empty" has no steps');
});

v("should throw a RangeError naming the variable for a malformed domain", () => {
  for (const raw of ["(1, 0)", "[a, b]"]) {
    const e = thrown(() =>
      derive("D", { f: "x", wrt: "x", domain: { x: raw } })
        .rewrite("x", "same")
        .verify(),
    );
    assert.instance(e, RangeError, raw);
    assert.match(e.message, "domain of x", raw);
    assert.match(e.message, raw);
  }
});

v("should throw a RangeError for fewer than 16 samples or a non-integer count, and accept 16", () => {
  const der = derive("D", { f: "x", wrt: "x", domain: { x: "(0, 1)" } }).rewrite("x", "same");
  for (const samples of [15, 0, -3, 16.5, NaN]) {
    const e = thrown(() => der.verify({ samples }));
    assert.instance(e, RangeError, String(samples));
    assert.match(e.message, `samples must be an integer ≥ 16, got ${samples}`);
  }
  assert.is(der.verify({ samples: 16 }).samples, 16);
});

v("should throw a RangeError naming the call when a definition gets the wrong number of arguments", () => {
  const e = thrown(() =>
    derive("D", { f: "x", wrt: "x", domain: { x: "(0, 1)" } })
      .rewrite("sigma(x, x)", "typo")
      .verify(),
  );
  assert.instance(e, RangeError);
  assert.match(e.message, "step 1");
  assert.match(e.message, "sigma takes 1 argument(s), got 2");
});

// Soundness: a wrong step must be rejected whatever the tier that looks at it first.

v(
  "should reject x = (x^2)^(1/2) on (−10, 10): it is |x|, wrong for every x < 0, though simplify reduces the difference to 0",
  () => {
    assert.ok(simplifiesToZero("(x^2)^(1/2)", "x"), "premise: simplify 'proves' it");
    assert.is(R.evaluate("(x^2)^(1/2)", { x: R.bignumber(-3) }).toString(), "3", "premise: the step is 3 at x = −3");
    const r = derive("|x|", { f: "x", wrt: "x", domain: { x: "(-10, 10)" } })
      .rewrite("(x^2)^(1/2)", "power of a power")
      .verify();
    assert.is(r.steps[1].ok, false, "(x^2)^(1/2) accepted as x on (−10, 10)");
    assert.is(r.ok, false);
  },
);

v("should reject 2·e^(−x) or 0 as a rewrite of e^(−x) on (80, 100), where both sides are below 1e-30", () => {
  for (const wrong of ["2 * e^(-x)", "0"]) {
    const r = derive("tiny", { f: "e^(-x)", wrt: "x", domain: { x: "(80, 100)" } })
      .rewrite(wrong, "a slip")
      .verify();
    assert.is(r.steps[1].ok, false, `${wrong} accepted as e^(-x) on (80, 100)`);
  }
});

const vs = suite("verifyStep");

/** ∂/∂ŷ of t·log ŷ in two steps; `first` replaces the first step. */
function firstTerm(first = "0 * log(yhat) + t * (1 / yhat)"): DerivationSpec {
  return derive("t log ŷ", { name: "a", f: "t * log(yhat)", wrt: "yhat", domain: YT })
    .differentiate(first, "product rule, log rule")
    .rewrite("t / yhat", "algebra").spec;
}

vs("should verify a step as written when no expression is given", () => {
  const s = verifyStep(firstTerm(), 2);
  assert.is(s.ok, true);
  assert.is(s.index, 2);
  assert.is(s.kind, "rewrite");
  assert.is(s.expr, "t / yhat");
  assert.is(s.lhs, "");
});

vs("should verify a replaced expression in place of the step", () => {
  const good = verifyStep(firstTerm(), 1, "t / yhat");
  assert.is(good.ok, true);
  assert.is(good.expr, "t / yhat");
  assert.is(good.kind, "differentiate");
  assert.is(good.lhs, "\\frac{\\partial a}{\\partial \\hat{y}}");
  const bad = verifyStep(firstTerm(), 2, "yhat * t");
  assert.is(bad.ok, false);
  assert.is(bad.expr, "yhat * t");
  const c = bad.counterexample!;
  insideYT(c);
  sameValue(c.expected, ref("0 * log(yhat) + t * (1 / yhat)", c.point), "expected: step 1");
  sameValue(c.actual, ref("yhat * t", c.point), "actual");
  // undefined at the closed bound t = 0, the first point: rejected there
  const pole = verifyStep(firstTerm(), 2, "yhat / t");
  assert.is(pole.ok, false);
  assert.is(pole.counterexample!.point.t, "0");
  assert.is(pole.counterexample!.actual, "not finite");
});

vs("should take the steps before it as written, without checking them", () => {
  const spec = firstTerm("t * yhat"); // wrong step 1
  assert.is(verifyStep(spec, 1).ok, false);
  assert.is(verifyStep(spec, 2, "t * yhat").ok, true, "equal to step 1 as written");
  assert.is(verifyStep(spec, 2).ok, false, "t/ŷ is not tŷ");
});

vs("should count the differentiations before the step (f''(x) for the second)", () => {
  const spec = derive("x³″", { f: "x^3", wrt: "x", domain: { x: "(-2, 2)" } })
    .differentiate("3 * x^2", "power rule")
    .differentiate("6 * x", "power rule").spec;
  const s = verifyStep(spec, 2, "6 * x");
  assert.is(s.ok, true);
  assert.is(s.lhs, "f''(x)");
  assert.is(verifyStep(spec, 2, "3 * x").ok, false);
});

vs("should throw a RangeError for an index that is not a step number", () => {
  for (const index of [0, 3, -1, 1.5, NaN]) {
    const e = thrown(() => verifyStep(firstTerm(), index));
    assert.instance(e, RangeError, String(index));
    assert.match(e.message, `there is no step ${index} (it has 2)`);
  }
});

vs("should throw like verifyDerivation for a replaced expression that does not parse, naming the step", () => {
  const e = thrown(() => verifyStep(firstTerm(), 2, "t /"));
  assert.instance(e, SyntaxError);
  assert.match(e.message, "step 2");
  assert.match(e.message, '"t /"');
});

v.run();
vs("should name the previous step as written, not with its definitions expanded", () => {
  const spec = derive("as written", { name: "g", f: "sigma(x)", wrt: "x", domain: { x: "(-5, 5)" } })
    .rewrite("1 / (1 + e^(-x))", "definition")
    .rewrite("sigma(x) + 1", "wrong").spec;
  const r = verifyStep(spec, 2);
  assert.is(r.ok, false);
  assert.is(r.against, "1 / (1 + e^(-x))");
  assert.is(verifyStep(spec, 1).against, "sigma(x)");
});

vs("should reject a tiny wrong term, the step's value shown as the expected one plus what is left", () => {
  const spec = derive("tiny", { name: "f", f: "x^2", wrt: "x", domain: { x: "(1, 2)" } }).differentiate(
    "2 * x + 1e-40",
    "power rule",
  ).spec;
  const r = verifyStep(spec, 1);
  assert.is(r.ok, false);
  assert.is.not(r.counterexample!.expected, r.counterexample!.actual);
  // 2x to every digit the point has, and the wrong term after it (the values part in their 41st digit)
  const x = r.counterexample!.point.x;
  assert.is(Number(r.counterexample!.expected), 2 * Number(x));
  assert.is(r.counterexample!.actual, `${r.counterexample!.expected} + 1e-40`);
});

vs.run();
