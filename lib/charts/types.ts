/**
 * Shapes of the plotly figures the chart builders return. A figure is plain,
 * JSON-serialisable data (no functions, no NaN): `JSON.parse(JSON.stringify(fig))`
 * gives back an equal object, so a figure can be stored in a notebook output and
 * redrawn later by `Plotly.newPlot(div, fig.data, fig.layout)`.
 */

/** One sample of a trace: a finite number, or null for a gap (plotly breaks the line there). */
export type ChartSample = number | null;

/** Line style of a trace; `dash` is a plotly dash name ("solid", "dot", "dash", "dashdot", …). */
export interface LineStyle {
  color: string;
  width: number;
  dash?: string;
}

/** A plotly scatter trace (lines and/or markers). */
export interface Trace {
  type: "scatter";
  mode: "lines" | "markers" | "lines+markers" | "markers+text";
  name: string;
  x: ChartSample[];
  y: ChartSample[];
  line: LineStyle;
  /** Axis ids when the figure has subplots ("x2", "y2"); absent means "x" / "y". */
  xaxis?: string;
  yaxis?: string;
  /** Traces with the same group toggle together in the legend. */
  legendgroup?: string;
  showlegend?: boolean;
  marker?: { color: string; size: number; symbol?: string };
  hovertemplate?: string;
  [key: string]: unknown;
}

/** A title as plotly writes it. */
export interface Title {
  text: string;
}

/** One axis of the layout (`xaxis`, `yaxis`, `xaxis2`, …). */
export interface Axis {
  title?: Title;
  type?: "linear" | "log";
  range?: number[];
  domain?: number[];
  anchor?: string;
  matches?: string;
  [key: string]: unknown;
}

/** The layout object of a figure; subplot axes use plotly's names (`xaxis2`, `yaxis2`). */
export interface Layout {
  title: Title;
  xaxis: Axis;
  yaxis: Axis;
  xaxis2?: Axis;
  yaxis2?: Axis;
  [key: string]: unknown;
}

/** A plotly figure: the traces and the layout. */
export interface Figure {
  data: Trace[];
  layout: Layout;
}
