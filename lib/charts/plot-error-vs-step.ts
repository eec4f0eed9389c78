import { checkArg, checkOptions } from "../check";
import { axis, baseLayout, chartColor } from "./theme";
import type { Figure, ChartSample, Trace } from "./types";

/** One measurement: a finite-difference step size and the absolute error it gave. */
export interface StepErrorRow {
  /** Step size h, finite and > 0. */
  h: number;
  /** Absolute error |approximation − exact|, ≥ 0. */
  error: number;
}

/** A named series of measurements, e.g. "forward difference" or "central difference". */
export interface StepErrorSeries {
  name: string;
  rows: StepErrorRow[];
  /** Plotly dash name, default "solid". */
  dash?: string;
}

/** Options of {@link plotErrorVsStep}; every field has a default. */
export interface PlotErrorVsStepOptions {
  title?: string;
  xTitle?: string;
  yTitle?: string;
  /** Legend name of a single series given as plain rows; default "error". */
  name?: string;
  /**
   * Where errors of exactly 0 are drawn. A log axis cannot show 0, so by default such
   * a point is dropped (null: a gap in the line). Give a positive floor, e.g. 1e-18,
   * to draw them at that height instead.
   */
  floor?: number;
}

/**
 * Error of a finite-difference derivative against the step size h, on log–log
 * axes (layout `xaxis.type` and `yaxis.type` are "log"), one line with markers
 * per series; rows are drawn in ascending h. The slope of a line on these axes
 * is the order of the method (≈1 forward difference, ≈2 central difference)
 * until rounding error takes over at small h (see any numerical analysis text).
 * Errors of exactly 0 are dropped (null) or raised to `opts.floor`; non-finite
 * errors become null.
 *
 * @param input rows `{ h, error }` of one series, or several `{ name, rows }` series
 * @param opts titles, legend name and zero floor (see {@link PlotErrorVsStepOptions})
 * @returns a plotly figure with one "lines+markers" trace per series
 * @throws TypeError when input is empty, or a series has no name or rows
 * @throws RangeError when an h is not finite and > 0, an error is negative,
 *   or floor is not finite and > 0
 */
export function plotErrorVsStep(input: StepErrorRow[] | StepErrorSeries[], opts: PlotErrorVsStepOptions = {}): Figure {
  checkArg("plotErrorVsStep", "input", input, { kind: "array", nonEmpty: true });
  checkOptions("plotErrorVsStep", "opts", opts, {
    title: { kind: "string", optional: true },
    xTitle: { kind: "string", optional: true },
    yTitle: { kind: "string", optional: true },
    name: { kind: "string", optional: true },
    floor: { kind: "number", positive: true, optional: true },
  });
  const floor = opts.floor;
  if (floor !== undefined && !(Number.isFinite(floor) && floor > 0)) {
    throw new RangeError(`plotErrorVsStep: floor must be finite and > 0, got ${floor}`);
  }
  const series: StepErrorSeries[] =
    "rows" in input[0] ? (input as StepErrorSeries[]) : [{ name: opts.name ?? "error", rows: input as StepErrorRow[] }];
  const data = series.map((s, i): Trace => {
    if (typeof s?.name !== "string" || s.name === "" || !Array.isArray(s.rows)) {
      throw new TypeError(
        `plotErrorVsStep: series ${i} needs a non-empty name and a rows array, got ${JSON.stringify(s)}`,
      );
    }
    const rows = s.rows.map((r, j) => checkRow(r, `${s.name}, row ${j}`)).sort((a, b) => a.h - b.h);
    const color = chartColor(i);
    return {
      type: "scatter",
      mode: "lines+markers",
      name: s.name,
      x: rows.map((r) => r.h),
      y: rows.map((r): ChartSample => (r.error === 0 ? (floor ?? null) : Number.isFinite(r.error) ? r.error : null)),
      line: { color, width: 2, ...(s.dash ? { dash: s.dash } : {}) },
      marker: { color, size: 7 },
    };
  });
  const layout = baseLayout(
    opts.title ?? "Finite-difference error against step size",
    opts.xTitle ?? "step size h",
    opts.yTitle ?? "absolute error",
  );
  layout.xaxis = axis(opts.xTitle ?? "step size h", { type: "log", exponentformat: "power" });
  layout.yaxis = axis(opts.yTitle ?? "absolute error", { type: "log", exponentformat: "power" });
  return { data, layout };
}

/** Validates one row; NaN and ±Infinity errors pass (they are drawn as gaps). */
function checkRow(r: StepErrorRow, where: string): StepErrorRow {
  if (!(Number.isFinite(r?.h) && r.h > 0)) {
    throw new RangeError(`plotErrorVsStep: h must be finite and > 0 (${where}), got ${r?.h}`);
  }
  if (typeof r.error !== "number" || r.error < 0) {
    throw new RangeError(`plotErrorVsStep: error must be a number ≥ 0 (${where}), got ${r.error}`);
  }
  return r;
}
