import { spawn } from "node:child_process";
import * as path from "node:path";
import { trackChild } from "./interrupt";
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

/** Options of {@link executeNotebook}. */
export interface ExecuteOptions {
  /** Seconds allowed per cell, default 180. */
  timeout?: number;
  /** The kernel's working directory; default the notebook's folder. */
  cwd?: string;
  /** Name shown in errors; default the notebook's file name. */
  name?: string;
}

/**
 * Executes a notebook top to bottom under the Jupyter kernel its metadata names
 * (kernelspec.name; the project's tslab when missing, jslab for JavaScript)
 * through nbclient (scripts/execute-notebook.py), stopping at the first failing
 * cell. A cell fails when it raises, when the kernel aborts it, or when it writes
 * a stack trace to stderr (an exception in a timer), unless it is tagged
 * `raises-exception` or the notebook's metadata has `execution.allow_errors: true`.
 * The executor process is registered with `trackChild`, so an interrupt stops it
 * and its kernel.
 *
 * @param notebook path of the .ipynb to run (not modified)
 * @param out      where to write the executed copy (written on failure too)
 * @param options  see {@link ExecuteOptions}
 * @returns the output path and the wall time
 * @throws NotebookError naming the notebook, the cell number and the error message
 */
export function executeNotebook(notebook: string, out: string, options: ExecuteOptions = {}): Promise<ExecutedNotebook> {
  const script = path.join(PROJECT_ROOT, "scripts", "execute-notebook.py");
  const started = process.hrtime.bigint();
  const name = options.name ?? path.basename(notebook);
  const args = [script, notebook, out, "--timeout", String(options.timeout ?? 180)];
  if (options.cwd) args.push("--cwd", options.cwd);
  return new Promise((resolve, reject) => {
    const child = trackChild(spawn(findPython(), args, { env: jupyterEnv(), stdio: ["ignore", "ignore", "pipe"] }));
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code === 0) return resolve({ out, seconds });
      const line = stderr.trim().split("\n").reverse().find((l) => l.startsWith("{"));
      try {
        const r = JSON.parse(line ?? "");
        reject(new NotebookError(name, r.cell, r.ename, r.evalue, r.code_cell ?? null));
      } catch {
        const why = signal ? `the executor was stopped by ${signal}` : `exit code ${code}`;
        reject(new NotebookError(name, null, "ExecutionFailed", stderr.trim().slice(-2000) || why));
      }
    });
  });
}
