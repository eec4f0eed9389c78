import { suite } from "uvu";
import * as assert from "uvu/assert";
import { plotFunctions, type Figure } from "../../../lib/charts";
import { figureSummary, figureTitle } from "../../../lib/display";

const summary = suite("figureSummary");
summary("should list the title, each trace's points, ranges and gaps", () => {
  const fig = plotFunctions(
    [
      { name: "x²", f: (x) => x * x },
      { name: "1/x", f: (x) => 1 / x },
    ],
    { xMin: -2, xMax: 2, points: 5, title: "two curves", xTitle: "x", yTitle: "y" },
  );
  assert.is(
    figureSummary(fig),
    [
      'Figure "two curves": 2 traces',
      "  x²: 5 points, x -2 … 2, y 0 … 4",
      "  1/x: 5 points, x -2 … 2, y -1 … 1, 1 gap",
    ].join("\n"),
  );
});
summary("should round ranges to 4 significant digits and name unnamed traces", () => {
  const fig = { data: [{ x: [0, 1 / 3], y: [12345.678, 0.000123456] }], layout: {} } as unknown as Figure;
  assert.is(figureSummary(fig), "Figure: 1 trace\n  trace 1: 2 points, x 0 … 0.3333, y 0.0001235 … 12350");
});
summary("should say none when a trace has no finite value", () => {
  const fig = { data: [{ name: "empty", x: [1], y: [null] }], layout: { title: "plain" } } as unknown as Figure;
  assert.is(figureSummary(fig), 'Figure "plain": 1 trace\n  empty: 1 point, x 1 … 1, y none, 1 gap');
});
summary.run();

const title = suite("figureTitle");
title("should read title.text, a plain string title, or nothing", () => {
  assert.is(figureTitle({ data: [], layout: { title: { text: "a" } } } as unknown as Figure), "a");
  assert.is(figureTitle({ data: [], layout: { title: "b" } } as unknown as Figure), "b");
  assert.is(figureTitle({ data: [], layout: {} } as unknown as Figure), "");
});
title.run();
