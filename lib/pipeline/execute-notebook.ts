import { spawn } from "node:child_process";
import * as path from "node:path";
import { findPython, jupyterEnv, PROJECT_ROOT } from "./jupyter-env";

/** Where a notebook run failed. */
export class NotebookError extends Error {
  constructor(
    readonly notebook: string,
    /** 1-based cell number (counting markdown cells too), or null if the kernel never ran a cell. */
    readonly cell: number | null,
    readonly ename: string,
    readonly evalue: string,
    /** 1-based number among the code cells only (what a frontend's prompt counts), or null. */
    readonly codeCell: number | null = null,
  ) {
    super(`${notebook}${cell ? `, cell ${cell}${codeCell ? ` (code cell ${codeCell})` : ""}` : ""}: ${ename}: ${evalue}`);
    this.name = "NotebookError";
  }
}

/** What a successful run returns. */
export interface ExecutedNotebook {
  /** Path of the executed copy. */
  out: string;
  /** Wall time of the run in seconds. */
  seconds: number;
}

/**
 * Executes a notebook top to bottom under its Jupyter kernel (the project's tslab by
 * default) through nbclient, stopping at the first failing cell; the kernel's working
 * directory is the notebook's folder.
 *
 * @param notebook path of the .ipynb to run (not modified)
 * @param out      where to write the executed copy (written on failure too)
 * @param options  timeout: seconds per cell (default 180)
 * @returns the output path and the wall time
 * @throws NotebookError naming the notebook, the cell number and the error message
 */
export function executeNotebook(notebook: string, out: string, options: { timeout?: number } = {}): Promise<ExecutedNotebook> {
  const script = path.join(PROJECT_ROOT, "scripts", "execute-notebook.py");
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(findPython(), [script, notebook, out, "--timeout", String(options.timeout ?? 180)], {
      env: jupyterEnv(),
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code === 0) return resolve({ out, seconds });
      const line = stderr.trim().split("\n").reverse().find((l) => l.startsWith("{"));
      try {
        const r = JSON.parse(line ?? "");
        reject(new NotebookError(path.basename(notebook), r.cell, r.ename, r.evalue, r.code_cell ?? null));
      } catch {
        reject(new NotebookError(path.basename(notebook), null, "ExecutionFailed", stderr.trim().slice(-2000) || `exit code ${code}`));
      }
    });
  });
}
