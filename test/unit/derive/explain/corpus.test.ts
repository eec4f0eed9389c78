/**
 * A seeded sample of the bench's function corpus (test/fixtures/explain-functions.json, the
 * functions a machine-learning learner meets): explain() gives a derivation that verifies for
 * each (explain() throws otherwise), one differentiate step per derivation, and a final form
 * no larger than the derivative as the rules first wrote it. `npm run bench:explain` runs the
 * whole corpus against SymPy.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { DomainSpec } from "../../../../lib/derive/domain";
import { formSize } from "../../../../lib/derive/explain/algebra";
import { explain } from "../../../../lib/derive/explain/explain";
import { math } from "../../../../lib/derive/expression";
import { prng } from "./random-functions";

const test = suite("explain: a seeded sample of the ML function corpus");

interface Fn {
  name: string;
  f: string;
  wrt: string;
  domain: DomainSpec;
}
const ALL: Fn[] = JSON.parse(
  readFileSync(path.join(__dirname, "..", "..", "..", "fixtures", "explain-functions.json"), "utf8"),
).functions;

test("the corpus holds at least 100 functions", () => {
  assert.ok(ALL.length >= 100, `${ALL.length} functions`);
});

test("12 functions drawn with a fixed seed: each derivation verifies and ends no larger than it began", () => {
  const r = prng(19);
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

test.run();
