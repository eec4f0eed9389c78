import { readFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkAnswer } from "../../../lib/site/try/browser-entry";
import { readExercises, type ExerciseSpec } from "../../../lib/site/try/exercise-spec";
import { NOTEBOOKS, tutorialNames } from "../../shared";

// Right answers, written here independently of the notebooks (by hand), by the exercise's function.
const RIGHT: Record<string, string> = {
  "1 / (1 + e^(-2 x))": "2 * sigma(2 x) * (1 - sigma(2 x))",
  "sigma(x) * (1 - sigma(x))": "sigma(x) * (1 - sigma(x)) * (1 - 2 sigma(x))",
  "log(sigma(x))": "1 - sigma(x)",
  "(yhat - t)^2": "2 (yhat - t)",
  "-(t * log(yhat) + (1 - t) * log(1 - yhat))": "(yhat - t) / (yhat * (1 - yhat))",
  "-(t * log(sigma(z)) + (1 - t) * log(1 - sigma(z)))": "sigma(z) - t",
  "-(t1 * log(p1) + t2 * log(p2) + t3 * log(p3))": "p2 - t2",
  "x * sigma(x)": "sigma(x) + x * sigma(x) * (1 - sigma(x))",
  "log(1 + e^x)": "e^x / (1 + e^x)",
  // notebook 09's tanh network shares its loss with notebook 04, so it is keyed by its variable too
  "-(t * log(yhat) + (1 - t) * log(1 - yhat)) by b11": "(sigma(z2) - t) * w21 * (1 - tanh(z11)^2)",
  "-(t1 * log(p1) + (1 - t1) * log(p2))": "p1 - t1",
  "u^v": "e^(v * log(u)) * log(u)",
};

/** The right answer written for an exercise: by its function and variable, else by its function. */
const rightAnswer = (ex: ExerciseSpec): string => RIGHT[`${ex.f} by ${ex.wrt}`] ?? RIGHT[ex.f];

function exercisesOf(name: string): { key: string; ex: ExerciseSpec }[] {
  const nb = JSON.parse(readFileSync(path.join(NOTEBOOKS, name), "utf8")) as { cells: { metadata?: unknown }[] };
  return nb.cells.flatMap((c, i) =>
    readExercises(c.metadata, `${name}, cell ${i + 1}`).map((ex) => ({
      key: `${name.replace(/\.ipynb$/, "")} #${ex.number}`,
      ex,
    })),
  );
}

const s = suite("the tutorials' checkable exercises");
const all = tutorialNames().flatMap(exercisesOf);

s("should declare answer boxes in most tutorials, each with at least one known slip", () => {
  assert.ok(all.length >= 8, `${all.length} exercises`);
  for (const { key, ex } of all) assert.ok((ex.slips ?? []).length > 0, `${key} has no slip`);
});

s("should accept a right answer to each and reject each known slip with its own hint", () => {
  for (const { key, ex } of all) {
    assert.ok(rightAnswer(ex) !== undefined, `${key}: no right answer written for ${ex.f}`);
    assert.ok(checkAnswer(ex, rightAnswer(ex)).ok, `${key}: ${rightAnswer(ex)} rejected`);
    for (const slip of ex.slips ?? []) {
      const v = checkAnswer(ex, slip.expr);
      assert.not.ok(v.ok, `${key}: the slip ${slip.expr} is accepted`);
      assert.ok(v.counterexample, `${key}: no counterexample for ${slip.expr}`);
      assert.is(v.hint, slip.hint, `${key}: ${slip.expr}`);
    }
  }
});

s(
  "should give no slip's hint to a wrong answer that is none of the slips, such as the exercise's own function by name",
  () => {
    for (const { key, ex } of all) {
      const name = ex.name ?? "f";
      // the function itself, a constant and a scaled right answer: wrong, and none of them a slip
      for (const wrong of [`${name}(${ex.wrt})`, "7", `3 * (${rightAnswer(ex)})`]) {
        const v = checkAnswer(ex, wrong);
        if (ex.ask === "equal" && wrong === `${name}(${ex.wrt})`) continue; // there the function by name is right
        assert.not.ok(v.ok, `${key}: ${wrong} accepted`);
        assert.is(v.error, undefined, `${key}: ${wrong} gave an error: ${v.error}`);
        assert.is(v.hint, undefined, `${key}: ${wrong} got the hint "${v.hint}"`);
        assert.ok(v.counterexample, `${key}: no counterexample for ${wrong}`);
      }
    }
  },
);

s.run();

const box = suite("answer boxes name what an answer may use");

box("should put each exercise's own variables and defined names in its placeholder", () => {
  const { answerPlaceholder } =
    require("../../../lib/site/try/try-html") as typeof import("../../../lib/site/try/try-html");
  for (const { key, ex } of all) {
    const text = answerPlaceholder(ex);
    assert.ok(text.includes(ex.wrt), `${key}: ${text}`);
    for (const v of Object.keys(ex.domain ?? {})) assert.ok(text.includes(v), `${key}: ${v} missing in ${text}`);
  }
  const bce = all.find(({ ex }) => ex.f === "-(t * log(yhat) + (1 - t) * log(1 - yhat))")!;
  assert.is(answerPlaceholder(bce.ex), "your answer in mathjs syntax, in yhat, t");
});

box.run();

const words = suite("answer boxes: messages a reader can act on");

words("should name an unknown function and the ones the verifier knows, without advice about a notebook's defs", () => {
  const { ex } = all[0];
  const v = checkAnswer(ex, "foo(x) + 1");
  assert.not.ok(v.ok);
  assert.match(v.error ?? "", /unknown function foo\(…\): the verifier knows exp, /);
  assert.not.match(v.error ?? "", /defs/);
});

words.run();
