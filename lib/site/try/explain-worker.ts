/**
 * explain() off the page's thread, for the playground (assets/playground.js) and "Show the kit's
 * derivation" of "Try a step" (assets/try.js): both send their request to the same worker,
 * assets/playground-worker.js (lib/site/playground/playground-worker.ts), which loads the page's
 * verifier beside it, and both bound a run in time the same way (`runBounded`). Browser-only.
 */
import type { ExplainAnswer } from "./explain-in-page";
import type { ExplainJob, PlaygroundJob, PlaygroundReply } from "../playground/playground-worker";
import { PLAYGROUND_TIME_LIMIT_MS } from "../playground/time-limit";

// read while the script runs: document.currentScript is null in callbacks
const here = document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : "";
const workerUrl = here ? here.replace(/[^/]*\.js(\?.*)?$/, "playground-worker.js") : "assets/playground-worker.js";

/** The worker, one run at a time. */
export interface ExplainWorker {
  /** Starts a job (ending the run before it); resolves with explain()'s answer, rejects when the worker fails. */
  run(job: ExplainJob): Promise<ExplainAnswer>;
  /** Ends the current run (the worker is terminated; the next run makes a new one). */
  stop(): void;
  /** Whether a run is under way. */
  busy(): boolean;
}

/**
 * explain() in a worker, one run at a time: `run` starts a job (ending the run before it),
 * `stop` ends the current one. The worker is made on the first run and kept between runs; a
 * stopped run ends it (a new one is made for the next).
 *
 * @returns the worker's handle, or undefined where no worker can start (no Worker, or a page
 *   opened from a file: the caller runs explain() on the page's thread then)
 */
export function explainWorker(): ExplainWorker | undefined {
  if (typeof Worker === "undefined" || location.protocol === "file:") return undefined;
  let worker: Worker | null = null;
  let next = 0;
  let pending: { id: number; resolve: (a: ExplainAnswer) => void; reject: (e: Error) => void } | null = null;
  const make = (): Worker => {
    const w = new Worker(workerUrl);
    w.onmessage = (e: MessageEvent<PlaygroundReply>) => {
      if (!pending || e.data.id !== pending.id) return;
      const p = pending;
      pending = null;
      p.resolve(e.data.answer);
    };
    w.onerror = (e) => {
      e.preventDefault();
      const p = pending;
      pending = null;
      worker?.terminate();
      worker = null;
      p?.reject(new Error(`the worker that derives (${workerUrl}) failed: ${e.message || "it could not start"}`));
    };
    return w;
  };
  const stop = (): void => {
    worker?.terminate();
    worker = null;
    pending = null;
  };
  return {
    run(job) {
      if (pending) stop();
      if (!worker) worker = make();
      const id = ++next;
      const w = worker;
      return new Promise<ExplainAnswer>((resolve, reject) => {
        pending = { id, resolve, reject };
        const message: PlaygroundJob = { ...job, id };
        w.postMessage(message);
      });
    },
    stop,
    busy: () => pending !== null,
  };
}

/** What a bounded run reports: its answer, the end of its time, or the worker's failure. */
export interface BoundedRunHandlers {
  answer(a: ExplainAnswer): void;
  /** The time bound ran out and the worker was ended; `message` says so in words (starts with ✗). */
  timeout(message: string): void;
  failed(err: Error): void;
}

/** The status line while a run works, shared by the playground and the kit's derivation. */
export const WORKING_TEXT = "working\u2026 the kit derives and the verifier checks every step (Stop ends it)";

/** The status line after Stop, before what to do next. */
export const STOPPED_TEXT = "Stopped: the derivation was cancelled";

/**
 * The time bound of a run from an element's `data-time-limit-ms`, else {@link PLAYGROUND_TIME_LIMIT_MS}.
 *
 * @param host the element that may carry the attribute (the playground's form, the kit's region)
 * @returns milliseconds, > 0
 */
export function timeLimitOf(host: Element): number {
  return Number(host.getAttribute("data-time-limit-ms")) || PLAYGROUND_TIME_LIMIT_MS;
}

/**
 * Runs one job in the worker with a time bound: past `limitMs` the worker is ended and
 * `timeout` is called with the message; a run cancelled before it ends (the returned function,
 * a Stop) calls nothing.
 *
 * @param work the worker
 * @param job the request (or subject) to derive
 * @param limitMs the bound in milliseconds
 * @param on what to call with the outcome (exactly one of them, once, unless cancelled)
 * @returns cancel: ends the run and its bound (the caller says "stopped")
 */
export function runBounded(work: ExplainWorker, job: ExplainJob, limitMs: number, on: BoundedRunHandlers): () => void {
  let live = true;
  const limit = limitMs >= 1000 ? `${Math.round(limitMs / 1000)} s` : `${limitMs} ms`;
  const bound = setTimeout(() => {
    if (!live) return;
    live = false;
    work.stop();
    on.timeout(
      `\u2717 Stopped after ${limit}: the derivation of this function takes longer than the page allows; try a smaller function (fewer terms) or another strategy`,
    );
  }, limitMs);
  const end = (): boolean => {
    if (!live) return false;
    live = false;
    clearTimeout(bound);
    return true;
  };
  work.run(job).then(
    (a) => {
      if (end()) on.answer(a);
    },
    (err: Error) => {
      if (end()) on.failed(err);
    },
  );
  return () => {
    if (end()) work.stop();
  };
}
