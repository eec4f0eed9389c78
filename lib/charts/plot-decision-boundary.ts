import { checkTrainingOptions } from "../check";
import type { PlotTrainingOptions } from "./training-history";
import type { Figure, Trace } from "./types";
import { checkTwoFeatureData, paddedBox, type TwoFeatureData, twoFeatureFigure } from "./two-feature-data";

/** A line w·x + b = 0 to draw over the data, e.g. the boundary at the start or the end of training. */
export interface BoundaryLine {
  name: string;
  /** Two weights (w₁, w₂), finite, not both 0. */
  w: number[];
  /** Bias, finite. */
  b: number;
  /** Plotly dash name, default "solid". */
  dash?: string;
}

/**
 * Two-feature data as a scatter plot, one colour and marker per class (t = 0, t = 1),
 * with straight lines w₁x₁ + w₂x₂ + b = 0 — the decision boundaries ŷ = 0.5 of
 * logistic regressions — clipped to the plotted area: the data's bounding box widened
 * by 5 % on each side. Both axes have that range and the same scale (a unit on x is a
 * unit on y), so the boundary is drawn at its true angle; the legend sits below the plot.
 * A line that misses the area
 * is an empty trace (it keeps its legend entry).
 *
 * @param data `{ X, t }`: X n×2 finite features, t n labels each 0 or 1 (e.g. from makeBlobs)
 * @param boundaries lines to draw, in order (may be empty)
 * @param opts title (default "Data and decision boundary")
 * @returns a figure: a "markers" trace per class, then a "lines" trace per boundary
 * @throws TypeError when data, X or t is not an object / array, or a boundary has no name;
 *   RangeError when X is empty or not n×2 of finite numbers, t's length or a label is
 *   wrong (see checkTwoFeatureData), or a boundary's w is not two finite numbers (not both 0) or b is not finite
 */
export function plotDecisionBoundary(
  data: TwoFeatureData,
  boundaries: BoundaryLine[],
  opts: PlotTrainingOptions = {},
): Figure {
  const fn = "plotDecisionBoundary";
  checkTrainingOptions(fn, opts);
  checkTwoFeatureData(fn, data);
  if (!Array.isArray(boundaries)) throw new TypeError(`${fn}: boundaries must be an array, got ${typeof boundaries}`);
  const box = paddedBox(data.X);
  const lines = boundaries.map((line, k): Trace => {
    if (typeof line?.name !== "string" || line.name === "")
      throw new TypeError(`${fn}: boundaries[${k}].name must be a non-empty string`);
    const w = line.w;
    if (!Array.isArray(w) || w.length !== 2 || !w.every(Number.isFinite) || (w[0] === 0 && w[1] === 0)) {
      throw new RangeError(
        `${fn}: boundaries[${k}].w must be two finite numbers, not both 0, got ${JSON.stringify(w)}`,
      );
    }
    if (!Number.isFinite(line.b)) throw new RangeError(`${fn}: boundaries[${k}].b must be finite, got ${line.b}`);
    const [p, q] = clipLine(w[0], w[1], line.b, box[0], box[1]);
    return {
      type: "scatter",
      mode: "lines",
      name: line.name,
      x: p ? [p[0], q[0]] : [],
      y: p ? [p[1], q[1]] : [],
      line: { color: "#000000", width: 2.5, ...(line.dash ? { dash: line.dash } : {}) },
    };
  });
  return twoFeatureFigure(data, lines, box, opts.title ?? "Data and decision boundary");
}

/**
 * The part of the line w₁x + w₂y + b = 0 inside the box [x0, x1] × [y0, y1]: the two
 * extreme points among its crossings of the box's edges, or [null, null] when it misses.
 */
function clipLine(
  w1: number,
  w2: number,
  b: number,
  [x0, x1]: number[],
  [y0, y1]: number[],
): [number[], number[]] | [null, null] {
  const inside = (v: number, lo: number, hi: number) => v >= lo - 1e-12 * (hi - lo) && v <= hi + 1e-12 * (hi - lo);
  const points: number[][] = [];
  if (w2 !== 0)
    for (const x of [x0, x1]) {
      const y = -(w1 * x + b) / w2;
      if (inside(y, y0, y1)) points.push([x, y]);
    }
  if (w1 !== 0)
    for (const y of [y0, y1]) {
      const x = -(w2 * y + b) / w1;
      if (inside(x, x0, x1)) points.push([x, y]);
    }
  if (points.length < 2) return [null, null];
  points.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return [points[0], points[points.length - 1]];
}
