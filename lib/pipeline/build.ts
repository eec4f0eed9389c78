import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { notebookJson, readNotebook, type Notebook } from "../notebook/nbformat";
import { folderTitle, renderSite, type SitePage } from "../site/render/render-site";
import { buildAtomically, checkOut, SITE_MARKER } from "./atomic-dir";
import {
  defaultCacheInputs,
  ExecutionCache,
  executionKey,
  fingerprint,
  withCachedOutputs,
  DEFAULT_CACHE_DIR,
} from "./cache";
import { NotebookError, NotebookExecutor, type RunTimings } from "./execute-notebook";
import { markOwner, sweepStaleFolders, trackFolder } from "./interrupt";
import { kitImportEnv } from "./kit-link";
import { PROJECT_ROOT } from "./jupyter-env";
import { runPool } from "./pool";

/** Options of {@link buildSite}. */
export interface BuildOptions {
  /** Folder holding the .ipynb files; subfolders become sections of the site. */
  notebooksDir: string;
  /** Site folder to create or replace. */
  out: string;
  /** Site title; default: the folder's own title (`folderTitle`: its README.md's first heading, else its name). */
  title?: string;
  /** Notebooks executed at once; default: the number of CPU cores. */
  jobs?: number;
  /** Seconds allowed per cell; default 180. */
  timeout?: number;
  /** false: render the outputs stored in the notebooks without running them. Default true. */
  execute?: boolean;
  /** false (`--no-cache`): execute every notebook even when a cached execution matches (the results are still stored). Default true. */
  cache?: boolean;
  /** The execution cache's folder; default `.stepwise-cache/` in the kit (see cache.ts). */
  cacheDir?: string;
  /** Files and folders whose content invalidates every cached execution; default `defaultCacheInputs` (dist/, lockfiles, the executor). */
  cacheInputs?: string[];
  /** Also keep the executed notebooks in this folder (created if missing). */
  executedDir?: string;
  /** true (`--keep-going`): a failing notebook does not stop the others; the build then throws {@link NotebookFailures} listing every failure. Default false: no notebook starts after the first failure. */
  keepGoing?: boolean;
  /** Called when a notebook has run, came from the cache, or failed. */
  onProgress?: (p: Progress) => void;
  /** Called once `out` and the notebooks' folder passed their checks, before anything executes (e.g. to print where the build goes). */
  onStart?: (files: string[]) => void;
}

/** One notebook done. */
export interface Progress {
  /** Path relative to the notebooks' folder, "/"-separated, e.g. "basics/01-intro.ipynb". */
  file: string;
  /** 1-based count of notebooks done so far, and the number of notebooks. */
  done: number;
  total: number;
  /** Wall time of its run in seconds (0 when cached). */
  seconds: number;
  /** True when its outputs came from the execution cache. */
  cached: boolean;
  /** The executor's breakdown of a run (kernel start, each cell); absent when cached or failed. */
  timings?: RunTimings;
  error?: Error;
}

/** What a build did. */
export interface BuildResult {
  /** Absolute path of the site. */
  out: string;
  pages: SitePage[];
  /** Per notebook, in order: its run time in seconds (0 without execution or from the cache), and whether it was cached. */
  runs: { file: string; seconds: number; cached: boolean }[];
  /** Wall time of the execute phase (all notebooks, in parallel) and of the render phase, in seconds. */
  executeSeconds: number;
  renderSeconds: number;
}

/** Folder names a build never reads notebooks from. */
const SKIPPED_FOLDERS = new Set(["node_modules", "_build"]);

/**
 * The notebooks of a folder and its subfolders in reading order: *.ipynb files
 * (hidden files and folders, node_modules, _build, sites stepwise wrote and the
 * `exclude`d folders skipped), the folder's own notebooks first, then each subfolder's, all
 * sorted by name with numbers compared by value ("2-…" before "10-…").
 *
 * @param dir the folder
 * @param exclude absolute folders not to enter (e.g. the site being written into the folder)
 * @returns paths relative to dir, "/"-separated, e.g. ["01-a.ipynb", "more/02-b.ipynb"]
 * @throws Error when the folder does not exist or holds no notebook
 */
export function listNotebooks(dir: string, exclude: string[] = []): string[] {
  if (!existsSync(dir)) throw new Error(`no such folder: ${dir}`);
  if (!statSync(dir).isDirectory()) throw new Error(`not a folder: ${dir}`);
  const skip = new Set(exclude.map((p) => path.resolve(p)));
  const byName = (a: string, b: string): number => a.localeCompare(b, "en", { numeric: true });
  const walk = (abs: string, rel: string): string[] => {
    const entries = readdirSync(abs, { withFileTypes: true }).filter((e) => !e.name.startsWith("."));
    const files = entries
      .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(".ipynb"))
      .map((e) => e.name)
      .sort(byName);
    const folders = entries
      .filter(
        (e) =>
          e.isDirectory() &&
          !SKIPPED_FOLDERS.has(e.name) &&
          !skip.has(path.join(abs, e.name)) &&
          !existsSync(path.join(abs, e.name, SITE_MARKER)),
      )
      .map((e) => e.name)
      .sort(byName);
    return [...files.map((f) => rel + f), ...folders.flatMap((d) => walk(path.join(abs, d), `${rel}${d}/`))];
  };
  const files = walk(path.resolve(dir), "");
  if (files.length === 0) throw new Error(`no notebooks (*.ipynb) in ${dir} or its subfolders`);
  return files;
}

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

/** What {@link executeNotebooks} needs. */
export type ExecuteAllOptions = Pick<
  BuildOptions,
  "jobs" | "timeout" | "cache" | "cacheDir" | "cacheInputs" | "executedDir" | "onProgress" | "keepGoing"
> & {
  /**
   * The executor to run them in, kept open afterwards (the caller closes it); it must have been made
   * with `kitImportEnv(dir)`. Default: one made for this call and closed at its end.
   */
  executor?: NotebookExecutor;
  /**
   * Run in spare kernels started ahead (`ExecuteOptions.spare`, under the cache inputs' fingerprint
   * as token) and start the next spare after each run: for `stepwise dev`, whose executor lives on.
   * Default false: each notebook's kernel starts for it.
   */
  spare?: boolean;
};

/**
 * Several notebooks failed in one build with `keepGoing`: the message lists each failure on a
 * line of its own (notebook, cell, error), in reading order.
 */
export class NotebookFailures extends Error {
  /**
   * @param failures the errors, in reading order (NotebookError for a failing cell)
   * @param total the number of notebooks the build ran or took from the cache
   */
  constructor(
    readonly failures: Error[],
    readonly total: number,
  ) {
    super(
      `${failures.length} of ${total} notebooks failed:\n${failures.map((f) => `  ✗ ${f.message.split("\n").join("\n    ")}`).join("\n")}`,
    );
    this.name = "NotebookFailures";
  }
}

/**
 * Executes notebooks of a folder (several at once), taking each from the
 * execution cache when its key (`executionKey`: code cells, kernel, folder, lib
 * and lockfile fingerprints) matches, and storing every successful run in the
 * cache at once (so a build that fails later keeps it). Each notebook runs in its
 * own folder (its working directory, relative imports and file writes as in
 * JupyterLab); outside a project that resolves "stepwise" its kernel gets
 * `kitImportEnv`'s variable, so that it imports the kit without a file written there.
 *
 * @param dir the notebooks' folder (absolute)
 * @param files paths relative to dir, in reading order
 * @param sources the notebooks as read
 * @param options see {@link BuildOptions}
 * @returns the executed notebooks and per-notebook timings, in order
 * @throws NotebookError for the first failing notebook in reading order (the others listed in its message);
 *   with `keepGoing`, NotebookFailures listing every failure once all notebooks ran
 */
export async function executeNotebooks(
  dir: string,
  files: string[],
  sources: Notebook[],
  options: ExecuteAllOptions = {},
): Promise<{ executed: Notebook[]; runs: BuildResult["runs"] }> {
  const cache = new ExecutionCache(options.cacheDir ?? DEFAULT_CACHE_DIR);
  const inputs = fingerprint(options.cacheInputs ?? defaultCacheInputs(dir));
  const runs = files.map((file) => ({ file, seconds: 0, cached: false }));
  sweepStaleFolders(); // what builds killed with SIGKILL left in the temporary folder
  const work = options.executedDir ?? mkdtempSync(path.join(os.tmpdir(), "stepwise-run-"));
  const untrack = options.executedDir ? () => undefined : trackFolder(work);
  if (!options.executedDir) markOwner(work);
  const executor = options.executor ?? new NotebookExecutor(kitImportEnv(dir));
  const spare = options.spare ? inputs : undefined;
  let done = 0;
  try {
    const jobs = options.jobs ?? Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
    const results = await runPool(
      files,
      jobs,
      async (file, i) => {
        const notebookPath = path.join(dir, file);
        const cwd = path.dirname(notebookPath);
        const key = executionKey(sources[i], path.dirname(notebookPath), inputs);
        const hit = options.cache === false ? undefined : cache.get(notebookPath, key);
        if (hit) {
          try {
            const nb = withCachedOutputs(sources[i], hit);
            runs[i].cached = true;
            if (options.executedDir) writeCopy(path.join(work, file), nb);
            options.onProgress?.({ file, done: ++done, total: files.length, seconds: 0, cached: true });
            return nb;
          } catch {
            // an entry that does not fit is a miss
          }
        }
        const t = process.hrtime.bigint();
        try {
          const target = path.join(work, file);
          mkdirSync(path.dirname(target), { recursive: true });
          const r = await executor.run(notebookPath, target, { timeout: options.timeout, cwd, name: file, spare });
          runs[i].seconds = r.seconds;
          const executed = readNotebook(r.out);
          cache.put(notebookPath, key, executed);
          options.onProgress?.({
            file,
            done: ++done,
            total: files.length,
            seconds: r.seconds,
            cached: false,
            timings: r.timings,
          });
          return withCachedOutputs(sources[i], executed);
        } catch (err) {
          options.onProgress?.({
            file,
            done: ++done,
            total: files.length,
            seconds: seconds(t),
            cached: false,
            error: err as Error,
          });
          throw err;
        }
      },
      options.keepGoing === true,
    );
    // the notebooks taken from the cache get a spare kernel too (the executed ones start theirs after their run)
    if (spare)
      executor.warm(
        files.filter((_, i) => runs[i].cached).map((f) => path.join(dir, f)),
        spare,
      );
    const failures = results.flatMap((r) => (r.status === "rejected" ? [r.reason as Error] : []));
    if (failures.length > 0 && options.keepGoing) throw new NotebookFailures(failures, files.length);
    if (failures.length > 0) {
      const first = failures[0];
      if (failures.length > 1)
        first.message += ` (also failed: ${failures
          .slice(1)
          .map((f) => f.message)
          .join("; ")})`;
      throw first;
    }
    return { executed: results.map((r) => (r.status === "fulfilled" ? r.value : (undefined as never))), runs };
  } finally {
    if (!options.executor) await executor.close();
    if (!options.executedDir) rmSync(work, { recursive: true, force: true });
    untrack();
  }
}

function writeCopy(file: string, nb: Notebook): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, notebookJson(nb));
}

/**
 * What a page of a folder's site is called: "Tutorial" for the kit's own tutorials
 * (`notebooks/` of the kit), "Notebook" for any other folder.
 *
 * @param dir the notebooks' folder
 * @returns "Tutorial" or "Notebook"
 */
export function pageNoun(dir: string): "Tutorial" | "Notebook" {
  return path.resolve(dir) === path.join(PROJECT_ROOT, "notebooks") ? "Tutorial" : "Notebook";
}

/**
 * The site's introduction: the notebooks folder's README.md, if any.
 *
 * @param dir the notebooks' folder
 * @returns markdown or undefined
 */
export function readIntro(dir: string): string | undefined {
  const readme = path.join(dir, "README.md");
  return existsSync(readme) ? readFileSync(readme, "utf8") : undefined;
}

/**
 * Builds a static site from a folder of notebooks: checks `out` first
 * (`checkOut`), executes each notebook under its Jupyter kernel through nbclient
 * or takes it from the execution cache (`executeNotebooks`), then renders index
 * and pages (`renderSite`) into a temporary folder that replaces `out` only when
 * everything succeeded (`buildAtomically`). Notebooks in subfolders become
 * sections of the site, their pages in the same subfolders.
 *
 * @param options see {@link BuildOptions}
 * @returns pages and timings
 * @throws Error for a bad `out` (before anything runs), a missing folder, no notebooks, or an unreadable notebook;
 *   NotebookError naming the notebook, cell and message of the first failing
 *   notebook (in reading order; the others that failed are listed in the message);
 *   with `keepGoing`, NotebookFailures listing every failing notebook once all ran;
 *   RenderError naming notebook and cell when rendering fails. The previous site is untouched.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const dir = path.resolve(options.notebooksDir);
  checkOut(options.out, [dir]);
  const files = listNotebooks(dir, [path.resolve(options.out)]);
  const sources = files.map((f) => readNotebook(path.join(dir, f)));
  options.onStart?.(files);
  const started = process.hrtime.bigint();
  let executed = sources;
  let runs: BuildResult["runs"] = files.map((file) => ({ file, seconds: 0, cached: false }));
  if (options.execute !== false) ({ executed, runs } = await executeNotebooks(dir, files, sources, options));
  const executeSeconds = seconds(started);
  const renderStart = process.hrtime.bigint();
  const pages = await buildAtomically(options.out, (temp) =>
    renderSite(
      files.map((file, i) => ({ file, source: sources[i], executed: executed[i] })),
      temp,
      {
        title: options.title ?? folderTitle(dir),
        introMarkdown: readIntro(dir),
        sourceDir: dir,
        cacheDir: options.cacheDir ?? DEFAULT_CACHE_DIR,
        noun: pageNoun(dir),
      },
    ),
  );
  return { out: path.resolve(options.out), pages, runs, executeSeconds, renderSeconds: seconds(renderStart) };
}

export { NotebookError };
