import { CHART_HEIGHT } from "../charts/theme";
import type { Figure } from "../charts/types";
import { escapeHtml, jsonForScript } from "./escape";
import { figureSummary, figureTitle } from "./figure-summary";
import { plotlyLibrary, plotlyLoaderHtml, PLOTLY_READY_EVENT } from "./plotly-loader";
import { PLOTLY_MIME } from "../outputs/mime-types";
import type { JsonValue, MimeBundle } from "./types";

/**
 * The HTML markers of a chart output, for site renderers that redraw charts
 * from saved notebooks without running their scripts:
 * `<div class="stepwise-plot" id="…" data-stepwise-figure>` holds a
 * `<script type="application/json" class="stepwise-figure-json">` child whose
 * text is the figure `{ data, layout }` as JSON; the <script> after the div
 * carrying `data-stepwise-figure-script` draws it in a live notebook.
 */
export const FIGURE_MARKERS = {
  divClass: "stepwise-plot",
  divAttr: "data-stepwise-figure",
  jsonClass: "stepwise-figure-json",
  scriptAttr: "data-stepwise-figure-script",
  drawnAttr: "data-stepwise-drawn",
} as const;

/** Options of {@link figureBundle}. */
export interface FigureBundleOptions {
  /** Element id: a letter, then letters, digits, _ or -. Default: "stepwise-plot-" + a hash of the figure. */
  id?: string;
  /** Put the plotly.js loader (about 10 MB) before the chart; default false. */
  includePlotly?: boolean;
}

/**
 * The MIME bundle of an interactive plotly chart, without sending it.
 * text/html: (optionally the plotly.js loader, see `plotlyLoaderHtml`), then the
 * chart div with the figure JSON inside and a visible placeholder, then a
 * script that draws it with `Plotly.newPlot(div, data, layout, { responsive: true })`
 * once window.Plotly exists (or RequireJS has a "plotly" module), polling for up to
 * 20 s. It finds its div as its previous sibling, else as the last undrawn div with
 * the id, so a stale output with the same id cannot capture the drawing.
 * application/vnd.plotly.v1+json: the figure `{ data, layout }` itself, which
 * JupyterLab's plotly renderer (and the site) draw natively.
 * text/plain: the summary of `figureSummary`.
 *
 * @param fig a figure `{ data: [...], layout: {...} }`, JSON-serialisable
 * @param opts element id and whether to include the plotly.js loader
 * @returns `{ "application/vnd.plotly.v1+json", "text/html", "text/plain" }`
 * @throws TypeError when fig is not a figure or opts.id is not a valid id
 */
export function figureBundle(fig: Figure, opts: FigureBundleOptions = {}): MimeBundle {
  if (fig === null || typeof fig !== "object" || !Array.isArray(fig.data) || typeof fig.layout !== "object" || fig.layout === null) {
    throw new TypeError(`figureBundle: fig must be { data: array, layout: object }, got ${typeof fig}`);
  }
  const json = jsonForScript({ data: fig.data, layout: fig.layout });
  const id = opts.id ?? `stepwise-plot-${fnv1a(json)}`;
  if (!/^[A-Za-z][\w-]*$/.test(id)) {
    throw new TypeError(`figureBundle: id must be a letter then letters, digits, _ or -, got ${JSON.stringify(id)}`);
  }
  const m = FIGURE_MARKERS;
  const title = figureTitle(fig);
  const height = typeof fig.layout.height === "number" ? fig.layout.height : CHART_HEIGHT;
  const parts: string[] = [];
  if (opts.includePlotly) {
    const lib = plotlyLibrary();
    parts.push(plotlyLoaderHtml(lib.source, lib.version));
  }
  parts.push(
    `<div class="${m.divClass}" id="${id}" ${m.divAttr} style="width:100%;min-height:${height}px">` +
      `<p class="stepwise-plot-placeholder">Interactive chart${title ? `: ${escapeHtml(title)}` : ""}.</p>` +
      `<script type="application/json" class="${m.jsonClass}">${json}</script></div>`,
    `<script ${m.scriptAttr}="${id}">${drawScript(id)}</script>`,
  );
  const figure = JSON.parse(JSON.stringify({ data: fig.data, layout: fig.layout })) as JsonValue;
  return { [PLOTLY_MIME]: figure, "text/html": parts.join("\n"), "text/plain": figureSummary(fig) };
}

/** The browser script that draws the chart with the given (validated) id. */
function drawScript(id: string): string {
  const m = FIGURE_MARKERS;
  return `(function () {
  var id = ${JSON.stringify(id)}, me = document.currentScript, tries = 0, done = false;
  var ready = ${JSON.stringify(PLOTLY_READY_EVENT)};
  function target() {
    var prev = me && me.previousElementSibling;
    if (prev && prev.id === id && prev.isConnected !== false) { return prev; }
    var all = document.querySelectorAll('div[${m.divAttr}][id="' + id + '"]');
    for (var i = all.length - 1; i >= 0; i--) { if (!all[i].hasAttribute("${m.drawnAttr}")) { return all[i]; } }
    return null;
  }
  function plotly() {
    if (window.Plotly && window.Plotly.newPlot) { return window.Plotly; }
    var r = window.requirejs;
    return r && r.defined && r.defined("plotly") ? r("plotly") : null;
  }
  function attempt() {
    if (done) { return; }
    var div = target(), P = plotly();
    if (div && P) {
      done = true;
      window.removeEventListener(ready, attempt);
      var fig = JSON.parse(div.querySelector("script.${m.jsonClass}").textContent);
      var note = div.querySelector(".stepwise-plot-placeholder");
      if (note) { note.parentNode.removeChild(note); }
      div.setAttribute("${m.drawnAttr}", "");
      P.newPlot(div, fig.data, fig.layout, { responsive: true });
    } else if (++tries <= 200) {
      setTimeout(attempt, 100);
    } else if (div) {
      done = true;
      window.removeEventListener(ready, attempt);
      var p = div.querySelector(".stepwise-plot-placeholder");
      if (p) { p.textContent = "plotly.js is not loaded in this page, so the chart cannot be drawn: call resetPlotlyInjection() and run the cell again."; }
    }
  }
  window.addEventListener(ready, attempt);
  attempt();
})();`;
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units, as 8 hex digits (Fowler–Noll–Vo). */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
