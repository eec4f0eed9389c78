/**
 * explain()'s check of its own steps (selfCheck: verifyDerivation with verdictsOnly) gives the
 * verdicts verify() gives — ok, tier, certificate, counterexample, for every step and the closing
 * check — without the display fields (TeX, the shown comparison of a differentiate step, the rule
 * check), on a seeded sample of the bench's corpora under every strategy, and on wrong steps put
 * into generated derivations.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Derivation } from "../../../../lib/derive/derive";
import {
  type ExplainStrategy,
  explainSteps,
  SELF_CHECK_SAMPLES,
  selfCheck,
} from "../../../../lib/derive/explain/explain";
import type { StepResult } from "../../../../lib/derive/types";
import { readExplainCorpus } from "../../../../scripts/explain-corpus";
import { mulberry32 } from "../../../../scripts/seeded-random";

const test = suite("explain: selfCheck gives verify()'s verdicts");

const CORPUS = readExplainCorpus();
const STRATEGIES: ExplainStrategy[] = ["auto", "quotient", "chain", "product"];

/** The fields of a step's result that are its verdict. */
const verdict = (s: StepResult) => ({
  index: s.index,
  kind: s.kind,
  expr: s.expr,
  rule: s.rule,
  ok: s.ok,
  tier: s.tier,
  certificate: s.certificate,
  counterexample: s.counterexample,
  undecided: s.undecided,
});

/** selfCheck against verify() with the same samples, on one derivation. */
function sameVerdicts(d: Derivation, label: string): void {
  const mine = selfCheck(d);
  const full = d.verify({ samples: SELF_CHECK_SAMPLES });
  assert.is(mine.ok, full.ok, label);
  assert.equal(mine.steps.map(verdict), full.steps.map(verdict), label);
  assert.equal(mine.final && verdict(mine.final), full.final && verdict(full.final), `${label}, closing check`);
  for (const s of mine.steps) {
    assert.is(s.tex, "", `${label}: step ${s.index} has no TeX`);
    assert.is(s.ruleCheck, undefined, `${label}: step ${s.index} has no rule check`);
    assert.is(s.diagnosis, undefined, `${label}: step ${s.index} has no diagnosis`);
    if (s.kind === "differentiate") assert.is(s.against, "", `${label}: step ${s.index} shows no comparison`);
  }
}

test("16 functions drawn with a fixed seed, each under a drawn strategy: the same verdicts as verify()", () => {
  const r = mulberry32(3219);
  for (let k = 0; k < 16; k++) {
    const fn = CORPUS[Math.floor(r() * CORPUS.length)];
    const strategy = STRATEGIES[Math.floor(r() * STRATEGIES.length)];
    const d = explainSteps(fn.f, { wrt: fn.wrt, domain: fn.domain, title: fn.name, strategy });
    for (const part of [...d.parts, d]) sameVerdicts(part, `${fn.name} [${strategy}], ${part.spec.title}`);
  }
});

test("a wrong step put into generated derivations: rejected with verify()'s counterexample", () => {
  const r = mulberry32(3220);
  let rejected = 0;
  for (let k = 0; k < 8; k++) {
    const fn = CORPUS[Math.floor(r() * CORPUS.length)];
    const d = explainSteps(fn.f, { wrt: fn.wrt, domain: fn.domain, title: fn.name });
    // each step in turn made wrong by a term that is not 0 on the domain
    const i = Math.floor(r() * d.spec.steps.length);
    const steps = d.spec.steps.map((s, j) => (j === i ? { ...s, expr: `${s.expr} + 1 / 7` } : s));
    const wrong = new Derivation({ ...d.spec, steps });
    sameVerdicts(wrong, `${fn.name}, step ${i + 1} + 1/7`);
    assert.is(selfCheck(wrong).steps[i + 1].ok, false, `${fn.name}: step ${i + 1} + 1/7 is rejected`);
    rejected++;
  }
  assert.is(rejected, 8);
});

test.run();
