import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import * as vm from "node:vm";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { compactBundle } from "../../../lib/site/bundles/compact-bundle";

const compact = suite("compactBundle");

// an esbuild-style minified IIFE with what terser's compressor folds and esbuild keeps
const SOURCE = `(()=>{function square(n){var unused=42;return n*n}function sum(a){let t=0;for(const x of a)t+=square(x);return t}var DEBUG=false;if(DEBUG){console.log("never")}window.result={sum:sum([1,2,3,4]),tag:"t"+"ag"}})();`;

const run = (code: string): unknown => {
  const context: { window: { result?: unknown } } = { window: {} };
  vm.runInNewContext(code, context);
  return JSON.parse(JSON.stringify(context.window.result));
};

compact("should give a shorter script that computes the same", () => {
  const out = compactBundle("test-same", SOURCE, undefined);
  assert.ok(out.length < SOURCE.length, `${out.length} vs ${SOURCE.length} characters`);
  assert.equal(run(out), { sum: 30, tag: "tag" });
  assert.equal(run(SOURCE), { sum: 30, tag: "tag" });
  assert.not.ok(out.includes("never"), "the dead branch is dropped");
});

compact("should keep its result on disk and read it back, by the input's hash", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "stepwise-compact-"));
  try {
    const source = SOURCE.replace("[1,2,3,4]", "[5,6]");
    const first = compactBundle("cachetest", source, dir);
    const files = readdirSync(path.join(dir, "bundles"));
    assert.is(files.length, 1);
    assert.match(files[0], /^cachetest-compact-[0-9a-f]{16}\.js$/);
    assert.is(readFileSync(path.join(dir, "bundles", files[0]), "utf8"), first);
    // another process would read the file: the memory copy is keyed the same, so make the file differ to see it read
    writeFileSync(path.join(dir, "bundles", files[0]), "window.result=1;");
    assert.is(compactBundle("cachetest", source, dir), first, "this process answers from memory");
    assert.equal(run(first), { sum: 61, tag: "tag" });
    // a different input is another entry
    compactBundle("cachetest", source.replace("[5,6]", "[7]"), dir);
    assert.is(readdirSync(path.join(dir, "bundles")).length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

compact("should name the bundle and terser's message when the code does not parse", () => {
  try {
    compactBundle("broken", "(()=>{var a=;})();", undefined);
    assert.unreachable("a syntax error is thrown");
  } catch (err) {
    assert.instance(err, Error);
    assert.match((err as Error).message, /^terser cannot compact the broken bundle: .+ \(line 1, column \d+\)$/);
  }
});

compact.run();
