/**
 * npm run bench:diagnose (also part of npm run bench): the slip diagnosis of issue 20 on the
 * corpus test/fixtures/diagnose-corpus.json (scripts/diagnose-corpus.ts; checked by SymPy).
 * Each item's step is verified; a rejected step is diagnosed, timed alone (the derivation's
 * preparation, which the verifier has already done, is not counted). Prints, in one run:
 *   recall           wrong steps made by a slip whose diagnosis names that slip (first or among the others)
 *   top-1            … whose first id is that slip
 *   precision        diagnosed slip steps whose ids include the slip that made them
 *   no diagnosis     on true steps and on mistakes no slip explains (goal: 100 %)
 *   time             per rejected step: median, 90th percentile, maximum (goals: ≤ 50 ms, ≤ 500 ms)
 *                    (wall clock and CPU time), and how many diagnoses ran out of their time budget
 *   work             candidates predicted, screened in doubles, passing the screen, compared in full
 *                    (totals and maxima), the time per phase, and the slowest items with theirs
 * recall per slip, and the items missed or diagnosed wrongly. No assertions: figures only
 * (test/unit/derive/diagnose asserts a sample).
 *
 * Usage: tsx scripts/bench-diagnose.ts [--sample N] (every N-th item) [--corpus FILE] (another corpus of the same
 * format, e.g. the independent one of scripts/independent-slip-corpus.ts)
 */
import * as path from "node:path";
import { DIAGNOSIS_BUDGET_MS, type DiagnoseStats, emptyStats } from "../lib/derive/diagnose/diagnose";
import { stepDiagnoser } from "../lib/derive/diagnose/in-derivation";
import { verifyDerivation } from "../lib/derive/verify";
import type { DerivationSpec } from "../lib/derive/spec";
import { readSlipCorpus, type CorpusItem } from "./slip-corpus-format";

const root = path.join(__dirname, "..");
const corpusArg = process.argv.indexOf("--corpus");
const corpus =
  corpusArg >= 0
    ? path.resolve(process.argv[corpusArg + 1])
    : path.join(root, "test", "fixtures", "diagnose-corpus.json");
const items: CorpusItem[] = readSlipCorpus(corpus);
const every = (() => {
  const i = process.argv.indexOf("--sample");
  return i >= 0 ? Number(process.argv[i + 1]) : 1;
})();

const pct = (a: number, b: number): string => (b === 0 ? "n/a" : `${((100 * a) / b).toFixed(1)} % (${a}/${b})`);
const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const times: number[] = [];
const cpuTimes: number[] = [];
/** Per diagnosed (rejected) step: its wall and CPU time, what it tried, and the item. */
const work: { ms: number; cpu: number; stats: DiagnoseStats; item: CorpusItem }[] = [];
const perSlip = new Map<string, { n: number; found: number }>();
let slipItems = 0,
  found = 0,
  top1 = 0,
  diagnosedSlip = 0,
  consistent = 0,
  acceptedWrong = 0;
let trueItems = 0,
  trueRejected = 0,
  trueDiagnosed = 0,
  unexplained = 0,
  unexplainedDiagnosed = 0;
const notes: string[] = [];
const t0 = Date.now();
items
  .filter((_, i) => i % every === 0)
  .forEach((item) => {
    const spec: DerivationSpec = {
      title: "bench",
      name: "f",
      f: item.f,
      wrt: item.wrt,
      domain: item.domain,
      steps: [{ kind: item.kind, expr: item.step, rule: "", note: "" }],
    };
    const verdict = verifyDerivation(spec, { diagnose: false }).steps[1];
    let ids: string[] = [];
    if (!verdict.ok) {
      const diagnose = stepDiagnoser(spec, 1);
      const stats = emptyStats();
      const start = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const d = diagnose(undefined, { stats });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1e3);
      work.push({ ms: times[times.length - 1], cpu: cpuTimes[cpuTimes.length - 1], stats, item });
      ids = d ? [d.id, ...d.others.map((o) => o.id)] : [];
    }
    if (item.label === "true") {
      trueItems++;
      if (!verdict.ok) trueRejected++;
      if (ids.length > 0) trueDiagnosed++;
    } else if (item.label === "unexplained") {
      unexplained++;
      if (ids.length > 0) {
        unexplainedDiagnosed++;
        notes.push(`unexplained mistake diagnosed as ${ids.join(", ")}: ${item.f} → ${item.step}`);
      }
    } else {
      slipItems++;
      const s = perSlip.get(item.label) ?? { n: 0, found: 0 };
      s.n++;
      if (verdict.ok) acceptedWrong++;
      if (ids.includes(item.label)) {
        found++;
        s.found++;
      } else if (ids.length === 0) {
        notes.push(`${item.label} not found: ${item.f} → ${item.step}`);
      } else {
        notes.push(`${item.label} diagnosed as ${ids.join(", ")}: ${item.f} → ${item.step}`);
      }
      if (ids[0] === item.label) top1++;
      if (ids.length > 0) {
        diagnosedSlip++;
        if (ids.includes(item.label)) consistent++;
      }
      perSlip.set(item.label, s);
    }
  });

console.log(
  `slip diagnosis on ${slipItems + trueItems + unexplained} items of ${path.relative(root, corpus)} (${((Date.now() - t0) / 1000).toFixed(0)} s in all)`,
);
console.log(`  recall        ${pct(found, slipItems)}   (goal ≥ 95 %)`);
console.log(`  top-1         ${pct(top1, slipItems)}`);
console.log(`  precision     ${pct(consistent, diagnosedSlip)}   (goal ≥ 99 %)`);
console.log(
  `  no diagnosis  true steps ${pct(trueItems - trueDiagnosed, trueItems)} (rejected by the verifier: ${trueRejected}); unexplained mistakes ${pct(unexplained - unexplainedDiagnosed, unexplained)}   (goal 100 %)`,
);
if (acceptedWrong > 0) console.log(`  wrong steps the verifier accepted: ${acceptedWrong} (a bug)`);
console.log(
  `  time per rejected step  median ${quantile(times, 0.5).toFixed(1)} ms, p90 ${quantile(times, 0.9).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms over ${times.length}   (goals: median ≤ 50 ms, max ≤ 500 ms)`,
);
console.log(
  `  CPU time per rejected step  median ${quantile(cpuTimes, 0.5).toFixed(1)} ms, p90 ${quantile(cpuTimes, 0.9).toFixed(1)} ms, max ${Math.max(...cpuTimes).toFixed(1)} ms (the same, without the waits of a shared machine)`,
);
const outOfTime = work.filter((w) => w.stats.outOfTime);
console.log(
  `  ran out of the time budget (${DIAGNOSIS_BUDGET_MS} ms of CPU; no diagnosis then): ${outOfTime.length} of ${work.length}${outOfTime.length ? ` (${outOfTime.map((w) => w.item.label).join(", ")})` : ""}`,
);
const total = (k: "candidates" | "screened" | "passed" | "compared" | "identical") =>
  work.reduce((a, w) => a + w.stats[k], 0);
const most = (k: "candidates" | "screened" | "passed" | "compared") => Math.max(0, ...work.map((w) => w.stats[k]));
console.log(
  `  work per rejected step  candidates ${total("candidates")} (max ${most("candidates")}), screened in doubles ${total("screened")}, passing the screen ${total("passed")}, compared in full ${total("compared")} (max ${most("compared")}), identical to the step (no comparison) ${total("identical")}`,
);
const phases = Object.keys(emptyStats().ms) as (keyof DiagnoseStats["ms"])[];
const phaseLine = (s: DiagnoseStats) => phases.map((p) => `${p} ${s.ms[p].toFixed(0)}`).join(", ");
console.log(
  `  time per phase, ms  median ${phases
    .map(
      (p) =>
        `${p} ${quantile(
          work.map((w) => w.stats.ms[p]),
          0.5,
        ).toFixed(1)}`,
    )
    .join(
      ", ",
    )}; total ${phases.map((p) => `${p} ${work.reduce((a, w) => a + w.stats.ms[p], 0).toFixed(0)}`).join(", ")}`,
);
console.log("  slowest (by CPU time; phases in wall-clock ms):");
for (const w of [...work].sort((a, b) => b.cpu - a.cpu).slice(0, 5)) {
  const s = w.stats;
  console.log(
    `    CPU ${w.cpu.toFixed(0)} ms, wall ${w.ms.toFixed(0)} ms (${phaseLine(s)}): ${s.candidates} candidates, ${s.screened} screened, ${s.passed} passed, ${s.compared} compared; ${w.item.label} ${w.item.kind} ${w.item.f} → ${w.item.step.slice(0, 80)}${w.item.step.length > 80 ? "…" : ""}`,
  );
}
console.log(
  `  recall per slip: ${[...perSlip]
    .sort()
    .map(([id, s]) => `${id} ${s.found}/${s.n}`)
    .join(", ")}`,
);
for (const n of notes.slice(0, 12)) console.log(`  ${n}`);
