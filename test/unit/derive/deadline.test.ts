/**
 * Tests of the verifier's time bound per step (lib/derive/deadline.ts, VerifyOptions.deadline):
 * a step not decided within it ends "undecided" (ok false, with the reason), never ✓; a
 * deadline of 0 gives that on any step; a normal step is unaffected by the default bound.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../lib/derive/derive";
import { Worker } from "node:worker_threads";
import {
  checkDeadline,
  clockMs,
  DEFAULT_DEADLINE_SECONDS,
  StepUndecided,
  withinDeadline,
} from "../../../lib/derive/deadline";
import type { DerivationSpec } from "../../../lib/derive/spec";
import { stepChecker, verifyStep } from "../../../lib/derive/verify";
import { thrown } from "./helpers";

const t = suite("the verifier's time bound per step");

const sigmaPrime = () =>
  derive("σ′", { name: "g", f: "sigma(x)", wrt: "x", domain: { x: "(-5, 5)" } }).differentiate(
    "sigma(x) * (1 - sigma(x))",
    "chain rule",
  );

t("should count the calling thread's CPU time: not the time it waits, nor another thread's work", () => {
  // the calling thread sleeps (Atomics.wait: no CPU) while a worker spins for 400 ms; the process's
  // CPU time counts the worker's spin (as it counts V8's collector and compiler threads), the
  // bound's clock must not
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { workerData } = require("node:worker_threads");
     const flag = new Int32Array(workerData);
     const end = Date.now() + 400; let x = 0;
     while (Date.now() < end) x += Math.sqrt(x + 1);
     Atomics.store(flag, 0, 1); Atomics.notify(flag, 0);`,
    { eval: true, workerData: flag.buffer },
  );
  const clock0 = clockMs();
  const cpu0 = process.cpuUsage();
  Atomics.wait(flag, 0, 0, 10_000);
  const clockSpent = clockMs() - clock0;
  const cpu = process.cpuUsage(cpu0);
  const processSpent = (cpu.user + cpu.system) / 1000;
  void worker.terminate();
  assert.is(Atomics.load(flag, 0), 1, "the worker did not finish within 10 s");
  assert.ok(processSpent >= 300, `the process spent ${processSpent} ms of CPU while the worker spun for 400 ms`);
  assert.ok(clockSpent < 100, `the bound's clock advanced ${clockSpent} ms while its thread slept`);
  // and it does count the thread's own work
  const before = clockMs();
  let x = 0;
  const end = Date.now() + 200;
  while (Date.now() < end) x += Math.sqrt(x + 1);
  const own = clockMs() - before;
  assert.ok(
    own >= 120 && own <= 400,
    `the bound's clock advanced ${own} ms in 200 ms of the thread's own work (x ${x > 0})`,
  );
});

t(
  "should leave every step and the closing check undecided with a deadline of 0, never ✓ and with no counterexample",
  () => {
    const r = sigmaPrime().rewrite("sigma(x) - sigma(x)^2", "expand").verify({ deadline: 0 });
    assert.is(r.ok, false);
    for (const s of [...r.steps.slice(1), r.final!]) {
      assert.is(s.ok, false, `step ${s.index}`);
      assert.is(s.tier, "undecided");
      assert.is(s.counterexample, undefined);
      assert.is(s.diagnosis, undefined);
      assert.is(s.undecided?.seconds, 0);
      assert.match(s.undecided!.reason, /^could not decide within 0 s: \S/);
      assert.ok(s.undecided!.reason.endsWith(s.undecided!.phase), s.undecided!.reason);
    }
    // a wrong step too: undecided, not rejected with a counterexample
    const wrong = verifyStep(sigmaPrime().spec, 1, "sigma(x) * (1 + sigma(x))", { deadline: 0 });
    assert.is(wrong.tier, "undecided");
    assert.is(wrong.ok, false);
  },
);

t("should decide a normal step as before under the default bound: the same verdicts as with no bound", () => {
  const spec = sigmaPrime().rewrite("sigma(x) - sigma(x)^2", "expand").rewrite("sigma(x) - sigma(x)^3", "wrong").spec;
  const bounded = derive("σ′", { name: "g", f: spec.f, wrt: "x", domain: spec.domain });
  for (const s of spec.steps) bounded.spec.steps.push(s);
  const a = bounded.verify();
  const b = bounded.verify({ deadline: Infinity });
  assert.equal(
    a.steps.map((s) => [s.ok, s.tier]),
    [
      [true, null],
      [true, "proved"],
      [true, "proved"],
      [false, "sampled"],
    ],
  );
  assert.equal(
    a.steps.map((s) => [s.ok, s.tier, s.counterexample?.point]),
    b.steps.map((s) => [s.ok, s.tier, s.counterexample?.point]),
  );
  assert.ok(a.steps.every((s) => s.undecided === undefined));
  assert.is(DEFAULT_DEADLINE_SECONDS, 5);
});

// The step that stalled `npm run fuzz` (seed 1, the 167th step: 50–90 s alone, 25 min in a loaded
// run): a mutant within 1e-245 of the derivative, whose sides cancel at every point, so every point
// is evaluated again at 480 and 500 digits, each with e^(−4.5·10⁷) at that precision.
const stalled: DerivationSpec = {
  title: "fuzz 1/26",
  name: "f",
  f: "softplus(exp(tanh(tanh(x))))",
  wrt: "x",
  domain: { x: "(-282.776, -282.774)" },
  steps: [{ kind: "differentiate", expr: "x", rule: "fuzz", note: "" }],
};
const stalledStep =
  "sigma(exp(tanh(tanh(x * (sin(x) ^ 2 + x ^ 2))))) * exp(tanh(tanh(x * (sin(x) ^ 2 + cos(x) ^ 2)))) * " +
  "(1 - tanh(tanh(x * (sin(x) ^ 2 + cos(x) ^ 2))) ^ 2) * (1 - tanh(x * (sin(x) ^ 2 + cos(x) ^ 2)) ^ 2) * 1";

t("should end the step that stalled the fuzz within its bound, undecided and naming what it was doing", () => {
  const check = stepChecker(stalled, 1, { deadline: 1 });
  // the bound is on CPU time in Node (deadline.ts), so that is what is measured here
  const c0 = process.cpuUsage();
  const v = check(stalledStep);
  const used = process.cpuUsage(c0);
  const seconds = (used.user + used.system) / 1e6;
  assert.is(v.ok, false);
  assert.is(v.tier, "undecided");
  assert.match(
    v.undecided!.reason,
    // which phase the bound falls in depends on the machine's speed (five different ones were seen
    // across runs): any phase, named in words, and a point it names is one of this domain's
    /^could not decide within 1 s: [a-z][a-z ]+\S/,
  );
  assert.not.match(v.undecided!.reason, /undefined|NaN|\[object/);
  for (const x of v.undecided!.reason.matchAll(/x = (-?[\d.]+)/g)) {
    assert.ok(
      Math.abs(Number(x[1]) + 282.775) <= 0.0015,
      `a point outside the domain (even rounded as shown): ${x[1]}`,
    );
  }
  // one phase past the bound at most; unbounded, the step takes 45 s of CPU or more
  assert.ok(seconds < 4, `${seconds.toFixed(1)} s of CPU`);
  // the true derivative on the same domain is still decided under the same bound
  assert.is(check("sigma(exp(tanh(tanh(x)))) * exp(tanh(tanh(x))) * (1 - tanh(tanh(x))^2) * (1 - tanh(x)^2)").ok, true);
});

t("should leave every candidate of a step checker undecided when preparing the step ran out of time", () => {
  const check = stepChecker(sigmaPrime().spec, 1, { deadline: 0 });
  for (const expr of ["sigma(x) * (1 - sigma(x))", "sigma(x)"]) {
    const v = check(expr);
    assert.is(v.tier, "undecided");
    assert.match(v.undecided!.reason, /^could not decide within 0 s: /);
  }
});

t("should refuse a negative or non-numeric deadline by name", () => {
  const err = thrown(() => sigmaPrime().verify({ deadline: -1 }));
  assert.instance(err, RangeError);
  assert.match(err.message, /derivation "σ′": deadline must be a number of seconds ≥ 0 \(Infinity for none\), got -1/);
  assert.instance(
    thrown(() => withinDeadline(Number.NaN, () => 1)),
    RangeError,
  );
});

t("should keep a sooner outer deadline in a nested call, and none outside any", () => {
  checkDeadline(() => "outside"); // no deadline in force: returns
  const err = thrown(() => withinDeadline(0, () => withinDeadline(100, () => checkDeadline(() => "inner work"))));
  assert.instance(err, StepUndecided);
  assert.is(err.message, "could not decide within 0 s: inner work");
  assert.is(
    withinDeadline(100, () => 7),
    7,
  );
});

t.run();
