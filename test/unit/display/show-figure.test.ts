import { suite } from "uvu";
import * as assert from "uvu/assert";
import { plotFunctions } from "../../../lib/charts";
import { showFigure } from "../../../lib/display";
import { throwsError } from "../charts/helpers";
import { captureBundles, captureConsole } from "./capture";

const fig = plotFunctions([{ name: "x", f: (x) => x }], {
  xMin: 0,
  xMax: 1,
  points: 2,
  title: "line",
  xTitle: "x",
  yTitle: "y",
});
/** The figures a bundle's HTML carries, parsed from their JSON elements. */
const figuresIn = (html: string | undefined) =>
  [
    ...(html ?? "").matchAll(
      /<div class="stepwise-plot" id="[^"]+" data-stepwise-figure[^>]*>[\s\S]*?<script type="application\/json" class="stepwise-figure-json">([^<]*)<\/script>/g,
    ),
  ].map((m) => JSON.parse(m[1]));
const idOf = (html: string | undefined) => /<div class="stepwise-plot" id="([^"]+)"/.exec(html ?? "")?.[1];

const show = suite("showFigure");

show("should send every chart the same way: plotly JSON plus HTML that carries its figure, never the library", () => {
  const sent = captureBundles(() => {
    showFigure(fig);
    showFigure(fig);
  });
  assert.is(sent.length, 2);
  for (const b of sent) {
    assert.equal(b["application/vnd.plotly.v1+json"], JSON.parse(JSON.stringify(fig)));
    assert.equal(figuresIn(b["text/html"]), [JSON.parse(JSON.stringify(fig))]);
    assert.ok(String(b["text/html"]).length < 10_000, "a chart's HTML must not carry plotly.js");
  }
  const [a, b] = sent.map((x) => String(x["text/html"]));
  assert.is(a.replace(/stepwise-plot-\d+/g, "ID"), b.replace(/stepwise-plot-\d+/g, "ID"));
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

show("should print the summary outside a kernel", () => {
  const lines = captureConsole(() => showFigure(fig));
  assert.equal(lines, ['Figure "line": 1 trace\n  x: 2 points, x 0 … 1, y 0 … 1']);
});

show("should throw TypeError for an unsafe id prefix", () => {
  throwsError(
    () => captureBundles(() => showFigure(fig, { idPrefix: "<x>" })),
    TypeError,
    /idPrefix must be .*got "<x>"/,
  );
});

show("should name the argument and what it got for a figure or options of the wrong shape, sending nothing", () => {
  const cases: [unknown, unknown, RegExp][] = [
    [null, {}, /showFigure: fig must be an object, got null/],
    [{ data: "x", layout: {} }, {}, /showFigure: fig\.data must be an array, got "x"/],
    [{ data: [], layout: 3 }, {}, /showFigure: fig\.layout must be an object, got 3/],
    [fig, "wide", /showFigure: opts must be an object, got "wide"/],
  ];
  for (const [f, o, re] of cases) {
    const sent = captureBundles(() => throwsError(() => showFigure(f as never, o as never), TypeError, re));
    assert.is(sent.length, 0, `a bundle was sent for ${re}`);
  }
});

show.run();
