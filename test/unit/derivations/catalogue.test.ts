/**
 * Tests of lib/derivations/index.ts: the catalogue of derivations the tutorials show.
 * Every entry must verify, with the number and kinds of steps the tutorials describe.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derivations, type DerivationName } from "../../../lib/derivations";
import type { DerivationResult } from "../../../lib/derive/types";

/**
 * Steps after the given function, by kind ("d" differentiate, "r" rewrite), of the
 * derivations of the sigmoid and binary cross-entropy tutorials. The catalogue may hold
 * more; every entry is verified below.
 */
const EXPECTED: Partial<Record<DerivationName, string>> = {
  sigmoidNumeratorDerivative: "d",
  sigmoidDenominatorDerivative: "dr",
  sigmoidByQuotientRule: "drrrrrr", // 7
  sigmoidOuterDerivative: "dr",
  sigmoidByChainRule: "rdrrrrrr", // 8
  crossEntropyFirstTerm: "dr",
  crossEntropySecondTerm: "dr",
  binaryCrossEntropyDerivative: "drrr", // 4
  sigmoidCrossEntropyGradient: "dr", // 2
  stableLogitsCrossEntropy: "rrr", // 3
};

const results = new Map<string, DerivationResult>();
const verified = (name: DerivationName): DerivationResult => {
  if (!results.has(name)) results.set(name, derivations[name]().verify());
  return results.get(name)!;
};

const s = suite("derivations");

s("should hold the ten derivations of the sigmoid and binary cross-entropy tutorials", () => {
  const names = Object.keys(derivations);
  for (const name of Object.keys(EXPECTED)) assert.ok(names.includes(name), `missing ${name}`);
});

s("should verify every entry: all steps ok, each decided by a tier", () => {
  for (const name of Object.keys(derivations) as DerivationName[]) {
    const r = verified(name);
    const bad = r.steps.filter((st) => !st.ok).map((st) => `step ${st.index}: ${st.expr} ${JSON.stringify(st.counterexample)}`);
    assert.ok(r.ok, `${name}: ${bad.join("; ") || "closing check failed"}`);
    for (const st of r.steps.slice(1)) assert.is(st.tier, "proved", `${name} step ${st.index}`);
  }
});

s("should have the expected step counts: quotient rule 7, chain rule 8, BCE 4, sigmoid+BCE 2, stable logits 3", () => {
  assert.is(verified("sigmoidByQuotientRule").steps.length - 1, 7);
  assert.is(verified("sigmoidByChainRule").steps.length - 1, 8);
  assert.is(verified("binaryCrossEntropyDerivative").steps.length - 1, 4);
  assert.is(verified("sigmoidCrossEntropyGradient").steps.length - 1, 2);
  assert.is(verified("stableLogitsCrossEntropy").steps.length - 1, 3);
});

s("should have the expected kinds of steps in every entry", () => {
  for (const [name, kinds] of Object.entries(EXPECTED) as [DerivationName, string][]) {
    const got = verified(name).steps.slice(1).map((st) => (st.kind === "differentiate" ? "d" : "r")).join("");
    assert.is(got, kinds, name);
  }
});

s("should pass the closing check wherever there is a differentiate step, and have none for stable logits", () => {
  for (const [name, kinds] of Object.entries(EXPECTED) as [DerivationName, string][]) {
    const r = verified(name);
    if (kinds.includes("d")) {
      assert.ok(r.final, `${name}: closing check present`);
      assert.is(r.final!.ok, true, name);
    } else {
      assert.is(r.final, undefined, name);
    }
  }
});

s("should give every step a rule, and every step's TeX without mathjs unit names", () => {
  for (const name of Object.keys(derivations) as DerivationName[]) {
    for (const st of verified(name).steps.slice(1)) {
      assert.ok(st.rule.length > 0, `${name} step ${st.index} has a rule`);
      assert.not.match(st.tex, "\\mathrm{t}", `${name} step ${st.index}`);
    }
  }
});

s("should build a fresh derivation on every call", () => {
  for (const make of Object.values(derivations)) {
    const a = make();
    const b = make();
    assert.ok(a !== b && a.spec.steps !== b.spec.steps);
    a.rewrite("0", "extra");
    assert.is(b.spec.steps.length, a.spec.steps.length - 1);
  }
});

s.run();
