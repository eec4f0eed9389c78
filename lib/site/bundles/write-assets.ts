import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { ASSET_URLS } from "../render/layout";
import {
  playgroundScript,
  playgroundWorkerScript,
  searchScript,
  siteScript,
  siteStylesheet,
  themeScript,
  tryScript,
} from "./browser-bundles";
import { verifierBundle } from "../try/verifier-bundle";
import { sitePlotlyBundle } from "./plotly-bundle";
import { type FaceGlyphs, writeKatexAssets } from "../tex/katex-fonts";

/**
 * plotly's own partial bundle "basic" (plotly.js-basic-dist-min: the scatter, bar and
 * pie traces, already minified, about 390 KiB gzip instead of 1.4 MiB for the whole
 * plotly.js), which Jupyter frontends without a plotly renderer load
 * (lib/jupyter/plotly-asset.ts). The site ships a smaller bundle of its own
 * (`sitePlotlyBundle`, scatter only).
 *
 * @returns the script text and whether it is minified (always true)
 * @throws Error when plotly.js-basic-dist-min is not installed
 */
export function plotlyBundle(): { code: string; minified: boolean } {
  return { code: readFileSync(require.resolve("plotly.js-basic-dist-min"), "utf8"), minified: true };
}

/**
 * Writes the static assets into a site folder: assets/site.css, assets/stepwise.js
 * (the chart-drawing script), assets/theme.js (the reader's colour scheme, before paint), assets/search.js (the search, on first use; both bundled from their sources, see lib/site/bundles/browser-bundles.ts), KaTeX's stylesheet and fonts (assets/katex/, with the
 * faces of `glyphs` split into a subset of the characters the formulas draw and the
 * full font for the rest, see `writeKatexAssets`),
 * when some page has charts, plotly.js (assets/plotly.min.js, `sitePlotlyBundle`), and when some page has
 * a derivation or an answer box, the widget (assets/try.js) and the verifier bundle
 * (assets/verifier.js, see `verifierBundle`), and with the playground page its script (assets/playground.js).
 *
 * @param outDir the site folder (created if missing)
 * @param options charts: whether to write plotly.js; tryable: whether to write the widget and the verifier;
 *   playground: whether to write the playground's script (and the verifier);
 *   glyphs: the characters the site's formulas draw in each KaTeX face (`KatexGlyphs.faces`), default none
 *   (KaTeX's stylesheet as it is); cacheDir: where the bundles and font subsets are kept between builds, default none
 * @returns the site-relative paths written
 * @throws Error when katex, plotly.js or subset-font is not installed, or on a file-system error
 */
export async function copyAssets(
  outDir: string,
  options: { charts: boolean; tryable?: boolean; playground?: boolean; glyphs?: FaceGlyphs; cacheDir?: string },
): Promise<string[]> {
  const written: string[] = [];
  const put = (rel: string, content: string): void => {
    const file = path.join(outDir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    written.push(rel);
  };
  put(ASSET_URLS.siteCss, siteStylesheet(options.cacheDir));
  put(ASSET_URLS.siteJs, siteScript(options.cacheDir));
  put(ASSET_URLS.themeJs, themeScript(options.cacheDir));
  put(ASSET_URLS.searchJs, searchScript(options.cacheDir));
  const subsets = await writeKatexAssets(outDir, options.glyphs ?? new Map(), options.cacheDir);
  written.push(
    ASSET_URLS.katexCss,
    path.posix.join(path.posix.dirname(ASSET_URLS.katexCss), "fonts/"),
    ...subsets.sort(),
  );
  if (options.charts) put(ASSET_URLS.plotly, await sitePlotlyBundle(options.cacheDir));
  if (options.tryable) put(ASSET_URLS.tryJs, tryScript(options.cacheDir));
  if (options.playground) put(ASSET_URLS.playgroundJs, playgroundScript(options.cacheDir));
  if (options.tryable || options.playground) {
    put(ASSET_URLS.verifier, await verifierBundle(options.cacheDir));
    // explain() off the page's thread: the playground's and the kit's derivation of "Try a step"
    put(ASSET_URLS.playgroundWorker, playgroundWorkerScript(options.cacheDir));
  }
  return written;
}
