/**
 * The site's script (bundled by esbuild into assets/stepwise.js, see `siteScript`),
 * loaded with `defer` on every page. Runs in the reader's browser: nothing here may
 * import a Node module.
 *
 * Notebook scripts never run on the site; this script draws every chart from the
 * figure JSON the notebook saved. plotly.js (assets/plotly.min.js, next to this
 * script) is not in the page's head: it is loaded once, when the first chart comes
 * within 800 px of the viewport (IntersectionObserver; at once where there is none),
 * so a page paints and reads before it; then for each element marked with
 * SITE_FIGURE_ATTR (the containers `plotlyFigure` writes) it parses its child
 * `<script type="application/json">` ({ data, layout, config? }), removes the
 * `.stepwise-plot-placeholder`, calls `Plotly.newPlot(div, data, layout,
 * { responsive: true, displaylogo: false, ...config })`, and marks the div
 * `data-stepwise-drawn` (a title wider than its chart broken into lines first, `fitChartTitle`). When all charts are drawn it sets `data-charts-drawn="N"` on
 * <html> and the performance mark "stepwise:charts-drawn" (read by the benchmark).
 * It also resizes the charts before printing, folds the table of contents on
 * narrow screens, adds the search box (`addSearchBox`) and the light/dark toggle to the header (charts follow the scheme:
 * transparent backgrounds, the page's text and line colours), and makes boxes that
 * scroll sideways keyboard-reachable regions (`watchScrollRegions`).
 */
import { fitChartTitle } from "./chart-titles";
import { CONTENT_CHANGED_EVENT, SITE_FIGURE_ATTR } from "./markers";
import { addSearchBox } from "./search-box";
import { watchScrollRegions } from "./scroll-regions";
import { addThemeToggle, blackTraces, chartLayoutColors, resolvedColor, setPath } from "./theme-toggle";

/** The part of plotly.js's API this script calls. */
interface PlotlyApi {
  newPlot(div: HTMLElement, data: unknown[], layout: object, config: object): Promise<unknown>;
  relayout(div: HTMLElement, update: object): Promise<unknown>;
  restyle(div: HTMLElement, update: object, traces: number[]): Promise<unknown>;
  Plots: { resize(div: HTMLElement): void };
}

/** A chart's saved figure (the JSON `plotlyFigure` writes). */
interface Figure {
  data?: unknown[];
  layout?: object;
  config?: object;
}

declare global {
  interface Window {
    Plotly?: PlotlyApi;
  }
}

// read while the script runs: document.currentScript is null in callbacks
const here = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : "";
const plotlyUrl = here ? here.replace(/stepwise\.js(\?.*)?$/, "plotly.min.js") : "assets/plotly.min.js";
const assetsUrl = new URL(".", here || new URL("assets/", location.href).href).href;

function figures(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>(`[${SITE_FIGURE_ATTR}]`));
}

/** Each drawn chart's traces drawn in black, which follow the text colour (see `blackTraces`). */
const blackOf = new Map<HTMLElement, number[]>();

function draw(plotly: PlotlyApi, div: HTMLElement): Promise<void> {
  const json = div.querySelector('script[type="application/json"]');
  if (!json) return Promise.reject(new Error(`chart ${div.id} has no figure JSON`));
  const fig = JSON.parse(json.textContent ?? "") as Figure;
  div.querySelector(".stepwise-plot-placeholder")?.remove();
  const config = { responsive: true, displaylogo: false, ...(fig.config ?? {}) };
  const data = fig.data ?? [];
  const layout = (fig.layout ?? {}) as Record<string, unknown>;
  // the scheme's colours go in before the first draw, so a chart is drawn once
  for (const [key, value] of Object.entries(chartLayoutColors())) setPath(layout, key, value);
  const black = blackTraces(data);
  const text = resolvedColor("var(--text)");
  for (const i of black) setPath(data[i] as Record<string, unknown>, "line.color", text);
  blackOf.set(div, black);
  return plotly
    .newPlot(div, data, layout, config)
    .then(() => fitChartTitle(plotly, div))
    .then(() => {
      div.setAttribute("data-stepwise-drawn", "");
    });
}

/** Redraws the drawn charts in the colours of the scheme the page shows now. */
function recolorCharts(): void {
  const plotly = window.Plotly;
  if (!plotly) return;
  const colors = chartLayoutColors();
  const text = resolvedColor("var(--text)");
  for (const [div, black] of blackOf) {
    if (!div.hasAttribute("data-stepwise-drawn")) continue;
    plotly.relayout(div, colors).catch((err) => console.error("stepwise: a chart could not change its colours:", err));
    if (black.length > 0)
      plotly
        .restyle(div, { "line.color": text }, black)
        .catch((err) => console.error("stepwise: a chart could not change its colours:", err));
  }
}

function loadPlotly(then: () => void): void {
  if (window.Plotly) {
    then();
    return;
  }
  const s = document.createElement("script");
  s.src = plotlyUrl;
  s.async = true;
  s.onload = then;
  s.onerror = () => console.error(`stepwise: plotly.js (${plotlyUrl}) could not be loaded, charts not drawn`);
  document.head.appendChild(s);
}

function whenNear(list: HTMLElement[], then: () => void): void {
  if (!("IntersectionObserver" in window)) {
    then();
    return;
  }
  const io = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        then();
      }
    },
    { rootMargin: "800px 0px" },
  );
  for (const div of list) io.observe(div);
}

function drawLoaded(list: HTMLElement[]): void {
  const plotly = window.Plotly;
  if (!plotly) {
    console.error(`stepwise: plotly.js is not loaded, ${list.length} chart(s) not drawn`);
    return;
  }
  Promise.all(list.map((div) => draw(plotly, div))).then(
    () => {
      document.documentElement.setAttribute("data-charts-drawn", String(list.length));
      if (window.performance && performance.mark) performance.mark("stepwise:charts-drawn");
    },
    (err) => console.error("stepwise: a chart could not be drawn:", err),
  );
  window.addEventListener("beforeprint", () => {
    for (const div of list) if (div.hasAttribute("data-stepwise-drawn")) plotly.Plots.resize(div);
  });
  // a title wider than its chart is broken into lines, again at each new width
  let refit: number | undefined;
  window.addEventListener("resize", () => {
    window.clearTimeout(refit);
    refit = window.setTimeout(() => {
      for (const div of list)
        if (div.hasAttribute("data-stepwise-drawn"))
          fitChartTitle(plotly, div).catch((err) =>
            console.error("stepwise: a chart title could not be refitted:", err),
          );
    }, 150);
  });
}

function drawAll(): void {
  const list = figures();
  if (list.length === 0) return;
  let started = false;
  const go = (): void => {
    if (started) return;
    started = true;
    loadPlotly(() => drawLoaded(list));
  };
  whenNear(list, go);
  window.addEventListener("beforeprint", go);
}

function foldToc(): void {
  const details = document.querySelector(".toc details");
  if (details && window.matchMedia?.("(max-width: 75.99rem)").matches) details.removeAttribute("open");
}

function start(): void {
  foldToc();
  addSearchBox(assetsUrl);
  addThemeToggle(recolorCharts);
  const again = watchScrollRegions();
  document.addEventListener(CONTENT_CHANGED_EVENT, again);
  drawAll();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
