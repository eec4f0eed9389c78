import katex from "katex";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { renderTex, TexError } from "../../../lib/site/tex/katex";

const s = suite("renderTex");

s("should render inline math as a katex span without the display wrapper", () => {
  const html = renderTex("\\sigma(z)", false, {});
  assert.ok(html.startsWith('<span class="katex">'), html.slice(0, 40));
  assert.not.ok(html.includes("katex-display"));
  assert.ok(html.includes('<annotation encoding="application/x-tex">\\sigma(z)</annotation>'));
});

s("should wrap display math in katex-display", () => {
  assert.ok(renderTex("x^2", true, {}).startsWith('<span class="katex-display">'));
});

s("should give the same markup as KaTeX itself for a plain formula", () => {
  const expected = katex.renderToString("\\frac{1}{1 + e^{-z}}", { displayMode: true });
  assert.is(renderTex("\\frac{1}{1 + e^{-z}}", true, {}), expected);
});

s("should throw a TexError quoting the formula for an undefined macro", () => {
  try {
    renderTex("\\notamacro{x}", false, {});
    assert.unreachable("should have thrown");
  } catch (err) {
    assert.instance(err, TexError);
    assert.match(
      (err as Error).message,
      /KaTeX cannot render "\\notamacro\{x\}": .*Undefined control sequence: \\notamacro/,
    );
    assert.is((err as TexError).tex, "\\notamacro{x}");
  }
});

s("should keep \\newcommand definitions in the shared macros for later formulas", () => {
  const macros = {};
  renderTex("\\newcommand{\\sig}{\\sigma}", false, macros);
  assert.ok(renderTex("\\sig(0)", false, macros).includes("σ"));
  assert.throws(() => renderTex("\\sig(0)", false, {}), /Undefined control sequence/);
});

s.run();
