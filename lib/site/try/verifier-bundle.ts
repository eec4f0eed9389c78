import * as path from "node:path";

/**
 * The page's verifier as one browser script (assets/verifier.js): esbuild bundles
 * `browser-entry` (lib/derive's public entry, mathjs, seedrandom, KaTeX) into a
 * minified IIFE, so the page runs whatever lib/derive holds when the site is built.
 * Works from the TypeScript sources (tsx) and from the compiled dist/.
 *
 * @returns the script text
 * @throws Error when esbuild is not installed, or with esbuild's message naming the
 *   file and line when the entry pulls in something it cannot bundle for a browser
 *   (a Node-only module)
 */
export function verifierBundle(): string {
  const esbuild = require("esbuild") as typeof import("esbuild");
  const entry = require.resolve("./browser-entry");
  const result = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    write: false,
    legalComments: "none",
    logLevel: "silent",
    absWorkingDir: path.dirname(entry),
  });
  return `/* stepwise verifier: the kit's lib/derive with mathjs (Apache-2.0), seedrandom (MIT), KaTeX (MIT) */\n${result.outputFiles[0].text}`;
}
