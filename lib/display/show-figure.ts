import { checkArg } from "../check";
import type { Figure } from "../charts/types";
import { figureBundle } from "./figure-bundle";
import { sendBundle } from "./send";

/** Charts shown by this process so far; numbers the element ids. */
let shown = 0;

/** Options of {@link showFigure}. */
export interface ShowFigureOptions {
  /** Prefix of the element id, default "stepwise-plot"; the id is `${prefix}-${n}`. */
  idPrefix?: string;
}

/**
 * Shows an interactive plotly chart in the notebook (works offline): the figure
 * as plotly's own MIME type, which JupyterLab and Notebook 7 draw with plotly's
 * renderer, plus HTML that loads plotly.js from the Jupyter server where no
 * renderer is installed (see `figureBundle`). Every chart is drawn on its own,
 * so reloading the page, a second tab or a kernel restart need nothing. Ids
 * are `${idPrefix}-${n}` with n counting the charts of this process from 1, so a
 * notebook run top to bottom in a fresh kernel gives the same ids every time,
 * and re-running a cell gives a new, unique id. Outside a kernel it prints the
 * text summary instead.
 *
 * @param fig a plotly figure, e.g. from `plotFunctions`
 * @param opts id prefix
 * @throws TypeError naming the argument and what it got when fig is not a figure
 *   `{ data: array, layout: object }`, opts is not an object, or idPrefix is not a valid id start
 */
export function showFigure(fig: Figure, opts: ShowFigureOptions = {}): void {
  checkArg("showFigure", "fig", fig, { kind: "object" });
  checkArg("showFigure", "fig.data", fig.data, { kind: "array" });
  checkArg("showFigure", "fig.layout", fig.layout, { kind: "object" });
  checkArg("showFigure", "opts", opts, { kind: "object" });
  const prefix = opts.idPrefix ?? "stepwise-plot";
  if (typeof prefix !== "string" || !/^[A-Za-z][\w-]*$/.test(prefix)) {
    throw new TypeError(
      `showFigure: idPrefix must be a letter then letters, digits, _ or -, got ${JSON.stringify(prefix)}`,
    );
  }
  const bundle = figureBundle(fig, { id: `${prefix}-${shown + 1}` });
  shown += 1;
  sendBundle(bundle);
}
