import { existsSync } from "node:fs";
import * as path from "node:path";
import type { BuildOptions } from "esbuild";
import { cachedBundle } from "./bundle-cache";

/**
 * Where a browser source of the kit is: `lib/<rel>` of the kit (a checkout, run from
 * lib/ by tsx or from dist/), else, for an installed package that ships only dist/,
 * the compiled `dist/<rel>` (a .ts name becomes .js; stylesheets ship under lib/).
 *
 * @param rel the file's path below lib/, e.g. "site/browser/page.ts"
 * @returns an absolute path
 * @throws Error naming both places looked in when neither holds the file
 */
export function browserSource(rel: string): string {
  const kit = path.join(__dirname, "..", "..", "..");
  const source = path.join(kit, "lib", rel);
  if (existsSync(source)) return source;
  const compiled = path.join(kit, "dist", rel.replace(/\.ts$/, ".js"));
  if (existsSync(compiled)) return compiled;
  throw new Error(`stepwise: the browser source ${rel} is missing (looked for ${source} and ${compiled})`);
}

const BROWSER: BuildOptions = {
  bundle: true,
  minify: true,
  platform: "browser",
  target: "es2020",
  write: false,
  legalComments: "none",
  logLevel: "silent",
};

/** One browser script: its entry and what it imports, bundled by esbuild into a minified IIFE. */
function script(name: string, rel: string, cacheDir: string | undefined): string {
  const entry = browserSource(rel);
  return cachedBundle(
    name,
    { ...BROWSER, entryPoints: [entry], format: "iife", absWorkingDir: path.dirname(entry) },
    cacheDir,
  );
}

/**
 * The site's script, assets/stepwise.js: lib/site/browser/page.ts (charts drawn on
 * demand, the table of contents folded on narrow screens) bundled by esbuild.
 *
 * @param cacheDir where to keep the bundle between builds (`cachedBundle`); undefined: built every time
 * @returns the minified script text
 * @throws Error with esbuild's message (file and line) when the source does not build
 */
export function siteScript(cacheDir?: string): string {
  return script("site-script", "site/browser/page.ts", cacheDir);
}

/**
 * The site's search, assets/search.js: lib/site/browser/search.ts with MiniSearch,
 * bundled by esbuild; the site script loads it on first use.
 *
 * @param cacheDir as for {@link siteScript}
 * @returns the minified script text
 * @throws Error with esbuild's message when the source does not build
 */
export function searchScript(cacheDir?: string): string {
  return script("search-script", "site/browser/search.ts", cacheDir);
}

/**
 * The colour-scheme script, assets/theme.js: lib/site/browser/theme.ts bundled by
 * esbuild; the page loads it in its head without `defer`, so the reader's chosen scheme
 * applies before the first paint.
 *
 * @param cacheDir as for {@link siteScript}
 * @returns the minified script text
 * @throws Error with esbuild's message when the source does not build
 */
export function themeScript(cacheDir?: string): string {
  return script("theme-script", "site/browser/theme.ts", cacheDir);
}

/**
 * The widget of "Try a step" and the answer boxes, assets/try.js: lib/site/try/widget.ts
 * bundled by esbuild (it loads assets/verifier.js on demand).
 *
 * @param cacheDir as for {@link siteScript}
 * @returns the minified script text
 * @throws Error with esbuild's message when the source does not build
 */
export function tryScript(cacheDir?: string): string {
  return script("try-script", "site/try/widget.ts", cacheDir);
}

/**
 * The playground's script, assets/playground.js: lib/site/playground/playground-page.ts bundled
 * by esbuild (it loads assets/verifier.js at once).
 *
 * @param cacheDir as for {@link siteScript}
 * @returns the minified script text
 * @throws Error with esbuild's message when the source does not build
 */
export function playgroundScript(cacheDir?: string): string {
  return script("playground-script", "site/playground/playground-page.ts", cacheDir);
}

/**
 * The playground's worker, assets/playground-worker.js: lib/site/playground/playground-worker.ts
 * bundled by esbuild (it loads assets/verifier.js beside it and runs explain() and the verifier
 * off the page's thread).
 *
 * @param cacheDir as for {@link siteScript}
 * @returns the minified script text
 * @throws Error with esbuild's message when the source does not build
 */
export function playgroundWorkerScript(cacheDir?: string): string {
  return script("playground-worker", "site/playground/playground-worker.ts", cacheDir);
}

/**
 * The live preview's client, served by `stepwise dev` as /__stepwise/live.js:
 * lib/pipeline/live-client.ts bundled by esbuild.
 *
 * @returns the minified script text
 * @throws Error with esbuild's message when the source does not build
 */
export function liveClientScript(): string {
  return script("live-client", "pipeline/live-client.ts", undefined);
}

/**
 * The site's stylesheet, assets/site.css: lib/site/browser/page.css, then the
 * widget's lib/site/try/widget.css and the playground's lib/site/playground/playground.css, bundled and minified by esbuild (which also
 * checks their syntax).
 *
 * @param cacheDir as for {@link siteScript}
 * @returns the minified CSS text
 * @throws Error with esbuild's message when a stylesheet does not parse
 */
export function siteStylesheet(cacheDir?: string): string {
  const files = ["site/browser/page.css", "site/try/widget.css", "site/playground/playground.css"].map(browserSource);
  const contents = files.map((f) => `@import ${JSON.stringify(f.split(path.sep).join("/"))};`).join("\n");
  return cachedBundle(
    "site-css",
    {
      ...BROWSER,
      logLevel: "error",
      stdin: { contents, loader: "css", resolveDir: path.dirname(files[0]), sourcefile: "site.css" },
    },
    cacheDir,
  );
}
