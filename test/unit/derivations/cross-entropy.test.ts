/**
 * Tests of the cross-entropy derivations (lib/derivations/binary-cross-entropy.ts and
 * sigmoid-with-cross-entropy.ts). Final expressions are checked against a 60-digit
 * central difference of the loss written here from its textbook definition
 * L = −[t·log ŷ + (1 − t)·log(1 − ŷ)] (to 1e-30 relative), and the stable logits
 * form against the textbook loss computed with Math.exp / Math.log.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { all, create, type BigNumber } from "mathjs";
import {
  binaryCrossEntropyDerivative, crossEntropyFirstTerm, crossEntropySecondTerm,
} from "../../../lib/derivations/binary-cross-entropy";
import { sigmoidCrossEntropyGradient, stableLogitsCrossEntropy } from "../../../lib/derivations/sigmoid-with-cross-entropy";
import type { Derivation } from "../../../lib/derive/derive";
import { expandInDerivation, verifyStep } from "../../../lib/derive/verify";

const R = create(all, { number: "BigNumber", precision: 60 });
const big = (scope: Record<string, number>) => Object.fromEntries(Object.entries(scope).map(([k, v]) => [k, R.bignumber(v)]));

/** The last step, definitions expanded, at 60 digits. */
function lastStepBig(d: Derivation, scope: Record<string, number>): BigNumber {
  const steps = d.spec.steps;
  return R.evaluate(expandInDerivation(d.spec, steps[steps.length - 1].expr).toString(), big(scope)) as BigNumber;
}

/** ∂f/∂v at a point by a 60-digit central difference, h = 1e-20 (error ~1e-39 here). */
function partial(f: string, v: string, scope: Record<string, number>): BigNumber {
  const h = R.bignumber("1e-20");
  const at = (dv: BigNumber) => R.evaluate(f, { ...big(scope), [v]: R.bignumber(scope[v]).plus(dv) }) as BigNumber;
  return at(h).minus(at(h.neg())).div(h.times(2));
}

function closeBig(a: BigNumber, b: BigNumber, rel: string, label: string): void {
  const scale = R.max(R.bignumber(1), b.abs()) as BigNumber;
  assert.ok(a.minus(b).abs().lte(scale.times(rel)), `${label}: ${a.toString()} vs ${b.toString()}`);
}

const YHATS = [0.01, 0.2, 0.5, 0.73, 0.99];
const TS = [0, 0.3, 1];
const ZS = [-9, -2, -0.25, 0, 1.5, 9];
const BCE = "-(t * log(yhat) + (1 - t) * log(1 - yhat))";

const a = suite("crossEntropyFirstTerm");

a("should verify ∂/∂ŷ of t·log ŷ in 2 steps, ending at t/ŷ", () => {
  const d = crossEntropyFirstTerm();
  const r = d.verify();
  assert.is(r.ok, true);
  assert.is(r.steps.length, 3);
  assert.is(r.steps[1].lhs, "\\frac{\\partial a}{\\partial \\hat{y}}");
  for (const yhat of YHATS) for (const t of TS) {
    closeBig(lastStepBig(d, { yhat, t }), partial("t * log(yhat)", "yhat", { yhat, t }), "1e-30", `ŷ = ${yhat}, t = ${t}`);
  }
});

const b = suite("crossEntropySecondTerm");

b("should verify ∂/∂ŷ of (1 − t)·log(1 − ŷ) in 2 steps, ending at −(1 − t)/(1 − ŷ)", () => {
  const d = crossEntropySecondTerm();
  assert.is(d.verify().ok, true);
  assert.is(d.spec.steps.length, 2);
  for (const yhat of YHATS) for (const t of TS) {
    closeBig(lastStepBig(d, { yhat, t }), partial("(1 - t) * log(1 - yhat)", "yhat", { yhat, t }), "1e-30", `ŷ = ${yhat}, t = ${t}`);
  }
});

const bce = suite("binaryCrossEntropyDerivative");

bce("should verify in 4 steps with lhs ∂L/∂ŷ", () => {
  const r = binaryCrossEntropyDerivative().verify();
  assert.is(r.ok, true);
  assert.is(r.steps.length, 5);
  assert.is(r.steps[1].lhs, "\\frac{\\partial L}{\\partial \\hat{y}}");
  assert.is(r.final!.ok, true);
});

bce("should end at the derivative of binary cross-entropy with respect to ŷ", () => {
  const d = binaryCrossEntropyDerivative();
  for (const yhat of YHATS) for (const t of TS) {
    closeBig(lastStepBig(d, { yhat, t }), partial(BCE, "yhat", { yhat, t }), "1e-30", `ŷ = ${yhat}, t = ${t}`);
  }
});

bce("should end at (ŷ − t)/(ŷ(1 − ŷ)), which is 0 where ŷ = t", () => {
  const d = binaryCrossEntropyDerivative();
  for (const v of [0.2, 0.5, 0.9]) assert.ok(lastStepBig(d, { yhat: v, t: v }).abs().lt("1e-50"), `ŷ = t = ${v}`);
});

const g = suite("sigmoidCrossEntropyGradient");

g("should have 2 steps, the first a proven chain-rule step with lhs ∂L/∂z, ending at σ(z) − t", () => {
  // That every step verifies is tested once for the whole catalogue (catalogue.test.ts).
  const d = sigmoidCrossEntropyGradient();
  assert.is(d.spec.steps.length, 2);
  const first = verifyStep(d.spec, 1);
  assert.equal([first.ok, first.rule, first.lhs], [true, "chain rule", "\\frac{\\partial L}{\\partial z}"]);
  const loss = "-(t * log(1 / (1 + exp(-z))) + (1 - t) * log(1 - 1 / (1 + exp(-z))))";
  for (const z of ZS) for (const t of TS) {
    closeBig(lastStepBig(d, { z, t }), partial(loss, "z", { z, t }), "1e-30", `z = ${z}, t = ${t}`);
    const want = 1 / (1 + Math.exp(-z)) - t;
    assert.ok(Math.abs(lastStepBig(d, { z, t }).toNumber() - want) < 1e-15, `σ(z) − t at z = ${z}, t = ${t}`);
  }
});

const st = suite("stableLogitsCrossEntropy");

st("should have 3 rewrite steps (so no closing check)", () => {
  assert.equal(stableLogitsCrossEntropy().spec.steps.map((s) => s.kind), ["rewrite", "rewrite", "rewrite"]);
});

st("should end at max(z, 0) − z·t + log(1 + e^(−|z|)), equal to the textbook loss on σ(z)", () => {
  const d = stableLogitsCrossEntropy();
  const last = d.spec.steps[d.spec.steps.length - 1].expr;
  assert.match(last, "max(z, 0)");
  assert.match(last, "abs(z)");
  const code = expandInDerivation(d.spec, last).compile();
  for (const z of ZS) for (const t of TS) {
    const s = 1 / (1 + Math.exp(-z));
    const want = -(t * Math.log(s) + (1 - t) * Math.log(1 - s));
    const got = code.evaluate({ z, t }) as number;
    assert.ok(Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want)), `z = ${z}, t = ${t}: ${got} vs ${want}`);
  }
});

st("should stay finite in double precision where the textbook form overflows (z = ±800)", () => {
  const d = stableLogitsCrossEntropy();
  const code = expandInDerivation(d.spec, d.spec.steps[2].expr).compile();
  // For |z| = 800 the loss is max(z, 0) − z·t + log(1 + e^(−800)) = max(z, 0) − z·t to double precision.
  for (const [z, t, want] of [[800, 0, 800], [800, 1, 0], [-800, 0, 0], [-800, 1, 800]]) {
    assert.is(code.evaluate({ z, t }), want, `z = ${z}, t = ${t}`);
  }
});

a.run();
b.run();
bce.run();
g.run();
st.run();
