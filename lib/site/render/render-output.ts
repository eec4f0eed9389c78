import type MarkdownIt from "markdown-it";
// biome-ignore lint/suspicious/noShadowRestrictedNames: the deprecated global escape() is never used here
import { escapeHtml as escape } from "../../outputs/escape";
import { DERIVATION_MIME, PLOTLY_MIME } from "../../outputs/mime-types";
import { derivationOutput } from "./derivation-output";
import { plotlyFigure } from "./figure-output";
import { publicTrace } from "./public-trace";
import { renderTex, type TexMacros } from "../tex/katex";
import { splitMath } from "../tex/math-split";
import { joinText, type MimeData, type Output } from "../../notebook/nbformat";
import { prepareUserHtml } from "./sanitize";
import type { RenderTools } from "./render-tools";

/**
 * The MIME types the site shows, richest first; an output shows the first one
 * its bundle has (as JupyterLab does). Other types (widgets, application/javascript)
 * are not shown. The kit's derivations and plotly figures are drawn from their JSON
 * types, so the text/html beside them is never read.
 */
export const MIME_PRIORITY = [
  DERIVATION_MIME,
  PLOTLY_MIME,
  "text/html",
  "image/svg+xml",
  "image/png",
  "image/jpeg",
  "image/gif",
  "text/markdown",
  "text/latex",
  "text/plain",
] as const;

/** What rendering an output needs besides the output. */
export interface OutputContext {
  tools: RenderTools;
  /** The page's KaTeX macros. */
  macros: TexMacros;
  /** A markdown-it instance with html: false (see `createMarkdown`), for text/markdown. */
  markdown: MarkdownIt.MarkdownIt;
  /** Heading ids in use in the page, so headings of markdown outputs get unique ids. */
  ids: Set<string>;
  /** 1-based number of the cell, for image alt texts and errors. */
  cell: number;
}

/**
 * The MIME type an output bundle is shown as.
 *
 * @param data the bundle of a display_data or execute_result output
 * @returns the first type of {@link MIME_PRIORITY} present, or null
 */
export function pickMime(data: MimeData): (typeof MIME_PRIORITY)[number] | null {
  return MIME_PRIORITY.find((m) => data[m] !== undefined && data[m] !== null) ?? null;
}

/** TeX with its own delimiters (text/latex): formulas rendered, text between escaped; no delimiter → one displayed formula. */
function latex(text: string, macros: TexMacros): string {
  const parts = splitMath(text);
  if (!parts.some((p) => p.kind === "math")) return renderTex(text, true, macros);
  return parts.map((p) => (p.kind === "math" ? renderTex(p.tex, p.display, macros) : escape(p.text))).join("");
}

/** One rich output (display_data / execute_result); "" when nothing visible is left. */
function renderBundle(data: MimeData, ctx: OutputContext): string {
  const mime = pickMime(data);
  if (mime === null) {
    const types = Object.keys(data).join(", ") || "none";
    return `<div class="output output-unsupported"><p>(output of type ${escape(types)} not shown on this page)</p></div>`;
  }
  if (mime === DERIVATION_MIME) return derivationOutput(data[mime], ctx.macros, `cell ${ctx.cell}`);
  if (mime === PLOTLY_MIME) return plotlyFigure(data[mime], ctx.cell, ctx.ids);
  const text = joinText(data[mime]);
  switch (mime) {
    case "text/html": {
      const clean = prepareUserHtml(text, ctx.macros);
      return clean ? `<div class="output output-html">${clean}</div>` : "";
    }
    case "image/svg+xml":
      return `<div class="output output-image"><img src="data:image/svg+xml;base64,${Buffer.from(text, "utf8").toString("base64")}" alt="Image output of cell ${ctx.cell}"></div>`;
    case "text/markdown":
      return `<div class="output output-markdown">${ctx.markdown.render(text, { macros: ctx.macros, ids: ctx.ids })}</div>`;
    case "text/latex":
      return `<div class="output output-latex">${latex(text, ctx.macros)}</div>`;
    case "text/plain":
      return `<pre class="output output-text">${ctx.tools.ansi(text)}</pre>`;
    default:
      // image/png, image/jpeg, image/gif: base64 in the notebook
      return `<div class="output output-image"><img src="data:${mime};base64,${text.replace(/\s+/g, "")}" alt="Image output of cell ${ctx.cell}"></div>`;
  }
}

/**
 * Renders one output of a code cell to HTML.
 * - display_data / execute_result: the first MIME type of {@link MIME_PRIORITY};
 *   a derivation is laid out from its JSON payload with KaTeX; a plotly figure becomes a
 *   chart container drawn by the site's script; other text/html (a user's own) is
 *   sanitised with sanitize-html and its TeX typeset (`prepareUserHtml`); an output left empty (a library loader) is dropped; images become data URLs in
 *   <img> (so SVG cannot run scripts); text/markdown is rendered without raw HTML;
 *   text/latex with KaTeX; text/plain is escaped, ANSI colours kept.
 * - stream: `<pre class="output output-stream output-stdout|output-stderr">`, escaped, ANSI colours kept.
 * - error: `<pre class="output output-error">` with the traceback (ANSI colours kept), without
 *   the frames of the kernel and Node.js (`publicTrace`; stderr streams likewise).
 *
 * @param output one nbformat output
 * @param ctx tools, page macros and cell number
 * @returns HTML, or "" for a dropped output
 * @throws TexError when a formula in the output cannot be rendered; TypeError / RangeError for a malformed derivation payload
 */
export function renderOutput(output: Output, ctx: OutputContext): string {
  switch (output.output_type) {
    case "stream": {
      const name = output.name === "stderr" ? "stderr" : "stdout";
      const text = name === "stderr" ? publicTrace(joinText(output.text)) : joinText(output.text);
      return `<pre class="output output-stream output-${name}">${ctx.tools.ansi(text)}</pre>`;
    }
    case "error": {
      const trace = (output.traceback ?? []).join("\n") || `${output.ename}: ${output.evalue}`;
      return `<pre class="output output-error">${ctx.tools.ansi(publicTrace(trace))}</pre>`;
    }
    case "display_data":
    case "execute_result":
      return renderBundle(output.data ?? {}, ctx);
    default:
      return "";
  }
}

/**
 * Renders all outputs of a cell, joining consecutive stream outputs of the same
 * stream into one block (a kernel may send a line at a time).
 *
 * @param outputs the cell's outputs
 * @param ctx see {@link renderOutput}
 * @returns HTML of the outputs in order
 * @throws TexError as {@link renderOutput}
 */
export function renderOutputs(outputs: Output[], ctx: OutputContext): string {
  const merged: Output[] = [];
  for (const o of outputs) {
    const prev = merged[merged.length - 1];
    if (o.output_type === "stream" && prev?.output_type === "stream" && prev.name === o.name) {
      merged[merged.length - 1] = { ...prev, text: joinText(prev.text) + joinText(o.text) };
    } else {
      merged.push(o);
    }
  }
  return merged
    .map((o) => renderOutput(o, ctx))
    .filter((h) => h !== "")
    .join("\n");
}
