import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { plotFunctions } from "../../../lib/charts";
import { figureBundle, PLOTLY_ASSET_URL, withPlotlySource } from "../../../lib/display";
import { throwsError } from "../charts/helpers";
import { count } from "./fixtures";

const s = suite("figureBundle");
const fig = plotFunctions([{ name: "x²", f: (x) => x * x }], {
  xMin: 0,
  xMax: 1,
  points: 3,
  title: "square",
  xTitle: "x",
  yTitle: "y",
});
const plotlyHead = readFileSync(require.resolve("plotly.js-dist"), "utf8").slice(0, 300);

/** The text of the figure's JSON element, decoded by JSON.parse. */
function figureJson(html: string): unknown {
  const m = /<script type="application\/json" class="stepwise-figure-json">([^<]*)<\/script>/.exec(html);
  assert.ok(m, "no figure JSON element");
  return JSON.parse(m[1]);
}

s("should have exactly the plotly JSON type, text/html and text/plain", () => {
  assert.equal(Object.keys(figureBundle(fig, { id: "f1" })).sort(), [
    "application/vnd.plotly.v1+json",
    "text/html",
    "text/plain",
  ]);
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

s("should draw with Plotly.newPlot on the div, responsive, once plotly.js is there", () => {
  const html = figureBundle(fig, { id: "f1" })["text/html"] as string;
  assert.match(html, "P.newPlot(div, fig.data, fig.layout, { responsive: true })");
  assert.match(html, withPlotlySource());
});

s("should never carry plotly.js itself: every chart is small and loads the library on its own", () => {
  const html = figureBundle(fig, { id: "f1" })["text/html"] as string;
  assert.not.ok(html.includes(plotlyHead), "the library text is in the chart");
  assert.ok(html.length < 8_000, `a three-point chart's HTML is ${html.length} characters`);
  assert.is(count(html, "<script"), 2, "the figure JSON and the draw script");
  assert.match(html, PLOTLY_ASSET_URL);
  const again = figureBundle(fig, { id: "f2" })["text/html"] as string;
  assert.is(again.replace(/f2/g, "f1"), html, "a later chart is built the same way as the first");
});

s("should give the text summary as text/plain", () => {
  assert.is(
    figureBundle(fig, { id: "f1" })["text/plain"],
    'Figure "square": 1 trace\n  x²: 3 points, x 0 … 1, y 0 … 1',
  );
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
  const other = plotFunctions([{ name: "x", f: (x) => x }], {
    xMin: 0,
    xMax: 1,
    points: 3,
    title: "id",
    xTitle: "x",
    yTitle: "y",
  });
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
