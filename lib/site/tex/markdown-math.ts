import type MarkdownIt from "markdown-it";
import { renderTex, type TexMacros } from "./katex";
import { matchMathAt, type MathMatch } from "./math-split";

/** What the math renderers read from markdown-it's env: the page's shared KaTeX macros. */
export interface MathEnv extends MarkdownIt.Env {
  macros?: TexMacros;
}

/** The text of lines [from, to) of a block, each without its indentation. */
function linesText(state: MarkdownIt.StateBlock, from: number, to: number): string {
  const lines: string[] = [];
  for (let l = from; l < to; l++) lines.push(state.src.slice(state.bMarks[l] + state.tShift[l], state.eMarks[l]));
  return lines.join("\n");
}

/**
 * Block rule: a formula that starts a line with `$$`, `\[` or `\begin{env}` and
 * whose closing delimiter ends a line (possibly many lines later, blank lines
 * allowed) becomes one `math_block` token. It may interrupt a paragraph.
 */
function mathBlock(state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const first = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
  if (!/^(\$\$|\\\[|\\begin\{)/.test(first)) return false;
  for (let line = startLine; line < endLine; line++) {
    const text = linesText(state, startLine, line + 1);
    const m = matchMathAt(text, 0);
    if (!m) continue;
    if (text.slice(m.end).trim() !== "") return false;
    if (!silent) {
      const token = state.push("math_block", "math", 0);
      token.content = m.tex;
      token.block = true;
      token.map = [startLine, line + 1];
    }
    state.line = line + 1;
    return true;
  }
  return false;
}

/** Opening and closing delimiters of inline-rule formulas, longest first. */
const DELIMITERS: [string, string, boolean][] = [
  ["$$", "$$", true],
  ["\\[", "\\]", true],
  ["\\(", "\\)", false],
  ["$", "$", false],
];

/**
 * A formula at `pos` that `matchMathAt` rejects only because a `{` is left open
 * (e.g. `$\frac{1}{$`): the closing delimiter found when braces are not counted,
 * with the same rules otherwise (escapes, an inline `$` opened by a non-space and
 * closed after a non-space not followed by a digit, no code span inside). It is
 * returned as a formula so that KaTeX reports it and the build fails, the same
 * way as for an unknown macro, instead of leaving broken TeX as text.
 *
 * @returns the match, or null when there is no such formula
 */
export function unbalancedMathAt(src: string, pos: number, limit: number): MathMatch | null {
  for (const [open, close, display] of DELIMITERS) {
    if (!src.startsWith(open, pos)) continue;
    const dollar = open === "$";
    if (dollar && (pos + 1 >= limit || /\s/.test(src[pos + 1]))) return null;
    let depth = 0;
    for (let i = pos + open.length; i + close.length <= limit; i++) {
      const c = src[i];
      if (src.startsWith(close, i)) {
        if (dollar && (/\s/.test(src[i - 1]) || /[0-9]/.test(src[i + 1] ?? ""))) return null;
        return depth > 0 ? { tex: src.slice(pos + open.length, i), display, end: i + close.length } : null;
      }
      if (c === "\\") i++;
      else if (c === "{") depth++;
      else if (c === "}") depth--;
      else if (c === "`" && dollar) return null;
    }
    return null;
  }
  return null;
}

/**
 * Inline rule, run before markdown's backslash escapes: `$…$`, `\(…\)` inline
 * and `$$…$$`, `\[…\]` displayed inside a paragraph. The TeX is taken from the
 * source untouched, so `\_` or `*` in a formula is not read as markdown. A
 * formula with an unclosed brace is still taken as a formula (`unbalancedMathAt`),
 * so that rendering fails on it.
 */
function mathInline(state: MarkdownIt.StateInline, silent: boolean): boolean {
  const c = state.src.charCodeAt(state.pos);
  if (c !== 0x24 /* $ */ && c !== 0x5c /* \ */) return false;
  const m = matchMathAt(state.src, state.pos, state.posMax) ?? unbalancedMathAt(state.src, state.pos, state.posMax);
  if (!m) return false;
  if (!silent) {
    const token = state.push(m.display ? "math_inline_display" : "math_inline", "math", 0);
    token.content = m.tex;
  }
  state.pos = m.end;
  return true;
}

/**
 * markdown-it plugin: TeX in markdown, rendered on the server with KaTeX
 * (see `renderTex`; delimiters as in `matchMathAt`). Rendering throws TexError
 * on a formula KaTeX cannot typeset. Macros are shared through `env.macros`.
 *
 * @param md the markdown-it instance to extend
 */
export function markdownMath(md: MarkdownIt.MarkdownIt): void {
  md.block.ruler.before("fence", "math_block", mathBlock, { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.inline.ruler.before("escape", "math_inline", mathInline);
  const macros = (env: MarkdownIt.Env | undefined): TexMacros => (env as MathEnv | undefined)?.macros ?? {};
  md.renderer.rules.math_inline = (tokens, idx, _o, env) => renderTex(tokens[idx].content, false, macros(env));
  md.renderer.rules.math_inline_display = (tokens, idx, _o, env) => renderTex(tokens[idx].content, true, macros(env));
  md.renderer.rules.math_block = (tokens, idx, _o, env) => `${renderTex(tokens[idx].content, true, macros(env))}\n`;
}
