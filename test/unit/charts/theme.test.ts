import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CHART_PALETTE, chartColor } from "../../../lib/charts";
import { throwsError } from "./helpers";

const s = suite("chartColor");

s("should use the Okabe–Ito colours in order and then cycle", () => {
  // Okabe & Ito (2008): blue, vermillion, bluish green, reddish purple, orange, sky blue, black.
  const expected = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];
  assert.equal([...CHART_PALETTE], expected);
  assert.equal([0, 1, 2, 3, 4, 5, 6].map(chartColor), expected);
  assert.is(chartColor(7), "#0072B2");
  assert.is(chartColor(15), "#D55E00");
});

s("should throw RangeError for a negative or fractional index", () => {
  throwsError(() => chartColor(-1), RangeError, /got -1/);
  throwsError(() => chartColor(0.5), RangeError, /got 0.5/);
});

s.run();
