import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readExercises } from "../../../lib/site/try/exercise-spec";
import { checkAnswer, checkStep, preview } from "../../../lib/site/try/browser-entry";

const read = suite("readExercises");
const ex = {
  number: 3,
  prompt: "softplus′",
  ask: "derivative",
  f: "log(1 + e^x)",
  wrt: "x",
  domain: { x: "(-10, 10)" },
  slips: [{ expr: "1 / (1 + e^x)", hint: "the chain-rule factor e^x is missing" }],
};

read("should read a cell's exercises and treat a cell without them as having none", () => {
  assert.equal(readExercises({ stepwise: { exercises: [ex] } }, "nb, cell 2"), [ex]);
  assert.equal(readExercises({ tags: ["x"] }, "nb, cell 2"), []);
  assert.equal(readExercises(undefined, "nb, cell 2"), []);
});

read("should name the exercise entry and the field that is wrong", () => {
  assert.throws(
    () => readExercises({ stepwise: { exercises: [{ ...ex, ask: "integral" }] } }, "nb, cell 2"),
    /nb, cell 2, exercise entry 1: ask must be "derivative" or "equal", got "integral"/,
  );
  assert.throws(
    () => readExercises({ stepwise: { exercises: [{ ...ex, f: "" }] } }, "nb, cell 4"),
    /cell 4, exercise entry 1: f must be a non-empty string/,
  );
  assert.throws(() => readExercises({ stepwise: { exercises: {} } }, "nb"), /must be an array/);
  assert.throws(
    () => readExercises({ stepwise: { exercises: [{ ...ex, number: 0 }] } }, "nb, cell 5"),
    /cell 5, exercise entry 1: number must be a positive integer \(or left out\), got 0/,
  );
  // an exercise that stands alone has no number; its errors still say which
  const { number: _n, ...alone } = ex;
  assert.equal(readExercises({ stepwise: { exercises: [alone] } }, "nb"), [alone]);
  assert.match(
    checkAnswer(alone as never, "nosuch(x)").error ?? "",
    /^step 1 \("nosuch\(x\)"\): unknown function nosuch/,
  );
});

const reader = suite("what a reader types: printed operators and letters, a variable before parentheses, long input");
const bce = {
  number: 4,
  prompt: "∂L/∂ŷ",
  ask: "derivative" as const,
  f: "-(t * log(yhat) + (1 - t) * log(1 - yhat))",
  wrt: "yhat",
  domain: { yhat: "(0, 1)", t: "[0, 1]" },
};

reader("should read − · ⋅ × ÷ copied from a rendered formula as mathjs's - * * * /", () => {
  assert.equal(
    checkAnswer(bce, "(yhat − t) / (yhat · (1 − yhat))"),
    checkAnswer(bce, "(yhat - t) / (yhat * (1 - yhat))"),
  );
  assert.ok(checkAnswer(bce, "(yhat − t) ÷ (yhat ⋅ (1 − yhat))").ok);
  assert.ok(checkAnswer(bce, "(yhat − t) / (yhat × (1 − yhat))").ok);
  assert.ok(preview("(yhat − t) · 2").html, "the preview draws it too");
});

reader("should say that a variable before parentheses is read as a call, and how to write a product", () => {
  assert.is(
    checkAnswer(bce, "(yhat - t)/(yhat(1-yhat))").error,
    'step 1 ("(yhat - t)/(yhat(1-yhat))"): yhat(…) calls yhat as a function, but yhat is a variable: write yhat * (…) for a product',
  );
});

reader("should name the variable for a letter typed as printed (ŷ, σ)", () => {
  assert.match(
    checkAnswer(bce, "(ŷ - t) / (ŷ * (1 - ŷ))").error ?? "",
    /the variable ŷ has no declared domain \(declared: yhat, t\); write ŷ as yhat$/,
  );
  assert.not.match(checkAnswer(bce, "ω * yhat").error ?? "", /write/, "no advice when the name is not the notebook's");
});

reader("should quote at most 80 characters of a long input in a message", () => {
  const long = `${"yhat + ".repeat(100)}q`;
  const error = checkAnswer(bce, long).error ?? "";
  assert.ok(error.includes(`("${long.slice(0, 77)}…")`), error.slice(0, 200));
  assert.not.ok(error.includes(long), "the whole input is not echoed");
});

const check = suite("checkAnswer / checkStep (the page's verifier)");

check("should accept a right answer, reject a wrong one with a point, and give a slip's hint by value", () => {
  const spec = readExercises({ stepwise: { exercises: [ex] } }, "nb")[0];
  assert.ok(checkAnswer(spec, "sigma(x)").ok);
  assert.ok(checkAnswer(spec, "e^x / (1 + e^x)").ok);
  const wrong = checkAnswer(spec, "e^x");
  assert.not.ok(wrong.ok);
  assert.ok(wrong.counterexample && "x" in wrong.counterexample.point);
  assert.is(wrong.hint, undefined);
  assert.is(checkAnswer(spec, "(1 + e^x)^(-1)").hint, "the chain-rule factor e^x is missing");
  assert.match(checkAnswer(spec, "e^x / (").error ?? "", /ends too early/);
  assert.match(checkAnswer(spec, "y + 1").error ?? "", /y/);
});

check("should check a step in place with the derivation's seed and sample count", () => {
  const spec = {
    title: "v′",
    name: "v",
    f: "1 + e^(-x)",
    wrt: "x",
    domain: { x: "(-10, 10)" },
    steps: [{ kind: "differentiate" as const, expr: "-e^(-x)", rule: "", note: "" }],
  };
  assert.ok(checkStep({ spec, seed: "stepwise", samples: 24 }, 1, "-e^(-x)").ok);
  const bad = checkStep({ spec, seed: "stepwise", samples: 24 }, 1, "e^(-x)");
  assert.not.ok(bad.ok);
  const x = Number(bad.counterexample!.point.x);
  assert.ok(Math.abs(Number(bad.counterexample!.actual) - Math.exp(-x)) < 1e-9 * Math.max(1, Math.exp(-x)));
  assert.ok(Math.abs(Number(bad.counterexample!.expected) + Math.exp(-x)) < 1e-9 * Math.max(1, Math.exp(-x)));
});

read.run();
reader.run();
check.run();
