/**
 * A step, or the given function, that is not a real number at a point inside the domain (a
 * pole, a logarithm of 0, a removable singularity such as x/x) is refused, naming the part and
 * the point: sampling never meets such a point. The class is measured on
 * test/fixtures/undefined-points.json (scripts/undefined_points_corpus.py: 159 steps, a right
 * derivative plus g − g or times g/g, g undefined at a point the domain contains or leaves out,
 * decided by SymPy's continuous_domain): the verifier refuses exactly those SymPy finds undefined.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../lib/derive/derive";

const test = suite("undefined points inside the domain");

interface Case {
  f: string;
  step: string;
  domain: string;
  part: string;
  defined: boolean;
}

const CASES: Case[] = JSON.parse(
  readFileSync(path.join(__dirname, "..", "..", "fixtures", "undefined-points.json"), "utf8"),
);

test("the corpus: a step is refused exactly where SymPy finds a part undefined inside the domain", () => {
  assert.ok(CASES.length >= 150 && CASES.filter((c) => !c.defined).length >= 60, `${CASES.length} cases`);
  const wrong: string[] = [];
  for (const c of CASES) {
    const r = derive("hole", { f: c.f, wrt: "x", domain: { x: c.domain } })
      .differentiate(c.step, "by hand")
      .verify({ samples: 24, diagnose: false }).steps[1];
    const refused = !r.ok && /is undefined at x [=≈] /.test(r.counterexample?.reason ?? "");
    if (c.defined ? !r.ok : !refused)
      wrong.push(
        `${c.step} on ${c.domain}: SymPy ${c.defined ? "defined" : "undefined"}, verifier ${JSON.stringify(r.counterexample ?? r.tier)}`,
      );
  }
  assert.is(wrong.length, 0, wrong.join("\n"));
});

test("the message names the part, the point and the domain; the counterexample is at the point", () => {
  const r = derive("x²", { f: "x^2", wrt: "x", domain: { x: "(-1, 1)" } })
    .differentiate("2 * x * (x / x)", "power rule")
    .verify().steps[1];
  assert.is(r.ok, false);
  assert.equal(r.counterexample, {
    point: { x: "0" },
    expected: "0",
    actual: "undefined (x / x has no value there)",
    reason:
      "x / x is undefined at x = 0, inside the domain x in (-1, 1): a step must be a real number on the whole domain",
  });
  // a pole found by bisection is shown rounded, and the point is the rounded one
  const p = derive("x²", { f: "x^2", wrt: "x", domain: { x: "(-1, 1)" } })
    .differentiate("2 * x + 1 / (x - 0.3) - 1 / (x - 0.3)", "power rule")
    .verify().steps[1];
  assert.is(p.counterexample?.point.x, "0.3");
  assert.match(p.counterexample!.reason!, /^1 \/ \(x - 0\.3\) is undefined at x ≈ 0\.3 \(where x - 0\.3 = 0\)/);
  // a rewrite step too, and in one variable of several
  const m = derive("m", { f: "x^2 * y", wrt: "x", domain: { x: "(-1, 1)", y: "(-1, 1)" } })
    .differentiate("2 * x * y", "power rule")
    .rewrite("2 * x * y * (y / y)", "algebra")
    .verify().steps[2];
  assert.is(m.ok, false);
  assert.match(m.counterexample!.reason!, /^y \/ y is undefined at y = 0, inside the domain y in \(-1, 1\)/);
});

test("the given function undefined inside the domain is refused by name; off the point it is accepted", () => {
  for (const [f, part] of [
    ["x * (1 / x)", "1 / x"],
    ["log(abs(x)) + x", "log(abs(x))"],
    ["y / (x * y + 3)", "y / (x * y + 3)"],
  ]) {
    try {
      derive("f", { f, wrt: "x", domain: { x: "(-2, 2)", y: "(1, 2)" } })
        .differentiate("0", "by hand")
        .verify();
      assert.unreachable(`${f} was accepted`);
    } catch (err) {
      assert.instance(err, RangeError);
      assert.match(
        (err as Error).message,
        `the given function ("${f}"): ${part} is undefined at `,
        (err as Error).message,
      );
      assert.match((err as Error).message, "declare a domain that leaves the point out");
    }
  }
  // the same functions on a domain without the point
  assert.ok(
    derive("f", { f: "x * (1 / x)", wrt: "x", domain: { x: "(0.5, 2)" } })
      .differentiate("0", "by hand")
      .verify().ok,
  );
});

test("true steps are still accepted: poles outside the domain, √ and odd roots at 0, |x| and σ", () => {
  for (const [f, step, dom] of [
    ["log(x)", "1 / x", "(0.1, 2)"],
    ["sqrt(x)", "1 / (2 * sqrt(x))", "(0.1, 2)"],
    ["x * sqrt(x^2 + 1)", "sqrt(x^2 + 1) + x^2 / sqrt(x^2 + 1)", "(-2, 2)"],
    ["1 / (1 + e^(-x))", "e^(-x) / (1 + e^(-x))^2", "(-10, 10)"],
    ["x^3", "3 * x^2 * sqrt(x^2) / abs(x)", "(0.2, 2)"],
    ["tan(x)", "1 / cos(x)^2", "(-1.5, 1.5)"],
  ]) {
    const r = derive("t", { f, wrt: "x", domain: { x: dom } })
      .differentiate(step, "by hand")
      .verify();
    assert.ok(r.ok, `${f} → ${step} on ${dom}: ${JSON.stringify(r.steps[1].counterexample)}`);
  }
});

test("a quantity doubles cancel to 0 but the verifier's digits do not is no undefined point: 36 true rewrites with (c + 1e30) − 1e30 (the fuzzer, seed 35)", () => {
  const refused: string[] = [];
  let checked = 0;
  for (const c of ["1", "0.5", "3"])
    for (const a of ["0", "0.25", "-0.7"])
      for (const [f, step] of [
        [`x / (${c} + (x - ${a})^2)`, `x / (((${c} + 1e30) - 1e30) + (x - ${a})^2)`],
        [`log(${c} + (x - ${a})^2)`, `log(((${c} + 1e30) - 1e30) + (x - ${a})^2)`],
        [`1 / (${c} + (x - ${a})^2)`, `1 / ((${c} + 1e30) - 1e30 + (x - ${a})^2)`],
        [`tanh(x) / (${c} + (x - ${a})^2)`, `tanh(x) * ((x - ${a})^2 + (${c} + 1e30) - 1e30)^(-1)`],
      ]) {
        const r = derive("t", { f, wrt: "x", domain: { x: "(-1, 1)" } })
          .rewrite(step, "the same")
          .verify();
        checked++;
        if (!r.ok) refused.push(`${f} → ${step}: ${JSON.stringify(r.steps[1].counterexample)}`);
      }
  assert.equal(refused, []);
  assert.is(checked, 36);
});

test.run();
