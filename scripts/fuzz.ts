/**
 * npm run fuzz [-- --steps N --seed S --deadline T --far-tails]: the verifier against an independent
 * oracle on generated derivations (scripts/fuzz/run.ts), judged by the oracle in chunks of 250
 * steps as the run goes (scripts/fuzz/live.ts), with a running line on stderr after each chunk.
 * Prints each disagreement, escaped error and step the verifier left undecided within its time
 * bound (T seconds per step, default the verifier's 5), with its id `seed/number`, then
 * `N steps, D disagreements, E escaped errors, U undecided`, and exits 1 unless D and E are 0.
 * Stopped by SIGTERM or SIGINT (e.g. `timeout`), it reports the steps judged so far, marked
 * partial. Defaults: 2000 steps, seed 1.
 */
import { runFuzzLive } from "./fuzz/live";
import { type FuzzStep, oracleBoundHit } from "./fuzz/run";

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 1) {
    console.error(`npm run fuzz: --${name} must be a positive integer, got ${process.argv[i + 1]}`);
    process.exit(2);
  }
  return v;
};

const count = arg("steps", 2000);
const seed = arg("seed", 1);
const deadlineAt = process.argv.indexOf("--deadline");
const deadline = deadlineAt < 0 ? undefined : Number(process.argv[deadlineAt + 1]);
if (deadline !== undefined && !(deadline >= 0)) {
  console.error(`npm run fuzz: --deadline must be a number of seconds ≥ 0, got ${process.argv[deadlineAt + 1]}`);
  process.exit(2);
}
const t0 = Date.now();
// --far-tails: derivations whose derivatives cancel far out (scripts/fuzz/far-tails.ts) instead of the grammar's
const farTails = process.argv.includes("--far-tails");
let signalled: string | undefined;
let signalledAt = 0;
for (const sig of ["SIGTERM", "SIGINT"] as const)
  process.on(sig, () => {
    // `timeout` signals the process and its group, and tsx relays it: one stop arrives twice at once;
    // a signal seconds later stops at once
    if (signalled) {
      if (Date.now() - signalledAt > 5000) process.exit(3);
      return;
    }
    signalled = sig;
    signalledAt = Date.now();
    console.error(`npm run fuzz: ${sig}: stopping after this derivation; judging the steps made (up to 60 s)`);
  });
const show = (s: FuzzStep) =>
  `  ${s.id}: ${s.kind} on x in (${s.domain.lo}, ${s.domain.hi}) of f = ${s.f}\n    step (${s.made}): ${s.expr}\n    verifier: ${s.verifier}${s.point ? ` at x = ${s.point}` : ""}${s.message ? ` — ${s.message}` : ""}\n    oracle: ${s.oracle ?? "-"}${s.oracleAt ? ` at x = ${s.oracleAt}` : ""}${s.oracleReason ? ` — ${s.oracleReason}` : ""}`;
const reported = { disagreements: 0, escaped: 0 };
const main = async () => {
  const report = await runFuzzLive(count, seed, {
    ...(deadline === undefined ? {} : { deadline }),
    ...(farTails ? { farTails } : {}),
    stop: () => signalled !== undefined,
    progress: (r) => {
      // each disagreement and escaped error as soon as the oracle has judged it
      for (const d of r.disagreements.slice(reported.disagreements)) console.error(`disagreement:\n${show(d)}`);
      for (const d of r.escaped.slice(reported.escaped)) console.error(`escaped error:\n${show(d)}`);
      reported.disagreements = r.disagreements.length;
      reported.escaped = r.escaped.length;
      const s = (Date.now() - t0) / 1000;
      const judged = r.steps.length - r.awaitingOracle;
      console.error(
        `… ${judged} steps judged, ${r.disagreements.length} disagreements, ${r.escaped.length} escaped errors, ${r.verifierUndecided.length} undecided, ${r.oracleUndecided.length} left open by the oracle; ${r.awaitingOracle} awaiting the oracle; ${s.toFixed(0)} s, ${((r.steps.length / s) * 60).toFixed(0)} steps/min`,
      );
    },
  });
  const seconds = (Date.now() - t0) / 1000;
  for (const s of report.disagreements) console.log(`disagreement:\n${show(s)}`);
  for (const s of report.escaped) console.log(`escaped error:\n${show(s)}`);
  for (const s of report.verifierUndecided) console.log(`undecided by the verifier:\n${show(s)}`);
  const bound = report.oracleUndecided.filter(oracleBoundHit);
  for (const s of report.oracleUndecided.filter((s) => !oracleBoundHit(s)))
    console.log(`left open by the oracle:\n${show(s)}`);
  for (const s of bound) console.log(`left open by the oracle's item bound:\n${show(s)}`);
  const times = report.steps
    .filter((s) => s.verifier === "accepted" || s.verifier === "rejected")
    .map((s) => s.seconds * 1000)
    .sort((a, b) => a - b);
  console.log(
    `seed ${seed}: ${report.refused} steps refused by name (a RangeError), ${report.oracleUndecided.length} left open by the oracle (${bound.length} of them by its item bound); ` +
      `median step ${times.length ? times[Math.floor(times.length / 2)].toFixed(1) : "-"} ms, slowest ${times.length ? times[times.length - 1].toFixed(0) : "-"} ms; ${seconds.toFixed(0)} s in all`,
  );
  const partial = report.stopped
    ? ` (partial: stopped by ${signalled} at ${report.steps.length} of ${count} steps; ${report.awaitingOracle} judged by the verifier only, not counted)`
    : report.awaitingOracle > 0
      ? ` (${report.awaitingOracle} awaiting the oracle, not counted)`
      : "";
  console.log(
    `${report.steps.length - report.awaitingOracle} steps, ${report.disagreements.length} disagreements, ${report.escaped.length} escaped errors, ${report.verifierUndecided.length} undecided; ` +
      `${report.oracleUndecided.length} left open by the oracle, ${bound.length} of them by its item bound${partial}`,
  );
  process.exit(report.disagreements.length === 0 && report.escaped.length === 0 ? 0 : 1);
};
main().catch((err) => {
  console.error(err);
  process.exit(2);
});
