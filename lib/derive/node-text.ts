import type { MathNode } from "mathjs";

/**
 * mathjs's text of each node printed by {@link nodeText} so far, by node object (a WeakMap: an
 * entry goes with its node). The verifier hands every expression it compares to the sampling tier
 * as text, and the node of one step is the expected side of the next step (and the last one that
 * of the closing check), so without this the same node is printed two to four times; mathjs's
 * printer works out the parentheses of every operator each time. Nodes are never changed once built.
 */
const texts = new WeakMap<MathNode, string>();

/**
 * An expression's text: exactly mathjs's `node.toString()` (no options), printed once per node.
 *
 * @param node a mathjs expression that is not changed afterwards
 * @returns its mathjs text, e.g. "x * sigma(x)"
 */
export function nodeText(node: MathNode): string {
  let text = texts.get(node);
  if (text === undefined) {
    text = node.toString();
    texts.set(node, text);
  }
  return text;
}
