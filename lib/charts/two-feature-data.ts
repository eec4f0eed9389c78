import { checkArg } from "../check";
import { axis, baseLayout, chartColor } from "./theme";
import type { Figure, Trace } from "./types";

/** Two-feature labelled data, as the decision-boundary charts take it. */
export interface TwoFeatureData {
  /** n rows of two finite features (x₁, x₂). */
  X: number[][];
  /** n labels, each 0 or 1. */
  t: number[];
}

/** Height of a decision-boundary chart, in CSS pixels: taller than usual, for the legend below it. */
const BOUNDARY_CHART_HEIGHT = 500;

/**
 * Checks two-feature labelled data for a chart function.
 *
 * @param fn the calling function's name, which starts every message
 * @param data `{ X, t }` as {@link TwoFeatureData}
 * @throws TypeError when data is not an object or X / t is not an array; RangeError when X
 *   is empty, t's length differs from X's, a row is not two finite numbers or a label is not
 *   0 or 1 (naming data.X[i] or data.t[i] and what it got)
 */
export function checkTwoFeatureData(fn: string, data: TwoFeatureData): void {
  checkArg(fn, "data", data, { kind: "object" });
  checkArg(fn, "data.X", data.X, { kind: "array", nonEmpty: true });
  checkArg(fn, "data.t", data.t, { kind: "array" });
  const { X, t } = data;
  if (t.length !== X.length)
    throw new RangeError(`${fn}: data.t must have one label per row of data.X (${X.length}), got length ${t.length}`);
  X.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== 2 || !row.every(Number.isFinite))
      throw new RangeError(`${fn}: data.X[${i}] must be two finite numbers, got ${JSON.stringify(row)}`);
    if (t[i] !== 0 && t[i] !== 1)
      throw new RangeError(`${fn}: data.t[${i}] must be 0 or 1, got ${JSON.stringify(t[i])}`);
  });
}

/**
 * The plotted area of two-feature data: per feature, [min, max] widened by 5 % of the range
 * on each side (by 0.05 when the range is 0).
 *
 * @param X n×2 finite features, n ≥ 1
 * @returns [[x₁ low, x₁ high], [x₂ low, x₂ high]]
 */
export function paddedBox(X: number[][]): [number[], number[]] {
  const [a, b] = [0, 1].map((j) => {
    const v = X.map((row) => row[j]);
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    const pad = 0.05 * (hi - lo || 1);
    return [lo - pad, hi + pad];
  });
  return [a, b];
}

/**
 * The data as a scatter plot with boundary lines over it, on equal axes over `box`, the
 * legend below the plot (equal scales leave little room beside it) and the chart taller.
 *
 * @param data checked two-feature data (see {@link checkTwoFeatureData})
 * @param lines the "lines" traces to draw over the points, in order
 * @param box the plotted area, from {@link paddedBox}
 * @param title the chart's title
 * @returns a figure: a "markers" trace per class (t = 0 circles, t = 1 diamonds), then `lines`
 */
export function twoFeatureFigure(data: TwoFeatureData, lines: Trace[], box: number[][], title: string): Figure {
  const { X, t } = data;
  const classes: Trace[] = [0, 1].map((label) => {
    const pts = X.filter((_, i) => t[i] === label);
    const color = chartColor(label);
    return {
      type: "scatter",
      mode: "markers",
      name: `t = ${label}`,
      x: pts.map((p) => p[0]),
      y: pts.map((p) => p[1]),
      line: { color, width: 0 },
      marker: { color, size: 7, symbol: label === 0 ? "circle" : "diamond" },
      opacity: 0.75,
    };
  });
  const layout = baseLayout(title, "feature x₁", "feature x₂");
  layout.xaxis = axis("feature x₁", { range: box[0], zeroline: false });
  layout.yaxis = axis("feature x₂", { range: box[1], zeroline: false, scaleanchor: "x", scaleratio: 1 });
  layout.legend = { orientation: "h", x: 0, xanchor: "left", y: -0.2, yanchor: "top" };
  layout.height = BOUNDARY_CHART_HEIGHT;
  return { data: [...classes, ...lines], layout };
}
