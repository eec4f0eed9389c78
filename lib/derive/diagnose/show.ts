/**
 * How a diagnosis prints an expression in its message: mathjs syntax, tidied
 * (tidyExpression: no `0 +`, `* 1`, exact integer arithmetic), with the spaces around ^
 * dropped, a negative exponent in parentheses and the minus sign as −, so that
 * "e ^ -x" reads "e^(−x)".
 */
import type { MathNode } from "mathjs";
import { DEFAULT_TEX_NAMES, toTex } from "../tex";
import { powerExponent } from "../math-text";
import { tidyExpression } from "../tidy";

/**
 * An expression as a diagnosis message quotes it.
 * @param node a mathjs expression (not modified)
 * @param tidy tidy it first (default true; false keeps a rewrite's node exactly as written)
 * @returns e.g. "e^(−x)", "1 + e^(−x)", "−1"
 */
export function showExpr(node: MathNode, tidy = true): string {
  const text = (tidy ? tidyExpression(node) : node).toString({
    parenthesis: "auto",
    implicit: "show",
    handler: powerExponent,
  });
  return text
    .replace(/ \^ /g, "^")
    .replace(/ \* /g, "·")
    .replace(/\^-([A-Za-z0-9_.]+)/g, "^(-$1)")
    .replace(/-/g, "\u2212");
}

/** While a message is written for a page ({@link messageTex}), {@link quote} writes TeX. */
let quotingTex = false;

/**
 * An expression as a diagnosis message quotes it: {@link showExpr}'s text, or, while
 * {@link messageTex} writes the message, `$…$` around its TeX (lib/derive's printer,
 * DEFAULT_TEX_NAMES), e.g. `$e^{-x}$`.
 *
 * @param node a mathjs expression (not modified)
 * @param tidy tidy it first (default true; false keeps a rewrite's node exactly as written)
 * @returns the quoted expression
 */
export function quote(node: MathNode, tidy = true): string {
  if (!quotingTex) return showExpr(node, tidy);
  return `$${toTex(tidy ? tidyExpression(node) : node, DEFAULT_TEX_NAMES)}$`;
}

/**
 * An expression a message writes by hand in its text form (e.g. "(1 + x^2)^(1/2)", where the
 * printer would write 1 / 2): that text, or, while {@link messageTex} writes the message, the
 * node's `$…$` TeX as written (not tidied).
 *
 * @param node the expression (not modified)
 * @param text its text form for the plain message
 * @returns the text or the `$…$` TeX
 */
export function quoteAs(node: MathNode, text: string): string {
  return quotingTex ? quote(node, false) : text;
}

/**
 * A law a diagnosis message states (a rule in symbols): its text, or, while {@link messageTex}
 * writes the message, `$…$` around its TeX.
 *
 * @param text the law as the text message writes it, e.g. "(uⁿ)′ = n·uⁿ⁻¹·u′"
 * @param tex the same law as TeX, e.g. "(u^n)' = n \\cdot u^{n-1} \\cdot u'"
 * @returns the text or the `$…$` TeX
 */
export function law(text: string, tex: string): string {
  return quotingTex ? `$${tex}$` : text;
}

/**
 * A diagnosis message written for a page that typesets math: the same words as `message()`,
 * each expression it quotes (through {@link quote}) as `$…$` TeX, the rest plain text.
 *
 * @param message the message's writer (a slip variant's `message`)
 * @returns e.g. "the derivative $-1$ of the inner function $-x$ of $e^{-x}$ is missing"
 */
export function messageTex(message: () => string): string {
  quotingTex = true;
  try {
    return message();
  } finally {
    quotingTex = false;
  }
}
