/**
 * npm run corpus:diagnose — builds test/fixtures/diagnose-corpus.json, the corpus of the slip
 * diagnosis (issue 20): wrong steps made by applying every slip of the catalogue at every place
 * where it applies in seeded random functions (machine-learning building blocks composed 1–3
 * deep), true steps, and mistakes that no slip explains. Every item is then checked
 * independently by SymPy and mpmath in .venv (scripts/check_diagnose_corpus.py): a true step
 * must equal the previous expression (or SymPy's derivative of it) at 12 points of the domain
 * at 30 digits, a wrong one must differ somewhere, and both must be finite reals there; an
 * item that fails is left out (the count is printed).
 *
 * Usage: tsx scripts/diagnose-corpus.ts [--functions N] [--seed S]
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { differentiateCandidates, rewriteCandidates } from "../lib/derive/diagnose/candidates";
import { ruleTree } from "../lib/derive/explain/differentiate";
import { parseExpression } from "../lib/derive/expression";
import { python as projectPython } from "./python";
import { mulberry32 } from "./seeded-random";
import type { CorpusItem } from "./slip-corpus-format";

const root = path.join(__dirname, "..");
const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};

const r = mulberry32(arg("--seed", 20));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** A function of x finite on (−2, 2): ML building blocks composed `d` deep. */
function fn(d: number): string {
  if (d === 0) return pick(["x", "x", "3 * x", "x / 2", "(x + 1)", "(2 - x)", "x^2"]);
  const a = () => fn(d - 1);
  return pick([
    () => `${a()} + ${a()}`,
    () => `${a()} - ${a()}`,
    () => `${a()} * ${a()}`,
    () => `(${a()}) / (1 + (${a()})^2)`,
    () => `(${a()}) / (2 + cos(${a()}))`,
    () => `(${a()})^${pick(["2", "3", "4"])}`,
    () => `(1 + (${a()})^2)^${pick(["(-1)", "0.5", "(-2)"])}`,
    () => `e^(${a()})`,
    () => `e^(-(${a()}))`,
    () => `2^(${a()})`,
    () => `exp(${a()})`,
    () => `log(1 + e^(${a()}))`,
    () => `log(1 + (${a()})^2)`,
    () => `sqrt(1 + (${a()})^2)`,
    () => `sigma(${a()})`,
    () => `softplus(${a()})`,
    () => `tanh(${a()})`,
    () => `sin(${a()})`,
    () => `atan(${a()})`,
    () => `${pick(["2", "0.5", "-3", "5"])} * (${a()})`,
    () => `(${a()}) / ${pick(["3", "4"])}`,
    () => `${a()} + ${pick(["1", "2", "7"])}`,
    () => `-(${a()})`,
  ])();
}

/** A positive function of x on (−2, 2). */
const positive = (): string =>
  pick([`e^(${fn(1)})`, `(1 + (${fn(1)})^2)`, `(2 + sin(${fn(1)}))`, `sigma(${fn(1)})`, `(1 + x^2)`, `(3 + x)`]);

/** An expression with a sum where a rewrite slip can strike, in a random context. */
function rewriteSubject(): string {
  const A = `(${fn(1)})`,
    B = `(${fn(1)})`,
    P = positive(),
    Q = positive();
  const core = pick([
    `log(${P} + ${Q})`,
    `e^(${A} + ${B})`,
    `e^(${A} - ${B})`,
    `(${A} + ${B})^2`,
    `(${A} - ${B})^3`,
    `sqrt(${P} + ${Q})`,
    `${A} / (${P} + ${Q})`,
    `(${P} + ${A}) / ${P}`,
    `(${P} * ${A} + ${B}) / ${P}`,
    `-(${A} - ${B})`,
    `${A} - (${B} - ${P})`,
  ]);
  return pick([core, core, `${fn(1)} * (${core})`, `${core} + ${fn(1)}`, `(${core}) / ${positive()}`]);
}

/** True rewrites of the same shapes (laws that hold). */
function trueRewrite(): [string, string] {
  const A = `(${fn(1)})`,
    B = `(${fn(1)})`,
    P = positive(),
    Q = positive();
  return pick<[string, string]>([
    [`log(${P} * ${Q})`, `log(${P}) + log(${Q})`],
    [`e^(${A} + ${B})`, `e^(${A}) * e^(${B})`],
    [`-(${A} - ${B})`, `${B} - (${A})`],
    [`(${A} + ${B}) / ${P}`, `(${A}) / ${P} + (${B}) / ${P}`],
    [`(${A} + ${B})^2`, `(${A})^2 + 2 * (${A}) * (${B}) + (${B})^2`],
    [`log(2 * ${P})`, `log(2) + log(${P})`],
  ]);
}

/**
 * Mistakes no slip makes (a factor such as x is not used: it often equals a slip, e.g. x·(x²)′ = power-exponent-kept at x²).
 */
function unexplainedRewrite(): [string, string] {
  const A = `(${fn(1)})`,
    B = `(${fn(1)})`,
    P = positive(),
    Q = positive();
  return pick<[string, string]>([
    [`log(${P} + ${Q})`, `log(${P}) * log(${Q})`],
    [`(${A} + ${B})^2`, `(${A})^2 + (${A}) * (${B}) + (${B})^2`],
    [`e^(${A} + ${B})`, `e^(${A}) * e^(${B}) + 1`],
    [`${A} / (${P} + ${Q})`, `(${A}) / (${P}) * (${A}) / (${Q})`],
    [`-(${A} - ${B})`, `${B} - (${A}) + 1`],
  ]);
}

const items: CorpusItem[] = [];
const domain = { x: "(-2, 2)" };
const seen = new Set<string>();
const push = (item: CorpusItem): void => {
  const key = `${item.f}|${item.kind}|${item.step}`;
  if (!seen.has(key)) {
    seen.add(key);
    items.push(item);
  }
};
/** At most `k` candidates of each slip id, drawn at random. */
function perSlip<T extends { id: string }>(cands: T[], k: number): T[] {
  const by = new Map<string, T[]>();
  for (const c of cands) by.set(c.id, [...(by.get(c.id) ?? []), c]);
  return [...by.values()].flatMap((cs) => cs.sort(() => r() - 0.5).slice(0, k));
}

const nFunctions = arg("--functions", 60);
for (let i = 0; i < nFunctions; i++) {
  const f = fn(1 + Math.floor(r() * 3));
  const node = parseExpression(f, "corpus");
  let cands: ReturnType<typeof differentiateCandidates>;
  try {
    cands = differentiateCandidates(node, "x");
  } catch {
    continue;
  }
  for (const c of perSlip(cands, 2))
    push({ f, wrt: "x", domain, kind: "differentiate", step: c.expr.toString(), label: c.id });
  const right = ruleTree(node, "x").result;
  push({ f, wrt: "x", domain, kind: "differentiate", step: right.toString(), label: "true" });
  push({
    f,
    wrt: "x",
    domain,
    kind: "differentiate",
    step: pick([`1.1 * (${right.toString()})`, `${right.toString()} + 1 / 7`]),
    label: "unexplained",
  });
}
for (let i = 0; i < nFunctions; i++) {
  const f = rewriteSubject();
  for (const c of perSlip(rewriteCandidates(parseExpression(f, "corpus")), 2))
    push({ f, wrt: "x", domain, kind: "rewrite", step: c.expr.toString(), label: c.id });
  if (i % 2 === 0) {
    const [a, b] = trueRewrite();
    push({ f: a, wrt: "x", domain, kind: "rewrite", step: b, label: "true" });
    const [c, d] = unexplainedRewrite();
    push({ f: c, wrt: "x", domain, kind: "rewrite", step: d, label: "unexplained" });
  }
}

const python = projectPython();
const check = spawnSync(python, [path.join(root, "scripts", "check_diagnose_corpus.py")], {
  input: JSON.stringify(items),
  encoding: "utf8",
  maxBuffer: 1 << 28,
});
if (check.status !== 0) {
  console.error(`the SymPy check failed (${python}):\n${check.stderr}`);
  process.exit(1);
}
const verdicts: { keep: boolean; why: string }[] = JSON.parse(check.stdout);
const kept = items.filter((_, i) => verdicts[i].keep);
const dropped = items.length - kept.length;
const whys = new Map<string, number>();
verdicts.filter((v) => !v.keep).forEach((v) => whys.set(v.why, (whys.get(v.why) ?? 0) + 1));
const out = path.join(root, "test", "fixtures", "diagnose-corpus.json");
writeFileSync(
  out,
  `${JSON.stringify({ about: "generated by scripts/diagnose-corpus.ts; every item checked by SymPy/mpmath (scripts/check_diagnose_corpus.py)", items: kept }, null, 1)}\n`,
);
const count = (p: (i: CorpusItem) => boolean) => kept.filter(p).length;
console.log(
  `${kept.length} items kept, ${dropped} left out by the SymPy check (${[...whys].map(([w, n]) => `${w}: ${n}`).join(", ")})`,
);
console.log(
  `wrong steps by a slip: ${count((i) => i.label !== "true" && i.label !== "unexplained")}, true steps: ${count((i) => i.label === "true")}, unexplained mistakes: ${count((i) => i.label === "unexplained")}`,
);
const ids = new Map<string, number>();
kept.forEach((i) => ids.set(i.label, (ids.get(i.label) ?? 0) + 1));
console.log([...ids].map(([k, n]) => `${k} ${n}`).join(", "));
