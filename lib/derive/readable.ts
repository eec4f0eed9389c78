/**
 * Expressions in error messages as a reader writes them, not as mathjs prints its trees:
 * `e^(-x)` for mathjs's `e ^ (-x)`, `-e^(-x)` for `-1 * e ^ (-x)` or `e ^ (-x) * -1`, and
 * what mathjs's derivative leaves behind (`log(e)`, `1 * a`, integer arithmetic) taken out
 * by {@link tidyExpression}. Only for messages: verdicts are computed on the expressions themselves.
 */
import type { MathNode, OperatorNode } from "mathjs";
import { math } from "./expression";
import { tidyExpression } from "./tidy";

const isMinusOne = (n: MathNode): boolean => {
  const o = n as OperatorNode & { value?: unknown };
  if (o.isOperatorNode && o.fn === "unaryMinus" && o.args.length === 1) {
    const c = o.args[0] as { isConstantNode?: boolean; value?: unknown };
    return c.isConstantNode === true && Number(String(c.value)) === 1;
  }
  return (n as { isConstantNode?: boolean }).isConstantNode === true && Number(String(o.value)) === -1;
};

/** −a, with −(−a) written a. */
function minus(a: MathNode): MathNode {
  const o = a as OperatorNode;
  if (o.isOperatorNode && o.fn === "unaryMinus" && o.args.length === 1) return o.args[0];
  return new math.OperatorNode("-", "unaryMinus", [a]);
}

/**
 * An expression's text as a reader writes it.
 *
 * @example readableExpression("-1 * e ^ (-x) * -1 / (1 + e ^ (-x)) ^ 2") // "e^(-x) / (1 + e^(-x))^2"
 * @param text mathjs syntax (a learner's step, or a tree's toString())
 * @returns the text with the product by −1 written as a minus sign and no spaces around ^;
 *   the text itself when it does not parse
 */
export function readableExpression(text: string): string {
  let node: MathNode;
  try {
    node = tidyExpression(math.parse(text));
  } catch {
    return text;
  }
  // children first, so that a product by −1 inside another is seen by its parent as a minus sign
  const rewrite = (n: MathNode): MathNode => {
    const m = n.map((child) => rewrite(child));
    const o = m as OperatorNode;
    if (o.isOperatorNode && o.fn === "multiply" && o.args.length === 2) {
      if (isMinusOne(o.args[0])) return minus(o.args[1]);
      if (isMinusOne(o.args[1])) return minus(o.args[0]);
    }
    return m;
  };
  const single = rewrite(node);
  return single.toString({ parenthesis: "auto" }).replace(/ \^ /g, "^");
}
