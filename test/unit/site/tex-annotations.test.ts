import { suite } from "uvu";
import * as assert from "uvu/assert";
import { renderTex } from "../../../lib/site/tex/katex";
import { withoutTexAnnotations } from "../../../lib/site/tex/tex-annotations";

const strip = suite("withoutTexAnnotations");

/** The presentation MathML's leaves, as a screen reader gets them. */
const leaves = (html: string): string[] => [...html.matchAll(/<m[ino][^>]*>([^<]*)<\/m[ino]>/g)].map((m) => m[1]);

strip("should remove each formula's TeX annotation and keep its MathML and KaTeX's HTML", () => {
  const formulas = [
    ["\\sigma(z) = \\frac{1}{1 + e^{-z}}", true],
    ["\\hat{y} < t \\;\\&\\; a_1", false],
    ["\\frac{\\partial L}{\\partial w_{21}}", true],
  ] as const;
  for (const [tex, display] of formulas) {
    const html = renderTex(tex, display, {});
    const out = withoutTexAnnotations(`<p>before ${html} after</p>`);
    assert.not.ok(out.includes("<annotation"), tex);
    assert.ok(html.length - out.length + "<p>before  after</p>".length >= tex.length, `${tex}: the TeX is gone`);
    assert.equal(leaves(out), leaves(html), `${tex}: the same MathML leaves`);
    assert.ok(out.includes("<semantics><mrow>") && out.includes("</mrow></semantics></math>"), tex);
    const visible = (h: string) => h.slice(h.indexOf('<span class="katex-html"'));
    assert.is(visible(out).replace(/ after<\/p>$/, ""), visible(html), `${tex}: KaTeX's HTML unchanged`);
  }
});

strip("should leave text that only looks like an annotation (escaped, or another encoding) alone", () => {
  const escaped = '<pre>&lt;annotation encoding="application/x-tex"&gt;x&lt;/annotation&gt;</pre>';
  assert.is(withoutTexAnnotations(escaped), escaped);
  const other = '<annotation encoding="text/plain">x</annotation>';
  assert.is(withoutTexAnnotations(other), other);
  assert.is(withoutTexAnnotations(""), "");
});

strip.run();
