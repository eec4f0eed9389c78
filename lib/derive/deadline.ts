/**
 * The verifier's time bound per step. A step that the verifier cannot decide within it
 * (a precision escalation at many points, an exact-tier split, …) ends with the verdict
 * "undecided" instead of running on: see docs/verification.md, "The time bound".
 *
 * The bound is checked between phases (each sample point, each precision round, each
 * exact-tier split), so a step may overrun it by at most one phase. Time is the process's
 * CPU time of the JavaScript thread in Node (the verifier's own work, so a verdict does not
 * change with the load of a shared machine; see {@link clock}) and `performance.now()` in the browser (the
 * page runs this code; it has no CPU clock).
 * The deadline is kept for the duration of one synchronous call (`withinDeadline`), so the
 * functions between the step and the phases (compare, the exact tier) keep their APIs.
 */

/** The default time bound of one step, in seconds (VerifyOptions.deadline). */
export const DEFAULT_DEADLINE_SECONDS = 5;

/** Thrown by {@link checkDeadline} when the step's time is up; caught where the step's verdict is made. */
export class StepUndecided extends Error {
  /** What the verifier was doing when the time ran out, e.g. "sampling point 12 of 64 at 480 digits". */
  readonly phase: string;
  /** The bound, in seconds. */
  readonly seconds: number;

  /**
   * @param phase   what the verifier was doing
   * @param seconds the bound that ran out, in seconds
   */
  constructor(phase: string, seconds: number) {
    super(`could not decide within ${formatSeconds(seconds)} s: ${phase}`);
    this.name = "StepUndecided";
    this.phase = phase;
    this.seconds = seconds;
  }
}

/**
 * Milliseconds on the clock the bound is measured with: the JavaScript thread's CPU time in
 * Node on Linux, the process's CPU time in Node elsewhere, wall-clock time in the browser.
 * The thread's own time, not the process's: process.cpuUsage() also counts V8's background
 * threads (the concurrent compiler, the parallel garbage collector), about 45 % of the
 * process's CPU on explain()'s bench (session 33), and more in a long-lived process with a
 * large heap, so a 400 ms diagnosis budget ran out under the unit tests' load in CI (stop 30)
 * where it takes 230 ms alone. Node 20 has no per-thread CPU call (process.threadCpuUsage came
 * in 23.9): Linux's /proc/thread-self/schedstat gives it, its first field the thread's
 * nanoseconds on a CPU (Documentation/scheduler/sched-stats.rst); reading it costs about 2.6 µs,
 * process.cpuUsage() 1.9 µs.
 */
const clock: () => number = (() => {
  if (typeof process === "undefined" || typeof process.cpuUsage !== "function") return () => performance.now();
  const processCpu = (): number => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  // process.getBuiltinModule (Node ≥ 20.16), not an import: this module is also bundled for the page
  const load = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  const fs = typeof load === "function" ? (load("node:fs") as typeof import("node:fs") | undefined) : undefined;
  if (fs === undefined) return processCpu;
  // opened on first use, so the file is the thread's that asks (a worker thread has its own module state)
  let fd: number | null = null;
  const buffer = new Uint8Array(64);
  const threadCpu = (): number => {
    if (fd === null) fd = fs.openSync("/proc/thread-self/schedstat", "r");
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    let ns = 0;
    for (let i = 0; i < n; i++) {
      const digit = buffer[i] - 48;
      if (digit < 0 || digit > 9) break;
      ns = ns * 10 + digit;
    }
    return ns / 1e6;
  };
  try {
    threadCpu();
    return threadCpu;
  } catch {
    return threadCpu;
  }
})();

/** The deadline in force: when it ends ({@link clock} milliseconds) and the bound it came from. */
let current: { end: number; seconds: number } | null = null;

/**
 * Runs `work` with a deadline `seconds` from now: {@link checkDeadline} inside it throws
 * {@link StepUndecided} once the time is up. A deadline already in force and ending
 * sooner is kept (a nested call cannot extend it).
 *
 * @param seconds the bound in seconds (≥ 0; Infinity: none)
 * @param work    the synchronous work
 * @returns what `work` returns
 * @throws RangeError when seconds is negative or not a number
 * @throws StepUndecided from work, when the time ran out
 */
export function withinDeadline<T>(seconds: number, work: () => T): T {
  if (typeof seconds !== "number" || Number.isNaN(seconds) || seconds < 0) {
    throw new RangeError(`deadline must be a number of seconds ≥ 0 (Infinity for none), got ${String(seconds)}`);
  }
  const outer = current;
  const end = clock() + seconds * 1000;
  if (outer === null || end < outer.end) current = { end, seconds };
  try {
    return work();
  } finally {
    current = outer;
  }
}

/**
 * Ends the step when its time is up: call between phases of work.
 *
 * @param phase what the verifier is doing, in words (a function, so the words are made only when needed)
 * @throws StepUndecided naming the bound and the phase once the deadline has passed
 */
export function checkDeadline(phase: () => string): void {
  if (current !== null && clock() >= current.end) throw new StepUndecided(phase(), current.seconds);
}

/**
 * The time bound in force, in seconds (Infinity when there is none): what a verdict that is
 * "undecided" for another reason (no sample point resolves the sides, compare.ts) reports as its bound.
 *
 * @returns the seconds of the innermost {@link withinDeadline}, or Infinity
 */
export function boundInForce(): number {
  return current === null ? Infinity : current.seconds;
}

/**
 * Milliseconds left before the deadline in force ({@link clock} time), Infinity when there is
 * none: for work that can tell its cost in advance (a decimal.js call at 1000 digits, see
 * cost.ts) and should not start when it cannot end in time.
 *
 * @returns the milliseconds left (≤ 0 once the time is up), or Infinity
 */
export function millisecondsLeft(): number {
  return current === null ? Infinity : current.end - clock();
}

/**
 * Ends the step now when work about to start is expected to take longer than the time left
 * (a single decimal.js call cannot be interrupted once started: atan at 1000 digits takes
 * seconds).
 *
 * @param expectedMs the expected cost of the work, in milliseconds of {@link clock} time
 * @param phase      what the work is, in words (made only when needed)
 * @throws StepUndecided naming the bound, the phase and the expected cost, when expectedMs exceeds the time left
 */
export function checkAffordable(expectedMs: number, phase: () => string): void {
  if (current === null) return;
  const left = current.end - clock();
  if (left <= 0 || expectedMs > left) {
    const p = phase();
    throw new StepUndecided(
      left <= 0 ? p : `${p} (expected to take about ${formatSeconds(expectedMs / 1000)} s, more than the time left)`,
      current.seconds,
    );
  }
}

/** The {@link clock}: CPU milliseconds of the JavaScript thread in Node, wall-clock milliseconds in the browser. */
export function clockMs(): number {
  return clock();
}

/** Seconds as shown in a reason: "5", "0.5", "0". */
export function formatSeconds(seconds: number): string {
  return Number.isFinite(seconds) ? String(Number(seconds.toPrecision(3))) : "∞";
}
