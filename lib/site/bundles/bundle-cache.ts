import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { BuildOptions, BuildResult } from "esbuild";
import { sha256, writeFileAtomic } from "./cache-file";

/** What a cached bundle's manifest records: the options' key and each input file's hash. */
interface Manifest {
  key: string;
  inputs: Record<string, string>;
}

/** The hash of a file's bytes, or null when it cannot be read. */
function fileHash(file: string): string | null {
  try {
    return sha256(new Uint8Array(readFileSync(file)));
  } catch {
    return null;
  }
}

/** Where a bundle's entry lives in the cache, and the key of its options. */
function entryOf(
  name: string,
  options: BuildOptions,
  cacheDir: string | undefined,
  extraKey: string,
): { key: string; base: string | undefined } {
  const esbuild = require("esbuild") as typeof import("esbuild");
  const key = sha256(JSON.stringify({ name, version: esbuild.version, options, extraKey }));
  return { key, base: cacheDir ? path.join(cacheDir, "bundles", `${name}-${key.slice(0, 16)}`) : undefined };
}

/** The cached text when the entry exists and every input file still has its hash; else undefined. */
function readEntry(key: string, base: string | undefined): string | undefined {
  if (!base || !existsSync(`${base}.json`) || !existsSync(`${base}.js`)) return undefined;
  try {
    const manifest = JSON.parse(readFileSync(`${base}.json`, "utf8")) as Manifest;
    if (manifest.key === key && Object.entries(manifest.inputs).every(([file, hash]) => fileHash(file) === hash))
      return readFileSync(`${base}.js`, "utf8");
  } catch {
    // an unreadable entry is a miss
  }
  return undefined;
}

/** Stores a build's text with the hash of every input file its metafile names; returns the text. */
function storeEntry(key: string, base: string | undefined, options: BuildOptions, result: BuildResult): string {
  const text = result.outputFiles![0].text;
  if (!base) return text;
  const root = options.absWorkingDir ?? process.cwd();
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(result.metafile!.inputs)) {
    if (input.startsWith("<")) continue; // stdin: its contents are part of the options' key
    const file = path.resolve(root, input);
    const hash = fileHash(file);
    if (hash) inputs[file] = hash;
  }
  try {
    writeFileAtomic(`${base}.js`, text);
    writeFileAtomic(`${base}.json`, JSON.stringify({ key, inputs } satisfies Manifest));
  } catch {
    // a cache that cannot be written only costs the next build a rebuild
  }
  return text;
}

/**
 * esbuild's `buildSync` for one output file, kept on disk between builds the way
 * `make` keeps an object file: next to the bundle it stores the hash of every input
 * file esbuild read (from its metafile) and a key of the options and esbuild's version.
 * A later call with the same options reads the bundle back when every input still has
 * its hash, and builds again (and stores anew) when any input changed, went missing, or
 * the options or esbuild differ. With no `cacheDir` it just builds. Writes are atomic
 * (a temporary file renamed), so builds running at once never read half a bundle.
 *
 * @param name a file-name-safe name for the bundle ("verifier", "plotly")
 * @param options esbuild options for one output, without `write` (the output is returned)
 * @param cacheDir the folder to keep bundles in (created if missing), e.g. the build's
 *   `.stepwise-cache/`; undefined: no cache
 * @returns the bundle's text
 * @throws Error with esbuild's message when the bundle does not build
 */
export function cachedBundle(name: string, options: BuildOptions, cacheDir: string | undefined): string {
  const esbuild = require("esbuild") as typeof import("esbuild");
  const { key, base } = entryOf(name, options, cacheDir, "");
  const cached = readEntry(key, base);
  if (cached !== undefined) return cached;
  return storeEntry(key, base, options, esbuild.buildSync({ ...options, write: false, metafile: true }));
}

/**
 * {@link cachedBundle} with esbuild's asynchronous `build`, which takes plugins
 * (`options.plugins`). A plugin's code is not part of the options' key (only its name is):
 * `pluginsKey` stands for it, e.g. the source of the functions it calls, so that a change
 * to them builds again.
 *
 * @param name as for {@link cachedBundle}
 * @param options as for {@link cachedBundle}, plugins allowed
 * @param cacheDir as for {@link cachedBundle}
 * @param pluginsKey text that changes whenever what the plugins do changes
 * @returns the bundle's text
 * @throws Error with esbuild's message when the bundle does not build
 */
export async function cachedBundleAsync(
  name: string,
  options: BuildOptions,
  cacheDir: string | undefined,
  pluginsKey: string,
): Promise<string> {
  const esbuild = require("esbuild") as typeof import("esbuild");
  const { key, base } = entryOf(name, options, cacheDir, pluginsKey);
  const cached = readEntry(key, base);
  if (cached !== undefined) return cached;
  return storeEntry(key, base, options, await esbuild.build({ ...options, write: false, metafile: true }));
}
