import { derivationHtml } from "../../outputs/derivation-html";
import { derivationView } from "../../outputs/derivation-view";
import { readDerivationPayload } from "../../outputs/derivation-payload";
import { breakableLine } from "../tex/breakable-line";
import { renderTex, type TexMacros } from "../tex/katex";
import { narrowLine } from "../tex/narrow-fraction";
import { trySubjectScript } from "../try/try-html";

/**
 * A derivation output drawn from its JSON payload (`application/vnd.stepwise.derivation+json`),
 * never from the HTML display wrote beside it: the rows are laid out by display's own
 * `derivationView` / `derivationHtml`, and each formula's TeX goes from the payload
 * straight to KaTeX. The lines of the chain, and the detail of a failed or rejected line (open
 * by itself), are KaTeX's HTML (with MathML for screen readers); the formulas inside a closed
 * disclosure (certificate, comparison, note), shown on demand, are MathML alone, drawn by the
 * browser: as KaTeX's HTML they made 2.6 MB of page 09's 3.3 MB (about 100 KiB gzip). A line of the
 * chain is written with break points (`breakableLine`), so that on a narrow screen it breaks onto
 * continuation rows after "=", "+", "−" or "·" instead of scrolling; a line with a fraction too
 * wide for a phone also carries its narrow form (`narrowLine`: numerator and denominator on rows),
 * hidden, which the page's script shows instead where the line does not fit (`fitLines`). The spec, seed and sample count follow as inert JSON for the
 * page's "try a step" (`trySubjectScript`).
 *
 * @param value the output's payload (an object, or JSON text)
 * @param macros the page's KaTeX macros
 * @param where notebook and cell, for errors
 * @returns `<div class="output output-derivation"><div class="stepwise-derivation" …>…</div></div>`
 * @throws TypeError / RangeError naming the field or version of a malformed payload; TexError for TeX KaTeX cannot render
 */
export function derivationOutput(value: unknown, macros: TexMacros, where: string): string {
  const payload = readDerivationPayload(value, where);
  const view = derivationView(payload);
  return `<div class="output output-derivation">${derivationHtml(view, {
    math: (tex, display, place) =>
      place === "line"
        ? lineHtml(tex, macros)
        : renderTex(tex, display === true, macros, place === "on demand" ? "mathml" : "htmlAndMathml"),
  })}${trySubjectScript(payload)}</div>`;
}

/**
 * One line of the chain: its TeX with break points, and when it has a fraction too wide for a phone,
 * its narrow form beside it, hidden (`<span class="stepwise-line-wide">…</span><span
 * class="stepwise-line-narrow" hidden>…</span>`; lib/site/browser/narrow-lines.ts shows the one that fits).
 */
function lineHtml(tex: string, macros: TexMacros): string {
  const wide = breakableLine(tex, macros);
  const narrow = narrowLine(wide, macros);
  const html = renderTex(wide, false, macros);
  if (narrow === undefined) return html;
  return (
    `<span class="stepwise-line-wide">${html}</span>` +
    `<span class="stepwise-line-narrow" hidden>${renderTex(narrow, false, macros)}</span>`
  );
}
