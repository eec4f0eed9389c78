/**
 * A seeded sample of the bench's function corpora (test/fixtures/explain-functions.json,
 * explain-functions-added.json and explain-functions-third.json, the functions a
 * machine-learning learner meets; none of them is refused as not differentiable): explain()
 * gives a derivation that verifies for each (explain() throws otherwise), one differentiate
 * step per derivation, a final form no larger than the derivative as the rules first wrote
 * it, and every generated step proved by the exact tier. `npm run bench:explain` runs the
 * whole corpus against SymPy.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { formSize } from "../../../../lib/derive/explain/algebra";
import { explain, explainSteps, SELF_CHECK_SAMPLES } from "../../../../lib/derive/explain/explain";
import { readExplainSet } from "../../../../scripts/explain-corpus";
import { mulberry32 } from "../../../../scripts/seeded-random";
import { findSingularity } from "../../../../lib/derive/explain/singularities";
import { parseDomain } from "../../../../lib/derive/domain";
import { math, parseExpression } from "../../../../lib/derive/expression";

const test = suite("explain: a seeded sample of the ML function corpus");

const ALL = readExplainSet("first");
const ADDED = readExplainSet("added");
const THIRD = readExplainSet("third");

test("the corpus holds at least 100 functions", () => {
  assert.ok(ALL.length >= 100, `${ALL.length} functions`);
});

test("12 functions drawn with a fixed seed: each derivation verifies and ends no larger than it began", () => {
  const r = mulberry32(19);
  const sample = Array.from({ length: 12 }, () => ALL[Math.floor(r() * ALL.length)]);
  for (const fn of sample) {
    const d = explain(fn.f, { wrt: fn.wrt, domain: fn.domain, title: fn.name });
    const steps = d.spec.steps;
    const i = steps.findIndex((s) => s.kind === "differentiate");
    assert.is(steps.filter((s) => s.kind === "differentiate").length, 1, fn.name);
    const first = formSize(math.parse(steps[i].expr));
    const last = formSize(math.parse(steps[steps.length - 1].expr));
    assert.ok(last <= first, `${fn.name}: ${steps[steps.length - 1].expr} is larger than ${steps[i].expr}`);
  }
});

test("10 functions drawn with a fixed seed from the three corpora: every generated step is proved by the exact tier", () => {
  const both = [...ALL, ...ADDED, ...THIRD];
  const r = mulberry32(1919);
  const sample = Array.from({ length: 10 }, () => both[Math.floor(r() * both.length)]);
  for (const fn of sample) {
    const d = explainSteps(fn.f, { wrt: fn.wrt, domain: fn.domain, title: fn.name });
    for (const part of [...d.parts, d]) {
      for (const s of part.verify({ samples: SELF_CHECK_SAMPLES }).steps.slice(1)) {
        assert.ok(s.ok, `${fn.name}: ${s.rule} "${s.expr}" is rejected`);
        assert.is(s.tier, "proved", `${fn.name}: ${s.rule} "${s.expr}" is only sampled`);
      }
    }
  }
});

test("no function of the three corpora, each differentiable on its domain, is refused as not differentiable", () => {
  for (const fn of [...ALL, ...ADDED, ...THIRD]) {
    const s = findSingularity(parseExpression(fn.f, fn.name), parseDomain(fn.domain, fn.name));
    assert.is(s, undefined, `${fn.name}: ${s?.hazard.fails} at ${JSON.stringify(s?.point)}`);
  }
});

test.run();
