import { checkArg, checkOptions } from "../check";
import { chartColor } from "./theme";
import { checkTwoFeatureData, paddedBox, type TwoFeatureData, twoFeatureFigure } from "./two-feature-data";
import type { Figure, Trace } from "./types";

/** A classifier to draw: its boundary is where its probability of class 1 crosses 0.5. */
export interface ClassifierCurve {
  /** Legend name, non-empty. */
  name: string;
  /** ŷ(x₁, x₂): the probability of class 1 at a point; must be finite on the plotted area. */
  probability: (x1: number, x2: number) => number;
  /** Plotly dash name, default "solid". */
  dash?: string;
}

/** Options of {@link plotDecisionRegions}. */
export interface PlotDecisionRegionsOptions {
  /** Chart title; default "Data and decision boundaries". */
  title?: string;
  /** Grid points per axis on which the probabilities are evaluated, an integer from 10 to 400; default 120. */
  resolution?: number;
}

/**
 * Two-feature data as a scatter plot, one colour and marker per class, with the decision
 * boundary ŷ = 0.5 of each classifier: curved for a network, straight for a logistic
 * regression. Each boundary is traced on a grid of resolution × resolution points over the
 * data's bounding box (widened by 5 % per side) by marching squares: in every grid cell whose
 * corners lie on both sides of 0.5 the crossing points on its edges are found by linear
 * interpolation and joined (a cell with two opposite corners on each side is split by its
 * centre's value). The segments are one "lines" trace per classifier, separated by gaps.
 * Both axes have the same scale.
 *
 * @param data `{ X, t }`: X n×2 finite features, t n labels each 0 or 1
 * @param classifiers the classifiers to draw, in order (may be empty)
 * @param opts title and resolution
 * @returns a figure: a "markers" trace per class, then a "lines" trace per classifier
 * @throws TypeError / RangeError naming data.X[i], data.t[i], classifiers[k].name or
 *   .probability, an option, or the grid point where a probability is not finite
 * Source: marching squares (Lorensen & Cline's marching cubes in two dimensions), with the
 *   centre value deciding the saddle cells.
 */
export function plotDecisionRegions(
  data: TwoFeatureData,
  classifiers: ClassifierCurve[],
  opts: PlotDecisionRegionsOptions = {},
): Figure {
  const fn = "plotDecisionRegions";
  checkOptions(fn, "opts", opts, {
    title: { kind: "string", optional: true },
    resolution: { kind: "number", integer: true, min: 10, max: 400, optional: true },
  });
  checkTwoFeatureData(fn, data);
  checkArg(fn, "classifiers", classifiers, { kind: "array" });
  classifiers.forEach((c, k) => {
    checkArg(fn, `classifiers[${k}]`, c, { kind: "object" });
    checkArg(fn, `classifiers[${k}].name`, c.name, { kind: "string", nonEmpty: true });
    checkArg(fn, `classifiers[${k}].probability`, c.probability, { kind: "function" });
  });
  const n = opts.resolution ?? 120;
  const box = paddedBox(data.X);
  const lines = classifiers.map((c, k): Trace => {
    const { x, y } = levelSegments(
      (a, b) => {
        const p = c.probability(a, b);
        if (typeof p !== "number" || !Number.isFinite(p))
          throw new RangeError(
            `${fn}: classifiers[${k}].probability(${a}, ${b}) must be a finite number, got ${String(p)}`,
          );
        return p - 0.5;
      },
      box[0],
      box[1],
      n,
    );
    return {
      type: "scatter",
      mode: "lines",
      name: c.name,
      x,
      y,
      line: { color: k === 0 ? "#000000" : chartColor(k + 1), width: 2.5, ...(c.dash ? { dash: c.dash } : {}) },
      hoverinfo: "skip",
    };
  });
  return twoFeatureFigure(data, lines, box, opts.title ?? "Data and decision boundaries");
}

/**
 * The zero level set of f on an n × n grid over [x0, x1] × [y0, y1] by marching squares.
 *
 * @param f a function finite on the box (it may throw; the error passes through)
 * @param n grid points per axis, ≥ 2
 * @returns the segments as plotly line data: each segment's two ends, then null (a gap)
 */
export function levelSegments(
  f: (x: number, y: number) => number,
  [x0, x1]: number[],
  [y0, y1]: number[],
  n: number,
): { x: (number | null)[]; y: (number | null)[] } {
  const xs = Array.from({ length: n }, (_, i) => x0 + ((x1 - x0) * i) / (n - 1));
  const ys = Array.from({ length: n }, (_, j) => y0 + ((y1 - y0) * j) / (n - 1));
  const v = ys.map((y) => xs.map((x) => f(x, y)));
  const out = { x: [] as (number | null)[], y: [] as (number | null)[] };
  // the point where the edge from corner a to corner b crosses 0, by linear interpolation
  const cross = (pa: number[], va: number, pb: number[], vb: number): number[] => {
    const s = va / (va - vb);
    return [pa[0] + s * (pb[0] - pa[0]), pa[1] + s * (pb[1] - pa[1])];
  };
  for (let j = 0; j + 1 < n; j++) {
    for (let i = 0; i + 1 < n; i++) {
      // corners counter-clockwise from bottom-left
      const p = [
        [xs[i], ys[j]],
        [xs[i + 1], ys[j]],
        [xs[i + 1], ys[j + 1]],
        [xs[i], ys[j + 1]],
      ];
      const val = [v[j][i], v[j][i + 1], v[j + 1][i + 1], v[j + 1][i]];
      const points: number[][] = [];
      for (let e = 0; e < 4; e++) {
        const a = e;
        const b = (e + 1) % 4;
        if (val[a] >= 0 !== val[b] >= 0) points.push(cross(p[a], val[a], p[b], val[b]));
      }
      let segments: number[][][] = [];
      if (points.length === 2) segments = [[points[0], points[1]]];
      else if (points.length === 4) {
        // saddle: edges 0..3 all crossed; the centre's side decides which corners connect
        const centre = (val[0] + val[1] + val[2] + val[3]) / 4;
        segments =
          centre >= 0 === val[0] >= 0
            ? [
                [points[0], points[3]],
                [points[1], points[2]],
              ]
            : [
                [points[0], points[1]],
                [points[2], points[3]],
              ];
      }
      for (const [a, b] of segments) {
        out.x.push(a[0], b[0], null);
        out.y.push(a[1], b[1], null);
      }
    }
  }
  return out;
}
