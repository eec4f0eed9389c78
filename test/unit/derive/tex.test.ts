/**
 * Tests of lib/derive/tex.ts: the LaTeX a derivation's steps are shown with.
 * Expected strings are written by hand from how a reader writes the formula.
 */
import katex from "katex";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { math } from "../../../lib/derive/expression";
import type { MathNode } from "mathjs";
import { DEFAULT_TEX_NAMES, cachedTexPrinter, toTex } from "../../../lib/derive/tex";
import { FUNCTION_TEX, functionTex } from "../../../lib/derive/tex-functions";
import { VERIFIER_FUNCTIONS } from "../../../lib/derive/math-functions";
import { randomFunctions } from "./explain/random-functions";

const tex = (expr: string, names?: Record<string, string>): string => toTex(math.parse(expr), names);

/**
 * LaTeX with its insignificant spaces removed: a space is kept only where it ends a
 * control word before a letter ("\\cdot t"), where dropping it would change the meaning.
 */
const texNorm = (s: string): string =>
  s
    .replace(/(\\[A-Za-z]+)\s+(?=[A-Za-z])/g, "$1\u0000")
    .replace(/\s+/g, "")
    .replace(/\u0000/g, " ");

/** Asserts two LaTeX strings are the same up to insignificant spaces. */
const sameTex = (actual: string, expected: string): void => assert.is(texNorm(actual), texNorm(expected), actual);

const s = suite("toTex");

s("should print yhat as \\hat{y}", () => {
  sameTex(tex("yhat"), "\\hat{y}");
});

s("should print sigma(x) as \\sigma\\left(x\\right)", () => {
  sameTex(tex("sigma(x)"), "\\sigma\\left(x\\right)");
});

s("should print e^(-x) as e^{-x}, without brackets around the exponent", () => {
  sameTex(tex("e^(-x)"), "e^{-x}");
});

s("should print t as t, not as mathjs's unit \\mathrm{t}", () => {
  sameTex(tex("t"), "t");
  assert.not.match(tex("t * log(yhat)"), "\\mathrm");
});

s("should print a quotient as \\frac without the source brackets", () => {
  sameTex(tex("t / yhat"), "\\frac{t}{\\hat{y}}");
  sameTex(tex("(1 - t) / (1 - yhat)"), "\\frac{1-t}{1-\\hat{y}}");
  sameTex(tex("(yhat - t) / (yhat * (1 - yhat))"), "\\frac{\\hat{y}-t}{\\hat{y}\\cdot\\left(1-\\hat{y}\\right)}");
});

s("should bracket a compound base of a power and brace its exponent", () => {
  sameTex(tex("(1 + e^(-x))^2"), "\\left(1+e^{-x}\\right)^{2}");
  sameTex(tex("x^2"), "x^{2}");
});

s("should print the sigmoid and its derivative the way a reader writes them", () => {
  sameTex(tex("1 / (1 + e^(-x))"), "\\frac{1}{1+e^{-x}}");
  sameTex(tex("e^(-x) / (1 + e^(-x))^2"), "\\frac{e^{-x}}{\\left(1+e^{-x}\\right)^{2}}");
  sameTex(tex("sigma(x) * (1 - sigma(x))"), "\\sigma\\left(x\\right)\\cdot\\left(1-\\sigma\\left(x\\right)\\right)");
});

s("should print a call of a derivation's own function as name\\left(…\\right)", () => {
  sameTex(tex("g(x) * (1 - g(x))"), "g\\left(x\\right)\\cdot\\left(1-g\\left(x\\right)\\right)");
});

s("should print softplus as an operator name", () => {
  sameTex(tex("softplus(z)"), "\\operatorname{softplus}\\left(z\\right)");
});

s("should print Greek names as Greek letters and longer names in \\mathit", () => {
  sameTex(tex("theta"), "\\theta");
  sameTex(tex("loss"), "\\mathit{loss}");
  // every Greek letter LaTeX names, not only the common ones
  for (const name of ["zeta", "eta", "iota", "kappa", "nu", "xi", "rho", "upsilon", "chi", "Delta", "Omega"])
    sameTex(tex(name), `\\${name}`);
  sameTex(tex("omicron"), "\\mathit{omicron}");
});

s("should print a literal as written, not in mathjs's BigNumber exponent form", () => {
  sameTex(tex("1000000 * x"), "1000000\\cdot x");
  sameTex(tex("2.0000000000000000001"), "2.0000000000000000001");
  sameTex(tex("0.25"), "0.25");
});

s("should let extra names override the defaults", () => {
  sameTex(tex("w * yhat", { w: "\\omega", yhat: "p" }), "\\omega\\cdot p");
});

s("should not change the default name table when extra names are given", () => {
  tex("yhat", { yhat: "p" });
  assert.is(DEFAULT_TEX_NAMES.yhat, "\\hat{y}");
  sameTex(tex("yhat"), "\\hat{y}");
});

s("should keep a leading minus attached to what it negates", () => {
  sameTex(tex("-x"), "-x");
  sameTex(tex("-(1 - t) / (1 - yhat)"), "\\frac{-\\left(1-t\\right)}{1-\\hat{y}}");
});

s("should print names as a control word followed by a space where a letter follows (\\cdot t, not \\cdott)", () => {
  const out = tex("yhat * t * theta * x");
  assert.not.match(out, /\\cdot[A-Za-z]/);
  assert.is(texNorm(out), "\\hat{y}\\cdot t\\cdot\\theta\\cdot x");
});

s("should give LaTeX that KaTeX renders without error for the tutorials' expressions", () => {
  for (const expr of [
    "1 / (1 + e^(-x))",
    "e^(-x) / (1 + e^(-x))^2",
    "(1 + e^(-x))^(-1)",
    "-(1 + e^(-x))^(-2) * (-e^(-x))",
    "g(x) * (1 - g(x))",
    "-(t * log(yhat) + (1 - t) * log(1 - yhat))",
    "(yhat - t) / (yhat * (1 - yhat))",
    "max(z, 0) - z * t + log(1 + e^(-abs(z)))",
    "sigma(z) - t",
    "softplus(z) - z * t",
  ]) {
    assert.not.throws(() => katex.renderToString(tex(expr), { throwOnError: true, displayMode: true }), expr);
  }
});

s(
  "should print every verifier function as mathjs's own toTex does, for each argument count it has a template for",
  () => {
    const plain = (n: import("mathjs").MathNode) => n.toTex({ parenthesis: "keep" } as object);
    let compared = 0;
    for (const name of VERIFIER_FUNCTIONS) {
      assert.ok(Object.hasOwn(FUNCTION_TEX, name), `no template for ${name}`);
      for (const count of [1, 2, 3]) {
        const args = ["(x + 1)", "y^2", "z"].slice(0, count);
        const node = math.parse(`${name}(${args.join(", ")})`) as unknown as { args: import("mathjs").MathNode[] };
        const ours = functionTex(name, node.args.map(plain));
        if (ours === undefined) continue;
        assert.is(ours, plain(node as unknown as import("mathjs").MathNode), `${name} with ${count} arguments`);
        compared++;
      }
    }
    assert.ok(compared >= VERIFIER_FUNCTIONS.length, `${compared} compared`);
    // a nested call is printed once per level (mathjs's own printing renders each argument twice)
    sameTex(
      tex("cos(sin(max(abs(x), 0)))"),
      "\\cos\\left(\\sin\\left(\\max\\left(\\left|x\\right|,0\\right)\\right)\\right)",
    );
  },
);

s.run();

const cached = suite("cachedTexPrinter: toTex's text, with each subtree printed once");

cached("should print 400 random functions and their subtrees, shared among parents, as toTex does", () => {
  const names = { x: "x_{0}", y: "\\hat{y}" };
  const printers = [cachedTexPrinter(), cachedTexPrinter(names)];
  const mismatches: string[] = [];
  let compared = 0;
  for (const f of randomFunctions(400, 51, 4)) {
    const node = math.parse(f);
    // every subtree, then the same subtrees again as the children of new parents (cached from the first pass)
    const subtrees: MathNode[] = [];
    node.traverse((n, path) => {
      if (path !== "fn") subtrees.push(n);
    });
    const wrapped = subtrees.flatMap((n) => [
      new math.OperatorNode("-", "unaryMinus", [n]),
      new math.OperatorNode("^", "pow", [n, n]),
      new math.OperatorNode("*", "multiply", [math.parse("2 + x"), n]),
      new math.OperatorNode("/", "divide", [n, new math.FunctionNode("log", [n])]),
    ]);
    for (const n of [...subtrees, ...wrapped, node]) {
      for (const [i, print] of printers.entries()) {
        const want = toTex(n, i === 0 ? undefined : names);
        const got = print(n);
        compared++;
        if (got !== want && mismatches.length < 5) mismatches.push(`${n.toString()}: ${got} ≠ ${want}`);
      }
    }
  }
  assert.equal(mismatches, []);
  assert.ok(compared > 20_000, `compared ${compared}`);
});

cached.run();
