import { suite } from "uvu";
import * as assert from "uvu/assert";
import { plotFunctions } from "../../../lib/charts";
import { resetPlotlyInjection, showFigure } from "../../../lib/display";
import { throwsError } from "../charts/helpers";
import { captureBundles, captureConsole } from "./capture";

const fig = plotFunctions([{ name: "x", f: (x) => x }], { xMin: 0, xMax: 1, points: 2, title: "line", xTitle: "x", yTitle: "y" });
const hasLibrary = (html: string | undefined) => (html ?? "").includes("data-stepwise-plotly-loader");
/** The figures a bundle's HTML carries, parsed from their JSON elements. */
const figuresIn = (html: string | undefined) =>
  [...(html ?? "").matchAll(/<div class="stepwise-plot" id="[^"]+" data-stepwise-figure[^>]*>[\s\S]*?<script type="application\/json" class="stepwise-figure-json">([^<]*)<\/script>/g)]
    .map((m) => JSON.parse(m[1]));
const idOf = (html: string | undefined) => /<div class="stepwise-plot" id="([^"]+)"/.exec(html ?? "")?.[1];

const show = suite("showFigure");

show("should inject plotly.js with the first chart only, and again after a reset", () => {
  resetPlotlyInjection();
  const sent = captureBundles(() => {
    showFigure(fig);
    showFigure(fig);
    resetPlotlyInjection();
    showFigure(fig);
  });
  assert.equal(sent.map((b) => hasLibrary(b["text/html"])), [true, false, true]);
  assert.ok(sent.every((b) => figuresIn(b["text/html"]).length === 1));
  assert.equal(figuresIn(sent[1]["text/html"])[0], fig);
});

show("should number ids with a counter and honour the prefix", () => {
  const sent = captureBundles(() => {
    showFigure(fig);
    showFigure(fig, { idPrefix: "sigmoid" });
  });
  const [a, b] = sent.map((x) => idOf(x["text/html"]) ?? "");
  const na = Number(/^stepwise-plot-(\d+)$/.exec(a)?.[1]);
  const nb = Number(/^sigmoid-(\d+)$/.exec(b)?.[1]);
  assert.ok(na >= 1, `unexpected id ${a}`);
  assert.is(nb, na + 1);
});

show("should print the summary outside a kernel and not count the library as injected", () => {
  resetPlotlyInjection();
  const lines = captureConsole(() => showFigure(fig));
  assert.equal(lines, ['Figure "line": 1 trace\n  x: 2 points, x 0 … 1, y 0 … 1']);
  const sent = captureBundles(() => showFigure(fig));
  assert.ok(hasLibrary(sent[0]["text/html"]));
});

show("should throw TypeError for an unsafe id prefix", () => {
  throwsError(() => captureBundles(() => showFigure(fig, { idPrefix: "<x>" })), TypeError, /idPrefix must be .*got "<x>"/);
});

show.run();
