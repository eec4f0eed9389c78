/**
 * Tests of lib/derive/derive.ts: the `derive` builder and the `Derivation` class
 * (chaining, the spec it builds, and `.verify()` on small hand-written derivations).
 * The tiers and the errors are tested in verify.test.ts.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { evaluate } from "mathjs";
import { derive, Derivation } from "../../../lib/derive/derive";
import { PRECISION } from "../../../lib/derive/compare";
import type { DerivationSpec } from "../../../lib/derive/spec";

/** LaTeX with its insignificant spaces removed (a space is kept only after a control word before a letter). */
const texNorm = (s: string): string =>
  s
    .replace(/(\\[A-Za-z]+)\s+(?=[A-Za-z])/g, "$1\u0000")
    .replace(/\s+/g, "")
    .replace(/\u0000/g, " ");

const d = suite("derive");

d("should start a Derivation with the head's fields and no steps", () => {
  const domain = { yhat: "(0, 1)", t: "[0, 1]" } as const;
  const texNames = { L: "\\mathcal{L}" };
  const defs = { "h(u)": "u^2" };
  const der = derive("∂L/∂ŷ", { name: "L", f: "-t * log(yhat)", wrt: "yhat", domain, defs, texNames });
  assert.instance(der, Derivation);
  assert.equal(der.spec, {
    title: "∂L/∂ŷ",
    name: "L",
    f: "-t * log(yhat)",
    wrt: "yhat",
    domain,
    defs,
    texNames,
    steps: [],
  });
});

d("should name the function f when the head gives no name", () => {
  assert.is(derive("T", { f: "x^2", wrt: "x", domain: { x: "(-1, 1)" } }).spec.name, "f");
});

d("should give a new, independent derivation on every call", () => {
  const head = { f: "x^2", wrt: "x", domain: { x: "(-1, 1)" } };
  const a = derive("A", head);
  const b = derive("B", head);
  a.differentiate("2 * x", "power rule");
  assert.is(a.spec.steps.length, 1);
  assert.is(b.spec.steps.length, 0);
});

d("should name the field when the head is malformed", () => {
  assert.throws(
    () => derive("t", { f: "x", wrt: "x" } as never),
    /derive\("t"\): domain must be an object such as \{ x: "\(-10, 10\)" \}, got undefined/,
  );
  assert.throws(
    () => derive("t", { f: 2, wrt: "x", domain: {} } as never),
    /derive\("t"\): f must be a string \(mathjs syntax\), got number/,
  );
  assert.throws(
    () => derive(undefined as never, { f: "x", wrt: "x", domain: {} }),
    /derive: title must be a string, got undefined/,
  );
});

const D = suite("Derivation");

const sigmoidHead = { name: "g", f: "1 / (1 + e^(-x))", wrt: "x", domain: { x: "(-10, 10)" } };

D("should return the same object from differentiate and rewrite, so calls chain", () => {
  const der = derive("σ′", sigmoidHead);
  const after1 = der.differentiate("e^(-x) / (1 + e^(-x))^2", "quotient rule");
  const after2 = after1.rewrite("g(x) * (1 - g(x))", "algebra", "recognise g");
  assert.ok(after1 === der && after2 === der);
});

D('should record the steps in order with kind, expression, rule and note (note defaults to "")', () => {
  const der = derive("σ′", sigmoidHead)
    .differentiate("e^(-x) / (1 + e^(-x))^2", "quotient rule")
    .rewrite("g(x) * (1 - g(x))", "algebra", "recognise g");
  assert.equal(der.spec.steps, [
    { kind: "differentiate", expr: "e^(-x) / (1 + e^(-x))^2", rule: "quotient rule", note: "" },
    { kind: "rewrite", expr: "g(x) * (1 - g(x))", rule: "algebra", note: "recognise g" },
  ]);
});

D("should wrap a spec given to the constructor without copying it", () => {
  const spec: DerivationSpec = { title: "T", name: "f", f: "x^3", wrt: "x", domain: { x: "(-2, 2)" }, steps: [] };
  const der = new Derivation(spec).differentiate("3 * x^2", "power rule");
  assert.ok(der.spec === spec);
  assert.is(spec.steps.length, 1);
});

D("should verify a correct one-variable derivation: every step ok, lhs g(x) then g'(x), tier per step", () => {
  const r = derive("σ′", sigmoidHead)
    .differentiate("e^(-x) / (1 + e^(-x))^2", "quotient rule")
    .rewrite("(1 / (1 + e^(-x))) * (1 - 1 / (1 + e^(-x)))", "algebra: factor")
    .rewrite("g(x) * (1 - g(x))", "recognise g")
    .verify();
  assert.is(r.ok, true);
  assert.is(r.title, "σ′");
  assert.is(r.name, "g");
  assert.is(r.wrt, "x");
  assert.equal(
    r.steps.map((s) => s.index),
    [0, 1, 2, 3],
  );
  assert.equal(
    r.steps.map((s) => s.kind),
    ["given", "differentiate", "rewrite", "rewrite"],
  );
  assert.equal(
    r.steps.map((s) => s.lhs),
    ["g(x)", "g'(x)", "", ""],
  );
  assert.equal(
    r.steps.map((s) => s.ok),
    [true, true, true, true],
  );
  assert.is(r.steps[0].tier, null);
  for (const s of r.steps.slice(1)) assert.is(s.tier, "proved", `step ${s.index}: ${s.tier}`);
  for (const s of r.steps.slice(1))
    assert.ok(s.certificate && s.certificate.actual.length > 0, `step ${s.index} carries a certificate`);
  assert.is(r.steps[3].rule, "recognise g");
  assert.is(texNorm(r.steps[1].tex), "\\frac{e^{-x}}{\\left(1+e^{-x}\\right)^{2}}");
  assert.is(texNorm(r.steps[0].tex), "\\frac{1}{1+e^{-x}}");
  for (const s of r.steps.slice(1)) assert.is(s.counterexample, undefined);
});

D("should use partial-derivative notation with two variables: \\frac{\\partial L}{\\partial \\hat{y}}", () => {
  const r = derive("∂L/∂ŷ", {
    name: "L",
    f: "-(t * log(yhat) + (1 - t) * log(1 - yhat))",
    wrt: "yhat",
    domain: { yhat: "(0, 1)", t: "[0, 1]" },
  })
    .differentiate("-t / yhat + (1 - t) / (1 - yhat)", "sum rule, log rule")
    .rewrite("(yhat - t) / (yhat * (1 - yhat))", "algebra: common denominator")
    .verify();
  assert.is(r.ok, true);
  assert.equal(
    r.steps.map((s) => s.lhs),
    ["L(\\hat{y})", "\\frac{\\partial L}{\\partial \\hat{y}}", ""],
  );
  assert.is(r.final!.lhs, "\\frac{\\partial L}{\\partial \\hat{y}}");
});

D("should add the closing check (final) after a differentiate step: the last step against derivative(f)", () => {
  const r = derive("v′", { name: "v", f: "1 + e^(-x)", wrt: "x", domain: { x: "(-10, 10)" } })
    .differentiate("0 + e^(-x) * (-1)", "sum rule, chain rule")
    .rewrite("-e^(-x)", "algebra")
    .verify();
  assert.ok(r.final, "final present");
  const f = r.final!;
  assert.is(f.ok, true);
  assert.is(f.rule, "closing check");
  assert.is(f.expr, "-e^(-x)");
  assert.is(f.index, 3);
  assert.is(f.lhs, "v'(x)");
  assert.is(f.tier, "proved");
  assert.is(f.certificate!.actual, "-e^(-x)");
  // `against` is mathjs's derivative of 1 + e^(−x); it must equal −e^(−x) (checked in double precision).
  for (const x of [-3, 0.5, 4]) {
    const value = evaluate(f.against, { x }) as number;
    assert.ok(Math.abs(value + Math.exp(-x)) < 1e-12, `against at ${x}: ${value}`);
  }
});

D("should have no closing check when every step is a rewrite", () => {
  const r = derive("rewrite only", { f: "2 * x + 3 * x", wrt: "x", domain: { x: "(-1, 1)" } })
    .rewrite("5 * x", "collect")
    .verify();
  assert.is(r.ok, true);
  assert.is(r.final, undefined);
  assert.equal(
    r.steps.map((s) => s.lhs),
    ["f(x)", ""],
  );
});

D("should count repeated differentiation: f''(x) and a closing check against the second derivative", () => {
  const r = derive("x³″", { f: "x^3", wrt: "x", domain: { x: "(-2, 2)" } })
    .differentiate("3 * x^2", "power rule")
    .differentiate("6 * x", "power rule")
    .verify();
  assert.is(r.ok, true);
  assert.equal(
    r.steps.map((s) => s.lhs),
    ["f(x)", "f'(x)", "f''(x)"],
  );
  assert.is(r.final!.lhs, "f''(x)");
  assert.is(r.final!.ok, true);
  const once = derive("x³′", { f: "x^3", wrt: "x", domain: { x: "(-2, 2)" } })
    .differentiate("3 * x^2", "power rule")
    .rewrite("3 * x^2", "nothing")
    .verify();
  assert.is(once.final!.lhs, "f'(x)", "one differentiation: first derivative");
  assert.is(once.ok, true);
});

D("should write the order of a repeated partial derivative as \\partial^{2}", () => {
  const r = derive("∂²", { f: "x^3 * t", wrt: "x", domain: { x: "(-2, 2)", t: "(0, 1)" } })
    .differentiate("3 * x^2 * t", "power rule")
    .differentiate("6 * x * t", "power rule")
    .verify();
  assert.is(r.steps[2].lhs, "\\frac{\\partial^{2} f}{\\partial x^{2}}");
});

D(
  "should report the sample count, the precision of the sampling tier (at least 50 digits) and the seed it drew from the content",
  () => {
    const der = derive("v′", { f: "1 + e^(-x)", wrt: "x", domain: { x: "(-10, 10)" } }).differentiate(
      "-e^(-x)",
      "chain rule",
    );
    const r = der.verify();
    assert.equal([r.samples, r.precision], [64, PRECISION]);
    assert.match(r.seed, /^content-[0-9a-f]{8}$/);
    const other = derive("v′", { f: "1 + e^(-2*x)", wrt: "x", domain: { x: "(-10, 10)" } })
      .differentiate("-2*e^(-2*x)", "chain rule")
      .verify();
    assert.is.not(other.seed, r.seed, "another function, another seed");
    assert.ok(PRECISION >= 50, `precision ${PRECISION}`);
    const r2 = der.verify({ samples: 16, seed: "other" });
    assert.equal([r2.samples, r2.seed], [16, "other"]);
  },
);

D("should use texNames for the function name and variables in the TeX", () => {
  const r = derive("w", {
    name: "L",
    f: "w^2 * t",
    wrt: "w",
    domain: { w: "(-1, 1)", t: "(0, 1)" },
    texNames: { w: "\\omega", L: "\\mathcal{L}" },
  })
    .differentiate("2 * w * t", "power rule")
    .verify();
  assert.is(r.steps[0].lhs, "\\mathcal{L}(\\omega)");
  assert.is(r.steps[1].lhs, "\\frac{\\partial \\mathcal{L}}{\\partial \\omega}");
  assert.is(texNorm(r.steps[1].tex), "2\\cdot\\omega\\cdot t");
});

D(
  "should name the step and the argument when a step's rule or expression is not a string (a JavaScript kernel has no type check)",
  () => {
    const g = derive("t", { name: "f", f: "x^2", wrt: "x", domain: { x: "(-1, 1)" } }) as unknown as {
      differentiate: (...a: unknown[]) => unknown;
      rewrite: (...a: unknown[]) => unknown;
    };
    assert.throws(
      () => g.differentiate("2*x"),
      (e: Error) =>
        e instanceof TypeError &&
        /^derivation "t", step 1 \(\.differentiate\(…\)\): the rule must be a string .* got undefined$/.test(e.message),
    );
    assert.throws(
      () => g.rewrite(2, "r"),
      (e: Error) =>
        e instanceof TypeError &&
        /step 1 \(\.rewrite\(…\)\): the expression must be a string .* got number$/.test(e.message),
    );
  },
);

D(
  "should refuse Infinity, NaN and literals that are not numbers in a step, naming the step, before any tier runs",
  () => {
    const head = { name: "f", f: "x^2", wrt: "x", domain: { x: "(0.5, 3)" } };
    const cases: [string, RegExp][] = [
      ["2*x + 1/Infinity", /step 1 \("2\*x \+ 1\/Infinity"\): Infinity is not a real number/],
      ["2*x + NaN*0", /step 1 \("2\*x \+ NaN\*0"\): NaN is not a real number/],
      ['"2*x"', /"2\*x" is a string, not a number/],
      ["true", /true is a boolean, not a number/],
      ["2*x + null", /null is null, not a number/],
    ];
    for (const [step, message] of cases) {
      assert.throws(
        () => derive("t", head).differentiate(step, "power rule").verify(),
        (e: Error) => e instanceof RangeError && message.test(e.message),
        step,
      );
    }
    assert.ok(derive("t", head).differentiate("2*x", "power rule").verify().ok);
  },
);

D("should tell a learner who writes ln, arctan or sgn the name the kit uses", () => {
  for (const [f, says] of [
    ["ln(x)", "unknown function ln(…): the kit writes the natural logarithm ln u as log(u)"],
    ["arctan(x) + 1", "unknown function arctan(…): the kit writes arctan u as atan(u)"],
    ["sgn(x) * x", "unknown function sgn(…): the kit writes the sign sgn u as sign(u)"],
  ]) {
    assert.throws(
      () =>
        derive("t", { name: "f", f, wrt: "x", domain: { x: "(1, 2)" } })
          .differentiate("1 / x", "r")
          .verify(),
      (e: Error) => e instanceof RangeError && e.message.includes(says),
      f,
    );
  }
});

d.run();
D.run();
