/**
 * A seeded sample of npm run fuzz (scripts/fuzz/run.ts): generated derivations judged by
 * the verifier and by the independent mpmath oracle must agree, and nothing but a refusal
 * by name may be thrown. The full run (10 000 steps) is in npm run bench.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derivative, generate, rewrite, rng, text } from "../../../scripts/fuzz/grammar";
import { fuzzCases, pythonText, runFuzz } from "../../../scripts/fuzz/run";

const f = suite("npm run fuzz, a seeded sample");

f("should write expressions for the oracle with sigma and softplus spelled out and literals kept decimal", () => {
  assert.is(pythonText("sigma(0.1 * x)^2"), '(N("1") / (N("1") + (e ** (-(N("0.1") * x))))) ** N("2")');
});

f("should make true rewrites and textbook derivatives (checked here by the verifier itself on a fixed case)", () => {
  const r = rng(3);
  const node = generate(r, 3, false);
  assert.type(text(node), "string");
  assert.ok(text(derivative(node)).length > 0);
  assert.is.not(text(rewrite(r, node)), text(node));
});

f("should find 0 disagreements and 0 escaped errors on 30 generated steps (seed 4), every step judged", () => {
  // no time bound: every step judged, whatever the machine's load (undecided steps are the bench's to count)
  const report = runFuzz(30, 4, { deadline: Infinity });
  const describe = (s: (typeof report.steps)[number]) =>
    `${s.kind} ${s.f} → ${s.expr} on (${s.domain.lo}, ${s.domain.hi}): verifier ${s.verifier}, oracle ${s.oracle}`;
  assert.ok(report.steps.length >= 30);
  // every step is named seed/number, and fuzzCases rebuilds it alone
  const again = [...fuzzCases(30, 4)].flatMap((c) => c.candidates.map((k) => ({ f: c.spec.f, expr: k.expr })));
  assert.equal(
    report.steps.map((s) => [s.id, s.f, s.expr]),
    again.map((k, n) => [`4/${n}`, k.f, k.expr]),
  );
  assert.equal(report.disagreements.map(describe), []);
  assert.equal(report.escaped.map(describe), []);
  const judged = report.steps.filter((s) => s.oracle === "equal" || s.oracle === "different");
  assert.ok(judged.length >= 24, `${judged.length} steps judged by both`);
  assert.ok(
    judged.some((s) => s.oracle === "different" && s.verifier === "rejected"),
    "a wrong step rejected",
  );
  assert.ok(
    judged.some((s) => s.oracle === "equal" && s.verifier === "accepted"),
    "a true step accepted",
  );
});

f(
  "should judge steps wrong below the tolerance in the far tail rightly (28 steps, seed 5): rejected where the oracle shows them near",
  () => {
    // u·(1 + k·e^x) with x < −130: within 1e-56 of u everywhere, not an identity (the class of the seed-2 disagreement)
    const report = runFuzz(28, 5, { tail: true, deadline: Infinity });
    const describe = (s: (typeof report.steps)[number]) =>
      `${s.kind} ${s.f} → ${s.expr} on (${s.domain.lo}, ${s.domain.hi}): verifier ${s.verifier}, oracle ${s.oracle}`;
    assert.equal(report.disagreements.map(describe), []);
    assert.equal(report.escaped.map(describe), []);
    const near = report.steps.filter((s) => s.made === "near miss");
    assert.is(near.length, 4);
    assert.ok(
      near.some((s) => s.verifier === "rejected" && s.oracle === "near"),
      near.map(describe).join("\n"),
    );
  },
);

f.run();
