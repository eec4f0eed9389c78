import * as path from "node:path";
import { selectAll } from "css-select";
import { isTag, isText, type AnyNode, type Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import MiniSearch from "minisearch";
import { compactSearchIndex } from "../browser/search-index-codec";
import { SEARCH_OPTIONS, type SearchSection } from "../browser/search-options";

/** Elements whose text is not searchable: KaTeX's drawn glyphs (its TeX is read instead), scripts, styles, prompts. */
const SKIP = new Set(["script", "style", "template", "svg"]);
const SKIP_CLASSES = [
  "katex-html",
  "cell-prompt",
  "stepwise-plot",
  "cell-input-toggle-label",
  "toggle-open",
  "toggle-closed",
];

const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

/** All the text below a node. */
function textContent(node: AnyNode): string {
  if (isText(node)) return node.data;
  return isTag(node) ? node.children.map(textContent).join("") : "";
}

/**
 * The searchable sections of one rendered page: its `<main>` cut at every h1–h3 with an
 * id, each with its prose and outputs (text as shown), the TeX source of its formulas
 * (KaTeX's `annotation` of each formula) and the source of its code.
 *
 * @param html the page as written to the site
 * @param url the page's site-relative URL, e.g. "02-….html"
 * @param title the page's title
 * @param firstId the id of the page's first section (ids run on over the site)
 * @returns the sections in page order (a section with no text is left out)
 * @throws Error naming the page when it has no `<main>`
 */
export function pageSections(html: string, url: string, title: string, firstId: number): SearchSection[] {
  const doc = parseDocument(html);
  const main = selectAll("main", doc)[0];
  if (!main) throw new Error(`search index: the page ${url} has no <main> element`);
  const sections: SearchSection[] = [];
  let current = { url, section: title, text: [] as string[], tex: [] as string[], code: [] as string[] };
  const flush = (): void => {
    const s = {
      text: squash(current.text.join(" ")),
      tex: squash(current.tex.join(" ")),
      code: current.code.join("\n").trim(),
    };
    if (s.text || s.tex || s.code)
      sections.push({ id: firstId + sections.length, url: current.url, page: title, section: current.section, ...s });
  };
  const walk = (node: AnyNode): void => {
    if (isText(node)) {
      current.text.push(node.data);
      return;
    }
    if (!isTag(node)) return;
    const el = node as Element;
    const classes = (el.attribs.class ?? "").split(/\s+/);
    if (SKIP.has(el.name) || classes.some((c) => SKIP_CLASSES.includes(c)) || el.name === "nav") return;
    if (/^h[1-3]$/.test(el.name) && el.attribs.id) {
      flush();
      current = { url: `${url}#${el.attribs.id}`, section: squash(textContent(el)), text: [], tex: [], code: [] };
      return;
    }
    if (el.name === "annotation" && el.attribs.encoding === "application/x-tex") {
      current.tex.push(textContent(el));
      return;
    }
    if (el.name === "math") {
      // MathML: only its TeX annotation is read
      for (const a of selectAll('annotation[encoding="application/x-tex"]', el)) current.tex.push(textContent(a));
      return;
    }
    if (
      el.name === "pre" &&
      el.parent &&
      isTag(el.parent) &&
      (el.parent.attribs.class ?? "").split(/\s+/).includes("cell-input")
    ) {
      current.code.push(textContent(el));
      return;
    }
    for (const child of el.children) walk(child);
    if (/^(p|li|div|pre|td|th|tr|h[1-6]|section|blockquote)$/.test(el.name)) current.text.push(" ");
  };
  for (const child of main.children) walk(child);
  flush();
  return sections;
}

/**
 * The site's search index: MiniSearch (`SEARCH_OPTIONS`) over every section of every
 * page, serialised for assets/search-index.json in the compact form of search-index-codec.ts;
 * the page expands it on first use and loads it with `MiniSearch.loadJS`, so a static folder
 * serves search with no server logic.
 *
 * @param pages each page's HTML as written, its site-relative URL and its title
 * @returns the index as JSON text
 * @throws Error naming a page without `<main>`
 */
export function buildSearchIndex(pages: { html: string; url: string; title: string }[]): string {
  const sections: SearchSection[] = [];
  for (const p of pages)
    sections.push(...pageSections(p.html, p.url.split(path.sep).join("/"), p.title, sections.length));
  const index = new MiniSearch<SearchSection>({
    ...SEARCH_OPTIONS,
    fields: [...SEARCH_OPTIONS.fields],
    storeFields: [...SEARCH_OPTIONS.storeFields],
  });
  index.addAll(sections);
  return JSON.stringify(compactSearchIndex(index.toJSON()));
}
