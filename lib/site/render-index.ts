import { escapeHtml } from "../display/escape";
import { pageShell } from "./layout";

/** One tutorial in the list. */
export interface IndexEntry {
  href: string;
  /** Notebook file name, e.g. "01-sigmoid.ipynb". */
  file: string;
  titleHtml: string;
  summaryHtml: string;
  /** Site-relative URL of the downloadable notebook. */
  download: string;
}

/**
 * The index page: the site title, an optional introduction, and the tutorials
 * in reading order, each with its title, summary and download link. The list
 * is numbered unless every title starts with its own number.
 *
 * @param siteTitle plain-text site title
 * @param entries tutorials in order
 * @param introHtml rendered introduction (e.g. the notebooks folder's README.md), or ""
 * @returns a complete HTML document
 */
export function renderIndex(siteTitle: string, entries: IndexEntry[], introHtml = ""): string {
  const items = entries.map(
    (e) => `<li class="tutorial">
<a class="tutorial-title" href="${escapeHtml(e.href)}">${e.titleHtml}</a>
${e.summaryHtml ? `<p class="tutorial-summary">${e.summaryHtml}</p>\n` : ""}<p class="tutorial-meta"><a href="${escapeHtml(e.download)}" download>${escapeHtml(e.file)}</a></p>
</li>`,
  );
  // titles that carry their own numbers ("1. The sigmoid") are not numbered twice
  const numbered = entries.length > 0 && entries.every((e) => /^\s*\d+[.):]?\s/.test(e.titleHtml));
  const body = `<main id="content" class="index">
<h1>${escapeHtml(siteTitle)}</h1>
${introHtml ? `<div class="intro">${introHtml}</div>\n` : ""}<ol class="tutorials${numbered ? " self-numbered" : ""}">
${items.join("\n")}
</ol>
</main>`;
  return pageShell({ title: siteTitle, siteTitle, body, charts: false, description: `${entries.length} tutorials` });
}
