import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readNotebook, type Notebook } from "../site/notebook";
import { renderSite, type SitePage } from "../site/render-site";
import { buildAtomically } from "./atomic-dir";
import { executeNotebook, NotebookError } from "./execute-notebook";
import { runPool } from "./pool";

/** Options of {@link buildSite}. */
export interface BuildOptions {
  /** Folder holding the .ipynb files (not searched recursively). */
  notebooksDir: string;
  /** Site folder to create or replace. */
  out: string;
  /** Site title; default: the folder's name. */
  title?: string;
  /** Notebooks executed at once; default: the number of CPU cores. */
  jobs?: number;
  /** Seconds allowed per cell; default 180. */
  timeout?: number;
  /** false: render the outputs stored in the notebooks without running them. Default true. */
  execute?: boolean;
  /** Also keep the executed notebooks in this folder (created if missing). */
  executedDir?: string;
  /** Called when a notebook has run (or failed). */
  onProgress?: (p: Progress) => void;
}

/** One notebook done. */
export interface Progress {
  file: string;
  /** 1-based count of notebooks done so far, and the number of notebooks. */
  done: number;
  total: number;
  /** Wall time of its run in seconds. */
  seconds: number;
  error?: Error;
}

/** What a build did. */
export interface BuildResult {
  /** Absolute path of the site. */
  out: string;
  pages: SitePage[];
  /** Per notebook, in order: its run time in seconds (0 without execution). */
  runs: { file: string; seconds: number }[];
  /** Wall time of the execute phase (all notebooks, in parallel) and of the render phase, in seconds. */
  executeSeconds: number;
  renderSeconds: number;
}

/**
 * The notebooks of a folder in reading order: *.ipynb files (not hidden), sorted
 * by file name with numbers compared by value ("2-…" before "10-…").
 *
 * @param dir the folder
 * @returns file names
 * @throws Error when the folder does not exist or holds no notebook
 */
export function listNotebooks(dir: string): string[] {
  if (!existsSync(dir)) throw new Error(`no such folder: ${dir}`);
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".ipynb") && !f.startsWith("."))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  if (files.length === 0) throw new Error(`no notebooks (*.ipynb) in ${dir}`);
  return files;
}

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

/**
 * Builds a static site from a folder of notebooks: executes each under its
 * Jupyter kernel through nbclient (`executeNotebook`, several at once), then
 * renders index and pages (`renderSite`) into a temporary folder that replaces
 * `out` only when everything succeeded (`buildAtomically`).
 *
 * @param options see {@link BuildOptions}
 * @returns pages and timings
 * @throws NotebookError naming the notebook, cell and message of the first failing
 *   notebook (in reading order; the others that failed are listed in the message);
 *   RenderError naming notebook and cell when rendering fails; Error for a missing
 *   folder, no notebooks, or an unreadable notebook. The previous site is untouched.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const dir = path.resolve(options.notebooksDir);
  const files = listNotebooks(dir);
  const sources = files.map((f) => readNotebook(path.join(dir, f)));
  const work = options.executedDir ?? mkdtempSync(path.join(os.tmpdir(), "stepwise-run-"));
  const started = process.hrtime.bigint();
  const runs = files.map((file) => ({ file, seconds: 0 }));
  let executed: Notebook[];
  try {
    if (options.execute === false) {
      executed = sources;
    } else {
      let done = 0;
      const jobs = options.jobs ?? Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
      const results = await runPool(files, jobs, async (file, i) => {
        const t = process.hrtime.bigint();
        try {
          const r = await executeNotebook(path.join(dir, file), path.join(work, file), { timeout: options.timeout });
          runs[i].seconds = r.seconds;
          options.onProgress?.({ file, done: ++done, total: files.length, seconds: r.seconds });
          return readNotebook(r.out);
        } catch (err) {
          options.onProgress?.({ file, done: ++done, total: files.length, seconds: seconds(t), error: err as Error });
          throw err;
        }
      });
      const failures = results.flatMap((r) => (r.status === "rejected" ? [r.reason as Error] : []));
      if (failures.length > 0) {
        const first = failures[0];
        if (failures.length > 1) first.message += ` (also failed: ${failures.slice(1).map((f) => f.message).join("; ")})`;
        throw first;
      }
      executed = results.map((r) => (r.status === "fulfilled" ? r.value : (undefined as never)));
    }
  } finally {
    if (!options.executedDir) rmSync(work, { recursive: true, force: true });
  }
  const executeSeconds = seconds(started);
  const renderStart = process.hrtime.bigint();
  const readme = path.join(dir, "README.md");
  const pages = await buildAtomically(options.out, (temp) =>
    renderSite(
      files.map((file, i) => ({ file, source: sources[i], executed: executed[i] })),
      temp,
      { title: options.title ?? path.basename(dir), introMarkdown: existsSync(readme) ? readFileSync(readme, "utf8") : undefined, sourceDir: dir },
    ),
  );
  return { out: path.resolve(options.out), pages, runs, executeSeconds, renderSeconds: seconds(renderStart) };
}

export { NotebookError };
