/**
 * npm run bench:explain (also part of npm run bench): explain() on the function corpus
 * (test/fixtures/explain-functions.json) and, in the same run, SymPy's diff then simplify of
 * each. Prints per function: whether the derivation verifies, its steps proved / total, the
 * final form's size against SymPy's (formSize: nodes, e^u counted as exp(u)), and the times;
 * then the goals of issue 19: 100 % verify, ≥ 95 % of steps proved, final size ≤ SymPy's for
 * ≥ 90 %, explain() alone ≥ 10× faster than SymPy, explain() plus verification faster than
 * SymPy. No assertions: figures only (test/unit/derive/explain/corpus.test.ts checks a seeded sample).
 *
 * Python: .venv/bin/python if present, else $STEPWISE_PYTHON, else python3.
 * `-- --only <substring>` runs the functions whose name contains it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import {
  BUILTIN_DEFINITIONS,
  expandDefinitions,
  math,
  parseDefinitions,
  parseExpression,
} from "../lib/derive/expression";
import { formSize } from "../lib/derive/explain/algebra";
import { explainSteps } from "../lib/derive/explain/explain";
import type { DomainSpec } from "../lib/derive/domain";

interface Fn {
  name: string;
  f: string;
  wrt: string;
  domain: DomainSpec;
}

const root = path.join(__dirname, "..");
const all: Fn[] = JSON.parse(
  readFileSync(path.join(root, "test", "fixtures", "explain-functions.json"), "utf8"),
).functions;
const only = process.argv.indexOf("--only");
const corpus = only > 0 ? all.filter((f) => f.name.includes(process.argv[only + 1])) : all;
const ms = (s: number) => `${(s * 1000).toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A function in SymPy syntax, with sigma and softplus written out. */
function sympyText(expr: string): string {
  const node = expandDefinitions(parseExpression(expr, "bench"), parseDefinitions(BUILTIN_DEFINITIONS), "bench");
  return node
    .toString()
    .replace(/\^/g, "**")
    .replace(/\babs\(/g, "Abs(");
}

function python(): string {
  const venv = path.join(root, ".venv", "bin", "python");
  return existsSync(venv) ? venv : process.env.STEPWISE_PYTHON || "python3";
}

const SYMPY = `
import json, sys, time
from sympy import Symbol, E, pi, simplify, sympify, diff
items = json.load(sys.stdin)
out = []
for it in items:
    names = {n: Symbol(n, real=True) for n in it["vars"]}
    names.update({"e": E, "E": E, "pi": pi})
    f = sympify(it["f"], locals=names)
    t0 = time.perf_counter()
    d = simplify(diff(f, names[it["wrt"]]))
    out.append({"seconds": time.perf_counter() - t0, "result": str(d)})
print(json.dumps(out))
`;

interface Row {
  fn: Fn;
  ok: boolean;
  error?: string;
  steps: number;
  proved: number;
  size: number;
  gen: number;
  total: number;
  final: string;
}

const rows: Row[] = [];
explainSteps("x * sigma(x)", { wrt: "x", domain: { x: "(-1, 1)" } }).verify(); // warm-up: module loading and JIT, not counted
for (const fn of corpus) {
  const t0 = process.hrtime.bigint();
  try {
    const d = explainSteps(fn.f, { wrt: fn.wrt, domain: fn.domain, title: fn.name });
    const gen = Number(process.hrtime.bigint() - t0) / 1e9;
    const results = [...d.parts, d].map((p) => p.verify());
    const total = Number(process.hrtime.bigint() - t0) / 1e9;
    const steps = results.flatMap((r) => r.steps.slice(1));
    const last = d.spec.steps[d.spec.steps.length - 1].expr;
    rows.push({
      fn,
      ok: results.every((r) => r.ok),
      steps: steps.length,
      proved: steps.filter((s) => s.tier === "proved").length,
      size: formSize(math.parse(last)),
      gen,
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
      total: 0,
      final: "",
    });
  }
}

const input = corpus.map((fn) => ({ f: sympyText(fn.f), wrt: fn.wrt, vars: Object.keys(fn.domain) }));
const py = spawnSync(python(), ["-c", SYMPY], { input: JSON.stringify(input), encoding: "utf8", maxBuffer: 1 << 26 });
const sympy: { seconds: number; result: string }[] | undefined = py.status === 0 ? JSON.parse(py.stdout) : undefined;
if (!sympy)
  console.log(
    `SymPy comparison skipped: ${python()} failed (${(py.stderr || "").trim().split("\n").slice(-1)[0]}); install sympy into .venv (npm start does)\n`,
  );

const sympySize = (text: string): number => {
  try {
    return formSize(math.parse(text.replace(/\*\*/g, "^").replace(/\bAbs\(/g, "abs(")));
  } catch {
    return Infinity; // a form mathjs does not read (Piecewise, …): counted as larger
  }
};
console.log(
  `explain() on ${corpus.length} functions (test/fixtures/explain-functions.json)${sympy ? ", against SymPy diff + simplify in the same run" : ""}\n`,
);
console.log(
  `${"function".padEnd(40)} ${"ok".padEnd(3)} ${"proved".padStart(7)} ${"size".padStart(5)} ${"sympy".padStart(6)} ${"explain".padStart(10)} ${"+verify".padStart(10)} ${"sympy".padStart(10)}`,
);
rows.forEach((r, i) => {
  const s = sympy?.[i];
  console.log(
    `${r.fn.name.slice(0, 40).padEnd(40)} ${(r.ok ? "✓" : "✗").padEnd(3)} ${`${r.proved}/${r.steps}`.padStart(7)} ${String(r.size).padStart(5)} ${s ? String(sympySize(s.result)).padStart(6) : "".padStart(6)} ${ms(r.gen).padStart(10)} ${ms(r.total).padStart(10)} ${s ? ms(s.seconds).padStart(10) : ""}`,
  );
  if (r.error) console.log(`   ${r.error.slice(0, 300)}`);
});
const verified = rows.filter((r) => r.ok).length;
const steps = rows.reduce((s, r) => s + r.steps, 0);
const proved = rows.reduce((s, r) => s + r.proved, 0);
const gen = rows.map((r) => r.gen);
const tot = rows.map((r) => r.total);
console.log(
  `\nverified:          ${verified}/${rows.length} (${((100 * verified) / rows.length).toFixed(1)} %; goal 100 %)`,
);
console.log(`steps proved:      ${proved}/${steps} (${((100 * proved) / steps).toFixed(1)} %; goal ≥ 95 %)`);
console.log(
  `explain() alone:   median ${ms(median(gen))}, max ${ms(Math.max(...gen))}, total ${ms(gen.reduce((a, b) => a + b, 0))}`,
);
console.log(
  `explain + verify:  median ${ms(median(tot))}, max ${ms(Math.max(...tot))}, total ${ms(tot.reduce((a, b) => a + b, 0))}`,
);
if (sympy) {
  const small = rows.filter((r, i) => r.size <= sympySize(sympy[i].result)).length;
  const symTotal = sympy.reduce((a, s) => a + s.seconds, 0);
  const genTotal = gen.reduce((a, b) => a + b, 0);
  const totTotal = tot.reduce((a, b) => a + b, 0);
  console.log(
    `final size ≤ SymPy simplify: ${small}/${rows.length} (${((100 * small) / rows.length).toFixed(1)} %; goal ≥ 90 %)`,
  );
  console.log(
    `SymPy diff+simplify: median ${ms(median(sympy.map((s) => s.seconds)))}, max ${ms(Math.max(...sympy.map((s) => s.seconds)))}, total ${ms(symTotal)}`,
  );
  console.log(`ratio SymPy / explain() alone:        ${(symTotal / genTotal).toFixed(1)}× (goal ≥ 10×)`);
  console.log(`ratio SymPy / (explain() + verify):   ${(symTotal / totTotal).toFixed(2)}× (goal > 1×)`);
  const bigger = rows.map((r, i) => ({ r, s: sympy[i] })).filter(({ r, s }) => r.size > sympySize(s.result));
  if (bigger.length) {
    console.log("\nlarger than SymPy's:");
    for (const { r, s } of bigger)
      console.log(`   ${r.fn.name}: ${r.final} (${r.size}) vs ${s.result} (${sympySize(s.result)})`);
  }
}
