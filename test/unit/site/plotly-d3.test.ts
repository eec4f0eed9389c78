import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { D3_LEFT_OUT, withoutUnusedD3 } from "../../../lib/site/bundles/plotly-d3";

const plotlyRoot = path.dirname(require.resolve("plotly.js/package.json"));
const d3File = require.resolve("@plotly/d3/d3.js", { paths: [plotlyRoot] });
const original = readFileSync(d3File, "utf8");
const cut = withoutUnusedD3(original);

/** d3 as a script sets it up (module.exports), run in a context of its own with no DOM. */
function load(code: string): Record<string, unknown> {
  const sandbox: Record<string, unknown> = { module: { exports: {} as Record<string, unknown> } };
  sandbox.self = sandbox;
  vm.runInNewContext(code, sandbox, { filename: "d3.js" });
  return (sandbox.module as { exports: Record<string, unknown> }).exports;
}

/** Every property path below an object, functions' own properties too (depth-limited, no cycles). */
function shape(o: unknown, at = "d3", depth = 0, seen = new Set<unknown>()): string[] {
  if ((typeof o !== "object" && typeof o !== "function") || o === null || seen.has(o) || depth > 3) return [];
  seen.add(o);
  return Object.keys(o)
    .sort()
    .flatMap((k) => [`${at}.${k}`, ...shape((o as Record<string, unknown>)[k], `${at}.${k}`, depth + 1, seen)]);
}

/** A regular expression matching `d3.<path>` for any of the paths left out. */
const leftOut = new RegExp(`\\bd3\\.(${D3_LEFT_OUT.map((p) => p.replace(/\./g, "\\.")).join("|")})\\b`);

test("no file of plotly.js's src/ names a part of d3 the site's plotly.js leaves out", () => {
  const names = leftOut;
  const files = readdirSync(path.join(plotlyRoot, "src"), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".js"));
  assert.ok(files.length > 500, `${files.length} files`);
  const naming = files.filter((f) => names.test(readFileSync(path.join(plotlyRoot, "src", f), "utf8")));
  assert.equal(naming, []);
});

test("withoutUnusedD3 should remove the parts left out and what only they use, and nothing else d3 has", () => {
  assert.ok(cut.length < 0.65 * original.length, `${cut.length} of ${original.length} characters kept`);
  assert.not.match(cut, leftOut);
  const before = load(original);
  const after = load(cut);
  assert.equal(
    shape(after),
    shape(before).filter((p) => !D3_LEFT_OUT.some((l) => p === `d3.${l}` || p.startsWith(`d3.${l}.`))),
  );
  // the parts plotly draws with give the same results
  type D3 = {
    extent(a: number[]): number[];
    behavior: { drag: unknown };
    svg: { arc(): (a: object) => string };
    scale: {
      linear(): { domain(d: number[]): { range(r: number[]): (x: number) => number } };
      pow(): { exponent(e: number): (x: number) => number };
    };
    interpolate(a: unknown, b: unknown): (t: number) => unknown;
    rgb(c: string): { toString(): string };
    ease(n: string): (t: number) => number;
  };
  const results = (d3: D3): string[] => [
    String(d3.scale.linear().domain([0, 2]).range([10, 30])(0.5)),
    d3.extent([3, -1, 7]).join(),
    typeof d3.behavior.drag,
    d3.svg.arc()({ innerRadius: 0, outerRadius: 10, startAngle: 0, endAngle: Math.PI / 2 }),
    String(d3.scale.pow().exponent(2)(3)),
    String(d3.interpolate("rgb(0,0,0)", "rgb(200,100,50)")(0.5)),
    JSON.stringify(d3.rgb("#0072B2")),
    String(d3.ease("cubic-in-out")(0.25)),
  ];
  const got = results(after as unknown as D3);
  assert.equal(got, results(before as unknown as D3));
  assert.equal([got[0], got[1], got[2], got[4], got[5]], ["15", "-1,7", "function", "9", "#643219"]);
  assert.match(got[3], /^M6\.12\d*e-16,-10A10,10 0 0,1 10,0L0,0Z$/);
  assert.is(Number(got[7]), 0.0625);
});

test("withoutUnusedD3 should leave a d3 without those parts as it is, and keep the helpers what stays names", () => {
  const other = "!function(){\n  var d3 = {};\n  d3.select = function() {\n    return 1;\n  };\n}();";
  assert.is(withoutUnusedD3(other), other);
  // a helper still named by what stays is kept, with the namespace's members gone
  const small = [
    "!function(){",
    "  var d3 = {};",
    "  d3.geom = {};",
    "  function d3_geom_pointX(d) {",
    "    return d[0];",
    "  }",
    "  function d3_geom_hullUpper(p) {",
    "    return p;",
    "  }",
    "  d3.geom.hull = function(v) {",
    "    return d3_geom_hullUpper(v);",
    "  };",
    "  d3.layout = {};",
    "  d3.svg = { x: d3_geom_pointX };",
    "}();",
  ].join("\n");
  assert.is(withoutUnusedD3(small), small, "a d3 without every part of D3_LEFT_OUT is left as it is");
  assert.is(
    withoutUnusedD3(small, ["geom", "layout"]),
    [
      "!function(){",
      "  var d3 = {};",
      "  function d3_geom_pointX(d) {",
      "    return d[0];",
      "  }",
      "  d3.svg = { x: d3_geom_pointX };",
      "}();",
    ].join("\n"),
  );
});

test.run();
