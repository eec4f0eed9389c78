/**
 * A seeded sample of npm run fuzz (scripts/fuzz/run.ts): generated derivations judged by
 * the verifier and by the independent mpmath oracle must agree, and nothing but a refusal
 * by name may be thrown. The full run (10 000 steps) is in npm run bench.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derivative, generate, rewrite, rng, text } from "../../../scripts/fuzz/grammar";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { runFuzzLive } from "../../../scripts/fuzz/live";
import { fuzzCases, python, pythonText, runFuzz } from "../../../scripts/fuzz/run";

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

f(
  "should judge in chunks as the run goes, with runFuzz's verdicts, and report a stopped run's judged steps",
  async () => {
    const whole = runFuzz(14, 4, { deadline: Infinity });
    const lines: number[] = [];
    const live = await runFuzzLive(14, 4, {
      deadline: Infinity,
      chunk: 5,
      progress: (r) => lines.push(r.steps.length - r.awaitingOracle),
    });
    assert.equal(
      live.steps.map((s) => [s.id, s.verifier, s.oracle]),
      whole.steps.map((s) => [s.id, s.verifier, s.oracle]),
    );
    assert.ok(lines.length >= 2, `a running line per chunk judged: ${lines}`);
    assert.is(live.awaitingOracle, 0);
    assert.is(live.stopped, false);
    // stopped after the first derivation: its steps still judged by the oracle, and counted
    let polls = 0;
    const stopped = await runFuzzLive(14, 4, { deadline: Infinity, stop: () => ++polls > 1 });
    assert.is(stopped.stopped, true);
    assert.ok(stopped.steps.length > 0 && stopped.steps.length < live.steps.length, `${stopped.steps.length} steps`);
    assert.is(stopped.awaitingOracle, 0);
    assert.equal(
      stopped.steps.map((s) => s.oracle),
      live.steps.slice(0, stopped.steps.length).map((s) => s.oracle),
    );
  },
);

f("should take powers in the oracle as the verifier does: a negative base only to an integer exponent", () => {
  const judge = (lhs: string, rhs: string, lo: string, hi: string, extra: string[] = []) => {
    const run = spawnSync(python(), [path.join(__dirname, "../../../scripts/fuzz/oracle.py")], {
      input: JSON.stringify([{ lhs: pythonText(lhs), rhs: pythonText(rhs), lo, hi, seed: 1, extra }]),
      encoding: "utf8",
    });
    assert.is(run.status, 0, run.stderr);
    return JSON.parse(run.stdout)[0].verdict;
  };
  // cos x < 0 on (2, 3): a fractional power of it is not a real number, even times 0
  assert.is(judge("(x - x) * cos(x) ^ 2.0000000000000002", "0", "2", "3"), "different");
  assert.is(judge("cos(x) ^ (2 + 1)", "cos(x)^3", "2", "3"), "equal");
  assert.is(judge("x ^ 0.5", "sqrt(x)", "1", "2"), "equal");
  // 1 − tanh² 150 000 x is below 1e-1920 on (1, 2): no evidence at the verifier's counterexample
  assert.is(judge("1 - tanh(150000 * x)^2", "0", "1", "2", ["1.5"]), "undecided");
});

f.run();
