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

/** What separates words: white space and punctuation (MiniSearch's own default split). */
const SEPARATOR = /[\n\r\p{Z}\p{P}]+/u;

/**
 * The words of a query, as they are looked up: split at white space and punctuation, so
 * "log-sum-exp" is the three words log, sum and exp.
 *
 * @param text a query as typed
 * @returns its words, in order (no empty ones)
 */
export function queryWords(text: string): string[] {
  return text.split(SEPARATOR).filter((w) => w !== "");
}

/**
 * The terms of an indexed field: its words ({@link queryWords}), and in prose (not in the
 * `tex` and `code` fields, where a hyphen is a minus) after each name made of words joined by hyphens ("log-sum-exp", "cross-entropy") the name as one term ("logsumexp",
 * "crossentropy"): the page's search looks a hyphenated query up as that term too, so the
 * sections that use the name rank above those that merely hold its words somewhere.
 *
 * @param text  a field's text
 * @param field the field's name (MiniSearch passes it)
 * @returns its terms, in order
 */
export function indexTerms(text: string, field?: string): string[] {
  if (field === "tex" || field === "code") return queryWords(text);
  const terms: string[] = [];
  for (const chunk of text.split(/\s+/)) {
    const words = queryWords(chunk);
    terms.push(...words);
    const joined = hyphenatedName(chunk);
    if (joined !== null) terms.push(joined);
  }
  return terms;
}

/**
 * A name of two or more words of letters joined by hyphens, as one term: "log-sum-exp" →
 * "logsumexp"; null for anything else (one word, words joined by other punctuation, "1-x",
 * "e-x").
 *
 * @param chunk text with no white space
 * @returns the joined name or null
 */
export function hyphenatedName(chunk: string): string | null {
  const m = /\p{L}{2,}(?:[-‐‑]\p{L}{2,})+/u.exec(chunk);
  return m === null ? null : m[0].replace(/[-‐‑]/g, "");
}

/**
 * MiniSearch's options (fields indexed, fields returned with each hit, default search). A
 * query's words must all match (AND), fuzzily; only its last word is also read as a prefix (the
 * word being typed): a prefix on every word made "log-sum-exp" match any section with
 * "logistic", "summary" and "expands".
 */
export const SEARCH_OPTIONS = {
  fields: ["section", "page", "text", "tex", "code"],
  storeFields: ["url", "page", "section"],
  tokenize: indexTerms,
  searchOptions: {
    boost: { section: 4, page: 2, text: 1, tex: 1, code: 0.5 },
    prefix: (_term: string, i: number, terms: string[]): boolean => i === terms.length - 1,
    fuzzy: 0.15,
    combineWith: "AND",
    tokenize: queryWords,
  },
} as const;

/** A MiniSearch query: a string, or sub-queries combined (MiniSearch's `Query`, written out so this file imports nothing). */
export type SearchQuery = string | { queries: SearchQuery[]; combineWith: "AND" | "OR" };

/**
 * The query the page runs for what the reader typed: all its words (AND); when it holds a
 * hyphenated name, OR that name as one term ({@link indexTerms}), so a section using the name
 * scores the words and the name and ranks first, and a section that writes it "logsumexp"
 * matches too.
 *
 * @param text the query as typed (trimmed, not empty)
 * @returns the query for `MiniSearch.search`
 */
export function searchQuery(text: string): SearchQuery {
  const words: SearchQuery = { queries: [text], combineWith: "AND" };
  const names = text
    .split(/\s+/)
    .map(hyphenatedName)
    .filter((n): n is string => n !== null);
  return names.length === 0 ? words : { queries: [words, ...names], combineWith: "OR" };
}

/** Where the index is, next to the site's script: assets/search-index.json. */
export const SEARCH_INDEX_FILE = "search-index.json";
