/**
 * Tests of the real odd roots in the reference derivative (lib/derive/odd-roots.ts): cbrt(u) and
 * nthRoot(u, n) for an odd n are smooth wherever u ≠ 0, negative u included, so a true step is
 * proved or sampled there and a wrong one rejected; mathjs's own derivative wrote them as
 * fractional powers, which are not real for u < 0.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { differentiate } from "../../../lib/derive/context";
import { derive } from "../../../lib/derive/derive";
import { math } from "../../../lib/derive/expression";
import { explain } from "../../../lib/index";

const t = suite("real odd roots in the reference derivative");

/** u and u′ of the inner functions, each negative on its domain (x in (-3, -1)) or of both signs away from 0. */
const INNER = [
  { u: "x", du: "1", domain: "(-3, -1)" },
  { u: "x^2 - 16", du: "2*x", domain: "(-3, 3)" },
  { u: "sin(x) - 2", du: "cos(x)", domain: "(-3, 3)" },
];

t(
  "should accept the true derivative of cbrt(u) and of nthRoot(u, n) for n = 3, 5 where u < 0, and reject it off by a factor",
  () => {
    for (const { u, du, domain } of INNER) {
      const cases = [
        { f: `cbrt(${u})`, right: `(${du}) / (3 * cbrt(${u})^2)` },
        ...[3, 5].map((n) => ({ f: `nthRoot(${u}, ${n})`, right: `(${du}) * nthRoot(${u}, ${n}) / (${n} * (${u}))` })),
      ];
      for (const { f, right } of cases) {
        const d = () => derive("t", { name: "f", f, wrt: "x", domain: { x: domain } });
        const ok = d().differentiate(right, "chain rule").verify();
        assert.ok(ok.ok, `${f} on ${domain}: ${JSON.stringify(ok.steps[1].counterexample)}`);
        const wrong = d().differentiate(`2 * ${right}`, "chain rule").verify();
        assert.is(wrong.ok, false, `${f}: twice the derivative was accepted`);
        assert.ok(wrong.steps[1].counterexample, f);
      }
    }
  },
);

t(
  "should write mathjs's fractional powers of the roots as roots, and leave a power the function has as written",
  () => {
    const at = (f: string) => differentiate(math.parse(f), "x", "test").toString();
    assert.is(at("cbrt(x)"), "1 / (3 * cbrt(x) ^ 2)");
    assert.is(at("nthRoot(x, 5)"), "1 / 5 * 1 * nthRoot(x, 5) / x");
    assert.is(at("x^(2/3)"), "(2 / 3) * 1 * x ^ ((2 / 3) - 1)");
  },
);

t("should let explain() derive cbrt of a function that is negative on the domain", () => {
  const d = explain("cbrt(x^2 - 4)", { wrt: "x", domain: { x: "(-1, 1)" } });
  assert.is(d.spec.steps[d.spec.steps.length - 1].expr, "2 * x / (3 * cbrt(x ^ 2 - 4) ^ 2)");
  assert.ok(d.verify().ok);
});

t.run();
