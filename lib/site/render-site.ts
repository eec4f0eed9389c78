import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { copyAssets } from "./assets";
import { describeNotebook, type NotebookDescription } from "./describe";
import { notebookJson, stripOutputs, type Notebook } from "./notebook";
import { renderCells } from "./render-cells";
import { RenderError } from "./render-error";
import { renderIndex } from "./render-index";
import { createMarkdown } from "./render-markdown";
import { renderPage } from "./render-page";
import { slugify, uniqueSlug } from "./slug";
import { loadRenderTools } from "./tools";
import { TRY_ATTR } from "./try/try-html";

/** One notebook of the site, in reading order. */
export interface SiteNotebook {
  /** File name, e.g. "01-sigmoid.ipynb". */
  file: string;
  /** The source notebook (its copy without outputs is offered for download). */
  source: Notebook;
  /** The executed notebook, whose outputs are shown. */
  executed: Notebook;
}

/** What was written for one notebook. */
export interface SitePage {
  file: string;
  /** Site-relative URL of the page, e.g. "01-sigmoid.html". */
  page: string;
  title: string;
  /** Charts on the page. */
  figures: number;
  /** KaTeX formulas on the page. */
  formulas: number;
}

/** Options of {@link renderSite}. */
export interface RenderSiteOptions {
  /** Site title, plain text. */
  title: string;
  /** Markdown shown above the list on the index page (e.g. the folder's README.md), optional. */
  introMarkdown?: string;
  /** The notebooks' folder: images that markdown cells reference by relative path are copied from it. */
  sourceDir?: string;
}

/**
 * Renders a whole site into a folder: index.html, one page per notebook
 * (named after its file: "01-sigmoid.ipynb" → "01-sigmoid.html"), the notebooks
 * without outputs under notebooks/, the assets (`copyAssets`), and the images
 * markdown cells reference by relative path (from options.sourceDir, same paths).
 *
 * @param notebooks the notebooks in reading order (file names unique)
 * @param outDir the folder to write into (created if missing; existing files are overwritten)
 * @param options site title and index introduction
 * @returns one entry per notebook, in order
 * @throws RenderError naming the notebook and cell when a cell cannot be rendered
 *   (a formula KaTeX cannot typeset); Error on a file-system error
 */
export async function renderSite(notebooks: SiteNotebook[], outDir: string, options: RenderSiteOptions): Promise<SitePage[]> {
  const tools = await loadRenderTools();
  const cellMarkdown = createMarkdown({ html: true });
  const outputMarkdown = createMarkdown({ html: false });
  const localFiles = new Set<string>();
  const taken = new Set(["index"]);
  const pages = notebooks.map((nb) => `${uniqueSlug(slugify(nb.file.replace(/\.ipynb$/i, ""), "notebook"), taken)}.html`);
  const links = Object.fromEntries(notebooks.map((nb, i) => [nb.file, pages[i]]));
  const downloads = notebooks.map((nb) => `notebooks/${encodeURIComponent(nb.file)}`);
  const described: NotebookDescription[] = notebooks.map((nb) => {
    try {
      return describeNotebook(nb.executed, nb.file.replace(/\.ipynb$/i, ""), cellMarkdown);
    } catch (err) {
      const cell = nb.executed.cells.findIndex((c) => c.cell_type === "markdown") + 1;
      throw new RenderError(nb.file, cell, (err as Error).message);
    }
  });
  mkdirSync(path.join(outDir, "notebooks"), { recursive: true });
  const tryable: boolean[] = [];
  const result: SitePage[] = notebooks.map((nb, i) => {
    const cells = renderCells(nb.executed, nb.file, { tools, cellMarkdown, outputMarkdown, links, localFiles });
    const link = (j: number) => (j >= 0 && j < notebooks.length ? { href: pages[j], titleHtml: described[j].titleHtml } : undefined);
    const html = renderPage({
      siteTitle: options.title,
      title: described[i].title,
      body: cells.html,
      headings: cells.headings,
      position: i + 1,
      total: notebooks.length,
      prev: link(i - 1),
      next: link(i + 1),
      download: downloads[i],
      figures: cells.figures,
    });
    writeFileSync(path.join(outDir, pages[i]), html);
    tryable.push(cells.html.includes(TRY_ATTR));
    writeFileSync(path.join(outDir, "notebooks", nb.file), notebookJson(stripOutputs(nb.source)));
    return { file: nb.file, page: pages[i], title: described[i].title, figures: cells.figures, formulas: cells.formulas };
  });
  const intro = options.introMarkdown ? cellMarkdown.render(options.introMarkdown, { macros: {} }) : "";
  const entries = notebooks.map((nb, i) => ({
    href: pages[i],
    file: nb.file,
    titleHtml: described[i].titleHtml,
    summaryHtml: described[i].summaryHtml,
    download: downloads[i],
  }));
  writeFileSync(path.join(outDir, "index.html"), renderIndex(options.title, entries, intro));
  copyAssets(outDir, { charts: result.some((p) => p.figures > 0), tryable: tryable.some(Boolean) });
  if (options.sourceDir) copyLocalFiles(options.sourceDir, outDir, localFiles);
  return result;
}

/** Copies the files of `files` (relative paths, no "..") that exist in `from` into `to` at the same paths; names that clash with the site's own files are skipped. */
function copyLocalFiles(from: string, to: string, files: Set<string>): void {
  for (const rel of files) {
    const source = path.join(from, rel);
    const target = path.join(to, rel);
    if (!existsSync(source) || !statSync(source).isFile() || existsSync(target)) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(source, target);
  }
}
