import type { Figure } from "../charts/types";
import { figureBundle } from "./figure-bundle";
import { sendBundle } from "./send";

/** True once a bundle carrying the plotly.js loader reached a frontend (kernel or sink). */
let plotlyInjected = false;
/** Charts shown by this process so far; numbers the element ids. */
let shown = 0;

/** Options of {@link showFigure}. */
export interface ShowFigureOptions {
  /** Prefix of the element id, default "stepwise-plot"; the id is `${prefix}-${n}`. */
  idPrefix?: string;
}

/**
 * Shows an interactive plotly chart in the notebook (works offline). The first
 * chart of the kernel process also carries the plotly.js library (see
 * `figureBundle` with `includePlotly`); later charts reuse window.Plotly. Ids
 * are `${idPrefix}-${n}` with n counting the charts of this process from 1, so a
 * notebook run top to bottom in a fresh kernel gives the same ids every time,
 * and re-running a cell gives a new, unique id. Outside a kernel it prints the
 * text summary instead (and the library still counts as not injected).
 *
 * @param fig a plotly figure, e.g. from `plotFunctions`
 * @param opts id prefix
 * @throws TypeError when fig is not a figure or idPrefix is not a valid id start
 */
export function showFigure(fig: Figure, opts: ShowFigureOptions = {}): void {
  const prefix = opts.idPrefix ?? "stepwise-plot";
  if (typeof prefix !== "string" || !/^[A-Za-z][\w-]*$/.test(prefix)) {
    throw new TypeError(`showFigure: idPrefix must be a letter then letters, digits, _ or -, got ${JSON.stringify(prefix)}`);
  }
  const includePlotly = !plotlyInjected;
  const bundle = figureBundle(fig, { id: `${prefix}-${shown + 1}`, includePlotly });
  shown += 1;
  const target = sendBundle(bundle);
  if (includePlotly && target !== "console") plotlyInjected = true;
}

/**
 * Forgets that plotly.js was injected, so the next `showFigure` sends the
 * library again: for tests, or after reloading the notebook page while the
 * kernel kept running (the new page has no window.Plotly).
 */
export function resetPlotlyInjection(): void {
  plotlyInjected = false;
}
