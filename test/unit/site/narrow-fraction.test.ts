import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseExpression } from "../../../lib/derive/expression";
import { toTex } from "../../../lib/derive/tex";
import { breakableLine } from "../../../lib/site/tex/breakable-line";
import { renderTex } from "../../../lib/site/tex/katex";
import { narrowLine, ROW_EM, WIDE_EM } from "../../../lib/site/tex/narrow-fraction";
import { texWidthEm } from "../../../lib/site/tex/tex-width";
import { derivative, generate, rng, text } from "../../../scripts/fuzz/grammar";

const s = suite("narrowLine");

/** The leaves a screen reader gets (<mi>, <mn>, <mo> texts), in order, without the TeX annotation. */
function mathmlLeaves(html: string): string {
  const mathml = /<math[\s\S]*?<\/math>/.exec(html)?.[0] ?? "";
  return Array.from(mathml.matchAll(/<m[ino][^>]*>([^<]*)<\/m[ino]>/g), (m) => m[1]).join("");
}

/** How many places a row could still be split: a "+" or "−" after its first piece, or a "·" before its end, outside braces and \left … \right. */
function topLevelCuts(row: string): number {
  // drop every brace group and \left … \right group, innermost first, then count what is left
  let flat = row.replace(/\\(left|right)\\?([()|[\]]|[a-z]+)/g, (_m, w) => (w === "left" ? "⟨" : "⟩"));
  for (let before = ""; before !== flat; ) {
    before = flat;
    flat = flat.replace(/\{[^{}]*\}/g, "").replace(/⟨[^⟨⟩]*⟩/g, "G");
  }
  const inner = flat
    .trim()
    .replace(/^[-+]/, "")
    .replace(/\\cdot\s*$/, "");
  return (inner.match(/[-+]|\\cdot/g) ?? []).length;
}

const PAGE_08 =
  "\\displaystyle = \\frac{\\left(e^{x}+ e^{-x}\\right)\\cdot\\left(e^{x}+ e^{-x}\\right)-\\left(e^{x}-e^{-x}\\right)\\cdot\\left(e^{x}-e^{-x}\\right)}{\\left(e^{x}+ e^{-x}\\right)^{2}}";

s("should set page 08's numerator on two rows, the second starting with its minus", () => {
  assert.is(
    narrowLine(PAGE_08),
    "\\displaystyle = \\frac{\\begin{aligned}&(e^{x}+ e^{-x})\\cdot(e^{x}+ e^{-x})\\\\&\\quad {}-(e^{x}-e^{-x})\\cdot(e^{x}-e^{-x})\\end{aligned}}{\\left(e^{x}+ e^{-x}\\right)^{2}}",
  );
});

s("should leave a line without a wide fraction, or whose fraction cannot be split", () => {
  assert.is(narrowLine("\\displaystyle = \\frac{a+b}{c}"), undefined);
  assert.is(narrowLine("\\displaystyle = x + y"), undefined);
  const unsplittable = `\\displaystyle = \\frac{\\left(${"a+".repeat(30)}b\\right)^{2}}{c}`;
  assert.ok(texWidthEm(unsplittable) > WIDE_EM);
  assert.is(narrowLine(unsplittable), undefined);
});

s(
  "should estimate widths as KaTeX's glyph metrics add up (a sum is its terms and the spaces around its operators)",
  () => {
    const a = texWidthEm("a");
    const b = texWidthEm("b");
    const plus = texWidthEm("+");
    assert.ok(a > 0.5 && a < 0.56, `a: ${a}`);
    // a + b: the two glyphs, the plus, and a medium space (4/18 em) on each side of a binary operator
    assert.ok(Math.abs(texWidthEm("a+b") - (a + b + plus + 2 * (4 / 18))) < 1e-3, `a+b: ${texWidthEm("a+b")}`);
    // a fraction is as wide as its wider row (plus the null delimiters' 0.12 em each side)
    assert.ok(Math.abs(texWidthEm("\\displaystyle\\frac{a+b}{c}") - texWidthEm("\\displaystyle a+b") - 0.24) < 1e-3);
  },
);

s("should keep every line of a seeded corpus what a screen reader hears, with each row at most ROW_EM wide", () => {
  const r = rng(2026_12_05);
  let narrowed = 0;
  for (let i = 0; i < 300; i++) {
    const f = generate(r, 3 + Math.floor(r() * 3), false);
    const tex = breakableLine(`\\displaystyle = ${toTex(parseExpression(text(derivative(f)), `case ${i}`))}`);
    const narrow = narrowLine(tex);
    if (narrow === undefined) continue;
    narrowed += 1;
    const where = `case ${i}: ${tex}`;
    assert.is(mathmlLeaves(renderTex(narrow, false, {})), mathmlLeaves(renderTex(tex, false, {})), where);
    for (const m of narrow.matchAll(/\\begin\{aligned\}([\s\S]*?)\\end\{aligned\}/g))
      for (const row of m[1].split("\\\\")) {
        const t = row.replace(/^&(\\quad )?/, "");
        // a row is one piece at least: only a piece that alone is wider may exceed the goal
        if (texWidthEm(`\\textstyle ${t}`) > ROW_EM)
          assert.is(topLevelCuts(t), 0, `a row that could be split, ${where}`);
      }
  }
  // the fuzzer's fractions mostly stand inside parentheses that keep their script, or fit: few lines need the form
  assert.ok(narrowed >= 2, `lines given a narrow form: ${narrowed} of 300`);
});

s.run();
