import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { SITE_FIGURE_ATTR, TRY_ATTR } from "../../lib/site/browser/markers";
import { ASSET_URLS } from "../../lib/site/render/layout";

/** Issues 19 and 22: every page, with everything a reader can load on it, at most 600 KiB gzip. */
export const PAGE_WEIGHT_GOAL = 600 * 1024;

/** One file a page can load and its size gzip (level 6, as a server sends it). */
export interface WeightRow {
  file: string;
  gzip: number;
}

/**
 * Everything a reader can load on one page of a built site, read from the files (no browser),
 * and its total gzip: the page; the scripts and stylesheets it links; plotly.js when it has a
 * chart (`SITE_FIGURE_ATTR`); the verifier and the worker that runs explain() off the page's
 * thread when it has something to try (`TRY_ATTR`) or is the playground; the search's script and index (every page's header has the search box); and
 * every KaTeX font subset the stylesheet names (a page loads those its formulas draw in, and the
 * verifier's typesetting may draw in any of them: an upper bound). KaTeX's full fonts, loaded for
 * a character no formula of the site has, are not counted.
 *
 * @param out the built site's folder
 * @param page the page's site-relative path, e.g. "09-backpropagation.html"
 * @returns the files, each once, with their gzip sizes, and their total in bytes
 * @throws Error naming the page and the file when a file it links is missing
 */
export function pageWeight(out: string, page: string): { rows: WeightRow[]; total: number } {
  const html = readFileSync(path.join(out, page), "utf8");
  const dir = path.posix.dirname(page);
  const linked = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]+)"/g)]
    .map((m) => m[1])
    .filter((u) => !/^[a-z]+:/i.test(u))
    .map((u) => path.posix.normalize(path.posix.join(dir, u)));
  const assets = (rel: string): string => path.posix.normalize(path.posix.join(dir === "." ? "" : dir, rel));
  // the site's assets folder as the page links it (assets/… or ../assets/…)
  const root = (url: string): string => {
    const css = linked.find((l) => l.endsWith(ASSET_URLS.katexCss));
    return css ? css.slice(0, css.length - ASSET_URLS.katexCss.length) + url : assets(url);
  };
  const files = [page, ...linked];
  if (html.includes(SITE_FIGURE_ATTR)) files.push(root(ASSET_URLS.plotly));
  if (html.includes(TRY_ATTR) || linked.some((l) => l.endsWith(ASSET_URLS.playgroundJs)))
    files.push(root(ASSET_URLS.verifier), root(ASSET_URLS.playgroundWorker));
  files.push(root(ASSET_URLS.searchJs), root(ASSET_URLS.searchIndex));
  const css = linked.find((l) => l.endsWith(ASSET_URLS.katexCss));
  if (css) {
    const text = readFileSync(path.join(out, css), "utf8");
    for (const m of text.matchAll(/url\(([^)]*\.[0-9a-f]{8}\.woff2)\)/g))
      files.push(path.posix.normalize(path.posix.join(path.posix.dirname(css), m[1].replace(/["']/g, ""))));
  }
  const rows = [...new Set(files)].map((file) => {
    const full = path.join(out, file);
    if (!existsSync(full)) throw new Error(`page weight of ${page}: it links ${file}, which the site does not have`);
    return { file, gzip: gzipSync(new Uint8Array(readFileSync(full)), { level: 6 }).length };
  });
  return { rows, total: rows.reduce((a, r) => a + r.gzip, 0) };
}
