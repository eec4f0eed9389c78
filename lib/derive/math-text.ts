/**
 * Expressions as mathjs text a learner reads and types back in. mathjs reads a ^ b ^ c as
 * a ^ (b ^ c), and prints e^(x²) as "e ^ x ^ 2", which a learner reads as (e^x)²: here a
 * power's exponent that is itself a power keeps its parentheses.
 */
import type { MathNode } from "mathjs";
import { bareNode, shapeOf } from "./node-shape";

/**
 * mathjs's toString handler that writes a power's exponent in parentheses when it is itself a
 * power: mathjs reads a ^ b ^ c as a ^ (b ^ c), but a learner reads e^x^2 as (e^x)², so
 * e^(x²) prints "e ^ (x ^ 2)", never "e ^ x ^ 2". Other nodes print as mathjs prints them.
 */
export function powerExponent(node: MathNode, options?: object): string | undefined {
  const op = shapeOf(node);
  if (!op.isOperatorNode || op.fn !== "pow" || op.args?.length !== 2) return undefined;
  const base = bareNode(op.args[0]);
  const exp = bareNode(op.args[1]);
  if (!shapeOf(exp).isOperatorNode || shapeOf(exp).fn !== "pow") return undefined;
  const b = base.toString(options);
  const atom = !shapeOf(base).isOperatorNode && !/^-/.test(b);
  return `${atom ? b : `(${b})`} ^ (${exp.toString(options)})`;
}

/**
 * An expression as mathjs syntax a learner can type back in: mathjs's text, with a power's
 * exponent that is itself a power in parentheses (e ^ (x ^ 2), not e ^ x ^ 2).
 * @param node a mathjs expression (not modified)
 * @returns e.g. "2 * e ^ (x ^ 2) * x"
 */
export function mathText(node: MathNode): string {
  return node.toString({ handler: powerExponent });
}
