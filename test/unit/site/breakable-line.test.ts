import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parseExpression } from "../../../lib/derive/expression";
import { toTex } from "../../../lib/derive/tex";
import { breakableLine, topLevelGroups } from "../../../lib/site/tex/breakable-line";
import { renderTex } from "../../../lib/site/tex/katex";
import { derivative, generate, rng, text } from "../../../scripts/fuzz/grammar";

const s = suite("breakableLine");

/** KaTeX's unbreakable pieces of an inline formula (`.katex-html > .base`), with their strut heights and depths in em. */
function bases(html: string): { height: number; depth: number }[] {
  return Array.from(
    html.matchAll(/<span class="base"><span class="strut" style="height:([\d.]+)em;(?:vertical-align:-([\d.]+)em;)?/g),
    (m) => ({ height: Number(m[1]), depth: Number(m[2] ?? 0) }),
  );
}

/** The characters a screen reader gets: the MathML's text without its TeX annotation. */
function mathmlText(html: string): string {
  const mathml = /<math[\s\S]*?<\/math>/.exec(html)?.[0] ?? "";
  return mathml
    .replace(/<annotation[\s\S]*?<\/annotation>/, "")
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, "");
}

/** The sizes of KaTeX's enlarged delimiters in order ("size2", "mult"); normal-size ones are left out (KaTeX merges `))` into one span). */
function delimiterClasses(html: string): string[] {
  return Array.from(html.matchAll(/<span class="delimsizing (size\d|mult)"/g), (m) => m[1]);
}

s("should make the operators inside page 06's outer parentheses break points, with KaTeX's own delimiter size", () => {
  const tex =
    "\\displaystyle = -\\left(t\\cdot\\ln\\left(\\sigma\\left(w_{1}\\cdot x_{1}+ b\\right)\\right)+\\left(1-t\\right)\\cdot\\ln\\left(1-\\sigma\\left(w_{1}\\cdot x_{1}+ b\\right)\\right)\\right)";
  const out = breakableLine(tex);
  assert.is(
    out,
    "\\displaystyle = -(t\\cdot\\ln\\left(\\sigma\\left(w_{1}\\cdot x_{1}+ b\\right)\\right)+\\left(1-t\\right)\\cdot\\ln\\left(1-\\sigma\\left(w_{1}\\cdot x_{1}+ b\\right)\\right))",
  );
  assert.is(bases(renderTex(tex, false, {})).length, 2, "before: `=` and one unbreakable group");
  assert.is(bases(renderTex(out, false, {})).length, 5, "after: = | −(t· | ln(…)+ | (1−t)· | ln(…))");
});

s("should size the opened delimiters as \\left chose them around a fraction (page 07)", () => {
  const tex = "\\displaystyle = -\\left(\\frac{t_{1}}{p_{1}}\\cdot p_{1}+ \\frac{t_{2}}{p_{2}}\\cdot p_{2}\\right)";
  const out = breakableLine(tex);
  assert.is(
    out,
    "\\displaystyle = -\\biggl(\\frac{t_{1}}{p_{1}}\\cdot p_{1}+ \\frac{t_{2}}{p_{2}}\\cdot p_{2}\\biggr)",
  );
  assert.equal(delimiterClasses(renderTex(out, false, {})), delimiterClasses(renderTex(tex, false, {})));
});

s("should open the groups inside a group that alone holds no break point", () => {
  assert.is(
    breakableLine("\\displaystyle = \\left(\\ln\\left(a + b\\right)\\right)"),
    "\\displaystyle = (\\ln(a + b))",
  );
  assert.is(breakableLine("\\left|a - b\\right|"), "\\lvert a - b\\rvert ");
});

s("should keep a group whose script belongs to it, a formula without groups, and \\left. delimiters", () => {
  assert.is(breakableLine("\\displaystyle = \\left(a + b\\right)^{2}"), "\\displaystyle = \\left(a + b\\right)^{2}");
  assert.is(breakableLine("\\displaystyle = \\frac{a+b}{c}"), "\\displaystyle = \\frac{a+b}{c}");
  assert.is(breakableLine("\\left.a + b\\right|_{0}"), "\\left.a + b\\right|_{0}");
  assert.is(
    breakableLine("\\frac{\\left(a+b\\right)}{c} + \\sqrt{\\left(a\\right)}"),
    "\\frac{\\left(a+b\\right)}{c} + \\sqrt{\\left(a\\right)}",
    "groups inside braces are not at the top level",
  );
});

s("should name the formula when \\left and \\right do not pair up", () => {
  assert.throws(() => topLevelGroups("a \\right) b"), /a \\right without its \\left in "a \\right\) b"/);
  assert.throws(() => topLevelGroups("\\left( a"), /unbalanced braces or \\left\/\\right in "\\left\( a"/);
});

// The class, at scale: 400 derivatives of seeded random functions (the fuzzer's grammar) printed by the kit's
// TeX printer, each line checked against KaTeX's rendering of the line as the printer wrote it.
s(
  "should draw every line of a seeded corpus at the height, depth and delimiter sizes KaTeX gave it, to screen readers alike, with at least as many break points",
  () => {
    const r = rng(2026_12_04);
    let opened = 0;
    for (let i = 0; i < 400; i++) {
      const f = generate(r, 2 + Math.floor(r() * 3), false);
      const tex = `\\displaystyle = ${toTex(parseExpression(text(derivative(f)), `case ${i}`))}`;
      const out = breakableLine(tex);
      const before = renderTex(tex, false, {});
      const after = renderTex(out, false, {});
      const [b, a] = [bases(before), bases(after)];
      const where = `case ${i}: ${tex}`;
      const max = (xs: { height: number; depth: number }[], k: "height" | "depth") => Math.max(...xs.map((x) => x[k]));
      assert.ok(Math.abs(max(a, "height") - max(b, "height")) < 1e-4, `height, ${where}`);
      assert.ok(Math.abs(max(a, "depth") - max(b, "depth")) < 1e-4, `depth, ${where}`);
      assert.equal(delimiterClasses(after), delimiterClasses(before), `delimiter sizes, ${where}`);
      assert.is(mathmlText(after), mathmlText(before), `MathML text, ${where}`);
      assert.ok(a.length >= b.length, `break points, ${where}`);
      // every top-level group of the line is opened, unless a script follows it or KaTeX stacks its delimiters
      const openable = topLevelGroups(tex).filter(
        (g) =>
          !/^\s*[\^_]/.test(tex.slice(g.end)) &&
          !renderTex(`\\displaystyle\\left${g.open}${g.inner}\\right${g.close}`, false, {}).includes(
            "delimsizing mult",
          ),
      ).length;
      const lefts = (t: string) => t.split("\\left").length - 1;
      assert.ok(
        lefts(tex) - lefts(out) >= openable,
        `${openable} groups to open, ${lefts(tex) - lefts(out)} opened: ${out}`,
      );
      if (a.length > b.length) opened += 1;
    }
    assert.ok(opened > 100, `lines given more break points: ${opened} of 400`);
  },
);

s.run();
