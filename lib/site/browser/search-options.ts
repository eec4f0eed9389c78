/**
 * How the site's search index is built (at build time, lib/site/render/search-index.ts) and
 * read (in the page, lib/site/browser/search.ts): the same MiniSearch options on both
 * sides, so a query reads the index as it was written. Browser-safe: imports nothing.
 */

/** One searchable section of a page: the text from one heading to the next. */
export interface SearchSection {
  /** A number unique in the site. */
  id: number;
  /** Site-relative URL of the section: the page and the heading's anchor, e.g. "02-….html#the-quotient-rule". */
  url: string;
  /** The page's title. */
  page: string;
  /** The section's heading (the page's title for the text before its first heading). */
  section: string;
  /** Prose, outputs and other text, as a reader sees them. */
  text: string;
  /** The TeX source of the section's formulas. */
  tex: string;
  /** The source of its code cells. */
  code: string;
}

/** MiniSearch's options (fields indexed, fields returned with each hit, default search). */
export const SEARCH_OPTIONS = {
  fields: ["section", "page", "text", "tex", "code"],
  storeFields: ["url", "page", "section"],
  searchOptions: {
    boost: { section: 4, page: 2, text: 1, tex: 1, code: 0.5 },
    prefix: true,
    fuzzy: 0.15,
    combineWith: "AND",
  },
} as const;

/** Where the index is, next to the site's script: assets/search-index.json. */
export const SEARCH_INDEX_FILE = "search-index.json";
