/**
 * The class of "raw TypeError instead of a clear message": every public builder checks
 * its arguments with lib/check/schema.ts, so a wrong type names the function, the
 * argument or option, and what it got; sizes that would exhaust a kernel are bounded.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkArg, checkOptions } from "../../../lib/check";
import {
  binaryCrossEntropy,
  binaryCrossEntropyDerivative,
  centralDifference,
  gradientCheck,
  makeBlobs,
  plotDecisionBoundary,
  plotErrorVsStep,
  plotFunctions,
  plotLossCurves,
  plotSigmoidSlopeHistory,
  plotTrainingLoss,
  sigmoid,
  trainLogisticRegression,
} from "../../../lib";
import { tableBundle } from "../../../lib/display";

/** The error a call throws: its class and message. */
function thrown(call: () => unknown): { kind: string; message: string } {
  try {
    call();
  } catch (err) {
    return { kind: (err as Error).constructor.name, message: (err as Error).message };
  }
  throw new Error("expected an error");
}

const h = suite("checkArg and checkOptions");

h(
  "should name the function, the argument and the value, with TypeError for a wrong type and RangeError out of range",
  () => {
    assert.equal(
      thrown(() => checkArg("f", "opts.n", "3", { kind: "number", integer: true, min: 1, max: 9 })),
      { kind: "TypeError", message: 'f: opts.n must be a number (an integer from 1 to 9), got "3"' },
    );
    assert.equal(
      thrown(() => checkArg("f", "opts.n", 10, { kind: "number", integer: true, min: 1, max: 9 })),
      { kind: "RangeError", message: "f: opts.n must be an integer from 1 to 9, got 10" },
    );
    assert.equal(
      thrown(() => checkArg("f", "x", NaN, { kind: "number" })),
      { kind: "TypeError", message: "f: x must be a number, got NaN" },
    );
    assert.equal(
      thrown(() => checkArg("f", "g", undefined, { kind: "function" })),
      { kind: "TypeError", message: "f: g must be a function, got undefined" },
    );
    assert.equal(
      thrown(() => checkArg("f", "s", "", { kind: "string", nonEmpty: true })),
      { kind: "RangeError", message: 'f: s must be a non-empty string, got ""' },
    );
    assert.equal(
      thrown(() => checkOptions("f", "opts", null, { a: { kind: "number" } })),
      { kind: "TypeError", message: "f: opts must be an object, got null (it needs a)" },
    );
  },
);

h("should accept what is optional, nullable or extra", () => {
  assert.equal(checkOptions("f", "opts", undefined, { a: { kind: "number", optional: true } }), {});
  assert.equal(checkOptions("f", "opts", { a: null, extra: 1 }, { a: { kind: "array", nullable: true } }), {
    a: null,
    extra: 1,
  });
  assert.is(checkArg("f", "x", 2.5, { kind: "number", positive: true }), 2.5);
});

const b = suite("the public builders' argument errors");
const fig = { xMin: -1, xMax: 1, title: "t", xTitle: "x", yTitle: "y" };
const history = [{ epoch: 0, loss: 1, sigmoidSlope: { mean: 0.2, p10: 0.1, median: 0.2, p90: 0.25 } }];
const data = {
  X: [
    [0, 1],
    [1, 0],
  ],
  t: [0, 1],
};

b("should say which option of plotFunctions is wrong and what it got", () => {
  assert.equal(
    thrown(() => plotFunctions([{ name: "σ", f: sigmoid }], { ...fig, xMin: "0" as never })),
    { kind: "TypeError", message: 'plotFunctions: opts.xMin must be a number, got "0"' },
  );
  assert.equal(
    thrown(() => plotFunctions([{ name: "σ", f: sigmoid }], { ...fig, points: 1e9 })),
    { kind: "RangeError", message: "plotFunctions: opts.points must be an integer from 2 to 100000, got 1000000000" },
  );
  assert.equal(
    thrown(() => plotFunctions([{ name: "σ", f: sigmoid }], { ...fig, title: undefined as never })),
    { kind: "TypeError", message: "plotFunctions: opts.title must be a string, got undefined" },
  );
  assert.equal(
    thrown(() => plotFunctions([{ name: "σ", f: "sigmoid" as never }], fig)),
    { kind: "TypeError", message: 'plotFunctions: fns[0].f must be a function, got "sigmoid"' },
  );
  assert.equal(
    thrown(() => plotFunctions(sigmoid as never, fig)),
    { kind: "TypeError", message: "plotFunctions: fns must be a non-empty array, got a function" },
  );
});

b("should bound the points of plotLossCurves and type its options", () => {
  const fns = { loss: binaryCrossEntropy, dLoss: binaryCrossEntropyDerivative };
  assert.equal(
    thrown(() => plotLossCurves(fns, { points: 1e9 })).message,
    "plotLossCurves: opts.points must be an integer from 2 to 100000, got 1000000000",
  );
  assert.equal(
    thrown(() => plotLossCurves(fns, { title: 5 as never })).message,
    "plotLossCurves: opts.title must be a string, got 5",
  );
  assert.equal(
    thrown(() => plotLossCurves(undefined as never)).message,
    "plotLossCurves: fns must be an object, got undefined (it needs loss, dLoss)",
  );
});

b("should type the options of the other chart builders", () => {
  assert.equal(
    thrown(() => plotErrorVsStep([{ h: 1, error: 1 }], { floor: "0" as never })).message,
    'plotErrorVsStep: opts.floor must be a number (a finite number > 0), got "0"',
  );
  assert.equal(
    thrown(() => plotTrainingLoss(history, { title: 1 as never })).message,
    "plotTrainingLoss: opts.title must be a string, got 1",
  );
  assert.equal(
    thrown(() => plotSigmoidSlopeHistory(history, "title" as never)).message,
    'plotSigmoidSlopeHistory: opts must be an object, got "title"',
  );
  assert.equal(
    thrown(() => plotDecisionBoundary(data, [], { title: [] as never })).message,
    "plotDecisionBoundary: opts.title must be a string, got []",
  );
});

b("should give showTable's tableBundle clear errors for a missing or malformed field", () => {
  assert.equal(
    thrown(() => tableBundle({ columns: ["a"] } as never)),
    { kind: "TypeError", message: "showTable: table.rows must be an array, got undefined" },
  );
  assert.equal(
    thrown(() => tableBundle(undefined as never)),
    { kind: "TypeError", message: "showTable: table must be an object, got undefined (it needs columns, rows)" },
  );
  assert.equal(
    thrown(() => tableBundle({ columns: "a" as never, rows: [] })).message,
    'showTable: table.columns must be a non-empty array, got "a"',
  );
  assert.equal(
    thrown(() => tableBundle({ columns: ["a"], rows: [[null as never]] })).message,
    "showTable: table.rows[0][0] must be a number or a string, got null",
  );
  assert.equal(
    thrown(() => tableBundle({ columns: ["a"], rows: [5 as never] })).message,
    "showTable: table.rows[0] must be an array, got 5",
  );
  assert.equal(
    thrown(() => tableBundle({ columns: ["a"], rows: [[1]], digits: 0 })).message,
    "showTable: table.digits must be an integer from 1 to 21, got 0",
  );
});

b("should give gradientCheck and centralDifference clear errors", () => {
  assert.equal(
    thrown(() => (gradientCheck as () => unknown)()),
    { kind: "TypeError", message: "gradientCheck: f must be a function, got undefined" },
  );
  assert.equal(
    thrown(() => gradientCheck(sigmoid, undefined as never, 0)).message,
    "gradientCheck: df must be a function, got undefined",
  );
  assert.equal(
    thrown(() => gradientCheck(sigmoid, sigmoid, "0" as never)).message,
    'gradientCheck: x must be a number, got "0"',
  );
  assert.equal(
    thrown(() => gradientCheck(sigmoid, sigmoid, 0, [1e-3, -1])).message,
    "gradientCheck: hs[1] must be a finite number > 0, got -1",
  );
  assert.equal(
    thrown(() => centralDifference(undefined as never, 0, 1e-3)).message,
    "centralDifference: f must be a function, got undefined",
  );
});

b("should bound the sizes of the models' builders", () => {
  assert.equal(
    thrown(() => makeBlobs("s", 1e9)).message,
    "makeBlobs: n must be an integer from 2 to 1000000, got 1000000000",
  );
  assert.equal(
    thrown(() => trainLogisticRegression(data, { learningRate: 0.1, epochs: 1e9 })).message,
    "trainLogisticRegression: opts.epochs must be an integer from 0 to 1000000, got 1000000000",
  );
});

h.run();
b.run();
