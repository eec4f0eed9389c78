/** Display helpers for the tslab kernel: MIME bundles (pure) and the one module that sends them. */
export type { MimeBundle } from "./types";
export { PLOTLY_ASSET_PATH, PLOTLY_ASSET_URL, PLOTLY_SCRIPT_ATTR, withPlotlySource } from "./plotly-loader";
export { figureSummary, figureTitle } from "./figure-summary";
export { figureBundle, FIGURE_MARKERS } from "./figure-bundle";
export type { FigureBundleOptions } from "./figure-bundle";
export { sendBundle, setDisplaySink } from "./send";
export type { DisplaySink, DisplayTarget } from "./send";
export { showFigure } from "./show-figure";
export type { ShowFigureOptions } from "./show-figure";
export { derivationMarkdown } from "./derivation-markdown";
export { derivationText } from "./derivation-text";
export { derivationBundle } from "./derivation-bundle";
export type { DerivationDisplayOptions } from "./derivation-bundle";
export { showDerivation } from "./show-derivation";
export { showVerified } from "./show-verified";
export { showTable, tableBundle, formatCell, type Table } from "./show-table";
