/**
 * hint() on every derivation the tutorials show (test/fixtures/notebook-derivations.json, the
 * specs of the executed notebooks' derivation outputs; test/notebooks/derivations.test.ts checks
 * that the fixture is what the notebooks show): from the function, after the notebook's own
 * steps, and after a wrong step, both presses give a hint in words, never an error of a call
 * the learner did not make (a new user's finding: notebook 07's ∂p1/∂z2, named p1 with defs
 * { p1: … }, answered `explain("e ^ z1 / …"): name "p1" is also defined in defs`). Every press
 * writes its math as `$…$` TeX that KaTeX renders, like notes and titles (plainMathProblems).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derivationFromSpec } from "../../../../lib/derive/from-spec";
import { hint } from "../../../../lib/derive/hint";
import type { DerivationSpec, StepSpec } from "../../../../lib/derive/spec";
import type { NotebookDerivation } from "../../../notebook-derivations-fixture";
import { plainMathProblems } from "../../../math-in-text";

const test = suite("hint on the tutorials' derivations");

const shown: NotebookDerivation[] = JSON.parse(
  readFileSync(path.join(__dirname, "..", "..", "..", "fixtures", "notebook-derivations.json"), "utf8"),
);

/**
 * What a hint must never be: an error, or a call the learner did not make quoted as theirs. (The
 * one "no hint from here" a tutorial meets is by design: a max whose pieces meet inside the domain.)
 */
const ERROR_TEXT =
  /no hint from here(?!: hint for "[^"]*": cannot differentiate max)|explain\(|✗|internal error|defined in defs|without end/;

/** Both presses of hint() on a derivation, checked to be hints in words. */
function presses(spec: DerivationSpec, what: string): string[] {
  const d = derivationFromSpec(spec);
  const out = [hint(d), hint(d)];
  for (const h of out) {
    assert.type(h, "string", what);
    assert.ok(h.length > 0, `${what}: empty hint`);
    assert.not.match(h, ERROR_TEXT, `${what}: ${h}`);
    // the one "no hint from here" (a kink of max) quotes the error's mathjs text: not a hint's words
    if (!h.startsWith("no hint from here")) assert.equal(plainMathProblems(h), [], `${what}: ${h}`);
  }
  return out;
}

test("the fixture holds every tutorial's derivations, softmax's Jacobian among them", () => {
  assert.ok(shown.length >= 70, `${shown.length} derivations`);
  assert.is(new Set(shown.map((s) => s.notebook)).size, 10);
  const jacobian = shown.filter((s) => /^∂p\d\/∂z\d$/.test(s.spec.title));
  assert.is(jacobian.length, 9);
  assert.ok(jacobian.every((s) => s.spec.defs && s.spec.name! in s.spec.defs && s.spec.f === s.spec.name));
});

test("from the function: the first press names a rule, the second shows a step", () => {
  for (const { notebook, spec } of shown) {
    const [first, second] = presses({ ...spec, steps: [] }, `${notebook} "${spec.title}" from the function`);
    assert.match(first, /^(apply |write each max\/min|simplify: )/, `${spec.title}: ${first}`);
    assert.match(second, /^next step \(/, `${spec.title}: ${second}`);
  }
});

test("after a wrong step: the first press says which step, the second what to write instead", () => {
  for (const { notebook, spec } of shown) {
    const k = spec.steps.findIndex((st) => st.kind === "differentiate");
    const before = k < 0 ? [] : spec.steps.slice(0, k);
    const right = k < 0 ? spec.f : spec.steps[k].expr;
    // a derivative written 0 (softmax's off-diagonal entry as a constant) and a value no slip gives
    for (const expr of ["0", `2 * (${right}) + 1`]) {
      const wrong: StepSpec = { kind: k < 0 ? "rewrite" : "differentiate", expr, rule: "a wrong step", note: "" };
      const steps = [...before, wrong];
      if (derivationFromSpec({ ...spec, steps }).verify().ok) continue; // 0 is u′ for u = 1
      const [first, second] = presses({ ...spec, steps }, `${notebook} "${spec.title}" after the step ${expr}`);
      assert.match(first, new RegExp(`^step ${steps.length} does not hold`), `${spec.title}: ${first}`);
      assert.match(second, new RegExp(`^instead of step ${steps.length}, next step \\(`), `${spec.title}: ${second}`);
    }
  }
});

test("after the notebook's own steps: a hint or done, never an error", () => {
  for (const { notebook, expectFailure, spec } of shown) {
    const [first] = presses(spec, `${notebook} "${spec.title}" as shown`);
    if (!expectFailure) assert.not.match(first, /does not hold/, `${spec.title}: ${first}`);
  }
});

test.run();
