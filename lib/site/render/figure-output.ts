import { jsonForScript } from "../../outputs/escape";
import { joinText } from "../../notebook/nbformat";
import { uniqueSlug } from "./slug";
import { SITE_FIGURE_ATTR } from "../browser/markers";

export { SITE_FIGURE_ATTR };

/** Significant digits the site keeps of a number in a chart's traces (see {@link chartPrecision}). */
export const CHART_DIGITS = 4;

/**
 * A chart's trace data with every non-integer number rounded to {@link CHART_DIGITS}
 * significant digits: a chart is at most a few thousand pixels wide, so four digits
 * draw the same picture (one part in 10,000 of an axis) and hover labels read to four digits,
 * in about half the bytes of six (the page's chart payload is most of its weight).
 * Integers, strings and the layout are kept as they are.
 *
 * @param value a trace list, or any JSON value inside it
 * @returns a copy with the numbers rounded
 */
export function chartPrecision(value: unknown): unknown {
  if (typeof value === "number")
    return Number.isInteger(value) || !Number.isFinite(value) ? value : Number(value.toPrecision(CHART_DIGITS));
  if (Array.isArray(value)) return value.map(chartPrecision);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, chartPrecision(v)]));
  return value;
}

/**
 * A figure of plotly's MIME type as the chart container the site's script draws
 * (the same markup as the library's charts). The figure may be an object or
 * JSON text; its traces' numbers are kept to four significant digits
 * ({@link chartPrecision}); it is written as JSON with <, >, & and the line separators as \u
 * escapes, so it cannot end its <script> element.
 *
 * @param figure the output's `application/vnd.plotly.v1+json` value ({ data, layout, config? })
 * @param cell 1-based cell number, for the element id "plotly-cell-N"
 * @param ids ids in use in the page (the new id is added)
 * @returns `<div class="output output-html"><div class="stepwise-plot" id=… data-stepwise-figure><script type="application/json">…</script></div></div>`
 * @throws SyntaxError when the figure is text that is not JSON
 */
export function plotlyFigure(figure: unknown, cell: number, ids: Set<string>): string {
  // a kernel that can only send strings (tslab's display.raw) stores the JSON as text
  const value = typeof figure === "string" || Array.isArray(figure) ? JSON.parse(joinText(figure)) : figure;
  const fig =
    value !== null && typeof value === "object" && Array.isArray((value as { data?: unknown }).data)
      ? { ...(value as object), data: chartPrecision((value as { data: unknown[] }).data) }
      : value;
  const json = jsonForScript(fig ?? {});
  const id = uniqueSlug(`plotly-cell-${cell}`, ids);
  return `<div class="output output-html"><div class="stepwise-plot" id="${id}" ${SITE_FIGURE_ATTR}><script type="application/json">${json}</script></div></div>`;
}
