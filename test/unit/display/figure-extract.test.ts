import { suite } from "uvu";
import * as assert from "uvu/assert";
import { plotFunctions } from "../../../lib/charts";
import { extractFigures, figureBundle, stripPlotlyLoader } from "../../../lib/display";

const figA = plotFunctions([{ name: "a", f: (x) => x }], { xMin: 0, xMax: 1, points: 2, title: "A <b>", xTitle: "x", yTitle: "y" });
const figB = plotFunctions([{ name: "b", f: (x) => -x }], { xMin: 0, xMax: 2, points: 3, title: "B", xTitle: "x", yTitle: "y" });
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

const extract = suite("extractFigures");
extract("should find every chart with its id and figure, in order", () => {
  const html = [figureBundle(figA, { id: "a1", includePlotly: true }), figureBundle(figB, { id: "b2" })].map((b) => b["text/html"]).join("\n");
  assert.equal(extractFigures(html), [
    { id: "a1", figure: plain(figA) },
    { id: "b2", figure: plain(figB) },
  ]);
});
extract("should find nothing in other HTML", () => {
  assert.equal(extractFigures("<div><p>no chart</p></div>"), []);
});
extract.run();

const strip = suite("stripPlotlyLoader");
strip("should remove the library and keep the chart", () => {
  const html = figureBundle(figA, { id: "a1", includePlotly: true })["text/html"] as string;
  const stripped = stripPlotlyLoader(html);
  assert.not.match(stripped, "data-stepwise-plotly-loader");
  assert.ok(stripped.length < 20_000, `still ${stripped.length} characters`);
  assert.is(stripped, figureBundle(figA, { id: "a1" })["text/html"]);
});
strip.run();
