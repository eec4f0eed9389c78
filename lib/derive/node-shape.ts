/**
 * The fields of a mathjs expression node, read in one typed place. mathjs's `MathNode` type
 * does not carry the fields of its node kinds (`args`, `fn`, `name`, `content`, …), so the
 * verifier's modules read them through {@link shapeOf} and step through parentheses with
 * {@link bareNode}, not each with a cast of its own.
 */
import type { MathNode } from "mathjs";

/** What a mathjs node may hold; each field is present only on the node kinds that have it. */
export interface NodeShape {
  type: string;
  isConstantNode?: boolean;
  isOperatorNode?: boolean;
  isFunctionNode?: boolean;
  isSymbolNode?: boolean;
  isParenthesisNode?: boolean;
  /** A constant's value (a number or a BigNumber). */
  value?: unknown;
  /** A symbol's name. */
  name?: string;
  /** An operator's sign, e.g. "+". */
  op?: string;
  /** An operator's function name ("add", "pow"), or a call's function (a symbol node, with its name). */
  fn?: string | { name?: string };
  /** An operator's operands or a call's arguments. */
  args?: MathNode[];
  /** What a parenthesis node holds. */
  content?: MathNode;
}

/**
 * A node's fields, typed.
 *
 * @param node any mathjs node (not modified)
 * @returns the same object, as a {@link NodeShape}
 */
export function shapeOf(node: MathNode): NodeShape {
  return node as unknown as NodeShape;
}

/**
 * The node inside any parentheses around it: `((x + 1))` → `x + 1`.
 *
 * @param node any mathjs node (not modified)
 * @returns the first node that is not a parenthesis node (the node itself when it is none)
 */
export function bareNode(node: MathNode): MathNode {
  let n = node;
  for (let s = shapeOf(n); s.isParenthesisNode && s.content; s = shapeOf(n)) n = s.content;
  return n;
}
