import type MarkdownIt from "markdown-it";
import type { TexMacros } from "../tex/katex";
import { notebookAllowsErrors, RAISES_EXCEPTION_TAG, stderrShowsError } from "../../notebook/errors";
import { joinText, type Cell, type Notebook, type Output } from "../../notebook/nbformat";
import type { Heading, MarkdownEnv } from "./render-markdown";
import { RenderError } from "./render-error";
import { renderOutputs } from "./render-output";
import { prepareUserHtml } from "./sanitize";
import type { RenderTools } from "./render-tools";
import { SITE_FIGURE_ATTR } from "./figure-output";
import { readExercises } from "../try/exercise-spec";
import { answerBoxes } from "../try/try-html";

/** What {@link renderCells} needs. */
export interface CellsContext {
  tools: RenderTools;
  /** markdown-it with html: true, for markdown cells. */
  cellMarkdown: MarkdownIt.MarkdownIt;
  /** markdown-it with html: false, for text/markdown outputs. */
  outputMarkdown: MarkdownIt.MarkdownIt;
  /** Notebook file name → page URL of the notebooks of the site. */
  links: Record<string, string>;
  /** Receives the relative paths of images used by markdown cells (optional). */
  localFiles?: Set<string>;
}

/** The rendered body of a notebook. */
export interface RenderedCells {
  html: string;
  /** Headings of the markdown cells, in order, with their ids. */
  headings: Heading[];
  /** Number of chart containers ({@link SITE_FIGURE_ATTR}) in the outputs. */
  figures: number;
  /** Number of KaTeX formulas on the page. */
  formulas: number;
}

/** Jupyter Book's cell tags that hide parts of a cell. */
function tagsOf(cell: Cell): Set<string> {
  const tags = (cell.metadata as { tags?: unknown } | undefined)?.tags;
  return new Set(Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : []);
}

/** True when the cell may fail: tagged `raises-exception` (nbclient) or in a notebook that allows errors ({@link notebookAllowsErrors}). */
function errorsAllowed(nb: Notebook, tags: Set<string>): boolean {
  return tags.has(RAISES_EXCEPTION_TAG) || notebookAllowsErrors(nb.metadata);
}

/** True when the outputs hold an error: an error output, or on stderr a stack trace or a compiler error (how tslab reports an exception and a type error, {@link stderrShowsError}). */
function showsError(outputs: Output[]): boolean {
  return outputs.some(
    (o) =>
      o.output_type === "error" ||
      (o.output_type === "stream" && o.name === "stderr" && stderrShowsError(joinText(o.text))),
  );
}

/**
 * Renders the cells of an executed notebook: markdown cells with markdown-it and
 * KaTeX, code cells highlighted (shiki) with their execution count and their
 * outputs (`renderOutputs`). Raw cells and cells tagged "remove-cell" are left
 * out; "remove-input" / "remove-output" hide one half; "hide-input" folds the code
 * behind a "show code" toggle (`<details>`) and keeps the outputs in view (for a cell
 * that only builds and shows a derivation). A cell that fails on
 * purpose (tagged `raises-exception`, or any cell of a notebook whose metadata
 * allows errors, see {@link notebookAllowsErrors}) and shows its error gets its outputs in
 * `<div class="cell-outputs expected-error">` under the label "Expected error". A cell
 * whose metadata declares checkable exercises (`stepwise.exercises`, see
 * `readExercises`) gets their answer boxes after its text (a code cell: after its outputs). Each cell is a
 * `<section class="cell cell-markdown|cell-code" id="cell-N">` (N 1-based, all cells counted).
 *
 * @param nb the executed notebook
 * @param name its file name, for error messages
 * @param ctx tools, markdown instances and links to sibling pages
 * @returns the HTML and what the page needs to know about it
 * @throws RenderError naming the notebook and cell when a cell cannot be rendered
 *   (e.g. KaTeX cannot typeset a formula)
 */
export function renderCells(nb: Notebook, name: string, ctx: CellsContext): RenderedCells {
  const macros: TexMacros = {};
  const ids = new Set<string>(nb.cells.map((_, i) => `cell-${i + 1}`));
  const headings: Heading[] = [];
  const language = nb.metadata.language_info?.name ?? nb.metadata.kernelspec?.language ?? "typescript";
  const parts: string[] = [];
  nb.cells.forEach((cell, i) => {
    const n = i + 1;
    const tags = tagsOf(cell);
    if (cell.cell_type === "raw" || tags.has("remove-cell")) return;
    try {
      const source = joinText(cell.source);
      if (cell.cell_type === "markdown") {
        const env: MarkdownEnv = {
          macros,
          ids,
          headings,
          links: ctx.links,
          localFiles: ctx.localFiles,
          attachments: cell.attachments as MarkdownEnv["attachments"],
          rewriteHtml: (html) => prepareUserHtml(html, macros),
        };
        const answers = answerBoxes(
          readExercises(cell.metadata, "its metadata") /* RenderError adds the notebook and cell */,
          n,
        );
        parts.push(
          `<section class="cell cell-markdown" id="cell-${n}">\n${ctx.cellMarkdown.render(source, env)}${answers}</section>`,
        );
        return;
      }
      const showInput = !tags.has("remove-input") && source.trim() !== "";
      const outputs = tags.has("remove-output")
        ? ""
        : renderOutputs(cell.outputs ?? [], { tools: ctx.tools, macros, markdown: ctx.outputMarkdown, ids, cell: n });
      // exercises in a code cell's metadata: their boxes follow its outputs
      const codeAnswers = answerBoxes(readExercises(cell.metadata, "its metadata"), n);
      if (!showInput && outputs === "" && codeAnswers === "") return;
      const count = cell.execution_count ?? " ";
      const code = `<div class="cell-input"><div class="cell-prompt" aria-hidden="true">[${count}]</div>${ctx.tools.highlight(source, language)}</div>`;
      const input = !showInput
        ? ""
        : tags.has("hide-input")
          ? `<details class="cell-input-toggle"><summary><span class="toggle-closed">show code</span><span class="toggle-open">hide code</span></summary>${code}</details>`
          : code;
      const expected = outputs !== "" && errorsAllowed(nb, tags) && showsError(cell.outputs ?? []);
      const label = expected
        ? `<p class="expected-error-label" style="margin:0 0 .25rem;font-size:.85em;font-weight:600;color:#8a5a00">⚠ Expected error: this cell fails on purpose</p>\n`
        : "";
      const out = outputs
        ? `<div class="cell-outputs${expected ? " expected-error" : ""}">\n${label}${outputs}\n</div>`
        : "";
      parts.push(`<section class="cell cell-code" id="cell-${n}">\n${input}${out}${codeAnswers}</section>`);
    } catch (err) {
      throw new RenderError(name, n, (err as Error).message);
    }
  });
  const html = parts.join("\n");
  return {
    html,
    headings,
    figures: html.split(` ${SITE_FIGURE_ATTR}>`).length - 1,
    formulas: (html.match(/<span class="katex">/g) ?? []).length,
  };
}
