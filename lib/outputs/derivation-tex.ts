/**
 * The TeX a derivation's reader sees besides the steps themselves: what a step was
 * compared with, a counterexample's point and values, a slip's right step, a
 * certificate's normal forms and side conditions, and the `$…$` math of a note. Every
 * expression goes through lib/derive's own TeX printer (`toTex`), the one that writes the
 * steps, so no reader sees mathjs's raw text such as `-1 * e ^ (-x) * -1 / …`.
 */
import { parseExpression } from "../derive/expression";
import { toTex } from "../derive/tex";

/** Name → TeX entries of a derivation (its spec's `texNames`), added to lib/derive's defaults. */
export type TexNames = Readonly<Record<string, string>>;

/**
 * Text as TeX text mode: `\text{…}` with TeX's special characters escaped.
 *
 * @param text any text
 * @returns e.g. `\text{not an expression: 50\%}`
 */
export function textTex(text: string): string {
  const escaped = text.replace(/[\\{}$&#^_%~]/g, (c) =>
    c === "\\" ? "\\textbackslash{}" : c === "^" ? "\\textasciicircum{}" : c === "~" ? "\\textasciitilde{}" : `\\${c}`,
  );
  return `\\text{${escaped}}`;
}

/**
 * An expression in mathjs syntax as TeX, printed by lib/derive's `toTex` (yhat → \hat{y},
 * e^(-x) → e^{-x}, a/b → \frac{a}{b}).
 *
 * @param expr mathjs syntax (the typographic − and · are accepted)
 * @param names the derivation's `texNames`
 * @returns TeX for math mode; text that does not parse comes back as {@link textTex}
 */
export function exprTex(expr: string, names: TexNames = {}): string {
  try {
    return toTex(parseExpression(expr, "derivation display"), names);
  } catch {
    return textTex(expr);
  }
}

/**
 * A decimal number as TeX: "9.35e-14" → `9.35 \times 10^{-14}`, "-0.5" → `-0.5`.
 *
 * @param value a decimal string (JavaScript or decimal.js formatting)
 * @returns TeX for math mode; text that is not a number comes back as {@link textTex}
 */
export function numberTex(value: string): string {
  const m = /^\s*([-+]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([-+]?\d+))?\s*$/.exec(value);
  if (!m)
    return /^[-+]?Infinity$/.test(value.trim()) ? `${value.trim().startsWith("-") ? "-" : ""}\\infty` : textTex(value);
  const sign = m[1] === "-" ? "-" : "";
  const exp = m[3] === undefined ? "" : ` \\times 10^{${String(Number(m[3]))}}`;
  return `${sign}${m[2]}${exp}`;
}

/** Relations a side condition is written with, longest first, and their TeX. */
const RELATIONS: readonly [string, string][] = [
  ["\u2260", "\\neq"],
  ["!=", "\\neq"],
  ["\u2265", "\\geq"],
  [">=", "\\geq"],
  ["\u2264", "\\leq"],
  ["<=", "\\leq"],
  [">", ">"],
  ["<", "<"],
  ["=", "="],
];

/**
 * A side condition or a piece of a split domain ("1 + e^(-x) ≠ 0", "yhat > 0",
 * "0 < yhat < 1") as TeX: each side printed by {@link exprTex}, the relations as TeX.
 *
 * @param condition the condition as the exact tier writes it
 * @param names the derivation's `texNames`
 * @returns TeX for math mode; a condition that does not read this way comes back as {@link textTex}
 */
export function conditionTex(condition: string, names: TexNames = {}): string {
  const parts: string[] = [];
  let rest = condition;
  for (;;) {
    let at = -1;
    let found: [string, string] | undefined;
    for (const r of RELATIONS) {
      const i = rest.indexOf(r[0]);
      if (i >= 0 && (at < 0 || i < at || (i === at && found !== undefined && r[0].length > found[0].length))) {
        at = i;
        found = r;
      }
    }
    if (!found) break;
    parts.push(rest.slice(0, at), found[1]);
    rest = rest.slice(at + found[0].length);
  }
  parts.push(rest);
  if (parts.length < 3) return textTex(condition);
  const sides = parts.filter((_, i) => i % 2 === 0).map((p) => p.trim());
  if (sides.some((p) => p === "")) return textTex(condition);
  return parts.map((p, i) => (i % 2 === 0 ? exprTex(p.trim(), names) : ` ${p} `)).join("");
}

/** A piece of a note: text, or the TeX between a pair of `$`. */
export interface NotePiece {
  math: boolean;
  text: string;
}

/**
 * A note split into text and inline math: `$…$` is math (`\$` is a dollar sign in the
 * text); a `$` with no closing partner stays text.
 *
 * @param note a step's note, e.g. "multiply by $e^{x}$ above and below"
 * @returns the pieces in order; no empty piece
 */
export function notePieces(note: string): NotePiece[] {
  const pieces: NotePiece[] = [];
  let text = "";
  let i = 0;
  while (i < note.length) {
    const c = note[i];
    if (c === "\\" && note[i + 1] === "$") {
      text += "$";
      i += 2;
      continue;
    }
    if (c === "$") {
      let j = i + 1;
      while (j < note.length && !(note[j] === "$" && note[j - 1] !== "\\")) j++;
      const tex = note.slice(i + 1, j).trim();
      if (j < note.length && tex !== "") {
        if (text) pieces.push({ math: false, text });
        text = "";
        pieces.push({ math: true, text: tex });
        i = j + 1;
        continue;
      }
    }
    text += c;
    i++;
  }
  if (text) pieces.push({ math: false, text });
  return pieces;
}
