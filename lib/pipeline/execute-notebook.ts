import { spawn, type ChildProcess } from "node:child_process";
import { executorModel } from "../notebook/errors";
import * as path from "node:path";
import type { Readable } from "node:stream";
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
    super(
      `${notebook}${cell ? `, cell ${cell}${codeCell ? ` (code cell ${codeCell})` : ""}` : ""}: ${ename}: ${evalue}`,
    );
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

/** One run asked of a {@link NotebookExecutor}. */
interface Pending {
  name: string;
  out: string;
  started: bigint;
  resolve: (r: ExecutedNotebook) => void;
  reject: (e: Error) => void;
}

/**
 * One executor process (lib/pipeline/execute-notebook.py --serve) that runs many
 * notebooks, as many at once as the caller asks for, so that Python's start-up
 * and nbclient's imports are paid once per build rather than once per notebook.
 * Each notebook still gets a kernel of its own, started for it and stopped after
 * it. The process is started on the first {@link NotebookExecutor.run} and
 * registered with `trackChild`, so an interrupt stops it and every kernel it runs.
 *
 * @example
 *   const executor = new NotebookExecutor();
 *   try {
 *     await Promise.all([executor.run("a.ipynb", "/tmp/a.ipynb"), executor.run("b.ipynb", "/tmp/b.ipynb")]);
 *   } finally {
 *     await executor.close();
 *   }
 */
export class NotebookExecutor {
  /**
   * @param env environment variables added for the executor and the kernels it starts (e.g.
   *   `kitImportEnv`'s STEPWISE_KIT), on top of `jupyterEnv()`
   */
  constructor(private readonly env: Record<string, string> = {}) {}

  private child: ChildProcess | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stderr = "";
  private exited: Promise<void> | undefined;

  /**
   * Executes a notebook top to bottom under the Jupyter kernel its metadata names
   * (kernelspec.name; the project's tslab when missing, jslab for JavaScript),
   * stopping at the first failing cell. A cell fails when it raises, when the
   * kernel aborts it, or when it writes a stack trace to stderr (an exception in a
   * timer), unless it is tagged `raises-exception` or the notebook's metadata has
   * `execution.allow_errors: true`.
   *
   * @param notebook path of the .ipynb to run (not modified)
   * @param out      where to write the executed copy (written on failure too)
   * @param options  see {@link ExecuteOptions}
   * @returns the output path and the wall time of this notebook's run
   * @throws NotebookError naming the notebook, the cell number and the error
   *   message; for an executor that died or could not start, ename "ExecutionFailed"
   *   with its stderr (or the signal that stopped it)
   */
  run(notebook: string, out: string, options: ExecuteOptions = {}): Promise<ExecutedNotebook> {
    const child = this.start();
    const id = this.nextId++;
    const name = options.name ?? path.basename(notebook);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { name, out, started: process.hrtime.bigint(), resolve, reject });
      const request = {
        id,
        notebook: path.resolve(notebook),
        out: path.resolve(out),
        timeout: options.timeout ?? 180,
        cwd: options.cwd ?? null,
      };
      child.stdin!.write(`${JSON.stringify(request)}\n`);
    });
  }

  /**
   * Lets the running notebooks finish, then ends the executor process.
   * @returns when the process has exited (at once if it never started)
   */
  async close(): Promise<void> {
    if (!this.child) return;
    this.child.stdin!.end();
    await this.exited;
  }

  private start(): ChildProcess {
    if (this.child) {
      if (this.child.exitCode !== null || this.child.signalCode !== null)
        throw new Error("NotebookExecutor: the executor process has exited; make a new NotebookExecutor");
      return this.child;
    }
    const script = path.join(PROJECT_ROOT, "lib", "pipeline", "execute-notebook.py");
    const child = trackChild(
      spawn(findPython(), [script, "--serve", "--model", JSON.stringify(executorModel())], {
        env: { ...jupyterEnv(), ...this.env },
        stdio: ["pipe", "ignore", "pipe", "pipe"],
      }),
    );
    this.child = child;
    child.stderr!.on("data", (d: Buffer) => {
      // keep the tail only: it is shown when the process dies
      this.stderr = (this.stderr + d.toString()).slice(-20_000);
    });
    child.stdin!.on("error", () => undefined); // a dead process: reported by "close" below
    let buffered = "";
    const results = child.stdio[3] as Readable;
    results.on("data", (d: Buffer) => {
      buffered += d.toString();
      let newline: number;
      while ((newline = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line.trim()) this.settle(JSON.parse(line));
      }
    });
    this.exited = new Promise((resolve) => {
      child.on("error", (err) => {
        this.failAll(`could not start the executor (${findPython()} ${script}): ${err.message}`);
        resolve();
      });
      child.on("close", (code, signal) => {
        const why = signal ? `the executor was stopped by ${signal}` : `the executor exited with code ${code}`;
        const tail = this.stderr.trim().slice(-2000);
        this.failAll(tail ? `${why}; its stderr ends:\n${tail}` : why);
        resolve();
      });
    });
    return child;
  }

  private settle(result: {
    id: number;
    status: number;
    error?: { cell: number | null; code_cell?: number | null; ename: string; evalue: string };
  }): void {
    const p = this.pending.get(result.id);
    if (!p) return;
    this.pending.delete(result.id);
    const seconds = Number(process.hrtime.bigint() - p.started) / 1e9;
    if (result.status === 0) {
      p.resolve({ out: p.out, seconds });
      return;
    }
    const e = result.error!;
    p.reject(new NotebookError(p.name, e.cell, e.ename, e.evalue, e.code_cell ?? null));
  }

  private failAll(message: string): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new NotebookError(p.name, null, "ExecutionFailed", message));
    }
  }
}

/**
 * Executes one notebook in an executor process of its own (a
 * {@link NotebookExecutor} for a single run); see {@link NotebookExecutor.run}
 * for what counts as a failing cell. To run several notebooks, share one
 * NotebookExecutor instead.
 *
 * @param notebook path of the .ipynb to run (not modified)
 * @param out      where to write the executed copy (written on failure too)
 * @param options  see {@link ExecuteOptions}
 * @param env      environment variables added for the kernel (see {@link NotebookExecutor})
 * @returns the output path and the wall time
 * @throws NotebookError naming the notebook, the cell number and the error message
 */
export async function executeNotebook(
  notebook: string,
  out: string,
  options: ExecuteOptions = {},
  env: Record<string, string> = {},
): Promise<ExecutedNotebook> {
  const executor = new NotebookExecutor(env);
  try {
    return await executor.run(notebook, out, options);
  } finally {
    await executor.close();
  }
}
