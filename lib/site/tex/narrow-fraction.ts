import { breakableLine } from "./breakable-line";
import type { TexMacros } from "./katex";
import { texWidthEm } from "./tex-width";

/**
 * The narrow form of a derivation line whose fraction is wider than a phone's column.
 *
 * KaTeX cannot break a fraction across lines, so a line such as page 08's
 * `= \frac{(e^x+e^{-x})\cdot(e^x+e^{-x}) - (e^x-e^{-x})\cdot(e^x-e^{-x})}{(e^x+e^{-x})^2}` scrolled
 * sideways on a phone even once its parentheses were opened (`breakableLine`). A textbook sets such
 * a numerator on two rows, the second indented and starting with its operator; `narrowLine` writes
 * that TeX: each fraction at the line's top level (outside braces and `\left … \right`) that is
 * wider than `WIDE_EM` has its numerator and denominator, when wider than `ROW_EM`, split before a
 * top-level "+" or "−" (or after a "·"; its own top-level parentheses opened first, `breakableLine`) into rows of at most `ROW_EM` (`\begin{aligned}`). The page
 * shows this form only where the line as written does not fit (lib/site/browser/narrow-lines.ts).
 */

/** A fraction at least this wide (em of the formula's font, about 250 px on a phone) gets a narrow form. */
export const WIDE_EM = 14;
/** The widest row the narrow form aims at (em): a 320 px phone's column holds about 15. */
export const ROW_EM = 12;

/** Index just past the brace group that opens at `i` (`tex[i] === "{"`). */
function groupEnd(tex: string, i: number): number {
  let depth = 0;
  for (let j = i; j < tex.length; j++) {
    if (tex[j] === "\\") {
      j += 1;
      continue;
    }
    if (tex[j] === "{") depth += 1;
    else if (tex[j] === "}") {
      depth -= 1;
      if (depth === 0) return j + 1;
    }
  }
  throw new RangeError(`narrowLine: an unclosed brace group at character ${i} of "${tex}"`);
}

/** Walks the top level of a TeX text (outside braces and `\left … \right`), calling `at` with each index there. */
function topLevel(tex: string, at: (i: number) => number | undefined): void {
  let braces = 0;
  let lefts = 0;
  for (let i = 0; i < tex.length; ) {
    if (braces === 0 && lefts === 0) {
      const skip = at(i);
      if (skip !== undefined) {
        i = skip;
        continue;
      }
    }
    const c = tex[i];
    if (c === "\\") {
      const word = /^\\([A-Za-z]+|.)/.exec(tex.slice(i))?.[0] ?? "\\";
      if (word === "\\left") lefts += 1;
      else if (word === "\\right") lefts -= 1;
      i += word.length;
    } else {
      if (c === "{") braces += 1;
      else if (c === "}") braces -= 1;
      i += 1;
    }
  }
}

/** The pieces of a sum or product at their top-level break points: before "+" / "−", after "\cdot". */
function pieces(tex: string): string[] {
  const cuts: number[] = [];
  topLevel(tex, (i) => {
    const c = tex[i];
    const before = tex.slice(0, i).trimEnd();
    if ((c === "+" || c === "-") && before !== "" && !/(\\cdot|[-+=(])$/.test(before)) cuts.push(i);
    if (tex.startsWith("\\cdot", i) && !/^[A-Za-z]/.test(tex[i + 5] ?? "")) cuts.push(i + 5);
    return undefined;
  });
  const out: string[] = [];
  let from = 0;
  for (const c of cuts) {
    if (tex.slice(from, c).trim() !== "") out.push(tex.slice(from, c));
    from = c;
  }
  out.push(tex.slice(from));
  return out.filter((p) => p.trim() !== "");
}

/** A numerator or denominator set on rows of at most ROW_EM, or undefined when it fits on one or cannot be split. */
function rows(written: string, macros: TexMacros): string | undefined {
  if (texWidthEm(`\\textstyle ${written}`, macros) <= ROW_EM) return undefined;
  // its own top-level parentheses opened, as in a line (a numerator the printer wrote as one \left( … \right))
  const part = breakableLine(written, macros, "\\textstyle");
  const lines: string[] = [];
  let line = "";
  for (const p of pieces(part)) {
    if (line !== "" && texWidthEm(`\\textstyle ${line}${p}`, macros) > ROW_EM) {
      lines.push(line);
      line = p;
    } else line += p;
  }
  lines.push(line);
  if (lines.length < 2) return undefined;
  // an operator at a row's end or start keeps its spacing as a binary operator (the empty group `{}`)
  const body = lines
    .map((l, k) => {
      const t = l.trim();
      const tail = t.endsWith("\\cdot") ? `${t}{}` : t;
      return k === 0 ? `&${tail}` : `&\\quad {}${tail}`;
    })
    .join("\\\\");
  return `\\begin{aligned}${body}\\end{aligned}`;
}

/**
 * The narrow form of one derivation line: its wide top-level fractions with numerator and
 * denominator on rows (see the file's comment), or undefined when the line has none.
 *
 * @param tex the line's TeX (as `breakableLine` wrote it), e.g. `\displaystyle = \frac{…}{…}`
 * @param macros the page's KaTeX macros (read, never changed)
 * @returns TeX text, or undefined when nothing in the line changes
 * @throws RangeError naming the formula when a brace group does not close; KaTeX's ParseError when a part does not parse
 */
export function narrowLine(tex: string, macros: TexMacros = {}): string | undefined {
  if (!tex.includes("\\frac")) return undefined;
  let out = "";
  let from = 0;
  let changed = false;
  topLevel(tex, (i) => {
    if (!tex.startsWith("\\frac{", i)) return undefined;
    const numEnd = groupEnd(tex, i + 5);
    if (tex[numEnd] !== "{") return undefined;
    const denEnd = groupEnd(tex, numEnd);
    const num = tex.slice(i + 6, numEnd - 1);
    const den = tex.slice(numEnd + 1, denEnd - 1);
    if (texWidthEm(`\\displaystyle\\frac{${num}}{${den}}`, macros) > WIDE_EM) {
      const n = rows(num, macros);
      const d = rows(den, macros);
      if (n !== undefined || d !== undefined) {
        out += `${tex.slice(from, i)}\\frac{${n ?? num}}{${d ?? den}}`;
        from = denEnd;
        changed = true;
      }
    }
    return denEnd;
  });
  return changed ? out + tex.slice(from) : undefined;
}
