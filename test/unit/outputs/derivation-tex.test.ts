/**
 * Tests of lib/outputs/derivation-tex.ts: the TeX of what a derivation's reader sees beside
 * its steps. Expressions are checked against lib/derive's printer and, for the class "no
 * mathjs text reaches the reader", over a seeded corpus of generated expressions.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseExpression } from "../../../lib/derive/expression";
import { toTex } from "../../../lib/derive/tex";
import { conditionTex, exprTex, notePieces, numberTex, textTex } from "../../../lib/outputs/derivation-tex";
import { distinctValues, shortValue } from "../../../lib/outputs/counterexample-values";

const s = suite("derivation TeX");

s("should print an expression with lib/derive's printer and the derivation's names", () => {
  assert.is(
    exprTex("-1 * e ^ (-x) * -1 / (1 + e ^ (-x)) ^ 2"),
    toTex(parseExpression("-1 * e ^ (-x) * -1 / (1 + e ^ (-x)) ^ 2", "t")),
  );
  assert.is(exprTex("yhat - t"), "\\hat{y}-t");
  assert.is(exprTex("w1 * x", { w1: "w_{1}" }), "w_{1}\\cdot x");
  assert.is(exprTex("(1 + "), "\\text{(1 + }", "text that does not parse stays text");
});

s("should escape TeX's specials in text", () => {
  assert.is(
    textTex("50% of {a} & $b_c# ~^\\"),
    "\\text{50\\% of \\{a\\} \\& \\$b\\_c\\# \\textasciitilde{}\\textasciicircum{}\\textbackslash{}}",
  );
});

s("should write decimal numbers, exponents as powers of ten", () => {
  assert.is(numberTex("9.3568294949575529206e-14"), "9.3568294949575529206 \\times 10^{-14}");
  assert.is(numberTex("-0.5"), "-0.5");
  assert.is(numberTex("1e+21"), "1 \\times 10^{21}");
  assert.is(numberTex("-Infinity"), "-\\infty");
  assert.is(numberTex("NaN"), "\\text{NaN}");
});

s("should write side conditions with TeX relations and each side printed", () => {
  assert.is(conditionTex("1 + e^(-x) ≠ 0"), `${exprTex("1 + e^(-x)")} \\neq ${exprTex("0")}`);
  assert.is(conditionTex("0 < yhat < 1"), "0 < \\hat{y} < 1");
  assert.is(conditionTex("yhat >= 0"), "\\hat{y} \\geq 0");
  assert.is(conditionTex("x != 0"), "x \\neq 0");
  assert.is(conditionTex("no relation here"), "\\text{no relation here}");
  assert.is(conditionTex("> 0"), "\\text{> 0}", "a side missing");
});

s("should split a note into text and $…$ math, keeping \\$ and an unpaired $ as text", () => {
  assert.equal(notePieces("multiply by $e^{x}$ above and below"), [
    { math: false, text: "multiply by " },
    { math: true, text: "e^{x}" },
    { math: false, text: " above and below" },
  ]);
  assert.equal(notePieces("costs \\$5, not $"), [{ math: false, text: "costs $5, not $" }]);
  assert.equal(notePieces("$a$$b$"), [
    { math: true, text: "a" },
    { math: true, text: "b" },
  ]);
  assert.equal(notePieces("$ $ x"), [{ math: false, text: "$ $ x" }], "empty math is text");
});

s("should show two values with the digits that tell them apart, never two equal numbers", () => {
  assert.equal(distinctValues("0.3775406687981454", "0.2350037122015945"), ["0.3775406688", "0.2350037122"]);
  assert.equal(distinctValues("1.00000000001", "1.00000000002"), ["1.00000000001", "1.00000000002"]);
  assert.equal(distinctValues("abc", "1"), ["abc", "1"]);
  assert.is(shortValue("-9.9999979999999997"), "-9.999998");
  assert.is(shortValue("0.5"), "0.5");
  // a seeded sample of pairs: shown values differ whenever the numbers do
  let state = 22;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  for (let i = 0; i < 500; i++) {
    const a = (next() - 0.5) * 10 ** Math.floor(next() * 20 - 10);
    const b = a * (1 + (next() - 0.5) * 10 ** -Math.floor(next() * 14));
    if (a === b) continue;
    const [sa, sb] = distinctValues(String(a), String(b));
    assert.ok(sa !== sb, `${a} and ${b} shown as ${sa} and ${sb}`);
  }
});

s("should never hand mathjs's text to a reader: no '*' or ' ^ ' survives in the TeX of generated expressions", () => {
  // a seeded corpus of expressions in the shapes the verifier compares with (tidied mathjs text)
  const atoms = ["x", "e ^ (-x)", "(1 + e ^ (-x))", "yhat", "(1 - yhat)", "t", "log(yhat)", "2"];
  let state = 7;
  const pick = <T>(xs: T[]): T => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return xs[state % xs.length];
  };
  for (let i = 0; i < 300; i++) {
    let e = pick(atoms);
    for (let d = 0; d < 3; d++)
      e = `${pick(["-1 * ", "", "(-1) * "])}${e} ${pick(["*", "/", "+", "-", "^"])} ${pick(atoms)}`;
    const tex = exprTex(e);
    assert.not.match(tex, /\\text\{/, `${e} did not parse`);
    assert.not.match(tex, /\*| \^ /, `${e} → ${tex}`);
  }
});

s.run();
