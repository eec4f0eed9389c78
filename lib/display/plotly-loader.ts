/**
 * The offline plotly.js loader: the library from node_modules/plotly.js-dist,
 * inlined in a <script> that defines window.Plotly in the notebook frontend.
 */
import { readFileSync } from "fs";

/** Attribute that marks the loader <script>; its value is the plotly.js version. */
export const PLOTLY_LOADER_ATTR = "data-stepwise-plotly-loader";

/** Event dispatched on `window` once the loader has defined window.Plotly. */
export const PLOTLY_READY_EVENT = "stepwise:plotly-ready";

let cached: { source: string; version: string } | null = null;

/**
 * The plotly.js bundle shipped in the plotly.js-dist package (about 10 MB),
 * read once per process and cached.
 *
 * @returns the library source and its version, e.g. "4.1.1"
 * @throws Error when plotly.js-dist is not installed
 */
export function plotlyLibrary(): { source: string; version: string } {
  if (cached === null) {
    const file = require.resolve("plotly.js-dist");
    const version = String((require("plotly.js-dist/package.json") as { version?: unknown }).version);
    cached = { source: readFileSync(file, "utf8"), version };
  }
  return cached;
}

/**
 * A <script> element that runs a plotly.js bundle so that it defines
 * window.Plotly, unless the page already has window.Plotly (then it does
 * nothing). While the library runs, AMD/CommonJS detection is disabled: the
 * names `define`, `module`, `exports` and `require` are shadowed by undefined
 * parameters and `window.define` (RequireJS in the classic Notebook) is hidden
 * and restored afterwards, so the bundle attaches to window instead of
 * registering an anonymous AMD module. On success it dispatches
 * {@link PLOTLY_READY_EVENT} on window.
 * Sequences that would end or confuse the HTML script element (`</script`,
 * `<!--`) are rewritten with the JavaScript escape `\x3C`, which means "<"
 * in strings, templates and regular expressions (the only places the
 * minified bundle can hold them).
 *
 * @param source plotly.js source text
 * @param version its version, written in the marker attribute
 * @returns HTML text: one <script> element carrying {@link PLOTLY_LOADER_ATTR}
 */
export function plotlyLoaderHtml(source: string, version: string): string {
  const safe = source.replace(/<\/script/gi, "\\x3C/script").replace(/<!--/g, "\\x3C!--");
  const ver = version.replace(/[^\w.+-]/g, "");
  return [
    `<script ${PLOTLY_LOADER_ATTR}="${ver}">`,
    "(function (define, module, exports, require) {",
    "  if (window.Plotly) { return; }",
    '  var hadDefine = Object.prototype.hasOwnProperty.call(window, "define");',
    "  var savedDefine = window.define;",
    "  try { window.define = undefined; } catch (e) { /* not writable: shadowing still applies */ }",
    "  try {",
    safe,
    "",
    "  } finally {",
    "    try { if (hadDefine) { window.define = savedDefine; } else { delete window.define; } } catch (e) { /* keep going */ }",
    "  }",
    `  if (window.Plotly) { window.dispatchEvent(new Event(${JSON.stringify(PLOTLY_READY_EVENT)})); }`,
    "})();",
    "</script>",
  ].join("\n");
}
