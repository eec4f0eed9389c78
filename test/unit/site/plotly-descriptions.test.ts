import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { withoutDescriptions } from "../../../lib/site/bundles/plotly-descriptions";
import { sitePlotlyBundle } from "../../../lib/site/bundles/plotly-bundle";

const strip = suite("withoutDescriptions: plotly's attribute descriptions left out of the site's bundle");

strip("should remove a one-line description and keep the other properties", () => {
  const source = [
    "var a = {",
    "    x: {",
    "        valType: 'number',",
    "        description: 'Sets x.',",
    "        dflt: 1",
    "    }",
    "};",
  ].join("\n");
  assert.is(
    withoutDescriptions(source),
    ["var a = {", "    x: {", "        valType: 'number',", "        dflt: 1", "    }", "};"].join("\n"),
  );
});

strip("should remove a description written as an array of strings joined, and one spread over lines", () => {
  const source = [
    "module.exports = {",
    "    y: {",
    "        valType: 'any',",
    "        description: [",
    "            'Sets y,',",
    "            'see [x].'",
    "        ].join(' '),",
    "        editType: 'calc'",
    "    },",
    "    z: {",
    "        valType: 'any',",
    "        description: 'one ' +",
    "            'two'",
    "    }",
    "};",
  ].join("\n");
  const out = withoutDescriptions(source);
  assert.is(
    out,
    [
      "module.exports = {",
      "    y: {",
      "        valType: 'any',",
      "        editType: 'calc'",
      "    },",
      "    z: {",
      "        valType: 'any',",
      "    }",
      "};",
    ].join("\n"),
  );
  // the property left last keeps the comma before it, which JavaScript allows
  const value = new Function("module", `${out}; return module.exports;`)({ exports: {} }) as Record<
    string,
    Record<string, unknown>
  >;
  assert.equal(value, { y: { valType: "any", editType: "calc" }, z: { valType: "any" } });
});

strip("should leave a file without descriptions, and a description inside a one-line object, as they are", () => {
  const source = "var b = extendFlat({}, a, { description: 'Same as `text`.' });\nvar c = 1;\n";
  assert.is(withoutDescriptions(source), source);
  assert.is(withoutDescriptions("var d = 2;\n"), "var d = 2;\n");
});

strip(
  "should strip every plotly.js source file to text that parses and exports what it did, descriptions aside",
  () => {
    const oracle = path.join(__dirname, "plotly-descriptions-oracle.ts");
    const run = spawnSync(process.execPath, ["-r", "tsx/cjs", oracle], {
      encoding: "utf8",
      cwd: path.join(__dirname, "..", "..", ".."),
    });
    assert.is(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as {
      files: number;
      stripped: number;
      unparsable: string[];
      compared: number;
      differ: string[];
    };
    assert.ok(report.stripped >= 100, `${report.stripped} of ${report.files} files have descriptions`);
    assert.equal(report.unparsable, [], "files whose stripped text does not parse");
    assert.ok(
      report.compared >= report.stripped / 2,
      `${report.compared} of ${report.stripped} modules compared in Node`,
    );
    assert.equal(report.differ, [], "modules whose exports changed beyond their descriptions");
  },
);

strip(
  "should leave no attribute description in the site's plotly bundle, about 30 KiB gzip less than with them",
  async () => {
    const code = await sitePlotlyBundle();
    assert.not.match(code, /description:["[]/);
    // one of scatter's descriptions, as plotly's source has it
    assert.not.ok(code.includes("Determines the drawing mode for this scatter trace"));
    const kib = gzipSync(code).length / 1024;
    assert.ok(kib < 300, `${kib.toFixed(1)} KiB gzip`);
  },
);

strip.run();
