/**
 * No verdict depends on what the same process verified before (issue 21: fuzz 4/1785 was a false
 * proof only after derivation 4/220, two atoms sharing an id in the exact tier's process-wide
 * table). Each derivation is judged alone in a fresh state (process-state.ts empties every
 * process-wide table), then again after others, in seeded random orders and pairs; the verdicts,
 * certificates and counterexamples must be the same. The derivations: generated ones (the fuzz
 * grammar's true steps and mutants) and twins, pairs where one text means two things (a name
 * two `defs` define differently, a domain where √(x²) is x and one where it is −x, another `wrt`,
 * 0.1 against the double nearest it, e^(x²) against (e^x)²).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { resetVerifierState } from "../../../lib/derive/process-state";
import type { DerivationSpec } from "../../../lib/derive/spec";
import { verifyDerivation } from "../../../lib/derive/verify";
import { rng } from "../../../scripts/fuzz/grammar";
import { fuzzCases } from "../../../scripts/fuzz/run";

const t = suite("process-wide state: a verdict after others is the verdict alone");

const spec = (
  f: string,
  kind: "rewrite" | "differentiate",
  expr: string,
  domain: Record<string, string>,
  more: Partial<DerivationSpec> = {},
): DerivationSpec => ({
  title: `${f} → ${expr} on ${JSON.stringify(domain)}${more.defs ? ` with ${JSON.stringify(more.defs)}` : ""}`,
  name: "f",
  f,
  wrt: "x",
  domain,
  steps: [{ kind, expr, rule: "state", note: "" }],
  ...more,
});

/** Pairs whose texts mean different things in each: the verdicts differ, and must stay as they are alone. */
const TWINS: [DerivationSpec, DerivationSpec][] = [
  [
    spec("g(x)", "rewrite", "sin(x)", { x: "(0.5, 1)" }, { defs: { "g(u)": "sin(u)" } }),
    spec("g(x)", "rewrite", "sin(x)", { x: "(0.5, 1)" }, { defs: { "g(u)": "cos(u)" } }),
  ],
  [
    spec("q * x", "rewrite", "x / 10", { x: "(1, 2)" }, { defs: { q: "0.1" } }),
    spec("q * x", "rewrite", "x / 10", { x: "(1, 2)" }, { defs: { q: "0.1000000000000000055511151231257827" } }),
  ],
  [spec("sqrt(x^2)", "rewrite", "x", { x: "(0.5, 2)" }), spec("sqrt(x^2)", "rewrite", "x", { x: "(-2, -0.5)" })],
  [
    spec("abs(x - 1) + x", "rewrite", "2 * x - 1", { x: "(1.5, 3)" }),
    spec("abs(x - 1) + x", "rewrite", "2 * x - 1", { x: "(-1, 0.5)" }),
  ],
  [
    spec("log((x - 3)^2)", "rewrite", "2 * log(x - 3)", { x: "(4, 5)" }),
    spec("log((x - 3)^2)", "rewrite", "2 * log(x - 3)", { x: "(1, 2)" }),
  ],
  [
    spec("x * y + y", "differentiate", "y", { x: "(1, 2)", y: "(3, 4)" }),
    spec("x * y + y", "differentiate", "y", { x: "(1, 2)", y: "(3, 4)" }, { wrt: "y" }),
  ],
  [
    spec("log(1 + e^(x^2))", "rewrite", "log(1 + (e^x)^2)", { x: "(2.5, 3.5)" }),
    spec("log(1 + e^(2 * x))", "rewrite", "log(1 + (e^x)^2)", { x: "(2.5, 3.5)" }),
  ],
  [
    spec("log(1 + e^(x^2))", "rewrite", "log(1 + e^(x * x))", { x: "(2.5, 3.5)" }),
    spec("log(1 + e^(2 * x))", "rewrite", "log(1 + (e^x)^2)", { x: "(2.5, 3.5)" }),
  ],
  [
    spec("sin(e^(x^3))", "rewrite", "sin((e^x)^3)", { x: "(0.1, 0.9)" }),
    spec("sin(e^(3 * x))", "rewrite", "sin((e^x)^3)", { x: "(0.1, 0.9)" }),
  ],
  [
    spec("max(x, 0)", "rewrite", "(x + abs(x)) / 2", { x: "(-1, 1)" }),
    spec("max(x, 0)", "rewrite", "(x - abs(x)) / 2", { x: "(-1, 1)" }),
  ],
  [
    spec("x^2", "differentiate", "2 * x", { x: "(1, 2)" }, { name: "h" }),
    spec("x^3", "differentiate", "2 * x", { x: "(1, 2)" }, { name: "h" }),
  ],
];

/**
 * Generated derivations (fuzz grammar, seed 21): each candidate step, true or a mutant, as a
 * derivation of its own; not those with the rewrite u = (u + 10³⁰) − 10³⁰, which cost a second
 * or more each at 240 digits and more.
 */
function generated(steps: number): DerivationSpec[] {
  const out: DerivationSpec[] = [];
  for (const c of fuzzCases(steps * 2, 21))
    for (const cand of c.candidates.filter((k) => !/1e\+?30/.test(k.expr)))
      if (out.length < steps) out.push({ ...c.spec, steps: [{ ...c.spec.steps[0], expr: cand.expr }] });
  return out;
}

/** Everything a verdict says but timings: per step ok, tier, certificate, counterexample, undecided reason; or the error thrown. */
function verdict(s: DerivationSpec): string {
  try {
    const r = verifyDerivation(s, { deadline: Number.POSITIVE_INFINITY, diagnose: false, verdictsOnly: true });
    return JSON.stringify([
      r.ok,
      [...r.steps, ...(r.final ? [r.final] : [])].map((x) => [
        x.ok,
        x.tier,
        x.certificate,
        x.counterexample,
        x.undecided,
      ]),
    ]);
  } catch (err) {
    return `${(err as Error).name}: ${(err as Error).message}`;
  }
}

const ALL = [...TWINS.flat(), ...generated(30)];
const alone = ALL.map((s) => {
  resetVerifierState();
  return verdict(s);
});

t("the twins get different verdicts alone (each text means two things)", () => {
  for (const [a, b] of TWINS) {
    const va = alone[ALL.indexOf(a)];
    const vb = alone[ALL.indexOf(b)];
    assert.is.not(va, vb, `${a.title} | ${b.title}`);
  }
  // the generated ones hold true steps and mutants both
  const gen = alone.slice(TWINS.length * 2);
  assert.ok(gen.filter((v) => v.startsWith("[true")).length >= 8, "true generated steps");
  assert.ok(gen.filter((v) => v.startsWith("[false")).length >= 8, "rejected generated steps");
});

t("each twin judged right after the other, both ways, gets its verdict alone", () => {
  for (const [a, b] of TWINS) {
    for (const [first, second] of [
      [a, b],
      [b, a],
    ]) {
      resetVerifierState();
      verdict(first);
      assert.is(verdict(second), alone[ALL.indexOf(second)], `${second.title}, after ${first.title}`);
    }
  }
});

t("every derivation judged in two random orders in one process gets its verdict alone", () => {
  const r = rng(2133);
  for (let round = 0; round < 2; round++) {
    const order = ALL.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    resetVerifierState();
    for (const i of order) assert.is(verdict(ALL[i]), alone[i], `${ALL[i].title}, round ${round + 1}`);
  }
});

t("30 random pairs, each from a fresh state: the second gets its verdict alone", () => {
  const r = rng(2134);
  for (let k = 0; k < 30; k++) {
    const a = Math.floor(r() * ALL.length);
    const b = Math.floor(r() * ALL.length);
    resetVerifierState();
    verdict(ALL[a]);
    assert.is(verdict(ALL[b]), alone[b], `${ALL[b].title}, after ${ALL[a].title}`);
  }
});

t.run();
