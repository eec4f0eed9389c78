import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { sha256, writeFileAtomic } from "./cache-file";

/**
 * Terser's options for the site's big bundles: its compressor run twice over esbuild's
 * minified output, names mangled, no comments. Safe transforms only (no `unsafe*`, no
 * property mangling), so the code does what esbuild's output does. On the site's two big
 * bundles this takes about 4 % off gzip: assets/verifier.js 227 → 218 KiB, assets/plotly.min.js
 * 260 → 247 KiB (measured with terser 5.51, esbuild 0.28).
 */
export const COMPACT_OPTIONS = {
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false },
  ecma: 2018,
} as const;

/** Results of this process, by the hash of the input text. */
const done = new Map<string, string>();

/**
 * Shrinks an esbuild bundle further with terser's compressor (esbuild's minifier does not
 * inline, collapse or drop as much): the same program in fewer bytes. Kept on disk in
 * `cacheDir/bundles/` under the hash of the input, terser's version and
 * {@link COMPACT_OPTIONS}, and in memory for the process, since a pass takes seconds.
 *
 * @param name a file-name-safe name for the cache entry ("verifier", "plotly")
 * @param code the bundle's JavaScript (a script, not a module)
 * @param cacheDir the build's cache folder; undefined: memory only
 * @returns the compacted JavaScript
 * @throws Error naming the bundle and terser's message (with its line and column) when terser
 *   cannot parse or compress it
 */
export function compactBundle(name: string, code: string, cacheDir: string | undefined): string {
  const terser = require("terser") as typeof import("terser");
  const version = (require("terser/package.json") as { version: string }).version;
  const key = sha256(JSON.stringify({ version, COMPACT_OPTIONS, code }));
  const hit = done.get(key);
  if (hit !== undefined) return hit;
  const file = cacheDir ? path.join(cacheDir, "bundles", `${name}-compact-${key.slice(0, 16)}.js`) : undefined;
  if (file && existsSync(file)) {
    const text = readFileSync(file, "utf8");
    done.set(key, text);
    return text;
  }
  let text: string | undefined;
  try {
    text = terser.minify_sync(code, { ...COMPACT_OPTIONS, compress: { ...COMPACT_OPTIONS.compress } }).code;
  } catch (err) {
    const e = err as { message?: string; line?: number; col?: number };
    throw new Error(
      `terser cannot compact the ${name} bundle: ${e.message ?? String(err)} (line ${e.line}, column ${e.col})`,
    );
  }
  if (text === undefined) throw new Error(`terser returned no code for the ${name} bundle`);
  if (file) {
    try {
      writeFileAtomic(file, text);
    } catch {
      // a cache that cannot be written only costs the next build another pass
    }
  }
  done.set(key, text);
  return text;
}
