import { existsSync } from "node:fs";
import * as path from "node:path";
import { cachedBundleAsync } from "../bundles/bundle-cache";
import { compactBundle } from "../bundles/compact-bundle";
import { MATRIX_FILES, mathjsMatricesPlugin, matrixStub } from "../bundles/mathjs-matrices";

/**
 * The page's verifier as one browser script (assets/verifier.js): esbuild bundles
 * `browser-entry` (lib/derive's public entry, the part of mathjs it uses, seedrandom's default generator, KaTeX) into a
 * minified IIFE, with mathjs's matrix classes and functions as stubs (no expression the verifier takes reaches
 * them: lib/site/bundles/mathjs-matrices.ts, about 12 KiB gzip less), compacted further by terser (`compactBundle`,
 * about 9 KiB gzip less), so the page runs whatever lib/derive holds when the site is built.
 * Bundles lib/'s TypeScript sources when they are present (from tsx and from dist/ of a
 * checkout), else the compiled dist/ (an installed package ships only dist/).
 *
 * @param cacheDir where to keep the bundle between builds (`cachedBundleAsync`: rebuilt when
 *   any file it was built from changed); undefined: built every time
 * @returns the script text (a promise: esbuild runs plugins only in its asynchronous build)
 * @throws Error when esbuild is not installed, or with esbuild's message naming the
 *   file and line when the entry pulls in something it cannot bundle for a browser
 *   (a Node-only module)
 */
export async function verifierBundle(cacheDir?: string): Promise<string> {
  // the TypeScript sources when they are there (their ES imports let esbuild take mathjs's
  // ES build and drop what lib/derive/math-functions.ts leaves out: about 186 KiB gzip, against 370 KiB
  // from dist's CommonJS, whose require() of mathjs takes all of it)
  const source = path.join(__dirname, "..", "..", "..", "lib", "site", "try", "browser-entry.ts");
  const entry = existsSync(source)
    ? source
    : existsSync(path.join(__dirname, "browser-entry.ts"))
      ? path.join(__dirname, "browser-entry.ts")
      : require.resolve("./browser-entry");
  const text = await cachedBundleAsync(
    "verifier",
    {
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
      // seedrandom's own file: its default generator (ARC4), the one lib/derive/domain.ts calls, without
      // the six other generators its index attaches to it (about 2 KiB gzip)
      alias: { seedrandom: require.resolve("seedrandom/seedrandom") },
      plugins: [mathjsMatricesPlugin()],
    },
    cacheDir,
    String(matrixStub) + MATRIX_FILES.join(),
  );
  return `/* stepwise verifier: the kit's lib/derive with mathjs (Apache-2.0), seedrandom (MIT), KaTeX (MIT) */\n${compactBundle("verifier", text, cacheDir)}`;
}
