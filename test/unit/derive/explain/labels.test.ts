/**
 * Tests of lib/derive/explain/labels.ts (the name of an algebra step from what the move did),
 * features.ts (the moves' structural pre-check) and the interned keys of nodes.ts, over seeded
 * generated expressions. The oracle of the labels is how each case was built (which bases were
 * put above and below the line, which terms were zeros or negated); that of the pre-check is
 * the move's own rewrite at every node, which must change nothing in a subtree the pre-check
 * skips; that of the keys is mathjs's own printing of the two trees.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ALGEBRA_MOVES } from "../../../../lib/derive/explain/algebra";
import { explainSteps } from "../../../../lib/derive/explain/explain";
import { featuresOf } from "../../../../lib/derive/explain/features";
import { COLLECT_A_POWER, SIGN_RULE } from "../../../../lib/derive/explain/labels";
import { childrenOf, keyOf, withoutParens } from "../../../../lib/derive/explain/nodes";
import { math } from "../../../../lib/derive/expression";
import { mulberry32 } from "../../../../scripts/seeded-random";
import { randomFunctions } from "./random-functions";

const test = suite("explain: step labels, move pre-checks, keys");

const BASES = ["x", "e ^ x", "sin(x)", "sigma(x)", "(1 + x)", "log(x)", "cosh(2 * x)", "(x - 1)", "(1 - x)"];
const parse = (text: string) => withoutParens(math.parse(text));
const move = (id: string) => ALGEBRA_MOVES.find((m) => m.id === id)!;

/** b − a for a − b among the bases. */
const flip = (b: string) => (b === "(x - 1)" ? "(1 - x)" : b === "(1 - x)" ? "(x - 1)" : b);

test("cancel: 'collect a power' exactly when no base is both above and below the line (300 generated products)", () => {
  const next = mulberry32(19);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  let collected = 0;
  let cancelled = 0;
  for (let i = 0; i < 300; i++) {
    // a repeated base above (so the move applies), and maybe the same base or another below
    const top = pick(BASES);
    const other = pick(BASES.filter((b) => b !== top));
    const extra = next() < 0.3 ? flip(top) : pick(BASES);
    const below = next() < 0.5 ? (next() < 0.5 ? top : extra) : undefined;
    const text = `${next() < 0.5 ? "3 * " : ""}${top} * ${other} * ${top}${below ? ` / ${below}` : ""}`;
    const label = move("cancel").label!(parse(text));
    // a − b below cancels b − a above (up to a sign)
    const cancels = below !== undefined && [top, other, flip(top), flip(other)].includes(below);
    if (cancels) {
      cancelled++;
      assert.is(label, undefined, `${text}: a factor cancels, the step keeps "cancel a common factor"`);
    } else {
      collected++;
      assert.equal(label, COLLECT_A_POWER, `${text}: nothing cancels`);
    }
  }
  assert.ok(collected > 50 && cancelled > 50, `both cases generated (${collected}, ${cancelled})`);
});

test("tidy: 'a sign rule' exactly when every rewrite is a ± (−b) or −(−a) of non-numbers (300 generated sums)", () => {
  const next = mulberry32(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  let signs = 0;
  let others = 0;
  for (let i = 0; i < 300; i++) {
    const [a, b, c] = [pick(BASES), pick(BASES), pick(BASES)];
    const kind = pick(["plus-neg", "minus-neg", "double-neg", "zero", "one", "numbers"] as const);
    const sign = { "plus-neg": `${a} + -(${b})`, "minus-neg": `${a} - -(${b})`, "double-neg": `-(-(${b}))` }[
      kind as "plus-neg"
    ];
    const text =
      sign !== undefined
        ? `(${sign}) * ${c}`
        : kind === "zero"
          ? `${a} + -(${b}) + 0 * ${c}`
          : kind === "one"
            ? `1 * ${a} + -(${b})`
            : `${a} + -(2) * ${b} + (2 + 3)`;
    const label = move("tidy").label!(parse(text));
    if (sign !== undefined) {
      signs++;
      assert.equal(label, SIGN_RULE, `${text}: only signs are rewritten`);
    } else {
      others++;
      assert.is(label, undefined, `${text}: a zero, a one or arithmetic is dropped too`);
    }
  }
  assert.ok(signs > 50 && others > 50, `both cases generated (${signs}, ${others})`);
});

/** Each definition "recognise a definition" knows: a pattern in u, and the TeX its note must state. */
const DEFINITION_CASES: { pattern: (u: string) => string; tex: string }[] = [
  { pattern: (u) => `1 / (1 + e ^ (-(${u})))`, tex: "\\sigma(u) = 1/(1 + e^{-u})" },
  { pattern: (u) => `e ^ (${u}) / (1 + e ^ (${u}))`, tex: "\\sigma(u) = 1/(1 + e^{-u})" },
  { pattern: (u) => `e ^ (-(${u})) / (1 + e ^ (-(${u}))) ^ 2`, tex: "\\sigma' = " },
  { pattern: (u) => `log(1 + e ^ (${u}))`, tex: "\\operatorname{softplus}(u)" },
  { pattern: (u) => `sinh(${u}) / cosh(${u})`, tex: "\\tanh = " },
  { pattern: (u) => `sin(${u}) / cos(${u})`, tex: "\\tan = " },
  { pattern: (u) => `sigma(${u}) / (1 - sigma(${u}))`, tex: "\\sigma(u)/(1 - \\sigma(u))" },
  // the sum in the other order, as a learner may write it
  { pattern: (u) => `e ^ (${u}) / (e ^ (${u}) + 1)`, tex: "\\sigma(u) = 1/(1 + e^{-u})" },
  { pattern: (u) => `1 / (e ^ (-(${u})) + 1)`, tex: "\\sigma(u) = 1/(1 + e^{-u})" },
  { pattern: (u) => `e ^ (${u}) / (e ^ (${u}) + 1) ^ 2`, tex: "\\sigma' = " },
  { pattern: (u) => `log(e ^ (${u}) + 1)`, tex: "\\operatorname{softplus}(u)" },
];

test("recognise: the note states the one definition each generated step uses, none of the others (7 definitions, 4 with the sum in the other order, × 40 arguments × 3 contexts), and the corpus's steps", () => {
  const recognise = move("recognise");
  const next = mulberry32(35);
  const contexts = [(t: string) => t, (t: string) => `x ^ 2 * ${t}`, (t: string) => `${t} + cos(x)`];
  let checked = 0;
  // arguments in which the move finds nothing of its own: a·x^k + b and a·x·y (so every site is the pattern's)
  const args = Array.from({ length: 40 }, (_, i) => {
    const a = 1 + Math.floor(next() * 5);
    const b = Math.floor(next() * 7) - 3;
    return i % 4 === 3 ? `${a} * x * y` : `${a} * x ^ ${1 + (i % 3)} + ${b}`;
  });
  for (const u of args) {
    for (const [i, c] of DEFINITION_CASES.entries()) {
      const before = parse(contexts[Math.floor(next() * contexts.length)](c.pattern(u)));
      const label = recognise.label?.(before);
      const others = DEFINITION_CASES.filter((d) => d.tex !== c.tex);
      assert.ok(label !== undefined, `case ${i}, u = ${u}: the move did not fire on ${before.toString()}`);
      assert.ok(label.note.includes(c.tex), `case ${i}, u = ${u}: ${label.note}`);
      for (const o of others)
        assert.not.ok(label.note.includes(o.tex), `case ${i}, u = ${u}: ${label.note} names ${o.tex}`);
      checked++;
    }
  }
  assert.is(checked, 40 * DEFINITION_CASES.length);
  // in the derivations explain() writes, the step's note is its own, never the move's list of six
  for (const f of ["1 / (1 + e^(-x))", "log(1 + e^x)", "log(cosh(x))", "sigma(x) / (1 - sigma(x))", "x * sigma(x)"]) {
    const d = explainSteps(f, { wrt: "x", domain: { x: "(-2, 2)" } });
    for (const step of [...d.parts, d].flatMap((p) => p.spec.steps))
      if (step.rule === "recognise a definition") assert.not.ok(step.note === recognise.note, `${f}: ${step.note}`);
  }
});

test("pre-check: a move changes nothing at any node of a subtree holding none of what it needs (seeded random derivatives)", () => {
  let skipped = 0;
  for (const f of randomFunctions(60, 1919)) {
    const root = parse(f);
    const nodes: import("mathjs").MathNode[] = [];
    const walk = (n: import("mathjs").MathNode) => {
      nodes.push(n);
      childrenOf(n).forEach(walk);
    };
    walk(root);
    for (const m of ALGEBRA_MOVES) {
      if (m.needs === undefined) continue;
      for (const n of nodes) {
        if ((featuresOf(n) & m.needs) !== 0) continue;
        skipped++;
        const out = m.at(n);
        assert.ok(
          out === undefined || keyOf(out) === keyOf(n),
          `${m.id} at ${n.toString()} of ${f}: skipped but changes`,
        );
      }
    }
  }
  assert.ok(skipped > 1000, `subtrees skipped: ${skipped}`);
});

test("keys: equal exactly when mathjs prints the trees alike (pairs of seeded random functions and copies)", () => {
  const fs = randomFunctions(80, 2026);
  for (let i = 0; i < fs.length; i++) {
    const a = parse(fs[i]);
    const copy = parse(fs[i]);
    assert.is(keyOf(a), keyOf(copy), `${fs[i]}: a second parse has the same key`);
    const b = parse(fs[(i + 1) % fs.length]);
    assert.is(keyOf(a) === keyOf(b), a.toString() === b.toString(), `${fs[i]} against ${fs[(i + 1) % fs.length]}`);
    assert.ok(keyOf(a).length <= 24, `a short key whatever the size: ${keyOf(a)}`);
  }
});

test("strategy: a note opens the differentiate step exactly when the strategy asked for does not fit (generated quotients)", () => {
  const tops = [
    ["x", true],
    ["sin(x)", true],
    ["x ^ 2", true],
    ["e ^ x", true],
    ["1", false],
    ["3", false],
  ] as const;
  const bottoms = ["1 + x ^ 2", "2 + cos(x)", "x", "e ^ x + 1"];
  for (const [top, variable] of tops)
    for (const bottom of bottoms)
      for (const strategy of ["chain", "product", "quotient", "auto"] as const) {
        const f = `${top} / (${bottom})`;
        const d = explainSteps(f, { wrt: "x", domain: { x: "(0.5, 2)" }, strategy });
        const step = d.spec.steps.find((s) => s.kind === "differentiate")!;
        const fits = strategy === "auto" || strategy === "quotient" || (strategy === "chain") === !variable;
        const note = step.note.startsWith(`The ${strategy} strategy does not fit`);
        assert.is(note, !fits, `${f}, strategy ${strategy}: ${step.note}`);
        if (!fits)
          assert.ok(step.note.includes(`the ${step.rule} is used`), `${f}: names the rule used (${step.rule})`);
        else if (strategy !== "auto" && strategy !== "quotient")
          assert.is(
            d.spec.steps[0].rule,
            strategy === "chain" ? "algebra: a quotient as a negative power" : "algebra: a quotient as a product",
            `${f}, strategy ${strategy}: its route's rewrite first`,
          );
      }
  // not a quotient: every strategy but auto is noted, with the rule the function takes
  const d = explainSteps("x * sin(x)", { wrt: "x", domain: { x: "(0.5, 2)" }, strategy: "quotient" });
  assert.ok(
    d.spec.steps[0].note.startsWith(
      "The quotient strategy does not fit: $x\\cdot\\sin\\left(x\\right)$ is not a quotient",
    ) && d.spec.steps[0].note.includes("the product rule is used"),
    d.spec.steps[0].note,
  );
});

test.run();
