import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { BuildOptions } from "esbuild";
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
  const key = sha256(JSON.stringify({ name, version: esbuild.version, options }));
  const base = cacheDir ? path.join(cacheDir, "bundles", `${name}-${key.slice(0, 16)}`) : undefined;
  if (base && existsSync(`${base}.json`) && existsSync(`${base}.js`)) {
    try {
      const manifest = JSON.parse(readFileSync(`${base}.json`, "utf8")) as Manifest;
      if (manifest.key === key && Object.entries(manifest.inputs).every(([file, hash]) => fileHash(file) === hash))
        return readFileSync(`${base}.js`, "utf8");
    } catch {
      // an unreadable entry is a miss
    }
  }
  const result = esbuild.buildSync({ ...options, write: false, metafile: true });
  const text = result.outputFiles![0].text;
  if (base) {
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
  }
  return text;
}
