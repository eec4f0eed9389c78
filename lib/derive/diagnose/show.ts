/**
 * How a diagnosis prints an expression in its message: mathjs syntax, tidied
 * (tidyExpression: no `0 +`, `* 1`, exact integer arithmetic), with the spaces around ^
 * dropped, a negative exponent in parentheses and the minus sign as −, so that
 * "e ^ -x" reads "e^(−x)".
 */
import type { MathNode } from "mathjs";
import { tidyExpression } from "../tidy";

/**
 * An expression as a diagnosis message quotes it.
 * @param node a mathjs expression (not modified)
 * @param tidy tidy it first (default true; false keeps a rewrite's node exactly as written)
 * @returns e.g. "e^(−x)", "1 + e^(−x)", "−1"
 */
export function showExpr(node: MathNode, tidy = true): string {
  const text = (tidy ? tidyExpression(node) : node).toString({ parenthesis: "auto", implicit: "show" });
  return text
    .replace(/ \^ /g, "^")
    .replace(/ \* /g, "·")
    .replace(/\^-([A-Za-z0-9_.]+)/g, "^(-$1)")
    .replace(/-/g, "\u2212");
}
