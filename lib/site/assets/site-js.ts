/**
 * The site's one script (assets/stepwise.js), loaded with `defer` after
 * plotly.js on pages with charts. Notebook scripts never run on the site; this
 * script draws every chart from the figure JSON the notebook saved:
 * for each element marked with SITE_FIGURE_ATTR (the containers `plotlyFigure` writes) it parses its child
 * `<script type="application/json">` ({ data, layout, config? }), removes the
 * `.stepwise-plot-placeholder`, calls `Plotly.newPlot(div, data, layout,
 * { responsive: true, displaylogo: false, ...config })`, and marks the div
 * `data-stepwise-drawn`. When all charts are drawn it sets
 * `data-charts-drawn="N"` on <html> and the performance mark
 * "stepwise:charts-drawn" (read by the benchmark). It also resizes the charts
 * before printing, and folds the table of contents on narrow screens.
 */
import { SITE_FIGURE_ATTR } from "../figure-output";

export const SITE_JS = `(function () {
  "use strict";
  function figures() {
    return Array.prototype.slice.call(document.querySelectorAll("[${SITE_FIGURE_ATTR}]"));
  }
  function draw(div) {
    var json = div.querySelector('script[type="application/json"]');
    if (!json) {
      return Promise.reject(new Error("chart " + div.id + " has no figure JSON"));
    }
    var fig = JSON.parse(json.textContent);
    var placeholder = div.querySelector(".stepwise-plot-placeholder");
    if (placeholder) { placeholder.parentNode.removeChild(placeholder); }
    var config = Object.assign({ responsive: true, displaylogo: false }, fig.config || {});
    return window.Plotly.newPlot(div, fig.data || [], fig.layout || {}, config).then(function () {
      div.setAttribute("data-stepwise-drawn", "");
    });
  }
  function drawAll() {
    var list = figures();
    if (list.length === 0) { return; }
    if (!window.Plotly) {
      console.error("stepwise: plotly.js is not loaded, " + list.length + " chart(s) not drawn");
      return;
    }
    Promise.all(list.map(draw)).then(function () {
      document.documentElement.setAttribute("data-charts-drawn", String(list.length));
      if (window.performance && performance.mark) { performance.mark("stepwise:charts-drawn"); }
    }, function (err) {
      console.error("stepwise: a chart could not be drawn:", err);
    });
    window.addEventListener("beforeprint", function () {
      list.forEach(function (div) { if (div.hasAttribute("data-stepwise-drawn")) { window.Plotly.Plots.resize(div); } });
    });
  }
  function foldToc() {
    var details = document.querySelector(".toc details");
    if (details && window.matchMedia && window.matchMedia("(max-width: 75.99rem)").matches) {
      details.removeAttribute("open");
    }
  }
  function start() { foldToc(); drawAll(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
`;
