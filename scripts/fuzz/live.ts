/**
 * A long fuzz run that always reports (issue 21): the verifier judges the generated steps as
 * runFuzz does, and one long-lived oracle process (oracle.py --lines) judges them in chunks
 * while the verifier goes on, so the totals are known every chunk, and a run stopped by its
 * time limit or a signal still reports the steps both have judged.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import * as path from "node:path";
import {
  type FuzzOptions,
  type FuzzReport,
  type FuzzStep,
  fuzzCases,
  judgeCase,
  type OracleVerdict,
  oracleItem,
  python,
  setOracle,
  tally,
} from "./run";

/** How a live run reports and stops. */
export interface LiveOptions extends FuzzOptions {
  /** Steps per chunk sent to the oracle (default 250). */
  chunk?: number;
  /** Called after each chunk the oracle has judged, with the totals so far. */
  progress?: (report: LiveReport) => void;
  /** Polled between derivations: true stops the run (no new steps; the steps made are still judged). */
  stop?: () => boolean;
  /** Seconds to wait, once stopped, for the oracle's pending chunks (default 60); steps still unjudged then count apart. */
  grace?: number;
}

/** runFuzz's totals, with the steps the oracle had not judged when the run ended. */
export interface LiveReport extends FuzzReport {
  /** Steps the verifier judged whose oracle verdict never came (the run was stopped). */
  awaitingOracle: number;
  /** Whether the run was stopped before its count. */
  stopped: boolean;
}

/** One oracle.py --lines process: chunks in, verdicts out, in order. */
class OracleProcess {
  private child: ChildProcessWithoutNullStreams;
  private buffer = "";
  private waiting: { steps: FuzzStep[]; done: () => void }[] = [];
  private failure: Error | undefined;

  constructor() {
    // its own process group: `timeout` signals the whole group, and the oracle must outlive that signal to
    // judge the steps already made (it exits by itself when its stdin closes)
    this.child = spawn(python(), [path.join(__dirname, "oracle.py"), "--lines"], { stdio: "pipe", detached: true });
    this.child.stdin.on("error", () => {}); // a dead oracle is reported by its exit
    let stderr = "";
    this.child.stderr.setEncoding("utf8");
    this.child.stderr.on("data", (d: string) => {
      stderr = (stderr + d).slice(-4000);
    });
    this.child.stdout.setEncoding("utf8");
    this.child.stdout.on("data", (d: string) => this.read(d));
    this.child.on("exit", (code) => {
      if (this.waiting.length > 0)
        this.failure = new Error(
          `fuzz: the oracle (${python()} scripts/fuzz/oracle.py --lines) exited (code ${code}) with ${this.waiting.length} chunks unjudged: ${stderr.trim().split("\n").slice(-3).join(" | ")}; it needs mpmath (npm start installs it into .venv)`,
        );
      for (const w of this.waiting.splice(0)) w.done();
    });
  }

  /** Sends steps to be judged; `first` numbers them among the run's judged steps (the seed of their random points). */
  send(steps: FuzzStep[], first: number): Promise<void> {
    return new Promise((done) => {
      this.waiting.push({ steps, done });
      this.child.stdin.write(`${JSON.stringify(steps.map((s, i) => oracleItem(s, first + i)))}\n`);
    });
  }

  private read(data: string): void {
    this.buffer += data;
    for (let nl = this.buffer.indexOf("\n"); nl >= 0; nl = this.buffer.indexOf("\n")) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      const w = this.waiting.shift();
      if (!w) continue;
      const verdicts: OracleVerdict[] = JSON.parse(line);
      w.steps.forEach((s, i) => setOracle(s, verdicts[i]));
      w.done();
    }
  }

  /** Throws the oracle's failure, if it failed. */
  check(): void {
    if (this.failure) throw this.failure;
  }

  close(): void {
    this.child.stdin.end();
    this.child.kill();
  }
}

/**
 * Generates and judges about `count` steps as runFuzz does, the oracle judging them chunk by
 * chunk alongside, and stops early when `options.stop()` says so.
 *
 * @param count   how many steps (as runFuzz)
 * @param seed    the seed of the run (the same steps as runFuzz's, the same oracle points)
 * @param options see {@link LiveOptions}
 * @returns the totals; steps the oracle had not judged by the end count in `awaitingOracle` only
 * @throws Error when the oracle's process fails (naming its Python and its last error lines)
 */
export async function runFuzzLive(count: number, seed: number, options: LiveOptions = {}): Promise<LiveReport> {
  const chunk = options.chunk ?? 250;
  const oracle = new OracleProcess();
  const steps: FuzzStep[] = [];
  const pending: Promise<void>[] = [];
  let batch: FuzzStep[] = [];
  let sent = 0;
  let stopped = false;
  const report = (): LiveReport => ({
    ...tally(steps),
    awaitingOracle: steps.filter((s) => (s.verifier === "accepted" || s.verifier === "rejected") && !s.oracle).length,
    stopped,
  });
  const flush = () => {
    if (batch.length === 0) return;
    const p = oracle.send(batch, sent).then(() => options.progress?.(report()));
    sent += batch.length;
    batch = [];
    pending.push(p);
  };
  try {
    let made = 0;
    for (const c of fuzzCases(count, seed, options)) {
      // let the oracle's answers and signals in between derivations
      await new Promise((r) => setImmediate(r));
      oracle.check();
      if (options.stop?.()) {
        stopped = true;
        break;
      }
      const judged = judgeCase(c, seed, options);
      steps.push(...judged);
      batch.push(...judged.filter((s) => s.verifier === "accepted" || s.verifier === "rejected"));
      made += judged.length;
      if (made >= chunk) {
        made = 0;
        flush();
      }
    }
    flush();
    if (stopped) {
      const grace = new Promise<void>((r) => setTimeout(r, (options.grace ?? 60) * 1000).unref());
      await Promise.race([Promise.all(pending), grace]);
    } else await Promise.all(pending);
    oracle.check();
    return report();
  } finally {
    oracle.close();
  }
}
