/**
 * SymPy as the independent oracle of the explain() scripts (bench-explain.ts,
 * explain-sympy-check.ts): a function's text in SymPy syntax, the Python that has SymPy, and a
 * domain as the box SymPy samples in.
 */
import type { DomainSpec } from "../lib/derive/domain";
import { BUILTIN_DEFINITIONS, expandDefinitions, parseDefinitions, parseExpression } from "../lib/derive/expression";

/**
 * A function in SymPy syntax, with sigma and softplus written out (σ(u) = 1/(1 + e^(−u)),
 * softplus(u) = ln(1 + e^u)), ^ as ** and abs as Abs. cbrt and nthRoot keep their names: the
 * Python side decides what they mean (SymPy's own cbrt is the principal, complex, root).
 * @param expr mathjs text, e.g. "x * sigma(x)"
 * @returns SymPy text, e.g. "x * 1 / (1 + e ** -x)"
 */
export function sympyText(expr: string): string {
  const node = expandDefinitions(parseExpression(expr, "bench"), parseDefinitions(BUILTIN_DEFINITIONS), "bench");
  return node
    .toString()
    .replace(/\^/g, "**")
    .replace(/\babs\(/g, "Abs(");
}

/**
 * Each variable's interval, pulled 10⁻⁶ inside its ends (SymPy samples there).
 * @param d a domain such as { x: "(-3, 3)" } (open or closed intervals of two numbers)
 * @returns { x: [-2.999999, 2.999999] }
 */
export function box(d: DomainSpec): Record<string, [number, number]> {
  return Object.fromEntries(
    Object.entries(d).map(([k, v]) => {
      const [lo, hi] = String(v).slice(1, -1).split(",").map(Number);
      return [k, [lo + 1e-6, hi - 1e-6]];
    }),
  );
}
