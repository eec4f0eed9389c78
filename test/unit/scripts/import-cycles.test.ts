/**
 * No import loop between the folders of lib/ (issue 18: functions → args → functions was
 * one), and the checker behind it finds loops made by every kind of import.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { describeCycles, folderCycles, folderEdges } from "../../../scripts/import-cycles";

const LIB = path.resolve(__dirname, "..", "..", "..", "lib");
const s = suite("import loops between lib/ folders");

/** Writes a tree { "lib/a/x.ts": "…" } into a temporary folder and returns its lib/. */
function tree(files: Record<string, string>): { lib: string; done: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), "stepwise-cycles-"));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return { lib: path.join(root, "lib"), done: () => rmSync(root, { recursive: true, force: true }) };
}

s("should find no loop between the folders of lib/", () => {
  const edges = folderEdges(LIB);
  assert.ok(edges.length > 20, `only ${edges.length} folder edges read: is lib/ scanned?`);
  assert.ok(
    edges.some((e) => e.from === "functions" && e.to === "check"),
    "functions imports lib/check",
  );
  assert.is(describeCycles(folderCycles(edges)), "");
});

s("should have lib/check import nothing else from lib/", () => {
  assert.equal(
    folderEdges(LIB).filter((e) => e.from === "check"),
    [],
  );
});

s("should report the old functions → args → functions loop with the files that make it", () => {
  const t = tree({
    "lib/functions/gradient-check.ts": 'import { checkArg } from "../args/check-args";\n',
    "lib/functions/check.ts": "export const describeValue = String;\n",
    "lib/args/check-args.ts": 'import { describeValue } from "../functions/check";\n',
    "lib/index.ts": 'export * from "./functions";\n',
  });
  try {
    const cycles = folderCycles(folderEdges(t.lib));
    assert.equal(
      cycles.map((c) => c.nodes),
      [["args", "functions"]],
    );
    const text = describeCycles(cycles);
    assert.match(text, "functions → args: lib/functions/gradient-check.ts imports ../args/check-args");
    assert.match(text, "args → functions: lib/args/check-args.ts imports ../functions/check");
  } finally {
    t.done();
  }
});

s("should count type-only imports, re-exports, import() and require, across three folders", () => {
  const t = tree({
    "lib/a/x.ts": 'import type { B } from "../b/y";\n',
    "lib/b/y.ts": 'export { C } from "../c";\nexport type B = 1;\n',
    "lib/c/index.ts": 'export const C = () => import("../a/x");\n',
    "lib/d/z.js": 'const a = require("../a/x");\n',
  });
  try {
    const cycles = folderCycles(folderEdges(t.lib));
    assert.equal(
      cycles.map((c) => c.nodes),
      [["a", "b", "c"]],
    );
    assert.ok(
      folderEdges(t.lib).some((e) => e.from === "d" && e.to === "a"),
      "require is an edge",
    );
  } finally {
    t.done();
  }
});

s("should allow loops inside one folder and package imports", () => {
  const t = tree({
    "lib/a/x.ts": 'import { y } from "./y";\nimport * as fs from "node:fs";\n',
    "lib/a/y.ts": 'import { x } from "./x";\nimport "mathjs";\n',
    "lib/b/z.ts": 'import { x } from "../a/x";\n',
  });
  try {
    assert.equal(folderCycles(folderEdges(t.lib)), []);
  } finally {
    t.done();
  }
});

s.run();
