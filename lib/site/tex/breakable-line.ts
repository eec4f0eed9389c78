import katex from "katex";
import type { TexMacros } from "./katex";

/**
 * A derivation line that may break onto continuation rows on a narrow screen.
 *
 * KaTeX lets the browser break inline math only after a top-level relation or binary operator
 * (katex.org/docs/issues: "KaTeX breaks inline math after relations and binary operators at the
 * top level"). The kit's TeX printer writes every parenthesis as `\left( … \right)`, one
 * unbreakable atom, so a line such as `= -\left(t\cdot\ln(…) + (1-t)\cdot\ln(…)\right)` had no
 * break point at all and scrolled sideways on a phone. `breakableLine` writes each such group
 * standing at the line's top level (outside every brace and every other `\left … \right`) with
 * explicit delimiters of the size `\left … \right` chose there (`\bigl(`, `\Bigl(`, …, from
 * KaTeX's own rendering of the group), which makes the operators inside it top-level break points.
 * Where that opens a single group and leaves no break point beside it (`-\left(\ln(…)\right)`),
 * the groups of its content are opened in turn.
 *
 * Kept as they were: a group followed by `^` or `_` (its script belongs to the whole group), a
 * group whose delimiters KaTeX builds by stacking pieces (taller than `\Biggl`), and delimiters
 * other than `(`, `[` and `|`.
 */

/** What `\left` sizes are written as: KaTeX's class `delimsizing sizeN` ↔ the TeX size command. */
const SIZES = ["", "\\big", "\\Big", "\\bigg", "\\Bigg"] as const;

/** The delimiters handled, as the printer writes them after `\left` / `\right`, and their plain open/close forms. */
const OPEN: Record<string, string> = { "(": "(", "[": "[", "|": "\\lvert " };
const CLOSE: Record<string, string> = { ")": ")", "]": "]", "|": "\\rvert " };

/** A `\left … \right` group of a TeX text: where it starts and ends, its delimiters and its content. */
interface Group {
  start: number;
  end: number;
  open: string;
  close: string;
  inner: string;
}

/** Index just past a control word or symbol starting at `i` (a backslash). */
function controlEnd(tex: string, i: number): number {
  let j = i + 1;
  if (/[A-Za-z]/.test(tex[j] ?? "")) while (/[A-Za-z]/.test(tex[j] ?? "")) j += 1;
  else j += 1;
  return j;
}

/**
 * The `\left … \right` groups at the top level of `tex` (outside braces and other groups), in order.
 *
 * @throws RangeError naming the formula when braces or `\left`/`\right` do not pair up
 */
export function topLevelGroups(tex: string): Group[] {
  const groups: Group[] = [];
  let braces = 0;
  let lefts = 0;
  let start = -1;
  let open = "";
  for (let i = 0; i < tex.length; ) {
    const c = tex[i];
    if (c === "{") {
      braces += 1;
      i += 1;
    } else if (c === "}") {
      braces -= 1;
      i += 1;
    } else if (c === "\\") {
      const j = controlEnd(tex, i);
      const word = tex.slice(i, j);
      if (word === "\\left" || word === "\\right") {
        let k = j;
        while (tex[k] === " ") k += 1;
        const d = tex[k] === "\\" ? tex.slice(k, controlEnd(tex, k)) : (tex[k] ?? "");
        const after = k + d.length;
        if (word === "\\left") {
          if (braces === 0 && lefts === 0) {
            start = i;
            open = d;
          }
          lefts += 1;
        } else {
          lefts -= 1;
          if (lefts < 0) throw new RangeError(`breakableLine: a \\right without its \\left in "${tex}"`);
          if (braces === 0 && lefts === 0) {
            const inner = tex.slice(tex.indexOf(open, start + "\\left".length) + open.length, i);
            groups.push({ start, end: after, open, close: d, inner });
          }
        }
        i = after;
      } else i = j;
    } else i += 1;
  }
  if (braces !== 0 || lefts !== 0)
    throw new RangeError(`breakableLine: unbalanced braces or \\left/\\right in "${tex}"`);
  return groups;
}

/**
 * The size KaTeX gives `\left` around this content in display style: 0 for the normal glyph,
 * 1–4 for `\big` … `\Bigg`, or undefined when it stacks pieces (taller than `\Bigg`).
 */
function delimiterSize(
  open: string,
  inner: string,
  close: string,
  macros: TexMacros,
  style: string,
): number | undefined {
  const html = katex.renderToString(`${style}\\left${open}${inner}\\right${close}`, {
    displayMode: false,
    throwOnError: true,
    strict: "ignore",
    trust: false,
    // a copy: a \def in the formula is already in the page's table, and must not run twice
    macros: { ...macros },
    output: "html",
  });
  const m = /<span class="mopen[^"]*"[^>]*>(?:<span class="delimsizing (size(\d)|mult)")?/.exec(html);
  if (!m) return undefined;
  if (m[1] === undefined) return 0;
  return m[2] === undefined ? undefined : Number(m[2]);
}

/** True when a TeX text has a relation or binary operator at its top level (a break point for KaTeX). */
function hasBreakPoint(tex: string): boolean {
  let braces = 0;
  let lefts = 0;
  for (let i = 0; i < tex.length; ) {
    const c = tex[i];
    if (c === "{") braces += 1;
    else if (c === "}") braces -= 1;
    if (c === "\\") {
      const j = controlEnd(tex, i);
      const word = tex.slice(i, j);
      if (word === "\\left") lefts += 1;
      else if (word === "\\right") lefts -= 1;
      else if (braces === 0 && lefts === 0 && /^\\(cdot|times|pm|mp|leq|geq|neq|approx|equiv)$/.test(word)) return true;
      i = j;
      continue;
    }
    // a leading sign is unary, not a break point
    if (
      braces === 0 &&
      lefts === 0 &&
      /[=+<>-]/.test(c ?? "") &&
      tex
        .slice(0, i)
        .replace(/\\displaystyle/g, "")
        .trim() !== ""
    )
      return true;
    i += 1;
  }
  return false;
}

/** One pass: each top-level group written with sized delimiters; its content opened again when it alone holds no break point. */
function open(tex: string, macros: TexMacros, depth: number, style: string): string {
  let out = "";
  let at = 0;
  for (const g of topLevelGroups(tex)) {
    out += tex.slice(at, g.start);
    at = g.end;
    const script = /^\s*[\^_]/.test(tex.slice(g.end));
    const size =
      script || !(g.open in OPEN) || !(g.close in CLOSE)
        ? undefined
        : delimiterSize(g.open, g.inner, g.close, macros, style);
    if (size === undefined) {
      out += tex.slice(g.start, g.end);
      continue;
    }
    const inner = depth < 8 && !hasBreakPoint(g.inner) ? open(g.inner, macros, depth + 1, style) : g.inner;
    const l = size === 0 ? OPEN[g.open] : `${SIZES[size]}l${g.open === "|" ? "\\vert " : g.open}`;
    const r = size === 0 ? CLOSE[g.close] : `${SIZES[size]}r${g.close === "|" ? "\\vert " : g.close}`;
    out += `${l}${inner}${r}`;
  }
  return out + tex.slice(at);
}

/**
 * A derivation line's TeX with break points: every `\left … \right` group at its top level
 * written with explicit delimiters of the size KaTeX chose (`\left(` → `\Bigl(` when the group
 * holds a fraction), so the relations and operators inside become places where KaTeX's inline
 * math may break onto a continuation row. On a line that fits, it draws as before.
 *
 * @param tex one line of a derivation, e.g. `\displaystyle = -\left(a + b\right)` (no delimiters)
 * @param macros the page's KaTeX macros (read, never changed)
 * @param style the style the text is set in, which sizes `\left`: "\\displaystyle" (a line) or
 *   "\\textstyle" (a fraction's numerator or denominator in a displayed line)
 * @returns TeX text, equal to `tex` when there is nothing to open
 * @throws RangeError naming the formula when its braces or `\left`/`\right` do not pair up;
 *   KaTeX's ParseError when a group does not parse
 */
export function breakableLine(tex: string, macros: TexMacros = {}, style = "\\displaystyle"): string {
  return tex.includes("\\left") ? open(tex, macros, 0, style) : tex;
}
