import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, type Stats, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { writeFileAtomic } from "../site/bundles/cache-file";
import { joinText, notebookJson, type Notebook } from "../notebook/nbformat";
import { notebookAllowsErrors } from "../notebook/errors";
import { PROJECT_ROOT } from "./jupyter-env";

/** Bumped when the key's recipe or the stored format changes, so old entries no longer match. */
const FORMAT = "stepwise-cache-1";

/** The default cache folder: `.stepwise-cache/` in the kit's folder (git-ignored). */
export const DEFAULT_CACHE_DIR = path.join(PROJECT_ROOT, ".stepwise-cache");

/**
 * The files whose content decides, besides the notebook itself, whether a cached
 * execution is still valid: the lib that notebooks import as "stepwise" (its
 * build dist/ and its sources lib/, so an edit counts even before `npm run
 * build`), the kit's package.json and lockfile (tslab, mathjs, … versions), the
 * executor script, the kernelspecs and their launcher (jupyter/kernels/, jupyter/tslab-kernel.js), and the nearest package-lock.json above the notebooks' folder
 * when that is another project.
 *
 * @param notebooksDir the folder being built
 * @returns absolute paths of files or folders (missing ones are allowed)
 */
export function defaultCacheInputs(notebooksDir: string): string[] {
  const kit = [
    "dist",
    "lib",
    "package.json",
    "package-lock.json",
    path.join("lib", "pipeline", "execute-notebook.py"),
    path.join("jupyter", "kernels"),
    path.join("jupyter", "tslab-kernel.js"),
  ];
  const inputs = kit.map((p) => path.join(PROJECT_ROOT, p));
  for (let dir = path.resolve(notebooksDir); ; dir = path.dirname(dir)) {
    const lock = path.join(dir, "package-lock.json");
    if (existsSync(lock)) {
      if (!inputs.includes(lock)) inputs.push(lock);
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  return inputs;
}

/**
 * A SHA-256 fingerprint of files and folders: every regular file below each path
 * (sorted, names included) with its content; a missing path counts as "missing".
 *
 * @param paths files or folders
 * @returns hex digest
 */
export function fingerprint(paths: string[]): string {
  const hash = createHash("sha256");
  const walk = (p: string): void => {
    let st: Stats;
    try {
      st = statSync(p);
    } catch {
      hash.update(`missing ${p}\n`);
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    } else if (st.isFile()) {
      hash.update(`file ${p} ${st.size}\n`);
      hash.update(new Uint8Array(readFileSync(p)));
    }
  };
  for (const p of paths) walk(path.resolve(p));
  return hash.digest("hex");
}

/** A cell's tags, sorted. */
function tags(metadata: Record<string, unknown> | undefined): string[] {
  const t = metadata?.tags;
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === "string").sort() : [];
}

/**
 * The cache key of a notebook's execution: a SHA-256 over what can change its
 * outputs — the code cells (source and tags, in order), the kernel (kernelspec
 * name and language), whether the notebook allows errors (`notebookAllowsErrors`),
 * the folder it runs in and the fingerprint of the other inputs (lib, lockfile).
 * Markdown and raw cells are not part of it: editing them re-renders from the
 * cached outputs.
 *
 * @param nb the source notebook
 * @param runDir absolute path of the folder the kernel runs in (relative file reads depend on it)
 * @param inputs the fingerprint of {@link defaultCacheInputs} (see {@link fingerprint})
 * @returns hex digest
 */
export function executionKey(nb: Notebook, runDir: string, inputs: string): string {
  const spec = nb.metadata.kernelspec ?? {};
  const parts = {
    format: FORMAT,
    kernel: spec.name ?? "tslab",
    language: spec.language ?? null,
    allowErrors: notebookAllowsErrors(nb.metadata),
    runDir,
    inputs,
    code: nb.cells
      .filter((c) => c.cell_type === "code")
      .map((c) => ({ source: joinText(c.source), tags: tags(c.metadata) })),
  };
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

/**
 * The source notebook with the outputs of a cached execution: each code cell gets
 * the outputs, execution count and execution timings of the code cell at the same
 * position among the code cells of `executed`; markdown cells stay as in the
 * source. The kernel's language_info is taken from the executed copy.
 *
 * @param source the current notebook (not modified)
 * @param executed a cached execution whose key matched (same code cells)
 * @returns a new notebook
 * @throws Error when the two have different numbers of code cells (a key collision cannot give that)
 */
export function withCachedOutputs(source: Notebook, executed: Notebook): Notebook {
  const done = executed.cells.filter((c) => c.cell_type === "code");
  const count = source.cells.filter((c) => c.cell_type === "code").length;
  if (done.length !== count) throw new Error(`cached execution has ${done.length} code cells, the notebook ${count}`);
  let k = 0;
  const cells = source.cells.map((cell) => {
    if (cell.cell_type !== "code") return cell;
    const from = done[k++];
    const metadata = { ...(cell.metadata ?? {}) };
    const timing = (from.metadata as Record<string, unknown> | undefined)?.execution;
    if (timing) metadata.execution = timing;
    return { ...cell, metadata, outputs: from.outputs ?? [], execution_count: from.execution_count ?? null };
  });
  const metadata = { ...source.metadata };
  if (executed.metadata.language_info) metadata.language_info = executed.metadata.language_info;
  return { ...source, metadata, cells };
}

/**
 * Executed notebooks on disk, by notebook and key:
 * `<dir>/<sha of the notebook's path>/<key>.ipynb`. Entries are written to a
 * temporary name and renamed into place, so two builds running at once never
 * see a half-written entry (the last rename wins; both are valid). After a store
 * the notebook's older entries are removed. A failed execution is never stored;
 * entries of notebooks that succeeded stay even when the build fails later.
 */
export class ExecutionCache {
  constructor(readonly dir: string = DEFAULT_CACHE_DIR) {}

  private folder(notebookPath: string): string {
    return path.join(this.dir, createHash("sha256").update(path.resolve(notebookPath)).digest("hex").slice(0, 24));
  }

  /**
   * The executed notebook stored under this key, or undefined (missing, being
   * replaced, or unreadable: all count as a miss).
   */
  get(notebookPath: string, key: string): Notebook | undefined {
    try {
      return JSON.parse(readFileSync(path.join(this.folder(notebookPath), `${key}.ipynb`), "utf8")) as Notebook;
    } catch {
      return undefined;
    }
  }

  /**
   * Stores an executed notebook under its key (atomically) and removes the
   * notebook's other entries. Creates the cache folder with a .gitignore of "*".
   */
  put(notebookPath: string, key: string, executed: Notebook): void {
    const folder = this.folder(notebookPath);
    mkdirSync(folder, { recursive: true });
    const ignore = path.join(this.dir, ".gitignore");
    if (!existsSync(ignore)) writeFileSync(ignore, "# stepwise's execution cache (safe to delete)\n*\n");
    writeFileAtomic(path.join(folder, `${key}.ipynb`), notebookJson(executed));
    for (const name of readdirSync(folder)) {
      if (name.endsWith(".ipynb") && name !== `${key}.ipynb`) rmSync(path.join(folder, name), { force: true });
    }
  }
}
