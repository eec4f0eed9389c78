/**
 * npm run bench:verifier (also part of npm run bench): the verifier on the identity corpus
 * (test/fixtures/identities.json) side by side, in the same run, with SymPy's
 * simplify(a − b) == 0 (else a.equals(b)). Prints per-identity verdicts and times, the totals
 * and the ratio SymPy / stepwise. No assertions: figures only (the verdicts are asserted by
 * test/unit/derive/identities.test.ts).
 *
 * Python: .venv/bin/python of the project if present, else $STEPWISE_PYTHON, else python3.
 * Without sympy there it says how to install it and skips the comparison.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { derive } from "../lib/derive/derive";
import { python } from "./python";
import { BUILTIN_DEFINITIONS, expandDefinitions, parseDefinitions, parseExpression } from "../lib/derive/expression";

interface Identity {
  name: string;
  lhs: string;
  rhs: string;
  domain: Record<string, string>;
  equal: boolean;
}

const root = path.join(__dirname, "..");
const corpus: Identity[] = JSON.parse(
  readFileSync(path.join(root, "test", "fixtures", "identities.json"), "utf8"),
).identities;
const ms = (s: number) => `${(s * 1000).toFixed(1)} ms`;

/** stepwise's verdict on one identity: the rewrite lhs → rhs verified on its domain. */
function stepwise(id: Identity): { equal: boolean; tier: string; seconds: number } {
  const t0 = process.hrtime.bigint();
  const r = derive(id.name, { f: id.lhs, wrt: Object.keys(id.domain)[0], domain: id.domain })
    .rewrite(id.rhs, "identity")
    .verify();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { equal: r.steps[1].ok, tier: r.steps[1].tier ?? "", seconds };
}

/** The identity in SymPy syntax, with sigma and softplus written out. */
function sympyText(expr: string): string {
  const defs = parseDefinitions(BUILTIN_DEFINITIONS);
  const node = expandDefinitions(parseExpression(expr, "bench"), defs, "bench");
  return node
    .toString()
    .replace(/\^/g, "**")
    .replace(/\babs\(/g, "Abs(")
    .replace(/\bmax\(/g, "Max(")
    .replace(/\bmin\(/g, "Min(");
}

const SYMPY = `
import json, sys, time, signal
from sympy import symbols, E, simplify, sympify, Abs, Max, Min, log, exp, sqrt, tanh
items = json.load(sys.stdin)
def alarm(*_): raise TimeoutError()
signal.signal(signal.SIGALRM, alarm)
out = []
for it in items:
    names = {}
    for v, d in it["domain"].items():
        lo = float(d.strip()[1:].split(",")[0])
        names[v] = symbols(v, real=True, positive=lo >= 0)
    loc = dict(names, e=E, Abs=Abs, Max=Max, Min=Min, log=log, exp=exp, sqrt=sqrt, tanh=tanh)
    t0 = time.perf_counter()
    verdict, how = None, "simplify"
    try:
        signal.alarm(30)
        a = sympify(it["lhs"], locals=loc); b = sympify(it["rhs"], locals=loc)
        if simplify(a - b) == 0:
            verdict = True
        else:
            how = "equals"
            verdict = a.equals(b)
        signal.alarm(0)
    except TimeoutError:
        how = "timeout (30 s)"
    except Exception as err:
        signal.alarm(0)
        how = "error: " + str(err)[:60]
    out.append({"equal": verdict, "how": how, "seconds": time.perf_counter() - t0})
print(json.dumps(out))
`;

function sympy(items: Identity[]): { equal: boolean | null; how: string; seconds: number }[] | string {
  const py = python();
  const probe = spawnSync(py, ["-c", "import sympy; print(sympy.__version__)"], { encoding: "utf8" });
  if (probe.status !== 0) {
    return `sympy is not importable from ${py}: install it with \`${py} -m pip install sympy\` (or \`python3 -m venv .venv && .venv/bin/pip install sympy\` in the project folder, or point STEPWISE_PYTHON at a Python that has it)`;
  }
  const input = JSON.stringify(items.map((i) => ({ lhs: sympyText(i.lhs), rhs: sympyText(i.rhs), domain: i.domain })));
  const run = spawnSync(py, ["-c", SYMPY], { input, encoding: "utf8", maxBuffer: 1 << 24 });
  if (run.status !== 0)
    return `sympy run failed (exit ${run.status}): ${(run.stderr ?? "").trim().split("\n").slice(-2).join(" | ")}`;
  return JSON.parse(run.stdout);
}

stepwise(corpus[0]); // warm-up: mathjs instances, JIT
const ours = corpus.map(stepwise);
const theirs = sympy(corpus);
const mark = (ok: boolean) => (ok ? "right" : "WRONG");
console.log(
  `verifier bench: ${corpus.length} identities (${corpus.filter((i) => i.equal).length} true, ${corpus.filter((i) => !i.equal).length} near-misses)\n`,
);
console.log(
  `${"identity".padEnd(52)} ${"truth".padEnd(6)} ${"stepwise".padEnd(24)} ${typeof theirs === "string" ? "" : "sympy"}`,
);
corpus.forEach((id, i) => {
  const o = ours[i];
  const a = `${o.equal ? "equal" : "differ"} ${o.equal ? o.tier : ""} ${ms(o.seconds)} ${mark(o.equal === id.equal)}`;
  const s =
    typeof theirs === "string"
      ? ""
      : `${theirs[i].equal === null ? "undecided" : theirs[i].equal ? "equal" : "differ"} (${theirs[i].how}) ${ms(theirs[i].seconds)} ${mark(theirs[i].equal === id.equal)}`;
  console.log(`${id.name.slice(0, 52).padEnd(52)} ${(id.equal ? "equal" : "differ").padEnd(6)} ${a.padEnd(24)} ${s}`);
});
const ourTotal = ours.reduce((a, o) => a + o.seconds, 0);
const ourRight = ours.filter((o, i) => o.equal === corpus[i].equal).length;
const proved = ours.filter((o, i) => o.equal && o.tier === "proved" && corpus[i].equal).length;
console.log(
  `\nstepwise: ${ourRight}/${corpus.length} verdicts right, ${proved}/${corpus.filter((i) => i.equal).length} true identities proved, total ${ms(ourTotal)}`,
);
if (typeof theirs === "string") {
  console.log(`sympy: skipped — ${theirs}`);
} else {
  const theirTotal = theirs.reduce((a, o) => a + o.seconds, 0);
  const theirRight = theirs.filter((o, i) => o.equal === corpus[i].equal).length;
  console.log(`sympy:    ${theirRight}/${corpus.length} verdicts right, total ${ms(theirTotal)}`);
  console.log(`ratio sympy / stepwise: ${(theirTotal / ourTotal).toFixed(2)}×`);
}
