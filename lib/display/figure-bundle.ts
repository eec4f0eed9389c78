import { CHART_HEIGHT } from "../charts/theme";
import type { Figure } from "../charts/types";
import { escapeHtml, jsonForScript } from "../outputs/escape";
import { figureSummary, figureTitle } from "./figure-summary";
import { withPlotlySource } from "./plotly-loader";
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
}

/**
 * The MIME bundle of an interactive plotly chart, without sending it. It never
 * carries plotly.js itself (a saved notebook stays small), and every chart is
 * self-sufficient: no output depends on another having been shown first.
 * application/vnd.plotly.v1+json: the figure `{ data, layout }`, which frontends
 * with a plotly renderer draw natively (JupyterLab and Notebook 7 with plotly's
 * extension, VS Code, nteract) and from which the site draws.
 * text/html, for frontends without one (the classic Notebook): the chart div with
 * the figure JSON inside and a visible placeholder, then a script that gets
 * plotly.js (see `withPlotlySource`: the page's, or the static file the Jupyter
 * server serves) and draws with `Plotly.newPlot(div, data, layout, { responsive: true })`,
 * or writes in the placeholder why it cannot. It finds its div as its previous
 * sibling, else as the last undrawn div with the id, so a stale output with the
 * same id cannot capture the drawing.
 * text/plain: the summary of `figureSummary`.
 *
 * @param fig a figure `{ data: [...], layout: {...} }`, JSON-serialisable
 * @param opts element id
 * @returns `{ "application/vnd.plotly.v1+json", "text/html", "text/plain" }`
 * @throws TypeError when fig is not a figure or opts.id is not a valid id
 */
export function figureBundle(fig: Figure, opts: FigureBundleOptions = {}): MimeBundle {
  if (
    fig === null ||
    typeof fig !== "object" ||
    !Array.isArray(fig.data) ||
    typeof fig.layout !== "object" ||
    fig.layout === null
  ) {
    throw new TypeError(
      `figureBundle: fig must be { data: array, layout: object }, got ${fig === null ? "null" : typeof fig}`,
    );
  }
  const json = jsonForScript({ data: fig.data, layout: fig.layout });
  const id = opts.id ?? `stepwise-plot-${fnv1a(json)}`;
  if (typeof id !== "string" || !/^[A-Za-z][\w-]*$/.test(id)) {
    throw new TypeError(`figureBundle: id must be a letter then letters, digits, _ or -, got ${JSON.stringify(id)}`);
  }
  const m = FIGURE_MARKERS;
  const title = figureTitle(fig);
  const height = typeof fig.layout.height === "number" ? fig.layout.height : CHART_HEIGHT;
  const html =
    `<div class="${m.divClass}" id="${id}" ${m.divAttr} style="width:100%;min-height:${height}px">` +
    `<p class="stepwise-plot-placeholder">Interactive chart${title ? `: ${escapeHtml(title)}` : ""}.</p>` +
    `<script type="application/json" class="${m.jsonClass}">${json}</script></div>\n` +
    `<script ${m.scriptAttr}="${id}">${drawScript(id)}</script>`;
  const figure = JSON.parse(JSON.stringify({ data: fig.data, layout: fig.layout })) as JsonValue;
  return { [PLOTLY_MIME]: figure, "text/html": html, "text/plain": figureSummary(fig) };
}

/** The browser script that draws the chart with the given (validated) id. */
function drawScript(id: string): string {
  const m = FIGURE_MARKERS;
  return `(function () {
  var id = ${JSON.stringify(id)}, me = document.currentScript;
  var withPlotly = ${withPlotlySource()};
  function target() {
    var prev = me && me.previousElementSibling;
    if (prev && prev.id === id && prev.isConnected !== false) { return prev; }
    var all = document.querySelectorAll('div[${m.divAttr}][id="' + id + '"]');
    for (var i = all.length - 1; i >= 0; i--) { if (!all[i].hasAttribute("${m.drawnAttr}")) { return all[i]; } }
    return null;
  }
  var div = target();
  if (!div) { return; }
  withPlotly(function (P) {
    if (div.hasAttribute("${m.drawnAttr}")) { return; }
    var fig = JSON.parse(div.querySelector("script.${m.jsonClass}").textContent);
    var note = div.querySelector(".stepwise-plot-placeholder");
    if (note) { note.parentNode.removeChild(note); }
    div.setAttribute("${m.drawnAttr}", "");
    P.newPlot(div, fig.data, fig.layout, { responsive: true });
  }, function (url) {
    var p = div.querySelector(".stepwise-plot-placeholder");
    if (p) { p.textContent = "The chart cannot be drawn: this frontend has no plotly renderer and plotly.js did not load from " + url + ". Start Jupyter with npm run lab (it serves that file), or install plotly's JupyterLab extension (pip install plotly)."; }
  });
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
