/**
 * Tests of the sigmoid derivations (lib/derivations/sigmoid-quotient-rule.ts,
 * sigmoid-chain-rule.ts, sigmoid-simplification.ts). Final expressions are checked
 * against σ(x)(1 − σ(x)) computed with Math.exp (to 1e-11 relative: 1 − σ(x) loses up
 * to ~4 digits at |x| = 8), and against a 60-digit central difference of the
 * function written here from its textbook definition (to 1e-30 relative).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { all, create, type BigNumber } from "mathjs";
import { sigmoidByChainRule, sigmoidOuterDerivative } from "../../../lib/derivations/sigmoid-chain-rule";
import {
  sigmoidByQuotientRule, sigmoidDenominatorDerivative, sigmoidNumeratorDerivative,
} from "../../../lib/derivations/sigmoid-quotient-rule";
import { simplifySigmoidDerivative } from "../../../lib/derivations/sigmoid-simplification";
import { derive, type Derivation } from "../../../lib/derive/derive";
import { expandInDerivation, verifyStep } from "../../../lib/derive/verify";

const R = create(all, { number: "BigNumber", precision: 60 });
const XS = [-8, -2.5, -1, 0, 0.5, 1.75, 3, 8];

/** The last step of a derivation, definitions expanded, evaluated in double precision. */
function lastStep(d: Derivation): (scope: Record<string, number>) => number {
  const steps = d.spec.steps;
  const code = expandInDerivation(d.spec, steps[steps.length - 1].expr).compile();
  return (scope) => code.evaluate(scope) as number;
}

/** The last step evaluated in 60-digit arithmetic. */
function lastStepBig(d: Derivation, scope: Record<string, number>): BigNumber {
  const steps = d.spec.steps;
  const text = expandInDerivation(d.spec, steps[steps.length - 1].expr).toString();
  return R.evaluate(text, Object.fromEntries(Object.entries(scope).map(([k, v]) => [k, R.bignumber(v)]))) as BigNumber;
}

/** (f(x + h) − f(x − h)) / 2h at 60 digits with h = 1e-20: the derivative to ~1e-40. */
function centralDifference(f: string, x: number): BigNumber {
  const h = R.bignumber("1e-20");
  const at = (v: BigNumber) => R.evaluate(f, { x: v }) as BigNumber;
  return at(R.bignumber(x).plus(h)).minus(at(R.bignumber(x).minus(h))).div(h.times(2));
}

function closeBig(a: BigNumber, b: BigNumber, rel: string, label: string): void {
  const scale = R.max(R.bignumber(1e-300), b.abs()) as BigNumber;
  assert.ok(a.minus(b).abs().lte(scale.times(rel)), `${label}: ${a.toString()} vs ${b.toString()}`);
}

const sigma = (x: number): number => 1 / (1 + Math.exp(-x));

const q = suite("sigmoidByQuotientRule");

q("should have 7 steps, the first a proven differentiate step by the quotient rule with lhs g'(x)", () => {
  // That every step verifies is tested once for the whole catalogue (catalogue.test.ts).
  const spec = sigmoidByQuotientRule().spec;
  assert.is(spec.steps.length, 7);
  const first = verifyStep(spec, 1);
  assert.equal([first.ok, first.kind, first.rule, first.lhs], [true, "differentiate", "quotient rule", "g'(x)"]);
});

q("should end at an expression equal to σ(x)(1 − σ(x)) computed with Math.exp", () => {
  const last = lastStep(sigmoidByQuotientRule());
  for (const x of XS) {
    const want = sigma(x) * (1 - sigma(x));
    assert.ok(Math.abs(last({ x }) - want) <= 1e-11 * want, `x = ${x}: ${last({ x })} vs ${want}`);
  }
});

q("should end at the derivative of 1/(1 + e^(−x)) (60-digit central difference)", () => {
  const d = sigmoidByQuotientRule();
  for (const x of XS) closeBig(lastStepBig(d, { x }), centralDifference("1 / (1 + exp(-x))", x), "1e-30", `x = ${x}`);
});

q("should write its last step in terms of g: g(x) * (1 - g(x))", () => {
  const steps = sigmoidByQuotientRule().spec.steps;
  assert.is(steps[steps.length - 1].expr.replace(/\s/g, ""), "g(x)*(1-g(x))");
});

const c = suite("sigmoidByChainRule");

c("should have 8 steps: a rewrite to a negative power, then a proven chain-rule step with lhs g'(x)", () => {
  const spec = sigmoidByChainRule().spec;
  assert.is(spec.steps.length, 8);
  assert.equal([spec.steps[0].kind, spec.steps[1].kind], ["rewrite", "differentiate"]);
  const second = verifyStep(spec, 2);
  assert.equal([second.ok, second.rule, second.lhs], [true, "chain rule", "g'(x)"]);
});

c("should end at the same value as the quotient-rule derivation, σ(x)(1 − σ(x))", () => {
  const last = lastStep(sigmoidByChainRule());
  for (const x of XS) {
    const want = sigma(x) * (1 - sigma(x));
    assert.ok(Math.abs(last({ x }) - want) <= 1e-11 * want, `x = ${x}`);
  }
});

const n = suite("sigmoidNumeratorDerivative");

n("should verify u′ = 0 for u = 1 in one step", () => {
  const r = sigmoidNumeratorDerivative().verify();
  assert.is(r.ok, true);
  assert.is(r.steps.length, 2);
  assert.is(r.steps[1].expr, "0");
});

const dd = suite("sigmoidDenominatorDerivative");

dd("should end at v′ = −e^(−x) for v = 1 + e^(−x) (60-digit central difference)", () => {
  const d = sigmoidDenominatorDerivative();
  for (const x of XS) closeBig(lastStepBig(d, { x }), centralDifference("1 + exp(-x)", x), "1e-30", `x = ${x}`);
});

const o = suite("sigmoidOuterDerivative");

o("should verify dg/du = −u^(−2) for g = u^(−1) on u ∈ (1, 50)", () => {
  const d = sigmoidOuterDerivative();
  const r = d.verify();
  assert.is(r.ok, true);
  assert.is(r.steps[1].lhs, "g'(u)");
  for (const u of [1.5, 2, 10, 49]) {
    const got = lastStep(d)({ u });
    assert.ok(Math.abs(got + 1 / (u * u)) <= 1e-15 / (u * u), `u = ${u}: ${got}`);
  }
});

const s = suite("simplifySigmoidDerivative");

s("should append five rewrite steps ending at g(x) * (1 - g(x)) and return the same derivation", () => {
  const d = derive("σ′", { name: "g", f: "1 / (1 + e^(-x))", wrt: "x", domain: { x: "(-10, 10)" } })
    .differentiate("e^(-x) / (1 + e^(-x))^2", "quotient rule");
  const out = simplifySigmoidDerivative(d);
  assert.ok(out === d);
  assert.is(d.spec.steps.length, 6);
  assert.ok(d.spec.steps.slice(1).every((st) => st.kind === "rewrite"));
  assert.is(d.spec.steps[5].expr.replace(/\s/g, ""), "g(x)*(1-g(x))");
  const r = d.verify();
  assert.is(r.ok, true);
});

s("should not verify when appended to a derivation whose last step is not e^(−x)/(1 + e^(−x))²", () => {
  const d = derive("σ′ wrong", { name: "g", f: "1 / (1 + e^(-x))", wrt: "x", domain: { x: "(-10, 10)" } })
    .differentiate("e^(-x) / (1 + e^(-x))", "a slip");
  const spec = simplifySigmoidDerivative(d).spec;
  assert.is(verifyStep(spec, 1).ok, false, "the slip");
  assert.is(verifyStep(spec, 2).ok, false, "the first appended step does not follow from the slip");
});

q.run();
c.run();
n.run();
dd.run();
o.run();
s.run();
