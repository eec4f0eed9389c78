/**
 * SymPy as the independent oracle of the explain() scripts (bench-explain.ts,
 * explain-sympy-check.ts): a function's text in SymPy syntax, the Python that has SymPy, and a
 * domain as the box SymPy samples in.
 */
import type { ConstantNode, MathNode, OperatorNode, ParenthesisNode } from "mathjs";
import type { DomainSpec } from "../lib/derive/domain";
import { formSize } from "../lib/derive/explain/algebra";
import {
  BUILTIN_DEFINITIONS,
  expandDefinitions,
  math,
  parseDefinitions,
  parseExpression,
} from "../lib/derive/expression";

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

/**
 * The size of a SymPy result, counted by explain()'s counter (formSize: nodes, e^u as exp(u)) on
 * the same kind of tree as explain()'s forms. SymPy prints one expression two ways: b^(−k) alone
 * as `b**(-k)`, but in a product as a fraction (`2/(x + 1)**2`, and `1/(x + 1)` for k = 1), which
 * is how explain() writes it; so a power with a negative numeric exponent is counted as 1/b^k
 * (the SymPy tree Pow(b, −k) is the same in both prints).
 * @param text SymPy's str() of an expression, e.g. "(p - 1)**(-2)"
 * @returns its size as formSize counts it (7 for "(p - 1)**(-2)", as for 1/(p − 1)^2); Infinity
 *   for a text mathjs does not read (Piecewise, …)
 */
export function sympyFormSize(text: string): number {
  let node: MathNode;
  try {
    node = math.parse(text.replace(/\*\*/g, "^").replace(/\bAbs\(/g, "abs("));
  } catch {
    return Number.POSITIVE_INFINITY;
  }
  const reciprocal = node.transform((n) => {
    const op = n as OperatorNode;
    if (!op.isOperatorNode || op.fn !== "pow") return n;
    let k = op.args[1];
    while ((k as ParenthesisNode).isParenthesisNode) k = (k as ParenthesisNode).content;
    const positive = negated(k);
    if (!positive) return n;
    const one = new math.ConstantNode(1);
    const isOne = (positive as ConstantNode).isConstantNode && Number((positive as ConstantNode).value) === 1;
    return new math.OperatorNode("/", "divide", [
      one,
      isOne ? op.args[0] : new math.OperatorNode("^", "pow", [op.args[0], positive]),
    ]);
  });
  return formSize(reciprocal);
}

/** k = −c for a number c (−2, −(3/2), or −3/2 as mathjs reads it, (−3)/2): c, else undefined. */
function negated(k: MathNode): MathNode | undefined {
  const op = k as OperatorNode;
  if (!op.isOperatorNode) return undefined;
  if (op.fn === "unaryMinus" && isNumeric(op.args[0])) return op.args[0];
  const top = op.args[0] as OperatorNode;
  if (
    op.fn === "divide" &&
    top.isOperatorNode &&
    top.fn === "unaryMinus" &&
    isNumeric(top.args[0]) &&
    isNumeric(op.args[1])
  )
    return new math.OperatorNode("/", "divide", [top.args[0], op.args[1]]);
  return undefined;
}

/** A number, or a fraction of two numbers (SymPy's −3/2 exponent). */
function isNumeric(n: MathNode): boolean {
  let m = n;
  while ((m as ParenthesisNode).isParenthesisNode) m = (m as ParenthesisNode).content;
  if ((m as ConstantNode).isConstantNode) return true;
  const op = m as OperatorNode;
  return op.isOperatorNode === true && op.fn === "divide" && op.args.every(isNumeric);
}
