import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { ASSET_URLS } from "./layout";
import { SITE_CSS } from "./assets/site-css";
import { SITE_JS } from "./assets/site-js";

/** Where the minified plotly.js is cached between builds (inside node_modules, like other tools' caches). */
function cacheFile(version: string): string {
  return path.join(path.dirname(require.resolve("plotly.js-dist/package.json")), "..", ".cache", "stepwise", `plotly-${version}.min.js`);
}

/**
 * plotly.js for the site: the bundle of plotly.js-dist (about 10 MB unminified),
 * minified with esbuild (about 4.8 MB; the same minifier plotly's own build
 * uses) when esbuild is installed (it comes with tsx), with the license header
 * kept; else the bundle as it is. The minified file is cached per version.
 *
 * @returns the script text and whether it is minified
 * @throws Error when plotly.js-dist is not installed
 */
export function plotlyBundle(): { code: string; minified: boolean } {
  const version = String((require("plotly.js-dist/package.json") as { version: unknown }).version);
  const cached = cacheFile(version);
  if (existsSync(cached)) return { code: readFileSync(cached, "utf8"), minified: true };
  const source = readFileSync(require.resolve("plotly.js-dist"), "utf8");
  let esbuild: typeof import("esbuild") | undefined;
  try {
    esbuild = require("esbuild") as typeof import("esbuild");
  } catch {
    return { code: source, minified: false };
  }
  const header = /^\/\*\*?[\s\S]*?\*\//.exec(source)?.[0] ?? `/* plotly.js v${version}, MIT license */`;
  const code = `${header}\n${esbuild.transformSync(source, { minify: true, legalComments: "none" }).code}`;
  try {
    mkdirSync(path.dirname(cached), { recursive: true });
    writeFileSync(`${cached}.${process.pid}`, code);
    renameSync(`${cached}.${process.pid}`, cached);
  } catch {
    // a read-only node_modules only costs a re-minification next time
  }
  return { code, minified: true };
}

/**
 * Writes the static assets into a site folder: assets/site.css, assets/stepwise.js
 * (the chart-drawing script), KaTeX's stylesheet and fonts (assets/katex/), and,
 * when some page has charts, plotly.js (assets/plotly.min.js).
 *
 * @param outDir the site folder (created if missing)
 * @param options charts: whether to write plotly.js
 * @returns the site-relative paths written
 * @throws Error when katex or plotly.js-dist is not installed, or on a file-system error
 */
export function copyAssets(outDir: string, options: { charts: boolean }): string[] {
  const written: string[] = [];
  const put = (rel: string, content: string): void => {
    const file = path.join(outDir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    written.push(rel);
  };
  put(ASSET_URLS.siteCss, SITE_CSS);
  put(ASSET_URLS.siteJs, SITE_JS);
  const katexDist = path.join(path.dirname(require.resolve("katex/package.json")), "dist");
  const katexOut = path.join(outDir, path.dirname(ASSET_URLS.katexCss));
  mkdirSync(katexOut, { recursive: true });
  copyFileSync(path.join(katexDist, "katex.min.css"), path.join(katexOut, "katex.min.css"));
  cpSync(path.join(katexDist, "fonts"), path.join(katexOut, "fonts"), { recursive: true });
  written.push(ASSET_URLS.katexCss, path.posix.join(path.posix.dirname(ASSET_URLS.katexCss), "fonts/"));
  if (options.charts) put(ASSET_URLS.plotly, plotlyBundle().code);
  return written;
}
