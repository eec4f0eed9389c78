import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { copyAssets } from "../bundles/write-assets";
import { KatexGlyphs } from "../tex/katex-fonts";
import { withoutTexAnnotations } from "../tex/tex-annotations";
import { describeNotebook, type NotebookDescription } from "./describe";
import { notebookJson, stripOutputs, type Notebook } from "../../notebook/nbformat";
import { renderCells } from "./render-cells";
import { RenderError } from "./render-error";
import { renderIndex } from "./render-index";
import { createMarkdown } from "./render-markdown";
import { renderPage } from "./render-page";
import { slugify, uniqueSlug } from "./slug";
import { loadRenderTools } from "./render-tools";
import { TRY_ATTR } from "../try/try-html";
import { ASSET_URLS } from "./layout";
import { buildSearchIndex } from "./search-index";
import { PLAYGROUND_PAGE, renderPlayground } from "../playground/render-playground";
import { DERIVATION_MIME } from "../../outputs/mime-types";

/** One notebook of the site, in reading order. */
export interface SiteNotebook {
  /** Path relative to the notebooks' folder, "/"-separated, e.g. "01-sigmoid.ipynb" or "extra/02-tanh.ipynb". */
  file: string;
  /** The source notebook (its copy without outputs is offered for download). */
  source: Notebook;
  /** The executed notebook, whose outputs are shown. */
  executed: Notebook;
}

/** What was written for one notebook. */
export interface SitePage {
  file: string;
  /** Site-relative URL of the page, e.g. "01-sigmoid.html" or "extra/02-tanh.html". */
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
  /** Only these notebooks' pages are written (the others are still read for titles and links); default all. For the live preview. */
  only?: Set<string>;
  /** false: do not copy the static assets (they are in place already). Default true. */
  assets?: boolean;
  /** Where the verifier and plotly bundles are kept between builds (see `cachedBundle`); default: built each time. */
  cacheDir?: string;
  /** What a page is called ("Tutorial 2 of 8", the index's description): "Tutorial" for the kit's tutorials; default "Notebook". */
  noun?: string;
}

/** The folder of a site-relative path ("" at the top), "/"-separated. */
const folderOf = (file: string): string => path.posix.dirname(file).replace(/^\.$/, "");

/** The URL of site-relative `target` as seen from a page in `folder`. */
const relativeUrl = (folder: string, target: string): string =>
  path.posix.relative(folder || ".", target) || path.posix.basename(target);

/**
 * A page in a subfolder: the shell's site-relative URLs (assets, the index) made
 * relative to the page's folder. Only the head and header are touched; the body's
 * relative links are relative to the notebook's folder already, as written.
 */
function rebaseShell(html: string, folder: string): string {
  if (!folder) return html;
  const up = "../".repeat(folder.split("/").length);
  const end = html.indexOf("</header>");
  const head = html
    .slice(0, end)
    .replace(/ (href|src)="(assets\/|index\.html")/g, (_m, attr: string, rest: string) => ` ${attr}="${up}${rest}`);
  return head + html.slice(end);
}

/**
 * HTML rendered for a notebook in `folder` (its summary) shown on a page in the
 * top folder (the index): relative links and images are made relative to the top,
 * and links to notebooks point at their pages.
 */
function fromFolderToTop(html: string, folder: string, pageOf: Map<string, string>): string {
  return html.replace(/ (href|src)="([^"#?]*)([^"]*)"/g, (whole, attr: string, ref: string, rest: string) => {
    if (ref === "" || /^[a-z][a-z0-9+.-]*:|^\//i.test(ref)) return whole;
    let decoded: string;
    try {
      decoded = decodeURIComponent(ref);
    } catch {
      return whole;
    }
    const target = path.posix.normalize(path.posix.join(folder || ".", decoded));
    if (target.startsWith("..")) return whole;
    const page = pageOf.get(target);
    return ` ${attr}="${page ?? target.split("/").map(encodeURIComponent).join("/")}${rest}"`;
  });
}

/** A folder name as words: "-" and "_" as spaces. */
const readable = (name: string): string => name.replace(/[-_]+/g, " ").trim();

/** The section title of a folder: the first heading of its README.md, else its name as words. */
function sectionTitle(sourceDir: string | undefined, folder: string): string {
  return sourceDir ? folderTitle(path.join(sourceDir, folder)) : readable(path.posix.basename(folder));
}

/**
 * A folder's own title: the first heading of its README.md, else its name with "-" and "_"
 * as spaces. The site's title (unless `--title` gives one) and each section's title.
 *
 * @param dir the folder (absolute, or relative to the working directory)
 * @returns plain text, e.g. "The basics" or "my notebooks"
 */
export function folderTitle(dir: string): string {
  const readme = path.join(dir, "README.md");
  if (existsSync(readme)) {
    const m = /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(readFileSync(readme, "utf8"));
    if (m) return m[1];
  }
  return readable(path.basename(path.resolve(dir)));
}

/**
 * Renders a whole site into a folder: index.html (notebooks of subfolders
 * grouped as sections), one page per notebook named after its path
 * ("01-sigmoid.ipynb" → "01-sigmoid.html", "extra/02-tanh.ipynb" →
 * "extra/02-tanh.html", so relative links and images keep working), the
 * notebooks without outputs under notebooks/, the playground (playground.html,
 * `renderPlayground`, linked from the index) when a notebook shows a derivation, the assets (`copyAssets`), the
 * search index of every page's sections (assets/search-index.json, `buildSearchIndex`,
 * not rewritten by a build of `only` some pages), and the images markdown cells
 * reference by relative path (from options.sourceDir, same paths).
 *
 * @param notebooks the notebooks in reading order (paths unique)
 * @param outDir the folder to write into (created if missing; existing files are overwritten)
 * @param options site title, index introduction, source folder, partial writes
 * @returns one entry per notebook, in order (figures and formulas are 0 for pages not written)
 * @throws RenderError naming the notebook and cell when a cell cannot be rendered
 *   (a formula KaTeX cannot typeset); Error on a file-system error
 */
export async function renderSite(
  notebooks: SiteNotebook[],
  outDir: string,
  options: RenderSiteOptions,
): Promise<SitePage[]> {
  const tools = await loadRenderTools();
  const cellMarkdown = createMarkdown({ html: true });
  const outputMarkdown = createMarkdown({ html: false });
  const taken = new Set(["index", "notebooks", "assets", PLAYGROUND_PAGE.replace(/\.html$/, "")]);
  const pages = notebooks.map((nb) => {
    const parts = nb.file.replace(/\.ipynb$/i, "").split("/");
    const name = parts.map((p, k) => (k < parts.length - 1 ? slugify(p, "section") : slugify(p, "notebook"))).join("/");
    return `${uniqueSlug(name, taken)}.html`;
  });
  const downloads = notebooks.map((nb) => `notebooks/${nb.file.split("/").map(encodeURIComponent).join("/")}`);
  const described: NotebookDescription[] = notebooks.map((nb) => {
    try {
      return describeNotebook(nb.executed, path.posix.basename(nb.file).replace(/\.ipynb$/i, ""), cellMarkdown);
    } catch (err) {
      const cell = nb.executed.cells.findIndex((c) => c.cell_type === "markdown") + 1;
      throw new RenderError(nb.file, cell, (err as Error).message);
    }
  });
  mkdirSync(path.join(outDir, "notebooks"), { recursive: true });
  const tryable: boolean[] = [];
  // what the search index is built from: every page as written
  const searchable: { html: string; url: string; title: string }[] = [];
  // the characters each KaTeX face draws, for the font subsets; only when the assets are written
  const glyphs = options.assets !== false ? new KatexGlyphs(options.cacheDir) : undefined;
  const result: SitePage[] = notebooks.map((nb, i) => {
    const folder = folderOf(nb.file);
    const page = { file: nb.file, page: pages[i], title: described[i].title, figures: 0, formulas: 0 };
    if (options.only && !options.only.has(nb.file)) return page;
    // links to sibling notebooks, as written in this notebook's folder → their pages, relative to this page
    const links = Object.fromEntries(
      notebooks.map((other, j) => [path.posix.relative(folder || ".", other.file), relativeUrl(folder, pages[j])]),
    );
    const localFiles = new Set<string>();
    const cells = renderCells(nb.executed, nb.file, { tools, cellMarkdown, outputMarkdown, links, localFiles });
    const link = (j: number) =>
      j >= 0 && j < notebooks.length
        ? { href: relativeUrl(folder, pages[j]), titleHtml: described[j].titleHtml }
        : undefined;
    const html = renderPage({
      siteTitle: options.title,
      title: described[i].title,
      body: cells.html,
      headings: cells.headings,
      position: i + 1,
      total: notebooks.length,
      prev: link(i - 1),
      next: link(i + 1),
      download: relativeUrl(folder, downloads[i]),
      figures: cells.figures,
      noun: options.noun,
    });
    mkdirSync(path.join(outDir, folder), { recursive: true });
    writeFileSync(path.join(outDir, pages[i]), withoutTexAnnotations(rebaseShell(html, folder)));
    glyphs?.add(html);
    searchable.push({ html, url: pages[i], title: described[i].title });
    const copy = path.join(outDir, "notebooks", nb.file);
    mkdirSync(path.dirname(copy), { recursive: true });
    writeFileSync(copy, notebookJson(stripOutputs(nb.source)));
    if (options.sourceDir) copyLocalFiles(options.sourceDir, outDir, folder, localFiles);
    tryable.push(cells.html.includes(TRY_ATTR));
    return { ...page, figures: cells.figures, formulas: cells.formulas };
  });
  const pageOf = new Map(notebooks.map((nb, i) => [nb.file, pages[i]]));
  const intro = options.introMarkdown
    ? cellMarkdown.render(options.introMarkdown, { macros: {}, links: Object.fromEntries(pageOf) })
    : "";
  const entries = notebooks.map((nb, i) => {
    const folder = folderOf(nb.file);
    return {
      href: pages[i],
      file: nb.file,
      titleHtml: described[i].titleHtml,
      summaryHtml: fromFolderToTop(described[i].summaryHtml, folder, pageOf),
      download: downloads[i],
      section: folder ? { id: folder, title: sectionTitle(options.sourceDir, folder) } : undefined,
    };
  });
  // the playground, on a site whose notebooks show derivations (all of them, not only those written now)
  const playground = notebooks.some((nb) => showsDerivation(nb.executed));
  const index = renderIndex(options.title, entries, intro, options.noun, playground ? PLAYGROUND_PAGE : undefined);
  writeFileSync(path.join(outDir, "index.html"), withoutTexAnnotations(index));
  if (playground) writeFileSync(path.join(outDir, PLAYGROUND_PAGE), renderPlayground(options.title));
  if (glyphs) {
    glyphs.add(index);
    glyphs.save();
    await copyAssets(outDir, {
      charts: result.some((p) => p.figures > 0),
      tryable: tryable.some(Boolean),
      playground,
      glyphs: glyphs.faces,
      cacheDir: options.cacheDir,
    });
    // the whole site's index; a live-preview build of some pages keeps the index it has
    if (!options.only) writeFileSync(path.join(outDir, ASSET_URLS.searchIndex), buildSearchIndex(searchable));
  }
  return result;
}

/** True when an executed notebook shows a derivation (an output of the derivation JSON type). */
function showsDerivation(nb: Notebook): boolean {
  return nb.cells.some((c) => (c.outputs ?? []).some((o) => "data" in o && o.data?.[DERIVATION_MIME] !== undefined));
}

/**
 * Copies the files a notebook's markdown references by relative path (relative to
 * the notebook's folder `folder`, e.g. "img/plot.png" or "../shared/logo.svg") from
 * the notebooks' folder into the site at the same place; paths that leave the
 * notebooks' folder, missing files and names that clash with the site's own files
 * are skipped.
 */
function copyLocalFiles(from: string, to: string, folder: string, files: Set<string>): void {
  for (const rel of files) {
    const inside = path.posix.normalize(path.posix.join(folder || ".", rel));
    if (inside.startsWith("../") || inside === ".." || path.posix.isAbsolute(inside)) continue;
    const source = path.join(from, inside);
    const target = path.join(to, inside);
    if (!existsSync(source) || !statSync(source).isFile() || existsSync(target)) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(source, target);
  }
}
