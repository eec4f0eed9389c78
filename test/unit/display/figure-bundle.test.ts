import { readFileSync } from "fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { plotFunctions } from "../../../lib/charts";
import { figureBundle } from "../../../lib/display";
import { throwsError } from "../charts/helpers";
import { count } from "./fixtures";

const s = suite("figureBundle");
const fig = plotFunctions([{ name: "x²", f: (x) => x * x }], { xMin: 0, xMax: 1, points: 3, title: "square", xTitle: "x", yTitle: "y" });
const plotlyHead = readFileSync(require.resolve("plotly.js-dist"), "utf8").slice(0, 300);

/** The text of the figure's JSON element, decoded by JSON.parse. */
function figureJson(html: string): unknown {
  const m = /<script type="application\/json" class="stepwise-figure-json">([^<]*)<\/script>/.exec(html);
  assert.ok(m, "no figure JSON element");
  return JSON.parse(m[1]);
}

s("should have exactly the plotly JSON type, text/html and text/plain", () => {
  assert.equal(Object.keys(figureBundle(fig, { id: "f1" })).sort(), ["application/vnd.plotly.v1+json", "text/html", "text/plain"]);
});

s("should carry the figure itself as plotly JSON, equal to the figure after a JSON round trip", () => {
  const bundle = figureBundle(fig, { id: "f1" });
  assert.equal(bundle["application/vnd.plotly.v1+json"], JSON.parse(JSON.stringify(fig)));
  assert.not.equal(bundle["application/vnd.plotly.v1+json"], undefined);
});

s("should mark the chart div with its id and carry the figure JSON, which round-trips", () => {
  const html = figureBundle(fig, { id: "chart-7" })["text/html"] as string;
  assert.match(html, '<div class="stepwise-plot" id="chart-7" data-stepwise-figure');
  assert.match(html, '<script data-stepwise-figure-script="chart-7">');
  assert.equal(figureJson(html), JSON.parse(JSON.stringify(fig)));
});

s("should draw with Plotly.newPlot on the div, responsive", () => {
  const html = figureBundle(fig, { id: "f1" })["text/html"] as string;
  assert.match(html, "newPlot(div, fig.data, fig.layout, { responsive: true })");
  assert.match(html, 'r.defined("plotly")');
});

s("should include the plotly.js library only when asked", () => {
  const without = figureBundle(fig, { id: "f1" })["text/html"] as string;
  const withLib = figureBundle(fig, { id: "f1", includePlotly: true })["text/html"] as string;
  assert.not.match(without, "data-stepwise-plotly-loader");
  assert.not.ok(without.includes(plotlyHead));
  assert.match(withLib, "data-stepwise-plotly-loader");
  assert.ok(withLib.includes(plotlyHead), "the library text is missing");
  assert.ok(withLib.length > 5_000_000, "the library looks truncated");
  assert.ok(withLib.indexOf("data-stepwise-plotly-loader") < withLib.indexOf("data-stepwise-figure"), "loader must come first");
  assert.is(count(without, "<script"), 2);
});

s("should give the text summary as text/plain", () => {
  assert.is(figureBundle(fig, { id: "f1" })["text/plain"], 'Figure "square": 1 trace\n  x²: 3 points, x 0 … 1, y 0 … 1');
});

s("should escape the title in the placeholder and keep markup out of the JSON", () => {
  const evil = { ...fig, layout: { ...fig.layout, title: { text: "</script><script>alert(1)</script>" } } };
  const html = figureBundle(evil, { id: "f1" })["text/html"] as string;
  assert.not.match(html, "<script>alert");
  assert.match(html, "Interactive chart: &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;.");
  assert.is(count(html, "</script>"), 2);
  assert.equal((figureJson(html) as typeof evil).layout.title.text, "</script><script>alert(1)</script>");
});

s("should derive a deterministic default id from the figure", () => {
  const other = plotFunctions([{ name: "x", f: (x) => x }], { xMin: 0, xMax: 1, points: 3, title: "id", xTitle: "x", yTitle: "y" });
  const idOf = (html: string) => /id="(stepwise-plot-[0-9a-f]{8})"/.exec(html)?.[1];
  const a = idOf(figureBundle(fig)["text/html"] as string);
  assert.ok(a);
  assert.is(idOf(figureBundle(fig)["text/html"] as string), a);
  assert.is.not(idOf(figureBundle(other)["text/html"] as string), a);
});

s("should throw TypeError for a non-figure or an unsafe id", () => {
  throwsError(() => figureBundle({ data: 1 } as never), TypeError, /fig must be \{ data: array, layout: object \}/);
  throwsError(() => figureBundle(fig, { id: 'x" onclick="y' }), TypeError, /id must be a letter/);
  throwsError(() => figureBundle(fig, { id: "1abc" }), TypeError, /"1abc"/);
});

s.run();
