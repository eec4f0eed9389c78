import { readFile } from "node:fs/promises";
import type { Plugin } from "esbuild";

/**
 * The parts of d3 version 3 (plotly.js's `@plotly/d3`, one file that esbuild cannot tree-shake)
 * that no module of plotly.js calls, as `d3.` paths: the namespaces `d3.geom` (hull, polygon,
 * Delaunay, Voronoi, quadtree) and `d3.layout` (force, pack, tree, treemap, pie, stack, …), the SVG
 * generators and behaviours plotly does without (it writes its own paths and drags), scales it does
 * not use, and d3's network loaders. test/unit/site/plotly-d3.test.ts checks that no file of
 * plotly.js's src/ names any of them.
 */
export const D3_LEFT_OUT: readonly string[] = [
  "geom",
  "layout",
  "svg.brush",
  "svg.chord",
  "svg.diagonal",
  "svg.area",
  "svg.line",
  "svg.symbol",
  "behavior.zoom",
  "nest",
  "random",
  "scale.log",
  "scale.sqrt",
  "scale.quantile",
  "scale.quantize",
  "scale.threshold",
  "xhr",
  "csv",
  "tsv",
  "text",
  "html",
  "xml",
];

/** One top-level statement of d3.js: its text, and the helpers it declares (`d3_geom_pointX`), if any. */
interface Statement {
  text: string;
  declares: string[];
}

/**
 * The `d3_…` names a top-level statement declares or fills in: a function's name, every name after
 * `var` or a comma (more than a `var` declares when a comma is inside an expression, which only makes
 * the statement harder to remove), or the object of `d3_x.member = …`.
 */
function declaredBy(text: string): string[] {
  const fn = /^ {2}function (d3_\w+)/.exec(text)?.[1];
  if (fn) return [fn];
  if (text.startsWith("  var "))
    return [...new Set([...text.matchAll(/(?:\bvar\s+|,\s*)(d3_\w+)\b/g)].map((m) => m[1]))];
  const member = /^ {2}(d3_\w+)(?:\.\w+)+ = /.exec(text)?.[1];
  return member ? [member] : [];
}

/** d3.js's top-level statements (a line indented by two spaces starts one; a closing bracket ends one). */
function statementsOf(lines: readonly string[]): Statement[] {
  const groups: string[][] = [];
  for (const line of lines) {
    if ((/^ {2}\S/.test(line) && !/^ {2}[}\])]/.test(line)) || groups.length === 0) groups.push([line]);
    else groups[groups.length - 1].push(line);
  }
  return groups.map((g) => ({ text: g.join("\n"), declares: declaredBy(g.join("\n")) }));
}

/**
 * d3.js without the parts of {@link D3_LEFT_OUT}: about 18 KiB gzip of the site's plotly.js.
 * Removes every statement that sets one of them or a member of one (`d3.layout.force = …`,
 * `d3.geom = {}`, `d3.svg.brush = …`), then, until nothing changes, every helper declaration (`function d3_…`,
 * `var d3_…`, `d3_….member = …`) that no statement left names: what other parts of d3 still use
 * (d3.svg.line's `d3_geom_pointX`) stays. The cut is kept only when nothing left names a removed
 * part; otherwise, or for a file that does not set them all (another d3), the text comes back as it was.
 *
 * @param source the text of `@plotly/d3/d3.js`
 * @param leftOut the `d3.` paths to remove ({@link D3_LEFT_OUT})
 * @returns the text without those parts, or `source` itself
 */
export function withoutUnusedD3(source: string, leftOut: readonly string[] = D3_LEFT_OUT): string {
  const namespaces = leftOut.map((ns) => ns.replace(/\./g, "\\.")).join("|");
  const all = statementsOf(source.split("\n"));
  if (!leftOut.every((ns) => all.some((st) => st.text.startsWith(`  d3.${ns} = `)))) return source;
  const member = new RegExp(`^  d3\\.(${namespaces})\\b`);
  let kept = all.filter((st) => !member.test(st.text));
  for (let changed = true; changed; ) {
    // a statement goes when no other statement names any of the helpers it declares
    const unused = kept.map(
      (st) =>
        st.declares.length > 0 &&
        st.declares.every((name) => {
          const named = new RegExp(`\\b${name}\\b`);
          return !kept.some((other) => other !== st && !other.declares.includes(name) && named.test(other.text));
        }),
    );
    changed = unused.some(Boolean);
    kept = kept.filter((_, i) => !unused[i]);
  }
  const result = kept.map((st) => st.text).join("\n");
  return new RegExp(`\\bd3\\.(${namespaces})\\b`).test(result) ? source : result;
}

/**
 * The esbuild plugin that loads `@plotly/d3/d3.js` through {@link withoutUnusedD3}. A cut
 * text that does not parse is not used: the file is loaded as it is, so the bundle always builds.
 *
 * @returns the plugin, named "stepwise-plotly-d3"
 */
export function plotlyD3Plugin(): Plugin {
  return {
    name: "stepwise-plotly-d3",
    setup(build) {
      const esbuild = require("esbuild") as typeof import("esbuild");
      build.onLoad({ filter: /[\\/]@plotly[\\/]d3[\\/]d3\.js$/ }, async (args) => {
        const source = await readFile(args.path, "utf8");
        const cut = withoutUnusedD3(source);
        if (cut === source) return { contents: source, loader: "js" };
        try {
          await esbuild.transform(cut, { loader: "js", logLevel: "silent" });
          return { contents: cut, loader: "js" };
        } catch {
          return { contents: source, loader: "js" };
        }
      });
    },
  };
}

/** The source of what the plugin does, for the bundle cache's key (`cachedBundleAsync`'s pluginsKey). */
export const PLOTLY_D3_KEY: string = [D3_LEFT_OUT.join(), declaredBy, statementsOf, withoutUnusedD3]
  .map(String)
  .join("\n");
