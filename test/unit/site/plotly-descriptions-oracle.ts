// Run by plotly-descriptions.test.ts in a process of its own (it sets browser globals plotly's
// modules read when loaded): every plotly.js source file with a `description` property is
// stripped by withoutDescriptions; the stripped text must parse (esbuild), and where the module
// loads in Node, its exports must equal the original module's with every `description` key
// removed (plain data compared deeply, functions by kind). Prints a JSON report.
import { readdirSync, readFileSync } from "node:fs";
import Module from "node:module";
import * as path from "node:path";
import { withoutDescriptions } from "../../../lib/site/bundles/plotly-descriptions";

const esbuild = require("esbuild") as typeof import("esbuild");
const src = path.join(path.dirname(require.resolve("plotly.js/package.json")), "src");
const files: string[] = [];
const walk = (dir: string): void => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith(".js")) files.push(p);
  }
};
walk(src);

const g = globalThis as Record<string, unknown>;
g.window = globalThis;
g.self = globalThis;
Object.defineProperty(globalThis, "navigator", { value: { userAgent: "node" }, configurable: true });

type Loader = { filename: string; paths: string[]; exports: unknown; _compile(text: string, file: string): void };
const ModuleClass = Module as unknown as {
  new (id: string, parent: null): Loader;
  _nodeModulePaths(dir: string): string[];
};
function load(file: string, text: string): unknown {
  const m = new ModuleClass(file, null);
  m.filename = file;
  m.paths = ModuleClass._nodeModulePaths(path.dirname(file));
  m._compile(text, file);
  return m.exports;
}
function shape(v: unknown, seen: Set<unknown>): unknown {
  if (typeof v === "function") return "function";
  if (v === null || typeof v !== "object") return v;
  if (seen.has(v)) return "cycle";
  seen.add(v);
  const out = Array.isArray(v)
    ? v.map((x) => shape(x, seen))
    : Object.fromEntries(
        Object.keys(v)
          .filter((k) => k !== "description")
          .sort()
          .map((k) => [k, shape((v as Record<string, unknown>)[k], seen)]),
      );
  seen.delete(v);
  return out;
}

const report = { files: files.length, stripped: 0, unparsable: [] as string[], compared: 0, differ: [] as string[] };
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const stripped = withoutDescriptions(text);
  if (stripped === text) continue;
  report.stripped += 1;
  const rel = path.relative(src, file);
  try {
    esbuild.transformSync(stripped, { loader: "js", logLevel: "silent" });
  } catch {
    report.unparsable.push(rel);
    continue;
  }
  let before: unknown;
  let after: unknown;
  try {
    before = load(file, text);
    after = load(file, stripped);
  } catch {
    continue; // a module that needs a real browser to load (DOMParser, …): parsed, not compared
  }
  report.compared += 1;
  if (JSON.stringify(shape(before, new Set())) !== JSON.stringify(shape(after, new Set()))) report.differ.push(rel);
}
process.stdout.write(JSON.stringify(report));
