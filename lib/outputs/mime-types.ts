/**
 * The MIME types of the kit's notebook outputs: the one contract between
 * lib/display (which writes outputs) and lib/site (which reads saved ones).
 * Payload types of these MIME types live beside them in lib/outputs.
 */

/** Plotly's own MIME type (plotly.py, JupyterLab's plotly renderer, VS Code, nteract): the figure `{ data, layout, config? }` as a JSON object. */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** The kit's versioned derivation type: a verified derivation (spec and verdicts) as a JSON object. */
export const DERIVATION_MIME = "application/vnd.stepwise.derivation+json";
