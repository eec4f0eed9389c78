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
 * @throws TypeError when fns is empty, a name is empty or an f is not a function,
 *   or an f returns a non-number
 * @throws RangeError when the interval or the number of points is invalid
 */
export function plotFunctions(fns: NamedFunction[], opts: PlotFunctionsOptions): Figure {
  if (!Array.isArray(fns) || fns.length === 0) {
    throw new TypeError(`plotFunctions: fns must be a non-empty array, got ${JSON.stringify(fns)}`);
  }
  fns.forEach((fn, i) => {
    if (typeof fn?.name !== "string" || fn.name === "") {
      throw new TypeError(`plotFunctions: fns[${i}].name must be a non-empty string, got ${fn?.name}`);
    }
    if (typeof fn.f !== "function") {
      throw new TypeError(`plotFunctions: fns[${i}].f must be a function, got ${typeof fn.f}`);
    }
  });
  if (opts === null || typeof opts !== "object") {
    throw new TypeError(`plotFunctions: opts must be an object, got ${opts}`);
  }
  const points = opts.points ?? DEFAULT_CHART_POINTS;
  let xs: number[];
  try {
    xs = evenGrid(opts.xMin, opts.xMax, points);
  } catch (err) {
    throw new RangeError(
      `plotFunctions: invalid interval or points (xMin=${opts.xMin}, xMax=${opts.xMax}, points=${points}): ${(err as Error).message}`,
    );
  }
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

