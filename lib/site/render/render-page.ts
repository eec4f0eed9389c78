import { escapeHtml } from "../../outputs/escape";
import { pageShell } from "./layout";
import type { Heading } from "./render-markdown";

/** A neighbour in the reading order. */
export interface PageLink {
  href: string;
  /** Title as inline HTML (may hold KaTeX). */
  titleHtml: string;
}

/** What {@link renderPage} lays out. */
export interface PageOptions {
  siteTitle: string;
  /** Plain-text title of the notebook. */
  title: string;
  /** Rendered cells (see `renderCells`). */
  body: string;
  headings: Heading[];
  /** 1-based position in the reading order, and the number of pages. */
  position: number;
  total: number;
  prev?: PageLink;
  next?: PageLink;
  /** Site-relative URL of the downloadable notebook (without outputs). */
  download: string;
  /** Number of charts: plotly.js is loaded only when > 0. */
  figures: number;
  /** What a page is called in "N of M" and the pager's label: "Tutorial" for the kit's tutorials; default "Notebook" (any other folder). */
  noun?: string;
}

/** The table of contents: headings of levels 1–3, except a level-1 heading that opens the page (the title). */
function toc(headings: Heading[]): string {
  const shown = headings.filter((h, i) => h.level <= 3 && !(i === 0 && h.level === 1));
  if (shown.length === 0) return "";
  const items = shown.map((h) => `<li class="toc-h${h.level}"><a href="#${escapeHtml(h.id)}">${h.html}</a></li>`);
  return `<nav class="toc" aria-label="Contents"><details open><summary>Contents</summary><ol>\n${items.join("\n")}\n</ol></details></nav>`;
}

/** Previous / next links. */
function pager(noun: string, prev?: PageLink, next?: PageLink): string {
  const a = (l: PageLink | undefined, rel: "prev" | "next", label: string): string =>
    l
      ? `<a class="pager-${rel}" rel="${rel}" href="${escapeHtml(l.href)}"><span class="pager-label">${label}</span> <span class="pager-title">${l.titleHtml}</span></a>`
      : `<span class="pager-${rel}"></span>`;
  return `<nav class="pager" aria-label="${escapeHtml(noun)}s">${a(prev, "prev", "← Previous")}${a(next, "next", "Next →")}</nav>`;
}

/**
 * The HTML page of one notebook: header (site title, position, download
 * link), table of contents, the cells, previous/next links.
 *
 * @param o see {@link PageOptions}
 * @returns a complete HTML document
 */
export function renderPage(o: PageOptions): string {
  const download = `<a class="download" href="${escapeHtml(o.download)}" download>Download notebook (.ipynb)</a>`;
  const headerExtra = `<span class="site-position">${escapeHtml(o.noun ?? "Notebook")} ${o.position} of ${o.total}</span>${download}`;
  const contents = toc(o.headings);
  const body = `<div class="page${contents ? " with-toc" : ""}">
${contents}
<main id="content" class="notebook">
<article>
${o.body}
</article>
${pager(o.noun ?? "Notebook", o.prev, o.next)}
</main>
</div>`;
  return pageShell({ title: o.title, siteTitle: o.siteTitle, headerExtra, body, charts: o.figures > 0 });
}
