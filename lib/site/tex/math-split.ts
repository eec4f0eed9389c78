/**
 * Finding TeX in text by its delimiters, as MathJax does in Jupyter: `$…$` and
 * `\(…\)` inline; `$$…$$`, `\[…\]` and `\begin{env}…\end{env}` (math
 * environments) displayed. An inline `$` must be followed by a non-space, and
 * its closing `$` preceded by a non-space and not followed by a digit (the
 * Pandoc rule), so "$5 and $6" stays text; an inline formula cannot hold another
 * unescaped `$` or a backtick (a code span). A backslash escapes the next
 * character, and a closing delimiter inside braces does not count
 * (`\text{$}`).
 */

/** One piece of a text: plain text, or TeX with its display flag. */
export type MathSegment = { kind: "text"; text: string } | { kind: "math"; tex: string; display: boolean; raw: string };

/** A delimited formula found at a position. */
export interface MathMatch {
  /** The TeX between the delimiters (with `\begin…\end` kept for environments). */
  tex: string;
  display: boolean;
  /** Index just past the closing delimiter. */
  end: number;
}

/** Environments that MathJax typesets without `$` delimiters (and KaTeX supports in display mode). */
const ENVIRONMENTS =
  /\\begin\{(equation|align|alignat|gather|multline|eqnarray|split|aligned|gathered|cases|matrix|pmatrix|bmatrix|CD)(\*?)\}/y;

/** Index of `close` at brace depth 0 at or after `from` and before `limit`, skipping escaped characters; -1 if none. */
function findClose(src: string, from: number, limit: number, close: string, inlineDollar: boolean): number {
  let depth = 0;
  for (let i = from; i < limit; i++) {
    const c = src[i];
    if (c === "\\" && !(close.startsWith("\\") && src.startsWith(close, i) && depth <= 0)) {
      i++;
      continue;
    }
    if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (depth <= 0 && src.startsWith(close, i) && i + close.length <= limit) {
      if (!inlineDollar) return i;
      const before = src[i - 1];
      const after = src[i + 1] ?? "";
      // a "$" that cannot close cannot be inside the formula either: no inline formula here
      return before !== undefined && !/\s/.test(before) && !/[0-9]/.test(after) ? i : -1;
    } else if (inlineDollar && depth <= 0 && c === "`") {
      return -1; // a code span starts: formulas do not reach into code (as in JupyterLab)
    }
  }
  return -1;
}

/**
 * The formula starting exactly at `pos`, if any.
 *
 * @param src the text
 * @param pos index of a possible opening delimiter
 * @param limit index where the search stops (default: end of src)
 * @returns the match, or null when no complete formula starts at pos
 */
export function matchMathAt(src: string, pos: number, limit = src.length): MathMatch | null {
  const rest = src.slice(pos, Math.min(limit, pos + 40));
  const delims: [string, string, boolean][] = [
    ["$$", "$$", true],
    ["\\[", "\\]", true],
    ["\\(", "\\)", false],
  ];
  for (const [open, close, display] of delims) {
    if (!rest.startsWith(open)) continue;
    const end = findClose(src, pos + open.length, limit, close, false);
    const tex = end < 0 ? "" : src.slice(pos + open.length, end);
    return end < 0 || tex.trim() === "" ? null : { tex, display, end: end + close.length };
  }
  ENVIRONMENTS.lastIndex = pos;
  const env = ENVIRONMENTS.exec(src);
  if (env) {
    const close = `\\end{${env[1]}${env[2]}}`;
    const at = src.indexOf(close, pos + env[0].length);
    return at < 0 || at + close.length > limit
      ? null
      : { tex: src.slice(pos, at + close.length), display: true, end: at + close.length };
  }
  if (rest.startsWith("$") && rest.length > 1 && !/\s/.test(rest[1])) {
    const end = findClose(src, pos + 1, limit, "$", true);
    return end < 0 ? null : { tex: src.slice(pos + 1, end), display: false, end: end + 1 };
  }
  return null;
}

/**
 * Splits a text into plain text and formulas. `\$` in plain text becomes `$`
 * (MathJax's processEscapes); unmatched openers stay as text.
 *
 * @param text any string
 * @returns the segments in order; adjacent text is merged
 */
export function splitMath(text: string): MathSegment[] {
  const out: MathSegment[] = [];
  let plain = "";
  const flush = (): void => {
    if (plain) out.push({ kind: "text", text: plain });
    plain = "";
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === "\\" && text[i + 1] === "$") {
      plain += "$";
      i += 2;
      continue;
    }
    const m = c === "$" || c === "\\" ? matchMathAt(text, i) : null;
    if (m) {
      flush();
      out.push({ kind: "math", tex: m.tex, display: m.display, raw: text.slice(i, m.end) });
      i = m.end;
    } else {
      plain += c === "\\" ? text.slice(i, i + 2) : c;
      i += c === "\\" ? 2 : 1;
    }
  }
  flush();
  return out;
}
