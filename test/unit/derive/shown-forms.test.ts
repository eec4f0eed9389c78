/**
 * What a learner reads when a step is wrong, over a generated class of wrong steps on the
 * tutorial functions and ML functions (swish, softplus, binary cross-entropy, tanh and σ
 * compositions): "compared with" (a rejected differentiate step's and the closing check's
 * `against`), the slip's right step and its message, in every channel (the JSON payload, the
 * text display, the DerivationFailedError's message).
 *
 * - no shown form contains `* -1`, `+ -`, `--` (or `+ −`, `− −` in words), nor a decimal that is
 *   an exact simple fraction (0.5, 0.25);
 * - a function written with σ (softplus, tanh) is never shown with σ written out as 1/(1 + e^(−x));
 * - the same text in the payload, the display and the error message;
 * - "compared with" is the derivative: its values equal mathjs's derivative of the given
 *   function (mathjs's own differentiator, not the kit's rule table) at seeded points.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { all, create, type MathNode } from "mathjs";
import seedrandom from "seedrandom";
import { derive } from "../../../lib/derive";
import { math } from "../../../lib/derive/expression";
import { failureMessage } from "../../../lib/derive/failure";
import { differentiateCandidates } from "../../../lib/derive/diagnose/candidates";
import { derivationBundle } from "../../../lib/display/derivation-bundle";
import type { DerivationResult } from "../../../lib/derive/types";

/** mathjs in doubles, for the values the test checks (the kit's instance computes in BigNumbers). */
const plain = create(all);

const test = suite("shown forms of a rejected step");

const SIGMA = "1 / (1 + exp(-u))";
const SOFTPLUS = "log(1 + exp(u))";

/** The learner's building blocks: activations and losses as they are written in the tutorials. */
const OUTER: ((u: string) => string)[] = [
  (u) => `sigma(${u})`,
  (u) => `tanh(${u})`,
  (u) => `softplus(${u})`,
  (u) => `(${u}) * sigma(${u})`, // swish
  (u) => `(${u}) * tanh(softplus(${u}))`, // mish
  (u) => `log(sigma(${u}))`,
  (u) => `-(t * log(sigma(${u})) + (1 - t) * log(1 - sigma(${u})))`, // BCE of a logit
  (u) => `0.5 * (sigma(${u}) - t)^2`,
  (u) => `tanh(${u})^2`,
  (u) => `0.25 * (${u})^2 * tanh(${u})`,
];
const INNER = ["x", "2 * x", "x / 2", "0.5 * x + 1", "tanh(x)", "sigma(x)", "x^2"];

/** The tutorials' own functions, written as they are there. */
const TUTORIAL = [
  "1 / (1 + e^(-x))",
  "sigma(x)",
  "x * sigma(x)",
  "softplus(x)",
  "-(t * log(sigma(x)) + (1 - t) * log(1 - sigma(x)))",
];

/** Every derivative mathjs can take of the function: σ and softplus written out (mathjs's own rules). */
function mathjsDerivative(f: string): MathNode {
  const expand = (n: MathNode): MathNode => {
    const c = n.map(expand) as MathNode & { isFunctionNode?: boolean; fn?: { name?: string }; args?: MathNode[] };
    if (c.isFunctionNode && (c.fn?.name === "sigma" || c.fn?.name === "softplus") && c.args) {
      return plain.parse((c.fn.name === "sigma" ? SIGMA : SOFTPLUS).replace(/u/g, `(${c.args[0].toString()})`));
    }
    return c;
  };
  return plain.derivative(expand(plain.parse(f)), "x", { simplify: false });
}

interface Item {
  f: string;
  step: string;
}

/** The seeded class: each function with two wrong steps, a slip the catalogue predicts and a step no slip makes. */
function items(): Item[] {
  const rng = seedrandom("shown forms of a rejected step");
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
  const fs = [...TUTORIAL];
  for (let i = 0; i < 18; i++) fs.push(pick(OUTER)(pick(INNER)));
  const out: Item[] = [];
  for (const f of fs) {
    const candidates = differentiateCandidates(math.parse(f), "x");
    if (candidates.length > 0) out.push({ f, step: pick(candidates).expr.toString() });
    out.push({ f, step: `2 * (${mathjsDerivative(f).toString()}) + 1` });
  }
  return out;
}

/** A decimal numeral in the text that is an exact fraction with a denominator of at most 20. */
function simpleDecimal(text: string): string | undefined {
  for (const m of text.matchAll(/\d+\.\d+/g)) {
    const v = Number(m[0]);
    for (let q = 2; q <= 20; q++) if (Math.abs(v * q - Math.round(v * q)) < 1e-12) return m[0];
  }
  return undefined;
}

function checkForm(where: string, text: string, f: string): void {
  for (const bad of ["* -1", "+ -", "--", "+ −", "− −", "−−", "·−1"]) {
    assert.not.ok(text.includes(bad), `${where}: "${text}" contains "${bad}"`);
  }
  const decimal = simpleDecimal(text);
  assert.not.ok(decimal, `${where}: "${text}" writes ${decimal} as a decimal`);
  if (/sigma|softplus|tanh/.test(f) && !/e\^|exp/.test(f)) {
    assert.not.ok(/e ?\^|exp\(|e\^\{/.test(text), `${where}: "${text}" writes σ, softplus or tanh out for ${f}`);
  }
}

/** The text display's value after a label on the row's lines, e.g. "compared with". */
function displayed(text: string, label: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith(label))
    .map((l) => l.slice(label.length));
}

const ALL = items();

test("no shown form has `* -1`, `+ -`, `--`, a simple fraction as a decimal, or σ written out", () => {
  let diagnosed = 0;
  let rejected = 0;
  for (const { f, step } of ALL) {
    const r: DerivationResult = derive("shown", {
      name: "g",
      f,
      wrt: "x",
      domain: { x: "(-3, 3)", t: "[0, 1]" },
    })
      .differentiate(step, "by hand")
      .verify({ samples: 24 });
    const s = r.steps[1];
    const where = `${f} → ${step}`;
    // a slip at a place where it changes nothing (the quotient rule's u′ = 0) makes a true step
    if (s.ok) continue;
    rejected++;
    checkForm(`${where}: compared with`, s.against, f);
    if (r.final) checkForm(`${where}: the closing check`, r.final.against, f);
    const message = failureMessage(r)!;
    assert.ok(message.includes(`(that is "${s.against}")`), `${where}: the error quotes ${s.against}: ${message}`);
    const text = derivationBundle(r, { expectFailure: true })["text/plain"] as string;
    assert.equal(displayed(text, "compared with ").slice(0, 1), [s.against], `${where}: the display`);
    if (s.diagnosis) {
      diagnosed++;
      checkForm(`${where}: the right step`, s.diagnosis.expected, f);
      for (const m of [s.diagnosis.message, ...s.diagnosis.others.map((o) => o.message)])
        checkForm(`${where}: the slip`, m, f);
      assert.ok(message.includes(`the step should be "${s.diagnosis.expected}"`), `${where}: ${message}`);
      assert.equal(displayed(text, "the step should be "), [s.diagnosis.expected], `${where}: the display`);
      // the right step is the derivative: the verifier accepts it in place of the wrong one
      const right = derive("right", { name: "g", f, wrt: "x", domain: { x: "(-3, 3)", t: "[0, 1]" } })
        .differentiate(s.diagnosis.expected, "by hand")
        .verify({ samples: 24, diagnose: false });
      assert.ok(right.steps[1].ok, `${where}: the right step ${s.diagnosis.expected} is not accepted`);
    }
    // "compared with" has the values of mathjs's own derivative of f
    const want = mathjsDerivative(f).compile();
    const shown = plain.parse(s.against.replace(/sigma\(/g, "SIG(").replace(/softplus\(/g, "SP("));
    const scope = (x: number) => ({
      x,
      t: 0.3,
      e: Math.E,
      SIG: (u: number) => 1 / (1 + Math.exp(-u)),
      SP: (u: number) => Math.log1p(Math.exp(u)),
    });
    for (const x of [-2.3, -0.7, 0.4, 1.9]) {
      const a = Number(want.evaluate(scope(x)));
      const b = Number(shown.compile().evaluate(scope(x)));
      assert.ok(
        Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)),
        `${where} at x = ${x}: ${s.against} is ${b}, not ${a}`,
      );
    }
  }
  assert.ok(rejected >= 40 && diagnosed >= 15, `${rejected} rejected, ${diagnosed} diagnosed`);
});

test("F7: swish with σ′ multiplied in, the comparison and the right step are the product rule's own result", () => {
  const r = derive("swish′", { name: "s", f: "x * sigma(x)", wrt: "x", domain: { x: "(-5,5)" } })
    .differentiate("x * sigma(x) * (1 - sigma(x))", "product rule")
    .verify();
  assert.is(r.steps[1].against, "sigma(x) + x * sigma(x) * (1 - sigma(x))");
  assert.is(r.steps[1].diagnosis?.expected, "sigma(x) + x * sigma(x) * (1 - sigma(x))");
  assert.is(r.final?.against, "sigma(x) + x * sigma(x) * (1 - sigma(x))");
});

test.run();
