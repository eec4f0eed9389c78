/**
 * Tests of tooling/mutation/mutate.ts (single-change mutants of an expression) and
 * tooling/mutation/mutation-test.ts (the verifier's soundness and completeness on them).
 * Only small derivations here; `npm run mutants` runs the whole catalogue.
 *
 * Mutants are compared as expressions (mathjs toString with redundant brackets
 * removed), since the exact bracketing of a mutant's text is not part of the contract.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseDomain } from "../../../lib/derive/domain";
import { derive } from "../../../lib/derive/derive";
import { math } from "../../../lib/derive/expression";
import { mutateExpression } from "../../../tooling/mutation/mutate";
import { runMutationTest } from "../../../tooling/mutation/mutation-test";

const norm = (expr: string): string => math.parse(expr).toString({ parenthesis: "auto" });
const normSet = (exprs: readonly string[]): Set<string> => new Set(exprs.map(norm));

const m = suite("mutateExpression");

m(
  "should give, for t / yhat, the swapped-variable form, swapped operands, a flipped sign and the operator change",
  () => {
    const mutants = mutateExpression("t / yhat", ["yhat", "t"]);
    const got = normSet(mutants);
    assert.ok(mutants.includes("yhat / t"), "every occurrence of yhat and t swapped");
    for (const want of ["yhat / t", "-(t / yhat)", "-t / yhat", "t / -yhat", "t * yhat", "t", "yhat / yhat", "t / t"]) {
      assert.ok(got.has(norm(want)), `missing mutant ${want}; got ${mutants.join(" | ")}`);
    }
  },
);

m("should never return the original text", () => {
  for (const [expr, vars] of [
    ["t / yhat", ["yhat", "t"]],
    ["-x", ["x"]],
    ["e^(-x) / (1 + e^(-x))^2", ["x"]],
    ["sigma(z) - t", ["z", "t"]],
    ["0 * log(yhat) + t * (1 / yhat)", ["yhat", "t"]],
  ] as const) {
    const mutants = mutateExpression(expr, vars);
    assert.ok(mutants.length > 0, expr);
    assert.not.ok(mutants.includes(expr), `${expr} among its mutants`);
    assert.is(new Set(mutants).size, mutants.length, `${expr}: duplicates`);
  }
});

m("should give mutants that all parse", () => {
  for (const mutant of mutateExpression("-(1 - t) / (1 - yhat) + sigma(z)^2", ["yhat", "t", "z"])) {
    assert.not.throws(() => math.parse(mutant), mutant);
  }
});

m("should change a constant, flip + to −, drop a term and change an exponent", () => {
  const got = normSet(mutateExpression("1 + x^2", ["x"]));
  for (const want of ["1 - x^2", "x^2", "1", "2 + x^2", "1 + x^3", "1 + x^(-2)", "1 + x", "-(1 + x^2)", "1 + (-x)^2"]) {
    assert.ok(got.has(norm(want)), `missing mutant ${want}`);
  }
});

m(
  "should add the mutants below double precision: a constant off in its 17th digit, a term 1e-40, a factor 1 + 1e-30",
  () => {
    const got = normSet(mutateExpression("3 * x", ["x"]));
    for (const want of ["3.0000000000000003 * x", "(3 * x) + 1e-40", "(3 * x) * (1 + 1e-30)"]) {
      assert.ok(got.has(norm(want)), `missing mutant ${want}`);
    }
  },
);

m(
  "should add, given the domain, mutants wrong only in the top or bottom 3 % of an interval or on one side of a point",
  () => {
    const got = normSet(mutateExpression("x^2", ["x"], parseDomain({ x: "(-10, 10)" }, "T")));
    for (const want of [
      "(x^2) * (1 + max(0, x - 9.4))",
      "(x^2) * (1 + max(0, (-9.4) - x))",
      "(x^2) + abs(x - 2) - (x - 2)",
    ]) {
      assert.ok(got.has(norm(want)), `missing mutant ${want}`);
    }
    assert.is(
      [...normSet(mutateExpression("x^2", ["x"]))].some((m) => m.includes("max")),
      false,
      "none without the domain",
    );
  },
);

m("should replace sigma(z) by 1 − sigma(z) and by sigma(−z), and drop the function", () => {
  const got = normSet(mutateExpression("sigma(z) - t", ["z", "t"]));
  for (const want of ["(1 - sigma(z)) - t", "sigma(-z) - t", "z - t", "sigma(t) - z"]) {
    assert.ok(got.has(norm(want)), `missing mutant ${want}`);
  }
});

m("should not mutate a function's name into a variable", () => {
  for (const mutant of mutateExpression("log(x)", ["x", "t"])) {
    assert.not.match(mutant, /\b(x|t)\s*\(/, mutant);
  }
});

m("should replace e by another constant but not treat it as a variable to swap", () => {
  const mutants = mutateExpression("e^x", ["x", "t"]);
  assert.ok(normSet(mutants).has(norm("2^x")));
  assert.not.ok(normSet(mutants).has(norm("x^e")), "e and x swapped");
});

const r = suite("runMutationTest");

/** A small derivation of the kind notebook 04 shows: ∂/∂ŷ of t·log ŷ. */
const crossEntropyFirstTerm = () =>
  derive("∂/∂ŷ of t·log(ŷ)", { name: "a", f: "t * log(yhat)", wrt: "yhat", domain: { yhat: "(0, 1)", t: "[0, 1]" } })
    .differentiate("0 * log(yhat) + t * (1 / yhat)", "product rule, log rule")
    .rewrite("t / yhat", "algebra");

/** The report on crossEntropyFirstTerm as written, computed once for the tests that read it. */
let firstTermReport: ReturnType<typeof runMutationTest> | undefined;
const firstTerm = () => (firstTermReport ??= runMutationTest([crossEntropyFirstTerm().spec]));

r("should reject every mutant and accept every true step of crossEntropyFirstTerm", () => {
  const spec = crossEntropyFirstTerm().spec;
  const report = firstTerm();
  assert.ok(report.mutants > 0, "some mutants");
  assert.is(report.rejected, report.mutants);
  assert.is(report.trueSteps, spec.steps.length);
  assert.is(report.accepted, report.trueSteps);
  assert.equal(report.survivors, []);
  assert.equal(report.falseAlarms, []);
  assert.ok(report.equivalent >= 1, "t * (1 / yhat) has mutants equal to it, e.g. (t * 1) / yhat");
});

r("should count each non-equivalent mutant once: totals add up to the mutants of the steps", () => {
  const spec = crossEntropyFirstTerm().spec;
  const report = firstTerm();
  const variables = Object.keys(spec.domain);
  const domain = parseDomain(spec.domain, spec.title);
  const generated = spec.steps.reduce((n, s) => n + mutateExpression(s.expr, variables, domain).length, 0);
  assert.is(report.mutants + report.equivalent, generated);
});

r("should report a false alarm for a wrong step, naming the derivation, the step and its text", () => {
  const spec = crossEntropyFirstTerm().spec;
  spec.steps[1] = { ...spec.steps[1], expr: "yhat / t" }; // ∂/∂ŷ of t·log ŷ is t/ŷ, not ŷ/t
  const report = runMutationTest([spec]);
  assert.is(report.trueSteps, 2);
  assert.is(report.accepted, 1);
  assert.equal(report.falseAlarms, [{ derivation: spec.title, step: 2, expr: "yhat / t" }]);
});

r("should name a survivor when a mutant happens to be right (a mutant of a wrong step that restores it)", () => {
  const spec = derive("v′", { name: "v", f: "1 + e^(-x)", wrt: "x", domain: { x: "(-10, 10)" } }).differentiate(
    "e^(-x)",
    "a sign slip",
  ).spec;
  const report = runMutationTest([spec]);
  assert.equal(report.falseAlarms, [{ derivation: "v′", step: 1, expr: "e^(-x)" }]);
  const survivors = report.survivors.map((s) => norm(s.expr));
  assert.ok(
    survivors.includes(norm("-(e^(-x))")) || survivors.includes(norm("-e^(-x)")),
    `survivors: ${survivors.join(" | ")}`,
  );
  for (const s of report.survivors) assert.is(s.step, 1);
});

r("should add up over several derivations", () => {
  const a = firstTerm();
  const both = runMutationTest([crossEntropyFirstTerm().spec, crossEntropyFirstTerm().spec]);
  assert.is(both.mutants, 2 * a.mutants);
  assert.is(both.trueSteps, 2 * a.trueSteps);
  assert.is(both.equivalent, 2 * a.equivalent);
});

m.run();
r.run();
