/**
 * The page's verifier (assets/verifier.js, built by verifierBundle from lib/derive with a
 * mathjs made of only the verifier's factories, lib/derive/math-functions.ts) knows every
 * function the verifier supports: each one, run in the bundle itself (a fresh JavaScript
 * context, as a browser runs it), evaluates to Math's value, accepts the function as equal
 * to itself and rejects it plus one; a function outside the set gets an error naming it.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { pageVerifier } from "./helpers";
import { verifierBundle } from "../../../lib/site/try/verifier-bundle";
import { VERIFIER_FUNCTIONS, VERIFIER_OPERATORS, verifierMath } from "../../../lib/derive/math-functions";
import * as inNode from "../../../lib/site/try/browser-entry";
import type { StepwiseVerifier } from "../../../lib/site/try/browser-entry";

/** For each function: a call on x, an interval of x where it is real and finite, and Math's value at x. */
const CASES: Record<string, { call: string; domain: [number, number]; at: number; value: (x: number) => number }> = {
  exp: { call: "exp(x)", domain: [-3, 3], at: 0.7, value: Math.exp },
  expm1: { call: "expm1(x)", domain: [-3, 3], at: 0.7, value: Math.expm1 },
  log: { call: "log(x, 3)", domain: [0.5, 4], at: 0.7, value: (x) => Math.log(x) / Math.log(3) },
  log10: { call: "log10(x)", domain: [0.5, 4], at: 0.7, value: Math.log10 },
  log2: { call: "log2(x)", domain: [0.5, 4], at: 0.7, value: Math.log2 },
  log1p: { call: "log1p(x)", domain: [0.5, 4], at: 0.7, value: Math.log1p },
  sqrt: { call: "sqrt(x)", domain: [0.5, 4], at: 0.7, value: Math.sqrt },
  cbrt: { call: "cbrt(x)", domain: [0.5, 4], at: 0.7, value: Math.cbrt },
  nthRoot: { call: "nthRoot(x, 4)", domain: [0.5, 4], at: 0.7, value: (x) => x ** 0.25 },
  pow: { call: "pow(x, 2.5)", domain: [0.5, 4], at: 0.7, value: (x) => x ** 2.5 },
  square: { call: "square(x)", domain: [-3, 3], at: 0.7, value: (x) => x * x },
  cube: { call: "cube(x)", domain: [-3, 3], at: 0.7, value: (x) => x ** 3 },
  abs: { call: "abs(x)", domain: [-3, 3], at: -0.7, value: Math.abs },
  sign: { call: "sign(x)", domain: [0.5, 3], at: -0.7, value: Math.sign },
  max: { call: "max(x, 1)", domain: [-3, 3], at: 0.7, value: (x) => Math.max(x, 1) },
  min: { call: "min(x, 1)", domain: [-3, 3], at: 0.7, value: (x) => Math.min(x, 1) },
  sin: { call: "sin(x)", domain: [-3, 3], at: 0.7, value: Math.sin },
  cos: { call: "cos(x)", domain: [-3, 3], at: 0.7, value: Math.cos },
  tan: { call: "tan(x)", domain: [-1.2, 1.2], at: 0.7, value: Math.tan },
  sec: { call: "sec(x)", domain: [-1.2, 1.2], at: 0.7, value: (x) => 1 / Math.cos(x) },
  csc: { call: "csc(x)", domain: [0.2, 3], at: 0.7, value: (x) => 1 / Math.sin(x) },
  cot: { call: "cot(x)", domain: [0.2, 3], at: 0.7, value: (x) => 1 / Math.tan(x) },
  asin: { call: "asin(x)", domain: [-0.9, 0.9], at: 0.7, value: Math.asin },
  acos: { call: "acos(x)", domain: [-0.9, 0.9], at: 0.7, value: Math.acos },
  atan: { call: "atan(x)", domain: [-3, 3], at: 0.7, value: Math.atan },
  asec: { call: "asec(x)", domain: [1.1, 4], at: 1.7, value: (x) => Math.acos(1 / x) },
  acsc: { call: "acsc(x)", domain: [1.1, 4], at: 1.7, value: (x) => Math.asin(1 / x) },
  acot: { call: "acot(x)", domain: [0.2, 3], at: 0.7, value: (x) => Math.atan(1 / x) },
  sinh: { call: "sinh(x)", domain: [-3, 3], at: 0.7, value: Math.sinh },
  cosh: { call: "cosh(x)", domain: [-3, 3], at: 0.7, value: Math.cosh },
  tanh: { call: "tanh(x)", domain: [-3, 3], at: 0.7, value: Math.tanh },
  sech: { call: "sech(x)", domain: [-3, 3], at: 0.7, value: (x) => 1 / Math.cosh(x) },
  csch: { call: "csch(x)", domain: [0.2, 3], at: 0.7, value: (x) => 1 / Math.sinh(x) },
  coth: { call: "coth(x)", domain: [0.2, 3], at: 0.7, value: (x) => 1 / Math.tanh(x) },
  asinh: { call: "asinh(x)", domain: [-3, 3], at: 0.7, value: Math.asinh },
  acosh: { call: "acosh(x)", domain: [1.1, 4], at: 1.7, value: Math.acosh },
  atanh: { call: "atanh(x)", domain: [-0.9, 0.9], at: 0.7, value: Math.atanh },
  asech: { call: "asech(x)", domain: [0.1, 0.9], at: 0.7, value: (x) => Math.acosh(1 / x) },
  acsch: { call: "acsch(x)", domain: [0.2, 3], at: 0.7, value: (x) => Math.asinh(1 / x) },
  acoth: { call: "acoth(x)", domain: [1.1, 4], at: 1.7, value: (x) => Math.atanh(1 / x) },
};

let page: StepwiseVerifier;
const s = suite("the page's verifier functions");
s.before(async () => {
  page = await pageVerifier();
});

s("should have a case here for every function the verifier supports", () => {
  assert.equal(Object.keys(CASES).sort(), [...VERIFIER_FUNCTIONS].sort());
});

s(
  "should evaluate every function and operator in the verifier's mathjs to Math's value, in doubles and in BigNumbers",
  () => {
    const doubles = verifierMath();
    const big = verifierMath({ number: "BigNumber", precision: 60 });
    const run = (m: typeof doubles, text: string, scope: object): unknown => m.parse(text).compile().evaluate(scope);
    for (const [name, c] of Object.entries(CASES)) {
      const want = c.value(c.at);
      const d = run(doubles, c.call, { x: c.at }) as number;
      assert.ok(Math.abs(d - want) <= 1e-12 * Math.max(1, Math.abs(want)), `${name} in doubles: ${d} vs ${want}`);
      const b = Number(String(run(big, c.call, { x: big.bignumber(c.at) })));
      assert.ok(Math.abs(b - want) <= 1e-12 * Math.max(1, Math.abs(want)), `${name} in BigNumbers: ${b} vs ${want}`);
    }
    for (const op of VERIFIER_OPERATORS)
      assert.type((doubles as unknown as Record<string, unknown>)[op], "function", op);
    assert.is(run(doubles, "(7 % 3) * (2 > 1 and not (1 >= 2)) - 2^3 / 4 + -1", {}), 1 * 1 - 2 - 1);
  },
);

s("should accept every function as equal to itself and reject it plus one, in the page's bundle", () => {
  for (const [name, c] of Object.entries(CASES)) {
    const ex = { number: 1, prompt: "", ask: "equal" as const, f: c.call, wrt: "x", domain: { x: c.domain } };
    const right = page.checkAnswer(ex, c.call);
    assert.is(right.error, undefined, `${name}: ${right.error}`);
    assert.ok(right.ok, `${name} equals itself`);
    const wrong = page.checkAnswer(ex, `${c.call} + 1`);
    assert.not.ok(wrong.ok, `${name} + 1 is rejected`);
    assert.ok(wrong.counterexample, `${name} + 1 has a counterexample`);
  }
});

s("should differentiate the functions mathjs differentiates, in the page's bundle", () => {
  const derivatives: Record<string, string> = {
    sin: "cos(x)",
    tanh: "1 - tanh(x)^2",
    log: "1 / (x * log(3))",
    asin: "1 / sqrt(1 - x^2)",
    acosh: "1 / sqrt(x^2 - 1)",
    cbrt: "1 / (3 * cbrt(x)^2)",
  };
  for (const [name, d] of Object.entries(derivatives)) {
    const c = CASES[name];
    const v = page.checkAnswer(
      { number: 1, prompt: "", ask: "derivative", f: c.call, wrt: "x", domain: { x: c.domain } },
      d,
    );
    assert.ok(v.ok, `d/dx ${c.call} = ${d}: ${JSON.stringify(v)}`);
  }
});

s("should name a function outside the verifier's set in its error", () => {
  const ex = {
    number: 1,
    prompt: "",
    ask: "equal" as const,
    f: "exp(x)",
    wrt: "x",
    domain: { x: [0.5, 4] as [number, number] },
  };
  for (const fn of ["gamma", "erf", "floor"]) {
    const v = page.checkAnswer(ex, `${fn}(x)`);
    assert.not.ok(v.ok);
    assert.match(v.error ?? "", `unknown function ${fn}(…)`);
    assert.match(v.error ?? "", "the verifier knows exp, expm1, log");
  }
});

/** A value of the bundle's context as one of this one (its objects have the other context's Object, which `equal` tells apart). */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/** The quotient-rule derivation of σ′ as the page receives it, sampled with `seed`. */
const sigmaSubject = (seed: string) => ({
  spec: {
    title: "σ′",
    name: "g",
    f: "1 / (1 + e^(-x))",
    wrt: "x",
    domain: { x: "(-10, 10)" },
    steps: [{ kind: "differentiate" as const, expr: "e^(-x) / (1 + e^(-x))^2", rule: "quotient rule", note: "" }],
  },
  seed,
  samples: 64,
});

s("should read a unit's name such as cm as a variable, in the bundle as in Node (their mathjs has no units)", () => {
  const noCm = {
    number: 1,
    prompt: "",
    ask: "derivative" as const,
    f: "x^2",
    wrt: "x",
    domain: { x: [0.5, 3] as [number, number] },
  };
  const withCm = { ...noCm, f: "x^2 cm", domain: { ...noCm.domain, cm: [1, 2] as [number, number] } };
  for (const answer of ["cm", "5 cm", "2 x cm", "5 cm to inch"]) {
    const v = plain(page.checkAnswer(noCm, answer));
    assert.not.ok(v.ok, answer);
    assert.match(
      v.error ?? "",
      answer.includes(" to ")
        ? `step 1: "${answer}" is not an expression the kit checks: it holds the operator "to"`
        : `step 1 ("${answer}"): the variable cm has no declared domain (declared: x)`,
    );
    assert.equal(v, inNode.checkAnswer(noCm, answer), `${answer}: the page's verdict is Node's`);
  }
  const right = plain(page.checkAnswer(withCm, "2 x cm"));
  assert.equal(right, { ok: true, tier: "proved", against: "cm * 2 * x" });
  assert.equal(inNode.checkAnswer(withCm, "2 x cm"), right);
  const wrong = plain(page.checkAnswer(withCm, "5 cm"));
  assert.is(wrong.ok, false);
  const at = wrong.counterexample!;
  assert.ok(
    Math.abs(Number(at.actual) - 5 * Number(at.point.cm)) < 1e-12,
    `5 cm at cm = ${at.point.cm} is ${at.actual}`,
  );
  assert.equal(inNode.checkAnswer(withCm, "5 cm"), wrong);
  assert.equal(plain(page.preview("5 cm")), inNode.preview("5 cm"));
  assert.not.match(page.preview("5 cm").html ?? "", "mathrm");
});

s(
  "should let an exercise's function take a name of mathjs's units code (floor, format, Unit), as any name outside mathjs",
  () => {
    for (const name of ["floor", "format", "Unit"]) {
      const ex = {
        number: 1,
        prompt: "",
        ask: "equal" as const,
        name,
        f: "x^2",
        wrt: "x",
        domain: { x: [0.5, 3] as [number, number] },
      };
      const v = plain(page.checkAnswer(ex, `${name}(x)`));
      assert.equal(v, { ok: true, tier: "proved", against: "x^2" }, name);
      assert.equal(inNode.checkAnswer(ex, `${name}(x)`), v, name);
    }
  },
);

s(
  "should write the kit's derivation in the page's bundle: the playground's call and “Show the kit's derivation”",
  () => {
    const a = page.explainFunction({ f: "1 / (1 + e^(-x))", wrt: "x", domain: { x: "(-10, 10)" }, strategy: "chain" });
    assert.ok(a.ok, a.error);
    assert.is(a.result, "sigma(x) * (1 - sigma(x))");
    assert.ok((a.html ?? "").includes('class="katex'), "typeset by KaTeX");
    assert.is(
      a.html,
      inNode.explainFunction({ f: "1 / (1 + e^(-x))", wrt: "x", domain: { x: "(-10, 10)" }, strategy: "chain" }).html,
    );
    const sigma = sigmaSubject("1");
    assert.match(page.explainSubject(sigma).html ?? "", /by the quotient rule, derived by the kit/);
    const bad = page.explainFunction({ f: "gamma(x)", wrt: "x", domain: { x: "(0, 1)" } });
    assert.is(bad.part, "function");
    assert.match(bad.error ?? "", /^the function: unknown function gamma/);
    assert.equal(plain(page.variablesOf("t * log(yhat)")), ["t", "yhat"]);
    assert.equal(plain(page.parseDomainText("yhat: (0, 1); t: [0, 1]", "yhat")), { yhat: "(0, 1)", t: "[0, 1]" });
  },
);

s(
  "should draw the same random points in the page as in Node, with seedrandom's default generator alone in the bundle",
  async () => {
    const subject = sigmaSubject("stepwise-02");
    // a wrong step: its counterexample is the first random point where the two sides differ
    const inPage = plain(page.checkStep(subject, 1, "e^(-x) / (1 + e^(-x))")) as {
      ok: boolean;
      counterexample?: unknown;
    };
    assert.is(inPage.ok, false);
    assert.ok(inPage.counterexample, "a counterexample");
    assert.equal(inPage.counterexample, plain(inNode.checkStep(subject, 1, "e^(-x) / (1 + e^(-x))").counterexample));
    const bundle = await verifierBundle();
    for (const other of ["xor4096", "xorshift7", "tychei", "alea"]) assert.not.ok(bundle.includes(other), other);
  },
);

s.run();
