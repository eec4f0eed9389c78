/**
 * Tests of lib/derive/failure.ts: describing the failed steps of a verified derivation
 * and throwing when a derivation that must hold does not.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../lib/derive/derive";
import { assertVerified, DerivationFailedError, failureMessage } from "../../../lib/derive/failure";
import type { DerivationResult } from "../../../lib/derive/types";
import { inspect } from "node:util";
import * as vm from "node:vm";
import { stderrShowsError } from "../../../lib/notebook/errors";

const YT = { yhat: "(0, 1)", t: "[0, 1]" } as const;

/** ∂/∂ŷ of t·log ŷ with a correct or a wrong last step. */
const firstTerm = (last: string): DerivationResult =>
  derive("t log ŷ", { name: "a", f: "t * log(yhat)", wrt: "yhat", domain: YT })
    .differentiate("t * (1 / yhat)", "log rule")
    .rewrite(last, "algebra")
    .verify();

const GOOD = firstTerm("t / yhat");
const BAD = firstTerm("yhat / t");

const fm = suite("failureMessage");

fm("should return null when every step and the closing check passed", () => {
  assert.is(failureMessage(GOOD), null);
});

fm("should name the derivation, the step, its text, what it had to equal and the counterexample", () => {
  const msg = failureMessage(BAD)!;
  const lines = msg.split("\n");
  assert.is(lines.length, 2, "step 2 and the closing check");
  const c = BAD.steps[2].counterexample!;
  assert.match(lines[0], 'derivation "t log ŷ": step 2 (algebra) failed: "yhat / t"');
  assert.match(lines[0], 'the previous expression "t * (1 / yhat)"');
  assert.match(lines[0], "the previous expression");
  assert.match(lines[0], `yhat = ${c.point.yhat}, t = ${c.point.t}`);
  assert.match(lines[0], c.actual);
  assert.match(lines[0], c.expected);
  assert.match(lines[1], "the closing check");
  assert.match(lines[1], "mathjs derivative() of the given function");
});

fm("should say a wrong differentiate step had to equal the derivative of the previous expression", () => {
  const r = derive("v′", { f: "1 + e^(-x)", wrt: "x", domain: { x: "(-10, 10)" } })
    .differentiate("e^(-x)", "slip")
    .verify();
  assert.match(
    failureMessage(r)!.split("\n")[0],
    'step 1 (slip) failed: "e^(-x)" is not equal to the derivative of the previous expression "1 + e^(-x)" (that is "-e^(-x)")',
  );
});

fm("should add the reason a point rejects the step when there is one (precision bound hit)", () => {
  // 1 − e^(−e^(−z)) ≈ 1e−1050 there: beyond the 1000 digits decimal.js's ln supports (1 − σ(z)
  // no longer cancels: it is evaluated as e^(−z)/(1 + e^(−z)), lib/derive/cancellation.ts)
  const r = derive("bound", {
    name: "L",
    f: "log(2 * e^(-e^(-z) / 2) * sinh(e^(-z) / 2))",
    wrt: "z",
    domain: { z: "(2420, 2440)" },
  })
    .rewrite("log(1 - e^(-e^(-z))) * (2 * cos(z / 2)^2 - cos(z))", "naive form")
    .verify();
  assert.match(failureMessage(r) ?? "", /step 1 \(naive form\) failed: .* \(precision bound hit: /);
});

fm(
  "should name the slip the verifier found, and write the kit's expressions readably, not as mathjs prints them",
  () => {
    const r = derive("σ′", { name: "g", f: "1 / (1 + e^(-x))", wrt: "x", domain: { x: "(-10, 10)" } })
      .differentiate("e^(-x) / (1 + e^(-x))^2 * -1", "quotient rule")
      .verify();
    const line = failureMessage(r)!.split("\n")[0];
    const d = r.steps[1].diagnosis!;
    assert.ok(d, "the verifier diagnoses the step");
    assert.match(
      line,
      'step 1 (quotient rule) failed: "e^(-x) / (1 + e^(-x))^2 * -1"',
      "the learner's text as written",
    );
    assert.match(line, `the slip (${d.id}): ${d.message.replace(/\.$/, "")}`);
    assert.match(line, /the step should be "[^"]+"/);
    // mathjs's own text of the derivative, "-1 * e ^ (-x) * -1 / (1 + e ^ (-x)) ^ 2", is not quoted:
    // the row, the payload and the message carry the rule's result, readable, the same text
    assert.is(r.steps[1].against, "e^(-x) / (1 + e^(-x))^2");
    assert.not.match(line, " ^ ");
    assert.not.match(line, "-1 *");
    assert.match(line, '(that is "e^(-x) / (1 + e^(-x))^2")');
  },
);

const av = suite("assertVerified");

av("should return the same result when it passed", () => {
  assert.ok(assertVerified(GOOD) === GOOD);
});

av("should throw a DerivationFailedError carrying the result, with failureMessage as its message", () => {
  let caught: unknown;
  try {
    assertVerified(BAD);
  } catch (e) {
    caught = e;
  }
  assert.instance(caught, DerivationFailedError);
  assert.instance(caught, Error);
  const e = caught as DerivationFailedError;
  assert.is(e.name, "DerivationFailedError");
  assert.is(e.message, failureMessage(BAD));
  assert.ok(e.result === BAD);
});

/** What a kernel prints for an error thrown out of a cell: tslab runs the cell with vm.runInThisContext and console.error()s what it throws. */
function printedByKernel(thrower: () => unknown): string {
  const g = globalThis as unknown as { __stepwiseThrower?: () => unknown };
  g.__stepwiseThrower = thrower;
  try {
    vm.runInThisContext("(function () { __stepwiseThrower(); })()", { breakOnSigint: true });
  } catch (e) {
    return inspect(e);
  } finally {
    delete g.__stepwiseThrower;
  }
  throw new Error("printedByKernel: the cell did not throw");
}

const short = suite("DerivationFailedError as a kernel prints it");

short("should be two lines: the first failure, then an at-line naming the step, its rule and the derivation", () => {
  const text = printedByKernel(() => assertVerified(BAD));
  const lines = text.split("\n");
  assert.is(lines.length, 2, text);
  assert.is(lines[0], `DerivationFailedError: ${failureMessage(BAD)!.split("\n")[0]}`);
  assert.is(lines[1], '    at step 2 (algebra) of derivation "t log ŷ"');
  assert.not.match(text, "result", "the result is not printed");
  assert.not.match(text, "failure.ts", "no frame of the kit");
});

short("should stay an error the pipeline recognises on stderr (error line, then a stack line)", () => {
  assert.ok(stderrShowsError(printedByKernel(() => assertVerified(BAD))));
});

short("should name the closing check when only it failed, without a rule", () => {
  const r = derive("only final", { name: "g", f: "x^2", wrt: "x", domain: { x: "(-10, 10)" } })
    .differentiate("2 * x", "power rule")
    .verify();
  const broken: DerivationResult = { ...r, ok: false, final: { ...r.final!, ok: false } };
  const e = new DerivationFailedError(broken, "the closing check failed");
  assert.is(
    e.stack,
    'DerivationFailedError: the closing check failed\n    at the closing check of derivation "only final"',
  );
});

short("should name the derivation alone when no step failed (an expected rejection that did not happen)", () => {
  const e = new DerivationFailedError(
    GOOD,
    'derivation "t log ŷ": a wrong step was expected to be rejected, but every step passed',
  );
  assert.is(e.stack?.split("\n")[1], '    at derivation "t log ŷ"');
  assert.is(inspect(e).split("\n").length, 2);
});

short("should keep the message whole and the result reachable", () => {
  const e = new DerivationFailedError(BAD, failureMessage(BAD)!);
  assert.is(e.message.split("\n").length, 2);
  assert.ok(e.result === BAD);
  assert.not.ok(Object.keys(e).includes("result"));
});

fm.run();
av.run();
short.run();
