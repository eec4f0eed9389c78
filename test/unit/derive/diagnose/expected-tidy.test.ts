/**
 * The right step a diagnosis shows (`expected`) reads as a teacher writes it: a factor above
 * and below a quotient cancelled (log σ′ = (1/σ(x))·σ(x)·(1 − σ(x)) reads 1 − σ(x)), 1·u and
 * u^1 written u. On generated functions (the chain rule through log, a power and a quotient,
 * around σ, e^u and polynomials of x): for a wrong step of each slip the catalogue predicts, the
 * expected step is accepted by the verifier as the derivative, and it is never larger (in nodes)
 * than the rule's result tidied as before (readableText).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { MathNode } from "mathjs";
import { derive } from "../../../../lib/derive/derive";
import { differentiateCandidates } from "../../../../lib/derive/diagnose/candidates";
import { cancelCommonFactors } from "../../../../lib/derive/common-factors";
import { math, parseExpression } from "../../../../lib/derive/expression";
import { readableText } from "../../../../lib/derive/readable";

const test = suite("diagnose: the expected step cancels common factors");

const size = (text: string): number => {
  let n = 0;
  math.parse(text).traverse((node) => {
    if (!(node as { isParenthesisNode?: boolean }).isParenthesisNode) n++;
  });
  return n;
};

test("cancelCommonFactors: the factors above and below, powers, products of quotients; nothing else", () => {
  const c = (t: string) => readableText(cancelCommonFactors(math.parse(t)));
  assert.is(c("sigma(x) * (1 - sigma(x)) / sigma(x)"), "1 - sigma(x)");
  assert.is(c("1 / sigma(x) * (sigma(x) * (1 - sigma(x)))"), "1 - sigma(x)");
  assert.is(c("sigma(x) / sigma(x) * (1 - sigma(x))"), "1 - sigma(x)");
  assert.is(c("x^3 / x"), "x^2");
  assert.is(c("x / x^3"), "1 / x^2");
  assert.is(c("-(a * b) / (b * c)"), "-(a / c)");
  assert.is(c("a * (b / a)"), "b");
  assert.is(c("x / y"), "x / y");
  assert.is(c("(x + 1) / (x - 1)"), "(x + 1) / (x - 1)");
  assert.is(c("x * y / (x + y)"), "x * y / (x + y)");
});

/** Inner functions of x, and outer functions applied to them (mathjs syntax, u the inner). */
const INNER = ["x", "2 * x + 1", "x^2 + 1", "3 - x", "3 * x - 1", "e^x + 1", "x^3 + x"];
const OUTER = [
  "log(sigma(u))",
  "log(1 - sigma(u))",
  "sigma(u)^2",
  "log(u)",
  "log(e^u)",
  "sqrt(sigma(u))",
  "log(1 + e^u)",
  "sigma(u) / (1 + sigma(u))",
  "x * log(sigma(u))",
];

test("on generated functions, each slip's expected step is the derivative and no larger than before", () => {
  let cases = 0;
  let smaller = 0;
  for (const outer of OUTER)
    for (const inner of INNER) {
      const f = outer.replace(/\bu\b/g, `(${inner})`);
      const domain = { x: "(0.5, 2)" };
      const cands = differentiateCandidates(parseExpression(f, "test"), "x");
      // one wrong step per slip id, as the catalogue writes it
      const seen = new Set<string>();
      for (const cand of cands) {
        if (seen.has(cand.id)) continue;
        seen.add(cand.id);
        const r = derive("t", { f, wrt: "x", domain })
          .differentiate(cand.expr.toString(), "by hand")
          .verify({ samples: 24 });
        const d = r.steps[1].diagnosis;
        if (r.steps[1].ok || !d) continue;
        cases++;
        const before = readableText(cand.expected as MathNode);
        assert.ok(size(d.expected) <= size(before), `${f}: ${d.expected} is larger than ${before}`);
        if (size(d.expected) < size(before)) smaller++;
        const check = derive("t", { f, wrt: "x", domain }).differentiate(d.expected, "right").verify({ samples: 24 });
        assert.ok(check.ok, `${f}: the expected step ${d.expected} is not its derivative`);
      }
    }
  assert.ok(cases >= 100, `only ${cases} diagnosed steps`);
  assert.ok(smaller >= 20, `only ${smaller} of ${cases} expected steps got smaller`);
});

test("log σ(x): the right step reads 1 − σ(x)", () => {
  const r = derive("t", { f: "log(sigma(x))", wrt: "x", domain: { x: "(-5, 5)" } })
    .differentiate("1 / sigma(x)", "chain rule")
    .verify();
  assert.is(r.steps[1].diagnosis?.id, "chain-inner-missing");
  assert.is(r.steps[1].diagnosis?.expected, "1 - sigma(x)");
});

test.run();
