/** KaTeX's TeX annotation inside its MathML: `<annotation encoding="application/x-tex">…</annotation>` (its text is escaped, so it holds no `<`). */
const TEX_ANNOTATION = /<annotation encoding="application\/x-tex">[^<]*<\/annotation>/g;

/**
 * A page as the site serves it, without the TeX source KaTeX keeps in each formula's MathML
 * (`<semantics>…<annotation encoding="application/x-tex">TeX</annotation></semantics>`). Browsers
 * never draw the annotation and screen readers read the MathML's presentation, not it; the search
 * index takes the formulas' TeX from the page before this (lib/site/render/search-index.ts), so
 * "quotient" or `\sigma` still finds them. On the tutorials' site it is about a seventh of a
 * formula-heavy page's gzip bytes (page 09: 9 KiB of 67).
 *
 * @param html a page or fragment holding KaTeX's output
 * @returns the same HTML, each TeX annotation removed (its `<semantics>` keeps the presentation MathML)
 */
export function withoutTexAnnotations(html: string): string {
  return html.replace(TEX_ANNOTATION, "");
}
