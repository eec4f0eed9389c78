import { readFile } from "node:fs/promises";
import type { Plugin } from "esbuild";

/**
 * The leading white space of a line, in characters.
 */
function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * plotly.js's attribute declarations without their `description` properties: the English
 * text of plotly's reference documentation, which only `Plotly.PlotSchema.get()` reads (the
 * site never calls it) and which plotly's own minified bundles leave out too. It is about a
 * tenth of the site's plotly bundle (about 32 KiB gzip).
 *
 * Works on plotly's source as it is formatted (one property a line, nested lines indented
 * deeper): a line that starts with `description:` starts a property, which goes on over the
 * lines indented deeper and a line at the same depth that starts with a closing bracket (the
 * `].join(' ')` of a description written as an array of strings); all of it is removed. A
 * property left last keeps the comma of the one before it, which JavaScript allows. A
 * `description` written inside a one-line object is left as it is.
 *
 * @param source a plotly.js source file's text
 * @returns the text with those lines removed (the same text when it has none)
 */
export function withoutDescriptions(source: string): string {
  if (!/^\s*description\s*:/m.test(source)) return source;
  const lines = source.split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*description\s*:/.test(lines[i])) {
      kept.push(lines[i]);
      continue;
    }
    const depth = indentOf(lines[i]);
    while (i + 1 < lines.length) {
      const next = lines[i + 1];
      const inside =
        next.trim() === "" || indentOf(next) > depth || (indentOf(next) === depth && /^[\])}]/.test(next.trimStart()));
      if (!inside) break;
      i++;
    }
  }
  return kept.join("\n");
}

/**
 * The esbuild plugin that loads plotly.js's own source files (`plotly.js/src/…/*.js`)
 * through {@link withoutDescriptions}. A file whose stripped text does not parse (a layout
 * the line rule does not expect) is loaded as it is, so the bundle always builds; the unit
 * tests check that every file of plotly.js's src/ strips cleanly.
 *
 * @returns the plugin, named "stepwise-plotly-descriptions"
 */
export function plotlyDescriptionsPlugin(): Plugin {
  return {
    name: "stepwise-plotly-descriptions",
    setup(build) {
      const esbuild = require("esbuild") as typeof import("esbuild");
      build.onLoad({ filter: /[\\/]plotly\.js[\\/]src[\\/].*\.js$/ }, async (args) => {
        const source = await readFile(args.path, "utf8");
        const stripped = withoutDescriptions(source);
        if (stripped === source) return { contents: source, loader: "js" };
        try {
          await esbuild.transform(stripped, { loader: "js", logLevel: "silent" });
          return { contents: stripped, loader: "js" };
        } catch {
          return { contents: source, loader: "js" };
        }
      });
    },
  };
}
