import type { Figure } from "../charts/types";
import { FIGURE_MARKERS } from "./figure-bundle";
import { PLOTLY_LOADER_ATTR } from "./plotly-loader";

/** A chart found in a saved text/html output. */
export interface ExtractedFigure {
  /** The id of its div. */
  id: string;
  /** The figure `{ data, layout }`, parsed from its JSON. */
  figure: Figure;
}

const FIGURE_RE = new RegExp(
  `<div class="${FIGURE_MARKERS.divClass}" id="([A-Za-z][\\w-]*)" ${FIGURE_MARKERS.divAttr}[^>]*>` +
    `[\\s\\S]*?<script type="application/json" class="${FIGURE_MARKERS.jsonClass}">([^<]*)</script>`,
  "g",
);

const LOADER_RE = new RegExp(`<script ${PLOTLY_LOADER_ATTR}="[^"]*">[\\s\\S]*?</script>\\n?`, "g");

/**
 * Finds the charts in a text/html output written by `figureBundle`, for a site
 * renderer that redraws them without running the notebook's scripts. The
 * figure JSON cannot contain "<" (it is written with \u003c escapes), so the
 * element text ends at the first "<".
 *
 * @param html the text/html of a notebook output
 * @returns the charts in document order (empty when there is none)
 * @throws SyntaxError when a chart's JSON is corrupt
 */
export function extractFigures(html: string): ExtractedFigure[] {
  const found: ExtractedFigure[] = [];
  for (const m of html.matchAll(FIGURE_RE)) {
    found.push({ id: m[1], figure: JSON.parse(m[2]) as Figure });
  }
  return found;
}

/**
 * Removes the inlined plotly.js loader (about 10 MB) from a text/html output,
 * e.g. before publishing a notebook whose site loads plotly.js itself. The
 * loader never contains "</script" (it is escaped as \x3C/script), so the
 * element ends at the first "</script>".
 *
 * @param html the text/html of a notebook output
 * @returns the same HTML without the loader <script> element
 */
export function stripPlotlyLoader(html: string): string {
  return html.replace(LOADER_RE, "");
}
