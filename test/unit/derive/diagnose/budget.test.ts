/**
 * The diagnosis's time budget and work record (lib/derive/diagnose/diagnose.ts): a diagnosis
 * that runs out gives no diagnosis (never a guess) and says so in its stats; within the
 * budget the same step is diagnosed; the stats count what was tried.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { emptyStats } from "../../../../lib/derive/diagnose/diagnose";
import { stepDiagnoser } from "../../../../lib/derive/diagnose/in-derivation";
import type { DerivationSpec } from "../../../../lib/derive/spec";
import { verifyStep } from "../../../../lib/derive/verify";

const test = suite("diagnose: time budget and stats");

/** σ′ by the quotient rule with the −1 of (e^(−x))′ left out. */
const SPEC: DerivationSpec = {
  title: "budget",
  name: "g",
  f: "1 / (1 + e^(-x))",
  wrt: "x",
  domain: { x: "(-10, 10)" },
  steps: [{ kind: "differentiate", expr: "-e^(-x) / (1 + e^(-x))^2", rule: "", note: "" }],
};

test("within the default budget the step is diagnosed, and the stats count the work", () => {
  const stats = emptyStats();
  const d = stepDiagnoser(SPEC, 1)(undefined, { stats });
  assert.is(d?.id, "chain-inner-missing");
  assert.is(stats.outOfTime, false);
  assert.ok(stats.candidates >= 5, `${stats.candidates} candidates`);
  assert.ok(stats.screened <= stats.candidates && stats.passed <= stats.screened, JSON.stringify(stats));
  assert.ok(stats.compared >= 1 && stats.compared <= stats.passed, JSON.stringify(stats));
  assert.ok(stats.passed < stats.screened, `the screen let every candidate through: ${JSON.stringify(stats)}`);
});

test("a diagnosis that runs out of its budget gives no diagnosis and says so", () => {
  const stats = emptyStats();
  const d = stepDiagnoser(SPEC, 1)(undefined, { stats, budgetMs: -1 });
  assert.is(d, undefined);
  assert.is(stats.outOfTime, true);
  assert.is(stats.compared, 0);
});

test("a step's verdict: with no budget the slip is named, whatever the load; out of budget it says so (the page shows that)", () => {
  const wrong = SPEC.steps[0].expr;
  const unbounded = verifyStep(SPEC, 1, wrong, { diagnosisBudgetMs: Infinity });
  assert.is(unbounded.ok, false);
  assert.is(unbounded.diagnosis?.id, "chain-inner-missing");
  assert.match(
    unbounded.diagnosis?.messageTex ?? "",
    "the derivative $-1$ of the inner function $-x$ of $e^{-x}$ is missing",
  );
  assert.is(unbounded.diagnosisOutOfTime, undefined);
  const spent = verifyStep(SPEC, 1, wrong, { diagnosisBudgetMs: 0 });
  assert.is(spent.ok, false);
  assert.ok(spent.counterexample, "the rejection itself does not depend on the diagnosis's budget");
  assert.is(spent.diagnosis, undefined);
  assert.is(spent.diagnosisOutOfTime, true);
  // a right step is not diagnosed, so it never runs out
  assert.is(verifyStep(SPEC, 1, "e^(-x) / (1 + e^(-x))^2", { diagnosisBudgetMs: 0 }).diagnosisOutOfTime, undefined);
});

test("a diagnosis budget that is not a number of ms ≥ 0 is an error naming it", () => {
  for (const bad of [-1, Number.NaN, "400" as unknown as number])
    assert.throws(
      () => verifyStep(SPEC, 1, "x", { diagnosisBudgetMs: bad }),
      /diagnosisBudgetMs must be a number of ms ≥ 0.*got/,
    );
});

test.run();
