/**
 * A slip is named only when its candidate equals the step for the reason the slip says. A
 * differentiate slip whose wrong result at its place is 0 only because a part there does not
 * depend on the variable (u′/v′ = 0/v′ for a numerator constant in it: notebook 07's ∂p1/∂z2
 * written 0 was named "quotient of the derivatives") explains nothing. Generated multivariate
 * functions, the variable one of several: a quotient whose numerator is free of it and a
 * softmax entry off the diagonal, with the step 0 or with the whole derivative of that
 * quotient dropped, never name the quotient or product of the derivatives; the same slip where
 * both parts depend on the variable is still named (the numerators and denominators, their
 * derivatives and the zero of u′ are checked by SymPy: scripts/check_vanishing_parts.py).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../../lib/derive/derive";
import type { StepResult } from "../../../../lib/derive/types";

const test = suite("diagnose: a slip whose wrong result is 0 because a part is constant in the variable");

/** Parts free of x (the numerators), on y ∈ (1, 2). */
const FREE = ["y", "e^y", "sin(y) + 2", "log(1 + y^2)", "y^3 + 1", "sigma(y)"];
/** Parts that depend on x, each with its derivative in x written by hand, on x ∈ (−2, 2), y ∈ (1, 2). */
const DEPENDS: [string, string][] = [
  ["x^2 + 1", "2 * x"],
  ["e^x", "e^x"],
  ["sin(x) + 2", "cos(x)"],
  ["x * y + 5", "y"],
  ["e^(x * y)", "y * e^(x * y)"],
  ["e^x + e^y", "e^x"],
  ["1 + x^4", "4 * x^3"],
];
const DOMAIN = { x: "(-2, 2)", y: "(1, 2)" };
const NAMED_FOR_QUOTIENT = /^(quotient-of-derivatives|product-of-derivatives)$/;

/** The verdict on one differentiate step after f. */
function verdict(f: string, step: string, wrt = "x", domain: Record<string, string> = DOMAIN): StepResult {
  return derive("slip", { f, wrt, domain }).differentiate(step, "by hand").verify({ samples: 32 }).steps[1];
}

/** The ids a verdict's diagnosis names, first and others. */
const ids = (v: StepResult): string[] => (v.diagnosis ? [v.diagnosis.id, ...v.diagnosis.others.map((o) => o.id)] : []);

test("u(y)/v(x, y) in x, the step 0: never the quotient (or product) of the derivatives", () => {
  let n = 0;
  for (const u of FREE)
    for (const [v] of DEPENDS) {
      const f = `(${u}) / (${v})`;
      const r = verdict(f, "0");
      assert.not.ok(r.ok, `${f}: 0 is not its derivative`);
      assert.ok(!ids(r).some((id) => NAMED_FOR_QUOTIENT.test(id)), `${f}: step 0 named ${ids(r).join(", ")}`);
      n++;
    }
  assert.is(n, FREE.length * DEPENDS.length);
});

test("the quotient inside a sum, a product or a chain, the rest differentiated right: never the quotient of the derivatives", () => {
  for (const u of FREE.slice(0, 3))
    for (const [v] of DEPENDS.slice(0, 4)) {
      const q = `(${u}) / (${v})`;
      for (const [f, step] of [
        [`x^2 + ${q}`, "2 * x"],
        [`x^2 + ${q}`, "2 * x + 0"],
        [`3 * ${q}`, "3 * 0"],
        [`log(${q} + 5)`, "0"],
      ]) {
        const r = verdict(f, step);
        assert.not.ok(r.ok, `${f}: ${step} is not its derivative`);
        assert.ok(!ids(r).some((id) => NAMED_FOR_QUOTIENT.test(id)), `${f}, step ${step}: named ${ids(r).join(", ")}`);
      }
    }
});

test("softmax off the diagonal (2 to 4 classes), the step 0: no quotient of the derivatives", () => {
  for (const k of [2, 3, 4]) {
    const zs = Array.from({ length: k }, (_, i) => `z${i + 1}`);
    const domain = Object.fromEntries(zs.map((z) => [z, "(-3, 3)"]));
    const sum = zs.map((z) => `e^${z}`).join(" + ");
    for (const i of zs)
      for (const j of zs) {
        if (i === j) continue;
        const r = verdict(`e^${i} / (${sum})`, "0", j, domain);
        assert.not.ok(r.ok);
        assert.ok(!ids(r).some((id) => NAMED_FOR_QUOTIENT.test(id)), `∂${i}/∂${j} = 0: named ${ids(r).join(", ")}`);
      }
  }
});

test("where both parts depend on the variable, u′/v′ is still named the quotient of the derivatives", () => {
  let named = 0;
  let total = 0;
  for (const [u, du] of DEPENDS)
    for (const [v, dv] of DEPENDS) {
      if (u === v) continue;
      const f = `(${u}) / (${v})`;
      const r = verdict(f, `(${du}) / (${dv})`);
      if (r.ok) continue; // never: u′/v′ is the derivative only for special pairs, none of these
      total++;
      if (r.diagnosis?.id === "quotient-of-derivatives") named++;
    }
  assert.is(total, DEPENDS.length * (DEPENDS.length - 1));
  assert.is(named, total, `${named} of ${total} named`);
  // and the softmax entry on the diagonal, e^z1 / (e^z1 + e^z2) in z1 written e^z1 / e^z1
  const r = verdict("e^z1 / (e^z1 + e^z2)", "e^z1 / e^z1", "z1", { z1: "(-3, 3)", z2: "(-3, 3)" });
  assert.is(r.diagnosis?.id, "quotient-of-derivatives");
});

test.run();
