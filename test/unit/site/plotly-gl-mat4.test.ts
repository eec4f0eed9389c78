import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { GL_MAT4_USED } from "../../../lib/site/bundles/plotly-gl-mat4";

const plotlyRoot = path.dirname(require.resolve("plotly.js/package.json"));

test("GL_MAT4_USED should be exactly the gl-mat4 functions plotly's src/ calls outside its WebGL traces", () => {
  const called = new Set<string>();
  const files = readdirSync(path.join(plotlyRoot, "src"), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".js"));
  for (const f of files) {
    const text = readFileSync(path.join(plotlyRoot, "src", f), "utf8");
    // `var m = require('gl-mat4')` (the whole package: what the plugin replaces) and every `m.fn` after it
    for (const [, name] of text.matchAll(/\b(\w+)\s*=\s*require\(['"]gl-mat4['"]\)/g))
      for (const [, fn] of text.matchAll(new RegExp(`\\b${name}\\.(\\w+)`, "g"))) called.add(fn);
    // a require of the package used otherwise (passed on whole) would need every function
    assert.not.match(text, /require\(['"]gl-mat4['"]\)(?!;)/, `${f} uses gl-mat4 as a whole`);
  }
  assert.equal([...called].sort(), [...GL_MAT4_USED].sort());
});

test("gl-mat4's multiply and invert, as the plugin loads them, should invert a CSS transform", () => {
  const dir = path.dirname(require.resolve("gl-mat4/package.json", { paths: [plotlyRoot] }));
  const fns = Object.fromEntries(GL_MAT4_USED.map((f) => [f, require(path.join(dir, f))])) as Record<
    string,
    (out: number[], a: number[], b?: number[]) => number[] | null
  >;
  // scale 2 and translate (5, 7), column-major as CSS's matrix3d
  const m = [2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1, 0, 5, 7, 0, 1];
  const inv = fns.invert(new Array(16).fill(0), m)!;
  const id = fns.multiply(new Array(16).fill(0), m, inv)!;
  assert.equal(
    id.map((x) => Math.round(x * 1e12) / 1e12 + 0),
    [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
  );
  assert.equal(inv.slice(12, 14), [-2.5, -3.5]);
});

test.run();
