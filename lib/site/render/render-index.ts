import { escapeHtml } from "../../outputs/escape";
import { pageShell } from "./layout";

/** One tutorial in the list. */
export interface IndexEntry {
  href: string;
  /** Notebook path relative to the notebooks' folder, e.g. "01-sigmoid.ipynb" or "extra/02-tanh.ipynb". */
  file: string;
  titleHtml: string;
  summaryHtml: string;
  /** Site-relative URL of the downloadable notebook. */
  download: string;
  /** The subfolder the notebook is in (id: its path; title: plain text), or undefined at the top. */
  section?: { id: string; title: string };
}

/** One numbered list of tutorials. */
function list(entries: IndexEntry[]): string {
  const items = entries.map(
    (e) => `<li class="tutorial">
<a class="tutorial-title" href="${escapeHtml(e.href)}">${e.titleHtml}</a>
${e.summaryHtml ? `<p class="tutorial-summary">${e.summaryHtml}</p>\n` : ""}<p class="tutorial-meta"><a href="${escapeHtml(e.download)}" download>${escapeHtml(e.file)}</a></p>
</li>`,
  );
  // titles that carry their own numbers ("1. The sigmoid") are not numbered twice
  const numbered = entries.length > 0 && entries.every((e) => /^\s*\d+[.):]?\s/.test(e.titleHtml));
  return `<ol class="tutorials${numbered ? " self-numbered" : ""}">
${items.join("\n")}
</ol>`;
}

/**
 * The index page: the site title, an optional introduction, and the tutorials
 * in reading order, each with its title, summary and download link. Notebooks of
 * the top folder come first; each subfolder follows as a section (an `<h2>` with
 * the section's title, `<section class="index-section" id="section-…">`) with its
 * own list. A list is numbered unless every title in it starts with its own number.
 *
 * @param siteTitle plain-text site title
 * @param entries tutorials in order (a section's entries consecutive)
 * @param introHtml rendered introduction (e.g. the notebooks folder's README.md), or ""
 * @param noun what a page is called, for the description ("8 tutorials", "3 notebooks"); default "Notebook"
 * @param playground the playground page's URL (`renderPlayground`), linked as "Derive any function"
 *   above the lists; undefined: no link
 * @returns a complete HTML document
 */
export function renderIndex(
  siteTitle: string,
  entries: IndexEntry[],
  introHtml = "",
  noun = "Notebook",
  playground?: string,
): string {
  const groups: { section?: IndexEntry["section"]; entries: IndexEntry[] }[] = [];
  for (const e of entries) {
    const last = groups[groups.length - 1];
    if (last && last.section?.id === e.section?.id) last.entries.push(e);
    else groups.push({ section: e.section, entries: [e] });
  }
  const parts = groups.map((g) => {
    if (!g.section) return list(g.entries);
    const id = `section-${g.section.id.replace(/[^\p{L}\p{N}]+/gu, "-")}`;
    return `<section class="index-section" id="${escapeHtml(id)}">
<h2>${escapeHtml(g.section.title)}</h2>
${list(g.entries)}
</section>`;
  });
  const body = `<main id="content" class="index">
<h1>${escapeHtml(siteTitle)}</h1>
${introHtml ? `<div class="intro">${introHtml}</div>\n` : ""}${playground ? `<p class="index-playground"><a href="${escapeHtml(playground)}">Derive any function</a>: type a function and read the kit's own derivation, every step verified in the page.</p>\n` : ""}${parts.join("\n")}
</main>`;
  return pageShell({
    title: siteTitle,
    siteTitle,
    body,
    charts: false,
    description: `${entries.length} ${noun.toLowerCase()}${entries.length === 1 ? "" : "s"}`,
  });
}
