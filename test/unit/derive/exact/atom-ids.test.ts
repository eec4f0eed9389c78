/**
 * The exact tier's atom ids must name one atom each. e^(x²) and the monomial (e^x)² = e^(2x)
 * were both written "E:v:x^2", so log(1 + e^(x²)) and log(1 + e^(2x)) shared a log atom's id;
 * the process-wide atom table kept whichever came first, and softplus(x²) → softplus(2x) was
 * "proved" (caught by verify()'s own check as an internal error; after another derivation in
 * the same process, fuzz 4/1785 was accepted). Each pair below differs at every point of its
 * domain except where x^k = k·x, and must be rejected, in either order and after the other.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../../lib/derive/derive";

const t = suite("exact tier: one atom per id");

/** Outer functions that hide e^(u) inside a log, an exponential or a trigonometric atom. */
const OUTER: ((u: string) => string)[] = [
  (u) => `e^(${u})`,
  (u) => `softplus(${u})`,
  (u) => `log(1 + e^(${u}))`,
  (u) => `e^(e^(${u}))`,
  (u) => `sin(e^(${u}))`,
  (u) => `sigma(${u}) * log(2 + e^(${u}))`,
];

t("should reject f(x^k) written for f(k·x), and the reverse, whatever was verified before", () => {
  const results: string[] = [];
  for (const k of [2, 3]) {
    for (const outer of OUTER) {
      const power = outer(`x^${k}`);
      const multiple = outer(`${k} * x`);
      for (const [f, step] of [
        [power, multiple],
        [multiple, power],
      ]) {
        // x² = 2x only at 0 and 2, x³ = 3x only at 0 and ±√3: neither domain holds one
        const domain = { x: k === 2 ? "(2.5, 3.5)" : "(0.1, 0.9)" };
        const r = derive("ids", { f, wrt: "x", domain }).rewrite(step, "wrong").verify();
        results.push(`${f} → ${step}: ${r.steps[1].ok ? "accepted" : "rejected"}`);
        assert.is(r.steps[1].ok, false, `${f} → ${step} on ${domain.x}`);
        assert.ok(r.steps[1].counterexample, `${f} → ${step}: no counterexample`);
      }
    }
  }
  assert.is(results.length, 24);
});

t("should still prove e^(2x) = (e^x)^2 and log(1 + e^(2x)) = log(1 + (e^x)^2)", () => {
  for (const [f, step] of [
    ["e^(2 * x)", "(e^x)^2"],
    ["log(1 + e^(2 * x))", "log(1 + (e^x)^2)"],
    ["e^(x^2)", "e^(x * x)"],
  ]) {
    const r = derive("ids", { f, wrt: "x", domain: { x: "(0.5, 1.5)" } })
      .rewrite(step, "same")
      .verify();
    assert.is(r.steps[1].tier, "proved", `${f} = ${step}`);
  }
});

t.run();
