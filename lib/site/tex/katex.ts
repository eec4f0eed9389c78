import katex from "katex";

/** A formula KaTeX cannot render; the message quotes the TeX and KaTeX's reason. */
export class TexError extends Error {
  constructor(
    readonly tex: string,
    reason: string,
  ) {
    const shown = tex.length > 80 ? `${tex.slice(0, 77)}...` : tex;
    // quoted as written: JSON.stringify would double every backslash of the TeX
    super(`KaTeX cannot render "${shown}": ${reason}`);
    this.name = "TexError";
  }
}

/**
 * Macros shared by the formulas of one page, so that a `\newcommand` or `\def`
 * in one formula holds in the later ones, as with MathJax in a notebook.
 */
export type TexMacros = Record<string, string>;

/**
 * Renders one TeX formula to HTML (with MathML for screen readers) on the
 * server, with KaTeX (katex.org/docs/options): errors are thrown, never drawn
 * in red, so an unsupported macro stops the build; Unicode letters in math
 * mode are accepted silently (strict: "ignore"); definitions go to the page's
 * shared macros (globalGroup).
 *
 * @param tex the formula without delimiters
 * @param display true for display (block) math, false for inline
 * @param macros the page's macro table, modified by definitions
 * @param output "htmlAndMathml" (default): KaTeX's HTML, drawn in its fonts, with a hidden MathML
 *   copy for screen readers; "mathml": MathML alone, drawn by the browser (MathML Core) and read by
 *   screen readers, about a sixth of the bytes (the site's derivation details, shown on demand)
 * @returns HTML: a `<span class="katex">` (inside `<span class="katex-display">` when displayed)
 * @throws TexError quoting the formula and KaTeX's parse error
 */
export function renderTex(
  tex: string,
  display: boolean,
  macros: TexMacros,
  output: "htmlAndMathml" | "mathml" = "htmlAndMathml",
): string {
  try {
    return katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      strict: "ignore",
      trust: false,
      globalGroup: true,
      macros,
      output,
    });
  } catch (err) {
    throw new TexError(tex, (err as Error).message);
  }
}
