/**
 * Where a live notebook page gets plotly.js when its frontend has no plotly
 * renderer of its own (the classic Notebook): a static file that the Jupyter
 * server serves from the project's Jupyter data folder, loaded by every chart
 * output itself. No chart output carries the library, and no kernel state
 * decides which output loads it, so a chart draws after a page reload, in a
 * second tab and after a kernel restart alike.
 */

/**
 * The file's path under a Jupyter data folder (a folder on JUPYTER_PATH), which
 * the classic Notebook serves at `<base_url>nbextensions/stepwise-plotly/plotly.min.js`.
 */
export const PLOTLY_ASSET_PATH = ["nbextensions", "stepwise-plotly", "plotly.min.js"] as const;

/** The URL of {@link PLOTLY_ASSET_PATH} relative to the Jupyter server's base URL, without ".js" (RequireJS adds it). */
export const PLOTLY_ASSET_URL = PLOTLY_ASSET_PATH.join("/").replace(/\.js$/, "");

/** Attribute of the one <script src> element a page without RequireJS gets; its value is the load state. */
export const PLOTLY_SCRIPT_ATTR = "data-stepwise-plotly";

/**
 * Browser code (an expression) for a function `withPlotly(done, failed)` that
 * calls `done(Plotly)` once plotly.js is available in the page, loading it when
 * needed, or `failed(url)` when it cannot be loaded:
 * 1. `window.Plotly` already defined (by the page or an earlier chart): use it;
 * 2. RequireJS present (the classic Notebook): `require(["stepwise-plotly"])`
 *    with that name mapped to the static file, so the bundle registers as an AMD
 *    module, loaded once per page by RequireJS;
 * 3. else one shared `<script src>` element (marked {@link PLOTLY_SCRIPT_ATTR})
 *    that every chart of the page waits for.
 * The server's base URL comes from the page: `data-base-url` on <body> (the
 * classic Notebook), else `baseUrl` in `#jupyter-config-data` (JupyterLab,
 * Notebook 7), else "/".
 *
 * @returns JavaScript source of a function expression (ES5, no dependencies)
 */
export function withPlotlySource(): string {
  return `function (done, failed) {
  if (window.Plotly && window.Plotly.newPlot) { done(window.Plotly); return; }
  var base = document.body && document.body.getAttribute("data-base-url");
  if (!base) {
    var cfg = document.getElementById("jupyter-config-data");
    try { base = cfg ? JSON.parse(cfg.textContent).baseUrl : ""; } catch (e) { base = ""; }
  }
  base = base || "/";
  if (base.charAt(base.length - 1) !== "/") { base += "/"; }
  var url = base + ${JSON.stringify(PLOTLY_ASSET_URL)};
  var r = window.requirejs || window.require;
  if (r && typeof r.config === "function") {
    r.config({ paths: { "stepwise-plotly": url } });
    r(["stepwise-plotly"], function (P) { done(P || window.Plotly); }, function () { failed(url + ".js"); });
    return;
  }
  var tag = document.querySelector("script[${PLOTLY_SCRIPT_ATTR}]");
  if (tag && tag.getAttribute("${PLOTLY_SCRIPT_ATTR}") === "failed") { failed(url + ".js"); return; }
  if (!tag) {
    tag = document.createElement("script");
    tag.src = url + ".js";
    tag.setAttribute("${PLOTLY_SCRIPT_ATTR}", "loading");
    tag.addEventListener("load", function () { tag.setAttribute("${PLOTLY_SCRIPT_ATTR}", window.Plotly ? "loaded" : "failed"); });
    tag.addEventListener("error", function () { tag.setAttribute("${PLOTLY_SCRIPT_ATTR}", "failed"); });
    document.head.appendChild(tag);
  }
  tag.addEventListener("load", function () { if (window.Plotly) { done(window.Plotly); } else { failed(url + ".js"); } });
  tag.addEventListener("error", function () { failed(url + ".js"); });
}`;
}
