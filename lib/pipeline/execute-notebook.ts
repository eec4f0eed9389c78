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

/** Where a notebook's run spent its time, as the executor measured it (seconds). */
export interface RunTimings {
  /** From the run's start until its kernel answered: a kernel's start-up, or near 0 for a spare that was ready (waiting for one still starting included). Null if it never did. */
  kernel: number | null;
  /** Whether the notebook ran in a spare kernel (started ahead, see {@link ExecuteOptions.spare}). */
  spare: boolean;
  /** Each code cell run, in order; the last is the executor's drain cell (after the last code cell of a tslab or jslab notebook). */
  cells: number[];
  /** CPU seconds (user and system) the kernel process used for all the cells, the drain cell included: unlike wall times, barely changed by a loaded machine. Null where it cannot be read (only Linux's /proc is). */
  cellsCpu: number | null;
}

/** What a successful run returns. */
export interface ExecutedNotebook {
  /** Path of the executed copy. */
  out: string;
  /** Wall time of the run in seconds, as the caller saw it. */
  seconds: number;
  /** The executor's own breakdown of the run. */
  timings: RunTimings;
}

/** Options of {@link executeNotebook}. */
export interface ExecuteOptions {
  /** Seconds allowed per cell, default 180. */
  timeout?: number;
  /** The kernel's working directory; default the notebook's folder. */
  cwd?: string;
  /** Name shown in errors; default the notebook's file name. */
  name?: string;
  /**
   * Run in a spare kernel (lib/pipeline/spare_kernels.py): a fresh kernel the executor started
   * ahead for this kernel name, folder and prelude, with "stepwise" already imported when the
   * notebook imports it; the next spare starts once this run is done. The value is a token (the
   * fingerprint of the lib and the kernels): only a spare made under the same token is used, so a
   * changed lib is never run from an old spare. Without it, the kernel is started for the run.
   */
  spare?: string;
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
        spare: options.spare ?? null,
      };
      child.stdin!.write(`${JSON.stringify(request)}\n`);
    });
  }

  /**
   * Starts spare kernels for the next runs of `notebooks` with the `spare` token (see
   * {@link ExecuteOptions.spare}) and returns at once; the spares start in the background, one
   * per kernel, folder (each notebook's own) and prelude not served yet, the first three such
   * only. Spares are stopped by {@link NotebookExecutor.close}.
   *
   * @param notebooks paths of .ipynb files whose kernel, folder and imports the spares are for
   * @param spare the token the runs will pass
   * @throws Error when the executor process has exited
   */
  warm(notebooks: string[], spare: string): void {
    if (notebooks.length === 0) return;
    const child = this.start();
    const request = { id: this.nextId++, warm: { notebooks: notebooks.map((n) => path.resolve(n)), spare } };
    child.stdin!.write(`${JSON.stringify(request)}\n`);
  }

  /**
   * Waits until every spare kernel asked for (by {@link NotebookExecutor.warm} or a run with
   * `spare`) has started or failed to: a benchmark's next edit then finds its spare ready, as an
   * author's does after reading the page.
   *
   * @returns when they have (at once if the executor never started)
   */
  async sparesReady(): Promise<void> {
    if (!this.child) return;
    await new Promise<ExecutedNotebook>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { name: "(spare kernels)", out: "", started: process.hrtime.bigint(), resolve, reject });
      this.start().stdin!.write(`${JSON.stringify({ id, ready: true })}\n`);
    });
  }

  /**
   * Lets the running notebooks finish, stops the spare kernels, then ends the executor process.
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
    timings?: Partial<RunTimings> & { cells_cpu?: number | null };
  }): void {
    const p = this.pending.get(result.id);
    if (!p) return;
    this.pending.delete(result.id);
    const seconds = Number(process.hrtime.bigint() - p.started) / 1e9;
    if (result.status === 0) {
      const t = result.timings ?? {};
      p.resolve({
        out: p.out,
        seconds,
        timings: {
          kernel: t.kernel ?? null,
          spare: t.spare === true,
          cells: t.cells ?? [],
          cellsCpu: t.cells_cpu ?? null,
        },
      });
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
