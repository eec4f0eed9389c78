/**
 * The site's script (assets/stepwise.js), loaded with `defer` on every page.
 * Notebook scripts never run on the site; this script draws every chart from the
 * figure JSON the notebook saved. plotly.js (assets/plotly.min.js, next to this
 * script) is not in the page's head: it is loaded once, when the first chart comes
 * within 800 px of the viewport (IntersectionObserver; at once where there is none),
 * so a page paints and reads before it; then
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
  var here = document.currentScript && document.currentScript.src;
  var plotlyUrl = here ? here.replace(/stepwise\\.js(\\?.*)?$/, "plotly.min.js") : "assets/plotly.min.js";
  function loadPlotly(then) {
    if (window.Plotly) { then(); return; }
    var s = document.createElement("script");
    s.src = plotlyUrl;
    s.async = true;
    s.onload = then;
    s.onerror = function () { console.error("stepwise: plotly.js (" + plotlyUrl + ") could not be loaded, charts not drawn"); };
    document.head.appendChild(s);
  }
  function whenNear(list, then) {
    if (!("IntersectionObserver" in window)) { then(); return; }
    var io = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { io.disconnect(); then(); }
    }, { rootMargin: "800px 0px" });
    list.forEach(function (div) { io.observe(div); });
  }
  function drawAll() {
    var list = figures();
    if (list.length === 0) { return; }
    var started = false;
    function go() { if (started) { return; } started = true; loadPlotly(function () { drawLoaded(list); }); }
    whenNear(list, go);
    window.addEventListener("beforeprint", go);
  }
  function drawLoaded(list) {
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
