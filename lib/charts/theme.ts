/**
 * Layout defaults shared by every chart builder: font, margins, colours and
 * sizes, kept in one place so all charts of the tutorial look alike.
 */
import type { Axis, Layout } from "./types";

/**
 * Line colours, in order of use: the Okabe–Ito palette (Okabe & Ito, "Color
 * Universal Design", 2008), which stays distinguishable under the common forms
 * of colour blindness. Its yellow (#F0E442) is left out: too faint on white.
 */
export const CHART_PALETTE: readonly string[] = [
  "#0072B2", // blue
  "#D55E00", // vermillion
  "#009E73", // bluish green
  "#CC79A7", // reddish purple
  "#E69F00", // orange
  "#56B4E9", // sky blue
  "#000000", // black
];

/** Height of a single-panel chart, in CSS pixels; the width follows the container. */
export const CHART_HEIGHT = 380;

/** Height of a chart with two stacked panels, in CSS pixels. */
export const TWO_PANEL_HEIGHT = 560;

/**
 * The colour of the i-th series, cycling through {@link CHART_PALETTE}.
 *
 * @param i series index, an integer ≥ 0
 * @returns a CSS hex colour
 * @throws RangeError when i is not a non-negative integer
 */
export function chartColor(i: number): string {
  if (!Number.isInteger(i) || i < 0) {
    throw new RangeError(`chartColor: i must be a non-negative integer, got ${i}`);
  }
  return CHART_PALETTE[i % CHART_PALETTE.length];
}

/**
 * An axis with a title and the house grid style.
 *
 * @param title axis title (plain text; plotly escapes it)
 * @param extra further plotly axis attributes, e.g. `{ type: "log" }`
 */
export function axis(title: string, extra: Partial<Axis> = {}): Axis {
  return {
    title: { text: title },
    showline: true,
    linecolor: "#444",
    gridcolor: "#e5e5e5",
    zerolinecolor: "#bbb",
    ticks: "outside",
    ...extra,
  };
}

/**
 * The base layout of a single-panel chart: title, axis titles, font, margins,
 * white background, legend below-right, automatic width and a fixed height.
 * Plotly fits the width to the container when the chart is drawn with
 * `{ responsive: true }`.
 *
 * @param title chart title (plain text)
 * @param xTitle title of the x axis
 * @param yTitle title of the y axis
 * @returns a layout; callers may add or override keys
 */
export function baseLayout(title: string, xTitle: string, yTitle: string): Layout {
  return {
    title: { text: title },
    xaxis: axis(xTitle),
    yaxis: axis(yTitle),
    font: { family: "Inter, 'Helvetica Neue', Arial, sans-serif", size: 14, color: "#222" },
    margin: { l: 64, r: 24, t: 56, b: 56 },
    paper_bgcolor: "#ffffff",
    plot_bgcolor: "#ffffff",
    colorway: [...CHART_PALETTE],
    hovermode: "closest",
    legend: { bgcolor: "rgba(255,255,255,0.8)", borderwidth: 0 },
    autosize: true,
    height: CHART_HEIGHT,
  };
}
