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
import * as ts from "typescript";
import { runMutationTest } from "../../tooling/mutation/mutation-test";

const ROOT = path.resolve(__dirname, "..", "..");
const s = suite("public API");

s("should offer about forty names, the ones the tutorials import", () => {
  const names = Object.keys(stepwise).sort();
  // 01–08 needed about thirty; the network and the autodiff of 09 and 10 add ten
  assert.ok(names.length >= 25 && names.length <= 45, `${names.length} names: ${names.join(", ")}`);
  for (const name of [
    "sigmoid",
    "sigmoidDerivative",
    "binaryCrossEntropy",
    "binaryCrossEntropyDerivative",
    "binaryCrossEntropyWithLogits",
    "softmax",
    "softmaxJacobian",
    "categoricalCrossEntropyGradient",
    "centralDifference",
    "gradientCheck",
    "derive",
    "showVerified",
    "plotFunctions",
    "plotLossCurves",
    "plotErrorVsStep",
    "showFigure",
    "showTable",
    "makeBlobs",
    "trainLogisticRegression",
  ]) {
    assert.type((stepwise as Record<string, unknown>)[name], "function", name);
  }
});

s("should keep the engine's internals out of the notebook API and offer them from stepwise/engine", () => {
  for (const name of [
    "setDisplaySink",
    "sendBundle",
    "verifyStep",
    "parseDomain",
    "checkNumber",
    "checkOptions",
    "derivationBundle",
    "readDerivationPayload",
    "derivationFromSpec",
    "DERIVATION_MIME",
  ]) {
    assert.not.ok(name in stepwise, `${name} is exported from "stepwise"`);
    assert.ok(name in engine, `${name} is missing from "stepwise/engine"`);
  }
  for (const name of Object.keys(stepwise)) {
    assert.is(
      (engine as Record<string, unknown>)[name],
      (stepwise as Record<string, unknown>)[name],
      `${name}: one thing, two entry points`,
    );
  }
});

s("should name every export of stepwise/engine in lib/engine.ts (no export *), each once", () => {
  const file = path.join(ROOT, "lib", "engine.ts");
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const named: string[] = [];
  const typeOnly: string[] = [];
  for (const st of source.statements) {
    if (!ts.isExportDeclaration(st)) continue;
    assert.ok(
      st.exportClause && ts.isNamedExports(st.exportClause),
      `export * in lib/engine.ts: ${st.getText(source)}`,
    );
    for (const el of st.exportClause.elements) (el.isTypeOnly || st.isTypeOnly ? typeOnly : named).push(el.name.text);
  }
  const all = [...named, ...typeOnly];
  assert.equal(
    all.filter((n, i) => all.indexOf(n) !== i),
    [],
    "a name exported twice",
  );
  assert.equal(Object.keys(engine).sort(), named.sort(), "the module's values are exactly the names listed");
  assert.ok(typeOnly.includes("DerivationSpec") && typeOnly.includes("StepResult"), "the derivation contract's types");
});

s("should list in lib/engine.ts every value the folders it names export (the two lists kept in step)", () => {
  const text = readFileSync(path.join(ROOT, "lib", "engine.ts"), "utf8");
  const folders = [...new Set([...text.matchAll(/from "\.\/([^"]+)"/g)].map((m) => m[1]))];
  assert.ok(folders.includes("derive/explain") && folders.includes("models"), folders.join(", "));
  for (const folder of folders) {
    const mod = require(path.join(ROOT, "lib", folder)) as Record<string, unknown>;
    const missing = Object.keys(mod).filter((name) => !(name in engine));
    assert.equal(missing, [], `lib/${folder} exports values that lib/engine.ts does not list`);
  }
});

s("should keep test tooling (the mutation harness) out of both entry points and out of lib/", () => {
  for (const name of ["runMutationTest", "mutateExpression"]) {
    assert.not.ok(name in stepwise, `${name} is exported from "stepwise"`);
    assert.not.ok(name in engine, `${name} is exported from "stepwise/engine"`);
  }
  assert.not.ok(
    existsSync(path.join(ROOT, "lib", "derive", "mutation-test.ts")),
    "the harness sits in tooling/mutation/",
  );
  assert.type(runMutationTest, "function", "tooling/mutation exports the harness for scripts/mutants.ts");
});

s("should mean one thing per name: binaryCrossEntropyDerivative is the number function", () => {
  assert.is(stepwise.binaryCrossEntropyDerivative(1, 0.5), -2);
  assert.not.ok(
    "derivations" in stepwise || "derivations" in engine,
    "no catalogue of tutorial derivations: the notebooks hold them",
  );
});

s("should declare stepwise/engine in package.json exports, for Node and for TypeScript", () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
  assert.equal(pkg.exports["."], { types: "./dist/index.d.ts", default: "./dist/index.js" });
  assert.equal(pkg.exports["./engine"], { types: "./dist/engine.d.ts", default: "./dist/engine.js" });
  assert.equal(pkg.typesVersions["*"].engine, ["dist/engine.d.ts"], "node10 resolution (tslab) finds the types too");
  assert.ok(existsSync(path.join(ROOT, "lib", "engine.ts")));
  if (existsSync(path.join(ROOT, "dist", "engine.js"))) {
    const built = require(require.resolve("stepwise/engine", { paths: [path.join(ROOT, "notebooks")] })) as Record<
      string,
      unknown
    >;
    assert.type(built.verifyStep, "function");
    assert.is(built.runMutationTest, undefined, "the built engine carries no test tooling");
  }
});

s.run();
