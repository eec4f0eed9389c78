/**
 * Part of npm run bench (after bench-verifier.ts): the verifier on identities it was never
 * tuned on, made by the fuzz grammar (scripts/fuzz/grammar.ts; half true rewrites, half
 * mutants of them), timed from the first one in this fresh process, against SymPy's
 * simplify(a − b) == 0 (else equals) on the same identities; the truth of each is the
 * fuzz oracle's (mpmath interval arithmetic). Then `npm run fuzz` at scale. Figures only.
 *
 *   tsx scripts/bench-fuzz.ts [--identities N] [--steps M]   (defaults 64 and 10000)
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { derive } from "../lib/derive/derive";
import { mutateExpression } from "../tooling/mutation/mutate";
import { domain, generate, rewrite, rng, text } from "./fuzz/grammar";
import { python, pythonText, runFuzz } from "./fuzz/run";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const count = arg("identities", 64);
const steps = arg("steps", 10000);

interface Identity {
  lhs: string;
  rhs: string;
  lo: string;
  hi: string;
}
const r = rng(20261204);
const items: Identity[] = [];
while (items.length < count) {
  const f = generate(r, 2 + Math.floor(r() * 3), true);
  const d = domain(r);
  const right = text(rewrite(r, f));
  const mutants = mutateExpression(right, ["x"]);
  items.push({ lhs: text(f), rhs: right, ...d });
  if (mutants.length > 0) items.push({ lhs: text(f), rhs: mutants[Math.floor(r() * mutants.length)], ...d });
}
items.length = count;

const ms = (s: number) => `${(s * 1000).toFixed(1)} ms`;
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const median = (xs: number[]) => quantile(xs, 0.5);
/** median, p90 and max of a list of seconds. */
const spread = (xs: number[]) => `median ${ms(median(xs))}, p90 ${ms(quantile(xs, 0.9))}, max ${ms(Math.max(...xs))}`;

const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
const ours = items.map((id) => {
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  let equal: boolean | null = null;
  let at: string | undefined;
  try {
    const step = derive("bench", { f: id.lhs, wrt: "x", domain: { x: `(${id.lo}, ${id.hi})` } })
      .rewrite(id.rhs, "identity")
      .verify().steps[1];
    equal = step.ok;
    at = step.counterexample?.point.x;
  } catch {
    equal = null;
  }
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const used = process.cpuUsage(c);
  const cpu = (used.user + used.system) / 1e6;
  if (process.env.FUZZ_TRACE)
    console.error(`${seconds.toFixed(2)} s ${equal} ${id.lhs} → ${id.rhs} on (${id.lo}, ${id.hi})`);
  return { equal, seconds, cpu, at };
});
const ourTotal = Number(process.hrtime.bigint() - t0) / 1e9;
const ourCpu = (process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1e6;

const input = JSON.stringify(
  items.map((i) => ({ lhs: pythonText(i.lhs), rhs: pythonText(i.rhs), lo: i.lo, hi: i.hi, seed: 1 })),
);
// the oracle also looks at the verifier's counterexample, where a step wrong below the tolerance shows ("near": rejecting it is right)
const oracle = spawnSync(python(), [path.join(__dirname, "fuzz", "oracle.py")], {
  input: JSON.stringify(
    JSON.parse(input).map((it: object, k: number) => ({ ...it, extra: ours[k].at ? [ours[k].at] : [] })),
  ),
  encoding: "utf8",
  maxBuffer: 1 << 26,
});
const verdicts: string[] =
  oracle.status === 0
    ? JSON.parse(oracle.stdout).map((v: { verdict: string }) => v.verdict)
    : items.map(() => "undecided");
const truth: (boolean | null)[] = verdicts.map((v) => (v === "undecided" ? null : v === "equal"));
const sym = spawnSync(python(), [path.join(__dirname, "fuzz", "sympy-judge.py")], {
  input,
  encoding: "utf8",
  maxBuffer: 1 << 26,
});
const theirs: { equal: boolean | null; how: string; seconds: number }[] | null =
  sym.status === 0 ? JSON.parse(sym.stdout) : null;

const right = (v: boolean | null, i: number) =>
  truth[i] !== null && (v === truth[i] || (verdicts[i] === "near" && v !== null));
console.log(
  `\nfuzz identities: ${items.length} made by the fuzz grammar (seed 20261204), ${truth.filter((t) => t === true).length} true and ${truth.filter((t) => t === false).length} false by the oracle` +
    `${oracle.status === 0 ? "" : ` (oracle failed: ${(oracle.stderr ?? "").trim().split("\n").pop()})`}`,
);
console.log(
  `stepwise (first pass, fresh process): ${ours.filter((o, i) => right(o.equal, i)).length}/${items.length} right, total ${ms(ourTotal)} (CPU ${ms(ourCpu)}); ` +
    `per step wall ${spread(ours.map((o) => o.seconds))}; CPU ${spread(ours.map((o) => o.cpu))}`,
);
if (theirs) {
  const theirTotal = theirs.reduce((a, o) => a + o.seconds, 0);
  console.log(
    `sympy simplify(a − b) == 0 else equals: ${theirs.filter((o, i) => right(o.equal, i)).length}/${items.length} right, total ${ms(theirTotal)}, median ${ms(median(theirs.map((o) => o.seconds)))}`,
  );
  console.log(
    `ratio sympy / stepwise on fuzz identities: ${(theirTotal / ourTotal).toFixed(2)}× wall (goal ≥ 3×), ` +
      `median step ${ms(median(ours.map((o) => o.seconds)))} wall, ${ms(median(ours.map((o) => o.cpu)))} CPU (goal ≤ 8 ms)`,
  );
} else {
  console.log(`sympy: skipped — ${(sym.stderr ?? "").trim().split("\n").pop()}`);
}
ours.forEach((o, i) => {
  if (!right(o.equal, i))
    console.log(
      `  stepwise ${o.equal} vs oracle ${truth[i]}: ${items[i].lhs}  →  ${items[i].rhs} on (${items[i].lo}, ${items[i].hi})`,
    );
});

if (steps > 0) {
  const t = Date.now();
  const report = runFuzz(steps, 1);
  console.log(
    `\nnpm run fuzz at scale (seed 1): ${report.steps.length} steps, ${report.disagreements.length} disagreements, ${report.escaped.length} escaped errors, ${report.verifierUndecided.length} undecided ` +
      `(${report.verifierUndecided.map((s) => s.id).join(", ") || "none"}; ${report.refused} refused by name, ${report.oracleUndecided.length} left open by the oracle) in ${((Date.now() - t) / 1000).toFixed(0)} s`,
  );
}
