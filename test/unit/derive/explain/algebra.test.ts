/**
 * Tests of lib/derive/explain/algebra.ts and forms.ts: each algebra move on an expression it
 * applies to gives the form a textbook writes, and the verifier (an independent check: the
 * exact tier and 60-digit sampling) accepts it as equal; the simplifier never makes a form
 * larger, ends at σ(x)(1 − σ(x)) for the sigmoid's quotient-rule result, and every step it
 * takes on 40 seeded random derivatives is an identity.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../../lib/derive/derive";
import {
  ALGEBRA_MOVES,
  applyMove,
  formSize,
  MAX_EXPANDED_TERMS,
  simplifySteps,
} from "../../../../lib/derive/explain/algebra";
import { differentiateByRules } from "../../../../lib/derive/explain/differentiate";
import { withoutParens } from "../../../../lib/derive/explain/nodes";
import { math } from "../../../../lib/derive/expression";
import { randomFunctions } from "./random-functions";

const test = suite("explain: algebra moves");

// off 1, 2, 3, 4 and π/2, where the cases' quotients ((x − 1), (2 − x), (x − 3), 1/cos y, …) have no value
const DOMAIN = {
  x: "(1.1, 1.5)",
  y: "(1.1, 1.5)",
  z: "(1.1, 1.5)",
  a: "(1.1, 1.5)",
  b: "(1.1, 1.5)",
  c: "(1.1, 1.5)",
  t: "(0, 1)",
};
const parse = (s: string) => withoutParens(math.parse(s));
const text = (s: string) => parse(s).toString();

/** True when the verifier accepts `b` as equal to `a` on DOMAIN (the variables a uses). */
function equal(a: string, b: string): boolean {
  return derive("identity", { f: a, wrt: "x", domain: DOMAIN }).rewrite(b, "move").verify({ samples: 24 }).ok;
}

const move = (id: string) => ALGEBRA_MOVES.find((m) => m.id === id)!;

// one case per move: [move id, input, the form it must give]
const CASES: [string, string, string][] = [
  ["tidy", "0 + 1 * x^1 - 0 * y", "x"],
  ["tidy", "(2 + 3) * x / 1", "5 * x"],
  ["signs", "-e^(-x) * -1 / (1 + x)", "e^(-x) / (1 + x)"],
  ["signs", "-(x - 3)", "3 - x"],
  ["signs", "2 * (x - 3) / 2", "x - 3"],
  ["cancel", "x^2 * y / x", "x * y"],
  ["cancel", "(x - 1) / (1 - x)^2", "1 / (x - 1)"],
  ["cancel", "(x - 1) / (1 - x)^3", "-(1 / (x - 1)^2)"],
  ["collect", "2 * x + 3 * x - x", "4 * x"],
  ["one-fraction", "a / c + b / c", "(a + b) / c"],
  ["common-factor", "x * y + x * z", "x * (y + z)"],
  ["common-factor", "sigma(x) - sigma(x)^2", "sigma(x) * (1 - sigma(x))"],
  ["exp-log", "log(e^(2 * x))", "2 * x"],
  ["exp-log", "e^a * e^b / e^a", "e^b"],
  ["recognise", "1 / (1 + e^(-x))", "sigma(x)"],
  ["recognise", "e^x / (1 + e^x)", "sigma(x)"],
  ["recognise", "y / (1 + e^x)", "sigma(-x) * y"],
  ["recognise", "e^(-x) / (1 + e^(-x))^2", "sigma(x) * (1 - sigma(x))"],
  ["recognise", "log(1 + e^x)", "softplus(x)"],
  ["recognise", "sinh(x) / cosh(x)", "tanh(x)"],
  ["multiply-out", "(x + 1) * (x - 1) - x^2", "-1"],
  ["multiply-out", "(t * (x - 1) + (1 - t) * x) / (x * (x - 1))", "(x - t) / (x * (x - 1))"],
  ["common-denominator", "1 / x - 1 / y", "(y - x) / (x * y)"],
  ["recognise", "sinh(y) * x / cosh(y)", "tanh(y) * x"],
  ["recognise", "sin(y)^2 / cos(y)^3", "tan(y)^2 / cos(y)"],
  ["recognise", "sigma(x) / (1 - sigma(x))", "e^x"],
  ["recognise", "(1 + e^x) * y / e^x", "y / sigma(x)"],
  ["factor", "1 - 3 * sigma(x) + 2 * sigma(x)^2", "(1 - sigma(x)) * (1 - 2 * sigma(x))"],
  ["factor", "tanh(x)^2 - 1", "(tanh(x) - 1) * (1 + tanh(x))"],
  ["factor", "4 * x^2 - 4 * x + 1", "(1 - 2 * x)^2"],
  ["factor", "x^3 - 2 * x^2 - x + 2", "(1 - x) * (1 + x) * (2 - x)"],
  ["sigma-symmetry", "sigma(-x) * y", "(1 - sigma(x)) * y"],
  ["pythagorean", "x * (1 - tanh(x)^2)", "x / cosh(x)^2"],
  ["pythagorean", "2 * tanh(y) * (tanh(y)^2 - 1)", "-(2 * tanh(y) / cosh(y)^2)"],
  ["pythagorean", "x / (1 + tan(x)^2)", "x * cos(x)^2"],
  ["pythagorean", "(1 - sin(y)^2) * x", "cos(y)^2 * x"],
  ["pythagorean", "(3 - 3 * cos(y)^2) * x", "3 * sin(y)^2 * x"],
  ["pythagorean", "(1 + sinh(y)^2) / x", "cosh(y)^2 / x"],
  ["pythagorean", "(1 - cosh(y)^2) * x", "-(sinh(y)^2 * x)"],
  ["sigma-cosh", "2 * sigma(2 * x) * (1 - sigma(2 * x))", "1 / (2 * cosh(x)^2)"],
  ["sigma-cosh", "y * sigma(3 * x - 1) * (sigma(3 * x - 1) - 1)", "-(y / (4 * cosh((3 * x - 1) / 2)^2))"],
  ["sigma-of-log", "sigma(log(x))", "x / (1 + x)"],
  ["sigma-of-log", "1 - sigma(log(y))", "1 / (1 + y)"],
  ["double-angle", "2 * sin(x) * cos(x)", "sin(2 * x)"],
  ["double-angle", "4 * sin(3 * x) * cos(3 * x) * y", "2 * sin(6 * x) * y"],
  ["double-angle", "cos(x)^2 - sin(x)^2", "cos(2 * x)"],
  ["double-angle", "(1 - tanh(x)^2) / (1 + tanh(x)^2)", "1 / cosh(2 * x)"],
  ["double-angle", "y * (1 - tan(x)^2) / (1 + tan(x)^2)", "cos(2 * x) * y"],
  ["log-of-multiple", "log(2 * (1 - t))", "log(2) + log(1 - t)"],
  ["log-of-multiple", "log(x / 3)", "log(x) - log(3)"],
  // a common factor up to its sign: σ − 1 = −(1 − σ), (1 − x)² = (x − 1)²
  ["common-factor", "(1 - sigma(x)) * y + (sigma(x) - 1) * z", "(1 - sigma(x)) * (y - z)"],
  ["common-factor", "(x - 1)^2 * y + (1 - x)^2 * z", "(x - 1)^2 * (y + z)"],
  ["log-odds", "log(sigma(x)) - log(1 - sigma(x))", "x"],
  ["log-odds", "2 * y * log(sigma(x^2)) - 2 * y * log(1 - sigma(x^2)) + 1", "2 * y * x^2 + 1"],
  ["positive-exponents", "e^(-x) * (e^(-x) - 1) / (1 + e^(-x))^3", "e^x * (1 - e^x) / (1 + e^x)^3"],
  ["positive-exponents", "y * e^(-2 * x) / (1 + e^(-x))^2", "y / (1 + e^x)^2"],
  ["sigma-exponentials", "sigma(x) * (1 - sigma(x)) / (1 + sigma(x))^2", "e^x / (1 + 2 * e^x)^2"],
  ["sigma-exponentials", "y * (1 - sigma(x))^2 / (1 + sigma(x))^2", "y / (1 + 2 * e^x)^2"],
  ["pythagorean-sum", "cosh(x)^2 - sinh(x)^2", "1"],
  ["pythagorean-sum", "y * cos(x)^2 + y * sin(x)^2 + x", "y + x"],
];

test("every move has a case, and each case gives the textbook form, which the verifier accepts as equal", () => {
  const covered = new Set(CASES.map((c) => c[0]));
  for (const m of ALGEBRA_MOVES) assert.ok(covered.has(m.id), `no case for the move "${m.id}"`);
  for (const [id, input, expected] of CASES) {
    const out = applyMove(move(id), parse(input)).toString();
    assert.is(out, text(expected), `${id} on ${input}`);
    assert.ok(equal(input, out), `${id}: ${input} = ${out} is not an identity`);
  }
});

test("a move leaves an expression it does not fit unchanged", () => {
  for (const [id, input] of [
    ["cancel", "x + y"],
    ["collect", "x + y"],
    ["common-factor", "x + 1"],
    // a lone 1 − tanh²u (the form tanh′ is taught in) stays; 1 + tanh²u is no identity
    ["pythagorean", "1 - tanh(x)^2"],
    ["pythagorean", "x * (1 + tanh(x)^2)"],
    ["pythagorean", "(1 - tanh(x)^2) / 2"],
    // σ(u)(1 − σ(u)) with a short u stays: the hyperbolic form is longer
    ["sigma-cosh", "sigma(x) * (1 - sigma(x))"],
    ["sigma-cosh", "sigma(2 * x) * (1 - sigma(x))"],
    ["sigma-of-log", "sigma(x)"],
    ["recognise", "1 / (2 + e^x)"],
    ["multiply-out", "x * (x - 1)"],
    // no rational roots; a zero constant term is the common factor's job
    ["factor", "x^2 + 1"],
    ["factor", "x^2 - 2"],
    ["factor", "x^3 - x"],
    ["factor", "x^2 + y"],
    ["sigma-symmetry", "sigma(x)"],
    ["double-angle", "sin(x) * cos(x)"],
    ["double-angle", "cos(x)^2 - 2 * sin(x)^2"],
    ["double-angle", "2 * sin(x) * cos(y)"],
    // ln(c·u) only for a number c > 0
    ["log-of-multiple", "log(-2 * x)"],
    ["log-of-multiple", "log(y * x)"],
    ["recognise", "sigma(x)^2 / (1 - sigma(x))^2"],
    // ln σ + ln(1 − σ) is not the log-odds; nor a pair with different other factors
    ["log-odds", "log(sigma(x)) + log(1 - sigma(x))"],
    ["log-odds", "y * log(sigma(x)) - z * log(1 - sigma(x))"],
    // already positive, two different exponents, or no sum below the line
    ["positive-exponents", "e^(-x) / (1 + e^x)"],
    ["positive-exponents", "e^(-x) / (1 + e^(-y))"],
    ["positive-exponents", "e^(-x) * (1 + e^(-x))"],
    // σ(1 − σ), the taught σ′, stays: in exponentials it is longer
    ["sigma-exponentials", "sigma(x) * (1 - sigma(x))"],
    ["pythagorean-sum", "cosh(x)^2 + sinh(x)^2"],
    ["pythagorean-sum", "cos(x)^2 + sin(y)^2"],
  ]) {
    assert.is(applyMove(move(id), parse(input)).toString(), text(input), `${id} on ${input}`);
  }
});

test("multiply out writes at most MAX_EXPANDED_TERMS terms: a product of sums whose expansion is longer stays", () => {
  // P − P with P = (1 + x)(1 + 2x²)…(1 + kx^k) has 2 · 2^k terms before collecting
  const product = (k: number) => Array.from({ length: k }, (_, i) => `(1 + ${i + 1} * x^${i + 1})`).join(" * ");
  const fits = Math.floor(Math.log2(MAX_EXPANDED_TERMS)) - 1; // 2 · 2^fits terms: still multiplied out
  const small = `${product(fits)} - ${product(fits)}`;
  assert.is(applyMove(move("multiply-out"), parse(small)).toString(), "0");
  const large = `${product(fits + 1)} - ${product(fits + 1)}`;
  assert.is(applyMove(move("multiply-out"), parse(large)).toString(), text(large));
});

test("the new moves reach the compact forms: σ″ = σ(1 − σ)(1 − 2σ), a ratio of sigmoids e^x, KL to uniform", () => {
  for (const [input, expected] of [
    ["sigma(x) * (1 - 3 * sigma(x) + 2 * sigma(x)^2)", "sigma(x) * (1 - sigma(x)) * (1 - 2 * sigma(x))"],
    ["sigma(x) * (2 - sigma(x) - sigma(-x)) / sigma(-x)", "e^x"],
    ["log(2 * t) - log(2 * (1 - t))", "log(t) - log(1 - t)"],
    ["(1 + e^x) * sigma(x) * (1 - sigma(x)) / e^x", "1 - sigma(x)"],
    ["(tanh(x)^2 - 1) / (1 + tanh(x))", "tanh(x) - 1"],
  ]) {
    const steps = simplifySteps(parse(input));
    const last = steps[steps.length - 1].expr.toString();
    assert.is(last, text(expected), input);
    let prev = input;
    for (const s of steps) {
      assert.ok(equal(prev, s.expr.toString()), `${s.move.id}: ${prev} = ${s.expr} is not an identity`);
      assert.is.not(
        s.expr.toString(),
        prev === input ? text(input) : prev,
        `${s.move.id} printed the line above again`,
      );
      prev = s.expr.toString();
    }
  }
});

test("formSize counts nodes, e^u as exp(u)", () => {
  assert.is(formSize(parse("e^(-x)")), formSize(parse("exp(-x)")));
  assert.is(formSize(parse("sigma(x) * (1 - sigma(x))")), 7);
  assert.is(formSize(parse("(x + 1)")), 3);
});

test("the sigmoid's quotient-rule result simplifies to σ(x)(1 − σ(x)), each step an identity", () => {
  const d = differentiateByRules("1 / (1 + e^(-x))", "x");
  const steps = simplifySteps(d);
  assert.is(steps[steps.length - 1].expr.toString(), text("sigma(x) * (1 - sigma(x))"));
  let prev = d.toString();
  for (const s of steps) {
    assert.ok(equal(prev, s.expr.toString()), `${s.move.id}: ${prev} → ${s.expr}`);
    prev = s.expr.toString();
  }
});

test("40 seeded random derivatives: every step is an identity and the final form is never larger", () => {
  for (const f of randomFunctions(40, 7, 3)) {
    const d = differentiateByRules(f, "x");
    const steps = simplifySteps(d);
    const last = steps.length ? steps[steps.length - 1].expr : d;
    assert.ok(formSize(last) <= formSize(d), `${f}: ${last} is larger than ${d}`);
    const r = derive("simplify", { f: d.toString(), wrt: "x", domain: { x: "(-2, 2)" } });
    for (const s of steps) r.rewrite(s.expr.toString(), s.move.name);
    if (steps.length) {
      const v = r.verify({ samples: 16 });
      assert.ok(
        v.ok,
        `${f}: ${v.steps
          .filter((s) => !s.ok)
          .map((s) => `${s.rule}: ${s.expr}`)
          .join("; ")}`,
      );
    }
  }
});

test.run();
