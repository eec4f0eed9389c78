import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import * as path from "node:path";
import { executeNotebook } from "./execute-notebook";
import { PROJECT_ROOT } from "./jupyter-env";
import { runPool } from "./pool";

/** Where executed copies are kept (git-ignored). */
export const EXECUTED_CACHE_DIR = path.join(PROJECT_ROOT, ".cache", "executed");

/** Every file below a folder, sorted, as relative paths. */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const r = path.join(rel, name);
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk("");
  return out;
}

/**
 * The key of one executed copy: a SHA-256 over the notebook file, every file of the
 * built lib (dist/, what the notebook imports as "stepwise"), the lock file (the tslab
 * and mathjs versions) and the executor script. Any change to one of them gives a new key.
 *
 * @param notebook path of the .ipynb
 * @returns 16 hex digits
 */
export function executedKey(notebook: string): string {
  const h = createHash("sha256");
  h.update(readFileSync(notebook, "utf8"));
  const dist = path.join(PROJECT_ROOT, "dist");
  for (const f of filesBelow(dist)) h.update(f).update(readFileSync(path.join(dist, f), "utf8"));
  for (const f of ["package-lock.json", path.join("scripts", "execute-notebook.py")]) {
    const p = path.join(PROJECT_ROOT, f);
    if (existsSync(p)) h.update(readFileSync(p, "utf8"));
  }
  return h.digest("hex").slice(0, 16);
}

/**
 * Executes notebooks under tslab, or reuses the executed copy of an earlier run with the
 * same key ({@link executedKey}), so that the notebook tests and `npm run mutants` share
 * one run. A failed run is never kept. Copies with an older key are removed.
 *
 * @param dir the notebooks' folder
 * @param names file names in it
 * @param options jobs: notebooks run at once (default 2); cacheDir (default {@link EXECUTED_CACHE_DIR})
 * @returns executed notebook path by name, in the order of names
 * @throws NotebookError of the first notebook that fails (pipeline's executeNotebook)
 */
export async function executeCached(dir: string, names: string[], options: { jobs?: number; cacheDir?: string } = {}): Promise<Map<string, string>> {
  const cacheDir = options.cacheDir ?? EXECUTED_CACHE_DIR;
  mkdirSync(cacheDir, { recursive: true });
  const runs = await runPool(names, options.jobs ?? 2, async (name) => {
    const src = path.join(dir, name);
    const key = executedKey(src);
    const stem = name.replace(/\.ipynb$/i, "");
    const dst = path.join(cacheDir, `${stem}.${key}.ipynb`);
    if (existsSync(dst)) return dst;
    for (const old of readdirSync(cacheDir)) {
      if (old.startsWith(`${stem}.`) && old !== path.basename(dst)) rmSync(path.join(cacheDir, old), { force: true });
    }
    const tmp = `${dst}.${process.pid}.tmp`;
    try {
      await executeNotebook(src, tmp);
      renameSync(tmp, dst);
    } finally {
      rmSync(tmp, { force: true });
    }
    return dst;
  });
  const failure = runs.find((r) => r.status === "rejected");
  if (failure?.status === "rejected") throw failure.reason;
  return new Map(names.map((name, i) => [name, (runs[i] as { value: string }).value]));
}
