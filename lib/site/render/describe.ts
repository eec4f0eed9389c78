import type MarkdownIt from "markdown-it";
import { escapeHtml } from "../../outputs/escape";
import { joinText, type Notebook } from "../../notebook/nbformat";

/** How a notebook is listed: its title and a one-paragraph summary. */
export interface NotebookDescription {
  /** Plain text of the first markdown heading (TeX kept as source), or the file name without extension. */
  title: string;
  /** The same heading rendered inline (KaTeX for math), or the escaped file name. */
  titleHtml: string;
  /**
   * The first paragraph after that heading in the same cell, rendered inline, with
   * the displayed formula that directly follows it if any; "" when there is none.
   */
  summaryHtml: string;
}

/**
 * Finds a notebook's title, the first heading of any level in its markdown
 * cells, and the paragraph that follows it.
 *
 * @param nb the notebook
 * @param fallback the title when there is no heading (e.g. the file name without ".ipynb")
 * @param md a markdown-it instance from `createMarkdown` (for parsing and inline rendering)
 * @returns title, title HTML and summary HTML
 * @throws TexError when the heading or summary holds a formula KaTeX cannot render
 */
export function describeNotebook(nb: Notebook, fallback: string, md: MarkdownIt.MarkdownIt): NotebookDescription {
  for (const cell of nb.cells) {
    if (cell.cell_type !== "markdown") continue;
    const env = { macros: {} };
    const tokens = md.parse(joinText(cell.source), env);
    const at = tokens.findIndex((t) => t.type === "heading_open");
    if (at < 0) continue;
    const children = tokens[at + 1].children ?? [];
    // the text a reader sees: inline HTML tags (<b>, <span …>) are markup, not part of the title
    const title =
      children
        .map((t) => (t.type === "softbreak" ? " " : t.type === "html_inline" ? "" : t.content))
        .join("")
        .replace(/\s+/g, " ")
        .trim() || fallback;
    const titleHtml = md.renderer.renderInline(children, md.options, env);
    const next = tokens[at + 3];
    const summary = next?.type === "paragraph_open" ? tokens[at + 4] : undefined;
    let summaryHtml = summary ? md.renderer.renderInline(summary.children ?? [], md.options, env) : "";
    // a paragraph that leads into a displayed formula ("… into the famous form $$…$$") keeps it
    const after = tokens[at + 6];
    if (summary && after?.type === "math_block") summaryHtml += md.renderer.render([after], md.options, env).trim();
    return { title, titleHtml, summaryHtml };
  }
  return { title: fallback, titleHtml: escapeHtml(fallback), summaryHtml: "" };
}
