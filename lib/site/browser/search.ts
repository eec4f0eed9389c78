/**
 * The site's search (bundled by esbuild into assets/search.js, see `searchScript`),
 * loaded by the site script the first time the reader reaches for the search box (focus,
 * pointer, or the "/" key). It fetches assets/search-index.json (built at build time,
 * `buildSearchIndex`, in search-index-codec.ts's compact form), expands it, loads it into MiniSearch with the options it was built with, and
 * sets `window.stepwiseSearch`. Runs in the reader's browser: nothing here may import a
 * Node module.
 */
import MiniSearch from "minisearch";
import { type CompactSearchIndex, expandSearchIndex } from "./search-index-codec";
import { SEARCH_INDEX_FILE, SEARCH_OPTIONS, type SearchSection, searchQuery } from "./search-options";

/** One hit: the section's site-relative URL, its page and heading. */
export interface SearchHit {
  url: string;
  page: string;
  section: string;
}

/** What `window.stepwiseSearch` holds. */
export interface StepwiseSearch {
  /** The sections that match a query, best first (at most `limit`). */
  search(query: string, limit?: number): SearchHit[];
  /** Milliseconds it took to fetch and load the index. */
  loadMs: number;
}

declare global {
  interface Window {
    stepwiseSearch?: Promise<StepwiseSearch>;
  }
}

const here = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : "";
const indexUrl = here ? here.replace(/search\.js(\?.*)?$/, SEARCH_INDEX_FILE) : `assets/${SEARCH_INDEX_FILE}`;
const started = performance.now();

window.stepwiseSearch = fetch(indexUrl)
  .then((r) => {
    if (!r.ok) throw new Error(`the search index (${indexUrl}) could not be loaded: HTTP ${r.status}`);
    return r.json() as Promise<CompactSearchIndex>;
  })
  .then((compact) => {
    const index = MiniSearch.loadJS<SearchSection>(expandSearchIndex(compact), {
      ...SEARCH_OPTIONS,
      fields: [...SEARCH_OPTIONS.fields],
      storeFields: [...SEARCH_OPTIONS.storeFields],
    });
    const loadMs = performance.now() - started;
    return {
      loadMs,
      search(query: string, limit = 8): SearchHit[] {
        const q = query.trim();
        if (!q) return [];
        return index
          .search(searchQuery(q))
          .slice(0, limit)
          .map((r) => ({ url: String(r.url), page: String(r.page), section: String(r.section) }));
      },
    };
  });
