/**
 * The public API: "stepwise" offers what a notebook author uses, and only that; the
 * engine is importable from "stepwise/engine"; one name means one thing.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import * as stepwise from "../../lib";
import * as engine from "../../lib/engine";

const ROOT = path.resolve(__dirname, "..", "..");
const s = suite("public API");

s("should offer about forty names, the ones the tutorials import", () => {
  const names = Object.keys(stepwise).sort();
  // 01–08 needed about thirty; the network and the autodiff of 09 and 10 add ten
  assert.ok(names.length >= 25 && names.length <= 45, `${names.length} names: ${names.join(", ")}`);
  for (const name of [
    "sigmoid", "sigmoidDerivative", "binaryCrossEntropy", "binaryCrossEntropyDerivative", "binaryCrossEntropyWithLogits", "softmax",
    "softmaxJacobian", "categoricalCrossEntropyGradient", "centralDifference", "gradientCheck", "derive", "showVerified",
    "plotFunctions", "plotLossCurves", "plotErrorVsStep", "showFigure", "showTable", "makeBlobs", "trainLogisticRegression",
  ]) {
    assert.type((stepwise as Record<string, unknown>)[name], "function", name);
  }
});

s("should keep the engine's internals out of the notebook API and offer them from stepwise/engine", () => {
  for (const name of ["runMutationTest", "mutateExpression", "setDisplaySink", "sendBundle", "verifyStep", "parseDomain", "checkNumber", "derivationBundle", "readDerivationPayload", "derivationFromSpec", "DERIVATION_MIME"]) {
    assert.not.ok(name in stepwise, `${name} is exported from "stepwise"`);
    assert.ok(name in engine, `${name} is missing from "stepwise/engine"`);
  }
  assert.is(engine.derive, stepwise.derive, "one function, two entry points");
});

s("should mean one thing per name: binaryCrossEntropyDerivative is the number function", () => {
  assert.is(stepwise.binaryCrossEntropyDerivative(1, 0.5), -2);
  assert.not.ok("derivations" in stepwise || "derivations" in engine, "no catalogue of tutorial derivations: the notebooks hold them");
});

s("should declare stepwise/engine in package.json exports, for Node and for TypeScript", () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
  assert.equal(pkg.exports["."], { types: "./dist/index.d.ts", default: "./dist/index.js" });
  assert.equal(pkg.exports["./engine"], { types: "./dist/engine.d.ts", default: "./dist/engine.js" });
  assert.equal(pkg.typesVersions["*"].engine, ["dist/engine.d.ts"], "node10 resolution (tslab) finds the types too");
  assert.ok(existsSync(path.join(ROOT, "lib", "engine.ts")));
  if (existsSync(path.join(ROOT, "dist", "engine.js"))) {
    const built = require(require.resolve("stepwise/engine", { paths: [path.join(ROOT, "notebooks")] })) as Record<string, unknown>;
    assert.type(built.runMutationTest, "function");
  }
});

s.run();
