import { checkArg, checkOptions } from "../check";
import { evenGrid, sampleFunction } from "./sample";
import { baseLayout, chartColor } from "./theme";
import type { Figure, Trace } from "./types";

/** One function to draw: its legend name, the function, and an optional plotly dash style. */
export interface NamedFunction {
  name: string;
  f: (x: number) => number;
  /** Plotly dash name: "solid" (default), "dot", "dash", "longdash", "dashdot", "longdashdot". */
  dash?: string;
}

/** Options of {@link plotFunctions}. */
export interface PlotFunctionsOptions {
  /** Left end of the interval (finite). */
  xMin: number;
  /** Right end of the interval (finite, > xMin). */
  xMax: number;
  /** Number of sample points, both ends included; an integer ≥ 2, default 401. */
  points?: number;
  title: string;
  xTitle: string;
  yTitle: string;
}

/** Default number of samples: 401 points put a sample every 0.05 on −10..10. */
export const DEFAULT_CHART_POINTS = 401;

/** Most samples a chart builder takes per curve: far more than a screen shows, far less than a kernel's memory. */
export const MAX_CHART_POINTS = 100_000;

/**
 * A line chart of several real functions over one interval, e.g. the sigmoid
 * σ and its derivative σ′ on −10..10. Every function is sampled on the same
 * evenly spaced grid that includes both ends; where a function is not finite
 * (NaN, ±Infinity, e.g. 1/x at 0) the sample is null and the line has a gap.
 * Colours follow the colour-blind-safe palette of the theme, in input order.
 *
 * @param fns the functions, at least one; names must be non-empty strings
 * @param opts interval, number of points and titles (see {@link PlotFunctionsOptions})
 * @returns a plotly figure: one "lines" trace per function, x shared
 * @throws TypeError naming the argument when fns is not an array of { name, f }, an
 *   option has the wrong type (e.g. xMin: "0"), or an f returns a non-number
 * @throws RangeError when fns is empty, xMin ≥ xMax, points is not an integer from 2
 *   to {@link MAX_CHART_POINTS}
 */
export function plotFunctions(fns: NamedFunction[], opts: PlotFunctionsOptions): Figure {
  const fn = "plotFunctions";
  checkArg(fn, "fns", fns, { kind: "array", nonEmpty: true });
  fns.forEach((f, i) =>
    checkOptions(fn, `fns[${i}]`, f, {
      name: { kind: "string", nonEmpty: true },
      f: { kind: "function" },
      dash: { kind: "string", optional: true },
    }),
  );
  checkOptions(fn, "opts", opts, {
    xMin: { kind: "number" },
    xMax: { kind: "number" },
    points: { kind: "number", integer: true, min: 2, max: MAX_CHART_POINTS, optional: true },
    title: { kind: "string" },
    xTitle: { kind: "string" },
    yTitle: { kind: "string" },
  });
  if (!(opts.xMin < opts.xMax))
    throw new RangeError(`${fn}: opts.xMin must be less than opts.xMax, got xMin = ${opts.xMin}, xMax = ${opts.xMax}`);
  const xs = evenGrid(opts.xMin, opts.xMax, opts.points ?? DEFAULT_CHART_POINTS);
  const data: Trace[] = fns.map((fn, i) => ({
    type: "scatter",
    mode: "lines",
    name: fn.name,
    x: [...xs],
    y: sampleFunction(fn.f, xs, `plotFunctions: ${fn.name}`),
    line: { color: chartColor(i), width: 2.5, ...(fn.dash ? { dash: fn.dash } : {}) },
  }));
  return { data, layout: baseLayout(opts.title, opts.xTitle, opts.yTitle) };
}
