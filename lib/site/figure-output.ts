import { jsonForScript } from "../display/escape";
import { joinText } from "./notebook";
import { uniqueSlug } from "./slug";

/** The attribute that marks the site's chart containers; its script (assets/stepwise.js) draws each one. */
export const SITE_FIGURE_ATTR = "data-stepwise-figure";

/**
 * A figure of plotly's MIME type as the chart container the site's script draws
 * (the same markup as the library's charts). The figure may be an object or
 * JSON text; it is written as JSON with <, >, & and the line separators as \u
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
  const json = jsonForScript(value ?? {});
  const id = uniqueSlug(`plotly-cell-${cell}`, ids);
  return `<div class="output output-html"><div class="stepwise-plot" id="${id}" ${SITE_FIGURE_ATTR}><script type="application/json">${json}</script></div></div>`;
}
