import { checkOptions } from "../check";
import { MAX_CHART_POINTS } from "./plot-functions";
import { evenGrid, sampleFunction } from "./sample";
import { axis, baseLayout, chartColor, TWO_PANEL_HEIGHT } from "./theme";
import type { Figure, Trace } from "./types";

/**
 * The loss and its derivative, both called as f(t, ŷ) — target first, the order
 * of `binaryCrossEntropy(t, yhat)` and `binaryCrossEntropyDerivative(t, yhat)`,
 * which can be passed as they are.
 */
export interface LossFunctions {
  /** The loss L(t, ŷ), e.g. binary cross-entropy −[t·ln ŷ + (1 − t)·ln(1 − ŷ)]. */
  loss: (t: number, yhat: number) => number;
  /** Its partial derivative ∂L/∂ŷ at (t, ŷ), e.g. (ŷ − t) / (ŷ·(1 − ŷ)). */
  dLoss: (t: number, yhat: number) => number;
}

/** Options of {@link plotLossCurves}; every field has a default. */
export interface PlotLossCurvesOptions {
  /** Smallest prediction drawn, in (0, 1); default 0.005 (ŷ = 0 itself is a pole). */
  yhatMin?: number;
  /** Largest prediction drawn, in (0, 1), > yhatMin; default 0.995. */
  yhatMax?: number;
  /** Samples per curve, an integer ≥ 2; default 397 (a step of 0.0025 on the default interval). */
  points?: number;
  title?: string;
  /**
   * Visible range of the ∂L/∂ŷ panel, default [−20, 20]: the derivative reaches ±1/0.005 = ±200
   * at the ends, which would flatten the rest of the curve. Plotly's autoscale (double-click)
   * still shows everything; pass null to start autoscaled.
   */
  derivativeRange?: [number, number] | null;
}

/** The two targets of binary classification, drawn in this order and colour. */
const TARGETS = [0, 1] as const;

/**
 * Binary cross-entropy (or any loss of ŷ and t) and its derivative against the
 * prediction ŷ, for the targets t = 0 and t = 1, as two stacked panels sharing
 * the ŷ axis: the loss on top (y axis "y"), ∂L/∂ŷ below (axes "x2"/"y2").
 * Each target has one colour in both panels; its legend entry toggles both.
 * The interval stays inside (0, 1) because the loss and its derivative have
 * poles at ŷ = 0 and ŷ = 1; non-finite values become gaps (null).
 *
 * @param fns the loss and its derivative, called as f(t, ŷ)
 * @param opts interval, points, title and derivative range (see {@link PlotLossCurvesOptions})
 * @returns a figure with four traces: L for t = 0, L for t = 1, ∂L/∂ŷ for t = 0, ∂L/∂ŷ for t = 1
 * @throws TypeError when fns.loss or fns.dLoss is not a function, or returns a non-number,
 *   or an option has the wrong type
 * @throws RangeError when the interval is not inside (0, 1), points is invalid,
 *   or derivativeRange is not two finite ascending numbers
 */
export function plotLossCurves(fns: LossFunctions, opts: PlotLossCurvesOptions = {}): Figure {
  checkOptions("plotLossCurves", "fns", fns, { loss: { kind: "function" }, dLoss: { kind: "function" } });
  checkOptions("plotLossCurves", "opts", opts, {
    yhatMin: { kind: "number", optional: true },
    yhatMax: { kind: "number", optional: true },
    points: { kind: "number", integer: true, min: 2, max: MAX_CHART_POINTS, optional: true },
    title: { kind: "string", optional: true },
    derivativeRange: { kind: "array", optional: true, nullable: true },
  });
  const lo = opts.yhatMin ?? 0.005;
  const hi = opts.yhatMax ?? 0.995;
  if (!(lo > 0 && lo < 1)) throw new RangeError(`plotLossCurves: yhatMin must be in (0, 1), got ${lo}`);
  if (!(hi > lo && hi < 1)) {
    throw new RangeError(`plotLossCurves: yhatMax must be in (yhatMin, 1) = (${lo}, 1), got ${hi}`);
  }
  const range = opts.derivativeRange === undefined ? [-20, 20] : opts.derivativeRange;
  if (range !== null && !(range.length === 2 && range.every(Number.isFinite) && range[0] < range[1])) {
    throw new RangeError(
      `plotLossCurves: derivativeRange must be [low, high] finite with low < high, got ${JSON.stringify(range)}`,
    );
  }
  const xs = evenGrid(lo, hi, opts.points ?? 397);
  const curve = (which: "loss" | "dLoss", t: number, i: number): Trace => ({
    type: "scatter",
    mode: "lines",
    name: `t = ${t}`,
    legendgroup: `t=${t}`,
    showlegend: which === "loss",
    x: [...xs],
    y: sampleFunction((yhat) => fns[which](t, yhat), xs, `plotLossCurves: ${which} at t = ${t}`),
    line: { color: chartColor(i), width: 2.5 },
    ...(which === "dLoss" ? { xaxis: "x2", yaxis: "y2" } : {}),
  });
  const data = [...TARGETS.map((t, i) => curve("loss", t, i)), ...TARGETS.map((t, i) => curve("dLoss", t, i))];
  const layout = baseLayout(opts.title ?? "Binary cross-entropy and its derivative", "", "loss L(t, ŷ)");
  layout.xaxis = axis("", { anchor: "y", range: [0, 1] });
  layout.yaxis = axis("loss L(t, ŷ)", { domain: [0.56, 1], anchor: "x", rangemode: "tozero" });
  layout.xaxis2 = axis("prediction ŷ", { anchor: "y2", matches: "x" });
  layout.yaxis2 = axis("∂L/∂ŷ", { domain: [0, 0.44], anchor: "x2", ...(range ? { range: [...range] } : {}) });
  layout.height = TWO_PANEL_HEIGHT;
  // The middle of the loss panel is empty (both curves are low there), so the legend goes there.
  layout.legend = { title: { text: "target" }, x: 0.5, xanchor: "center", y: 1, yanchor: "top" };
  return { data, layout };
}
