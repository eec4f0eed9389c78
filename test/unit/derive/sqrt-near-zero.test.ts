/**
 * Tests that a square root whose argument cancels to almost nothing is not read as a value
 * (issue 21, fuzz seed 1 step 6897): tanh(softplus x)² − 1 is −6e−673 at x ≈ 774.6, a ball
 * holding 0 at the first precisions; ball.ts's ballSqrt now leaves such a ball unresolved, so the
 * precision is raised until its sign is known and the step is rejected as not a real number
 * there. The arguments' values were checked with mpmath at 1200 digits: tanh(softplus 774.6)² − 1
 * = −6.2e−673, σ(800.5)² − 1 = −4.4e−348, σ(800.5) − 1 = −2.2e−348, tanh(30.5)² − 1 = −1.3e−26.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { DerivationSpec } from "../../../lib/derive/spec";
import { verifyStep } from "../../../lib/derive/verify";

const t = suite("a square root of a value that cancels to almost nothing");

function rewrite(f: string, domain: string, step: string) {
  const spec: DerivationSpec = {
    title: "sqrt near 0",
    name: "f",
    f,
    wrt: "x",
    domain: { x: domain },
    steps: [{ kind: "rewrite", expr: step, rule: "", note: "" }],
  };
  return verifyStep(spec, 1, step, { diagnose: false });
}

const F6897 = "max(softplus((min(x, 0.5) + tanh(x))), sqrt((1 + (tanh(softplus(x)) ^ 2))))";

t("should reject fuzz 1/6897, whose square root is of −6e−673, and accept its true form", () => {
  const wrong = rewrite(
    F6897,
    "(774.598, 774.627)",
    "max(softplus(min(x, 0.5) + tanh(x)), sqrt(1 + (tanh(softplus(x)) * (sin(x) ^ 2 + cos(x) ^ 2)) ^ 2 + -1 - 1))",
  );
  assert.is(wrong.ok, false);
  assert.is(wrong.counterexample?.actual, "not a real number");
  assert.is(wrong.counterexample?.expected.slice(0, 12), "1.7014132779");
  const right = rewrite(
    F6897,
    "(774.598, 774.627)",
    "max(softplus(min(x, 0.5) + tanh(x)), sqrt(1 + (tanh(softplus(x)) * (sin(x) ^ 2 + cos(x) ^ 2)) ^ 2))",
  );
  assert.is(right.ok, true);
});

t("should reject a square root of a tiny negative number in every far tail, behind max or in a sum", () => {
  for (const [f, domain, step, expected] of [
    ["sqrt(1 + sigma(x)^2)", "(800, 801)", "sqrt(1 + sigma(x)^2) + sqrt(sigma(x)^2 - 1)", "1.41421356237"],
    ["sqrt(1 + sigma(x)^2)", "(800, 801)", "max(sqrt(1 + sigma(x)^2), sqrt(sigma(x)^2 - 1))", "1.41421356237"],
    ["tanh(x)", "(30, 31)", "max(tanh(x), sqrt(tanh(x)^2 - 1))", "1"],
    ["sigma(x)", "(800, 801)", "sigma(x) + sqrt(sigma(x) - 1)", "1"],
  ]) {
    const v = rewrite(f, domain, step);
    assert.is(v.ok, false, step);
    assert.is(v.counterexample?.actual, "not a real number", step);
    assert.ok(v.counterexample?.expected.startsWith(expected), `${step}: expected ${v.counterexample?.expected}`);
  }
});

t("should still accept a square root of a value that is exactly 0 by the exact tier", () => {
  const v = rewrite("sigma(x)", "(800, 801)", "sigma(x) + sqrt(1 - sigma(x)) * 0");
  assert.is(v.ok, true);
  assert.is(v.tier, "proved");
});

t.run();
