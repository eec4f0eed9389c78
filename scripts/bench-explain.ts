/**
 * npm run bench:explain (also part of npm run bench): explain() on the function corpus
 * (test/fixtures/explain-functions.json, and test/fixtures/explain-functions-added.json: the
 * functions added after the goals were set, never tuned for) and, in the same run, SymPy's
 * diff then simplify of each; the figures are printed for each set and for both. SymPy also
 * checks every final form: simplify(final − f′) must be 0 (else f′ − final at 5 points to 1e-9). "explain + verify" is what explain() does: generate, then verify every step with the
 * exact tier and SELF_CHECK_SAMPLES (16) sample points (selfCheck: the verdicts only, not the TeX
 * and shown comparisons of the rows, which showVerified makes when it shows the derivation). Prints per function: whether the derivation verifies, its steps proved / total, the
 * final form's size against SymPy's (formSize: nodes, e^u counted as exp(u)), and the times
 * (CPU time of this process and of SymPy's, so that a shared machine's load does not tilt the ratios;
 * explain() alone also in CPU time of the JavaScript thread only, scripts/thread-cpu.ts: the process's
 * figure counts V8's background compiler and GC threads too, about 45 % of it here);
 * then the goals of issue 19: 100 % verify, ≥ 95 % of steps proved, final size ≤ SymPy's for
 * ≥ 90 %, explain() alone ≥ 10× faster than SymPy, explain() plus verification faster than
 * SymPy. No assertions: figures only (test/unit/derive/explain/corpus.test.ts checks a seeded sample).
 * explain() is the compiled package's, as a notebook runs it (scripts/explain-under-test.ts; lib/
 * is compiled first when dist/ is stale).
 *
 * Python: .venv/bin/python if present, else $STEPWISE_PYTHON, else python3.
 * `-- --only <substring>` runs the functions whose name contains it.
 * Then the time against nesting depth (scripts/bench-explain-depth.ts).
 */
import { spawnSync } from "node:child_process";
import { math } from "../lib/derive/expression";
import { formSize } from "../lib/derive/explain/algebra";
import { explainSteps, selfCheck } from "./explain-under-test";
import { benchExplainDepth } from "./bench-explain-depth";
import { python } from "./python";
import { threadCpuSeconds } from "./thread-cpu";
import { box, sympyFormSize, sympyText } from "./sympy-oracle";
import type { DomainSpec } from "../lib/derive/domain";
import { type CorpusFunction, EXPLAIN_SETS, readExplainCorpus } from "./explain-corpus";
import { GENERATED_COUNT, GENERATED_SEED, generatedFunctions } from "./explain-generated-functions";

const SETS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(EXPLAIN_SETS).map(([set, file]) => [set, `test/fixtures/${file}`])),
  generated: `scripts/explain-generated-functions.ts, seed ${GENERATED_SEED}`,
};
const arg = (flag: string): string | undefined => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
};
/** `--generated <n>`: how many generated functions (default {@link GENERATED_COUNT}). */
const generatedCount = Number(arg("--generated") ?? GENERATED_COUNT);
const all: CorpusFunction[] = [...readExplainCorpus(), ...generatedFunctions(generatedCount, GENERATED_SEED)];
/** `--sets first,generated`: only these sets. */
const sets = arg("--sets")?.split(",");
const only = arg("--only");
const corpus = all.filter((f) => (!only || f.name.includes(only)) && (!sets || sets.includes(f.set)));
const ms = (s: number) => `${(s * 1000).toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const SYMPY = `
import json, sys, time, random
from sympy import Symbol, E, pi, simplify, sympify, diff, N
data = json.load(sys.stdin)
x = Symbol("x", real=True)
for w in data["warm"]:  # the same warm-up as explain()'s, not counted
    simplify(diff(sympify(w, locals={"x": x, "e": E, "E": E, "pi": pi}), x))
items = data["items"]
out = []
for it in items:
    names = {n: Symbol(n, real=True) for n in it["vars"]}
    names.update({"e": E, "E": E, "pi": pi})
    f = sympify(it["f"], locals=names)
    t0 = time.process_time()
    d = simplify(diff(f, names[it["wrt"]]))
    seconds = time.process_time() - t0
    agrees = None
    if it["final"]:
        # the oracle, outside the timing: the final form minus SymPy's derivative is 0
        gap = sympify(it["final"], locals=names) - diff(f, names[it["wrt"]])
        agrees = simplify(gap) == 0
        if not agrees:
            rnd = random.Random(19)
            pts = [{names[n]: rnd.uniform(*it["box"][n]) for n in it["vars"]} for _ in range(5)]
            agrees = all(abs(N(gap.subs(p), 30)) < 1e-9 for p in pts)
    out.append({"seconds": seconds, "result": str(d), "agrees": agrees})
print(json.dumps(out))
`;

interface Row {
  fn: CorpusFunction;
  ok: boolean;
  error?: string;
  steps: number;
  proved: number;
  size: number;
  gen: number;
  /** explain() alone in CPU time of the JavaScript thread only (undefined where the system does not say): gen without V8's background compiler and GC threads. */
  genThread?: number;
  /** explain() alone in wall-clock time (what the caller waits for; tilted by the machine's load). */
  genWall: number;
  total: number;
  final: string;
}

const rows: Row[] = [];
/**
 * Warm-up, not counted, the same functions on both sides (none is in a corpus): module loading,
 * the JIT and mathjs's lazily built functions for each family of rules (abs, the trigonometric
 * and hyperbolic functions, roots, logs, quotients), and SymPy's imports and caches.
 */
const WARM_UP: { f: string; domain: DomainSpec }[] = [
  { f: "x * sigma(x)", domain: { x: "(-1, 1)" } },
  { f: "abs(x) * tanh(x) / (1 + x^2)", domain: { x: "(0.5, 2)" } },
  { f: "sin(x) / (2 + cos(x)) + atan(x)", domain: { x: "(-1, 1)" } },
  { f: "log(2 + x^2) * sqrt(x) - softplus(x)", domain: { x: "(0.5, 2)" } },
];
for (const w of WARM_UP) {
  const d = explainSteps(w.f, { wrt: "x", domain: w.domain });
  for (const p of [...d.parts, d]) selfCheck(p);
}
/** CPU seconds since `t0` (user + system): the machine may be shared, so both sides are timed in CPU time. */
const cpuSince = (t0: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(t0);
  return (u.user + u.system) / 1e6;
};
for (const fn of corpus) {
  // the thread's clock is read outside the process's window, so gen does not count its reads
  const thread0 = threadCpuSeconds();
  const t0 = process.cpuUsage();
  const wall0 = performance.now();
  try {
    const d = explainSteps(fn.f, { wrt: fn.wrt, domain: fn.domain, title: fn.name });
    const genWall = (performance.now() - wall0) / 1000;
    const gen = cpuSince(t0);
    const thread1 = threadCpuSeconds();
    const genThread = thread0 === undefined || thread1 === undefined ? undefined : thread1 - thread0;
    const results = [...d.parts, d].map(selfCheck);
    const total = cpuSince(t0);
    const steps = results.flatMap((r) => r.steps.slice(1));
    const last = d.spec.steps[d.spec.steps.length - 1].expr;
    rows.push({
      fn,
      ok: results.every((r) => r.ok),
      steps: steps.length,
      proved: steps.filter((s) => s.tier === "proved").length,
      size: formSize(math.parse(last)),
      gen,
      genThread,
      genWall,
      total,
      final: last,
      ...(results.every((r) => r.ok)
        ? {}
        : {
            error: results
              .flatMap((r) => r.steps)
              .filter((s) => !s.ok)
              .map((s) => `${s.rule}: ${s.expr}`)
              .join("; "),
          }),
    });
  } catch (err) {
    rows.push({
      fn,
      ok: false,
      error: (err as Error).message,
      steps: 0,
      proved: 0,
      size: Infinity,
      gen: 0,
      genWall: 0,
      total: 0,
      final: "",
    });
  }
}

const input = rows.map((r) => ({
  f: sympyText(r.fn.f),
  final: r.final ? sympyText(r.final) : "",
  wrt: r.fn.wrt,
  vars: Object.keys(r.fn.domain),
  box: box(r.fn.domain),
}));
const py = spawnSync(python(), ["-c", SYMPY], {
  input: JSON.stringify({ warm: WARM_UP.map((w) => sympyText(w.f)), items: input }),
  encoding: "utf8",
  maxBuffer: 1 << 26,
});
const sympy: { seconds: number; result: string; agrees: boolean | null }[] | undefined =
  py.status === 0 ? JSON.parse(py.stdout) : undefined;
if (!sympy)
  console.log(
    `SymPy comparison skipped: ${python()} failed (${(py.stderr || "").trim().split("\n").slice(-1)[0]}); install sympy into .venv (npm start does)\n`,
  );

const sympySize = sympyFormSize;
console.log(
  `explain() on ${corpus.length} functions (${Object.values(SETS).join("; ")})${sympy ? ", against SymPy diff + simplify in the same run" : ""}\n`,
);
console.log(
  `${"function".padEnd(40)} ${"ok".padEnd(3)} ${"proved".padStart(7)} ${"size".padStart(5)} ${"sympy".padStart(6)} ${"explain".padStart(10)} ${"+verify".padStart(10)} ${"sympy".padStart(10)}`,
);
rows.forEach((r, i) => {
  const s = sympy?.[i];
  console.log(
    `${r.fn.name.slice(0, 40).padEnd(40)} ${(r.ok ? "✓" : "✗").padEnd(3)} ${`${r.proved}/${r.steps}`.padStart(7)} ${String(r.size).padStart(5)} ${s ? String(sympySize(s.result)).padStart(6) : "".padStart(6)} ${ms(r.gen).padStart(10)} ${ms(r.total).padStart(10)} ${s ? ms(s.seconds).padStart(10) : ""}${s && s.agrees === false ? "   SymPy: the final form is NOT the derivative" : ""}`,
  );
  if (r.error) console.log(`   ${r.error.slice(0, 300)}`);
});

/** The figures of the goals for some rows (indices into rows and sympy). */
function summary(label: string, idx: number[]): void {
  const rs = idx.map((i) => rows[i]);
  const sy = sympy ? idx.map((i) => sympy[i]) : undefined;
  const verified = rs.filter((r) => r.ok).length;
  const steps = rs.reduce((s, r) => s + r.steps, 0);
  const proved = rs.reduce((s, r) => s + r.proved, 0);
  const gen = rs.map((r) => r.gen);
  const tot = rs.map((r) => r.total);
  const pc = (a: number, b: number) => `${a}/${b} (${((100 * a) / b).toFixed(1)} %`;
  console.log(`\n== ${label}: ${rs.length} functions`);
  console.log(`verified:          ${pc(verified, rs.length)}; goal 100 %)`);
  console.log(`steps proved:      ${pc(proved, steps)}; goal ≥ 95 %)`);
  console.log(
    `explain() alone:   median ${ms(median(gen))}, max ${ms(Math.max(...gen))}, total ${ms(gen.reduce((a, b) => a + b, 0))}`,
  );
  console.log(
    `explain + verify:  median ${ms(median(tot))}, max ${ms(Math.max(...tot))}, total ${ms(tot.reduce((a, b) => a + b, 0))}`,
  );
  if (!sy) return;
  const agree = sy.filter((s) => s.agrees === true).length;
  console.log(`SymPy agrees with the final form: ${pc(agree, rs.length)}; goal 100 %)`);
  const small = rs.filter((r, i) => r.size <= sympySize(sy[i].result)).length;
  const symTotal = sy.reduce((a, s) => a + s.seconds, 0);
  const genTotal = gen.reduce((a, b) => a + b, 0);
  const totTotal = tot.reduce((a, b) => a + b, 0);
  console.log(`final size ≤ SymPy simplify: ${pc(small, rs.length)}; goal ≥ 90 %)`);
  console.log(
    `SymPy diff+simplify: median ${ms(median(sy.map((s) => s.seconds)))}, max ${ms(Math.max(...sy.map((s) => s.seconds)))}, total ${ms(symTotal)}`,
  );
  console.log(`ratio SymPy / explain() alone:        ${(symTotal / genTotal).toFixed(1)}× (goal ≥ 10×)`);
  // the same, counting the JavaScript thread only (scripts/thread-cpu.ts): what the caller waits for on an idle machine
  const threadTimes = rs.map((r) => r.genThread);
  if (threadTimes.every((t) => t !== undefined)) {
    const threadTotal = threadTimes.reduce((a, b) => a + b, 0);
    console.log(
      `ratio SymPy / explain() alone, JS thread: ${(symTotal / threadTotal).toFixed(1)}× (explain() on the JavaScript thread ${ms(threadTotal)}; V8's compiler and GC threads ${ms(genTotal - threadTotal)} more)`,
    );
  }
  const wallTotal = rs.reduce((a, r) => a + r.genWall, 0);
  console.log(
    `ratio SymPy / explain() alone, wall clock: ${(symTotal / wallTotal).toFixed(1)}× (explain() ${ms(wallTotal)} of wall-clock time; SymPy's CPU time against it, as SymPy runs on one thread)`,
  );
  console.log(`ratio SymPy / (explain() + verify):   ${(symTotal / totTotal).toFixed(2)}× (goal > 1×)`);
  const bigger = rs.map((r, i) => ({ r, s: sy[i] })).filter(({ r, s }) => r.size > sympySize(s.result));
  if (bigger.length) {
    console.log("larger than SymPy's:");
    for (const { r, s } of bigger)
      console.log(`   ${r.fn.name}: ${r.final} (${r.size}) vs ${s.result} (${sympySize(s.result)})`);
  }
}
const indices = (set?: string) => rows.flatMap((r, i) => (set === undefined || r.fn.set === set ? [i] : []));
for (const [set, source] of Object.entries(SETS))
  if (indices(set).length) summary(`${set} set (${source})`, indices(set));
summary("all sets", indices());
if (!sets) benchExplainDepth(only);
