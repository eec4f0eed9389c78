/**
 * The oracle check of explain()'s final forms: each final form, of a derivation and of each of its
 * parts, is compared with SymPy's derivative of the function the derivation is of.
 *
 *   npx tsx scripts/explain-sympy-check.ts <after.json>                checks every entry
 *   npx tsx scripts/explain-sympy-check.ts <before.json> <after.json>  checks the entries whose
 *                                                                      output changed
 *
 * The files are written by `npx tsx scripts/explain-snapshot.ts save <file>`. A final form agrees
 * when SymPy's simplify(final − f′) is 0, with every decimal read as the exact rational it names
 * (no rounding through doubles); else f′ − final at 5 points of the domain within 10⁻⁹ of
 * f′'s size, in 30 digits. cbrt(u) and nthRoot(u, n) are the real roots (SymPy's real_root).
 * Prints the count checked, agreeing and not, each one that does not; exits 1 when any does not.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { DerivationSpec } from "../lib/derive/spec";
import { python } from "./python";
import { box, sympyText } from "./sympy-oracle";

interface Entry {
  key: string;
  output: string;
}

const CHECK = `
import json, sys, random
from sympy import Symbol, E, pi, simplify, sympify, diff, N, real_root, Abs
out = []
for it in json.load(sys.stdin):
    names = {n: Symbol(n, real=True) for n in it["vars"]}
    names.update({"e": E, "E": E, "pi": pi, "Abs": Abs, "nthRoot": real_root, "cbrt": lambda u: real_root(u, 3)})
    try:
        f = sympify(it["f"], locals=names, rational=True)
        d = diff(f, names[it["wrt"]])
        gap = sympify(it["final"], locals=names, rational=True) - d
        agrees = simplify(gap) == 0
        if not agrees:
            rnd = random.Random(19)
            pts = [{names[n]: rnd.uniform(*it["box"][n]) for n in it["vars"]} for _ in range(5)]
            agrees = all(abs(N(gap.subs(p), 30)) <= 1e-9 * (1 + abs(N(d.subs(p), 30))) for p in pts)
        out.append({"agrees": bool(agrees)})
    except Exception as err:
        out.append({"agrees": False, "error": str(err)})
print(json.dumps(out))
`;

const read = (file: string): Map<string, string> =>
  new Map((JSON.parse(readFileSync(file, "utf8")) as Entry[]).map((e) => [e.key, e.output]));

const args = process.argv.slice(2);
if (args.length < 1 || args.length > 2) {
  console.error("usage: npx tsx scripts/explain-sympy-check.ts [<before.json>] <after.json>");
  process.exit(2);
}
const after = read(args[args.length - 1]);
const before = args.length === 2 ? read(args[0]) : undefined;

/** One derivation to check: where it comes from, its function and its final form. */
interface Item {
  where: string;
  spec: DerivationSpec;
}
const items: Item[] = [];
const seen = new Set<string>();
let changed = 0;
for (const [key, output] of after) {
  if (before?.get(key) === output || output.startsWith("error")) continue;
  changed++;
  const { parts, spec } = JSON.parse(output) as { parts: DerivationSpec[]; spec: DerivationSpec };
  for (const [i, s] of [...parts, spec].entries()) {
    const final = s.steps[s.steps.length - 1].expr;
    const id = `${s.f}|${s.wrt}|${final}`;
    if (seen.has(id)) continue;
    seen.add(id);
    items.push({ where: i < parts.length ? `${key}, part ${s.name}` : key, spec: s });
  }
}
const input = items.map(({ spec }) => ({
  f: sympyText(spec.f),
  final: sympyText(spec.steps[spec.steps.length - 1].expr),
  wrt: spec.wrt,
  vars: Object.keys(spec.domain),
  box: box(spec.domain),
}));
const py = spawnSync(python(), ["-c", CHECK], { input: JSON.stringify(input), encoding: "utf8", maxBuffer: 1 << 26 });
if (py.status !== 0) {
  console.error(`SymPy failed (${python()}): ${py.stderr.trim().split("\n").slice(-3).join(" / ")}`);
  process.exit(2);
}
const results = JSON.parse(py.stdout) as { agrees: boolean; error?: string }[];
const wrong = results.map((r, i) => ({ r, it: items[i] })).filter(({ r }) => !r.agrees);
console.log(
  `${before ? `${changed} entries changed; ` : ""}${items.length} distinct final forms checked against SymPy: ${items.length - wrong.length} agree, ${wrong.length} do not`,
);
for (const { r, it } of wrong)
  console.log(
    `  NOT the derivative: ${it.where}: (${it.spec.f})′ ≠ ${it.spec.steps[it.spec.steps.length - 1].expr}${r.error ? ` (${r.error})` : ""}`,
  );
process.exitCode = wrong.length ? 1 : 0;
