/**
 * What the explain code keeps for each node it has looked at (its key, size, features, texts…),
 * in one object the node holds under a symbol. Nodes are never changed once built, so what is kept
 * stays true; a copy of a node (mathjs's clone, cloneDeep, map) starts with nothing kept. One
 * object of a fixed shape per node rather than a WeakMap per kind of value: a WeakMap lookup and
 * its ephemeron entries (which the garbage collector must trace) cost more than the property.
 */
import type { MathNode } from "mathjs";
import type { Q } from "../exact/rational";

/** The values kept for one node; undefined until computed. */
export class NodeMemo {
  /** nodes.ts keyOf: the structural key, valid while `keyGeneration` is the current one. */
  key: string | undefined = undefined;
  keyGeneration = -1;
  /** features.ts featuresOf: the HAS_… bits of the subtree. */
  features: number | undefined = undefined;
  /** algebra.ts sizeOf: the form size of the subtree. */
  size: number | undefined = undefined;
  /** nodes.ts printed: the text of the whole expression. */
  text: string | undefined = undefined;
  /** nodes.ts cachedText: the node's own text inside a printed expression. */
  subtext: string | undefined = undefined;
  /** nodes.ts signsInFront: the node with the signs of its products in front. */
  signed: MathNode | undefined = undefined;
  /** forms.ts rationalOf: the literal's value, null for none. */
  rational: Q | null | undefined = undefined;
}

const MEMO = Symbol("stepwise.explain.memo");
type Holder = { [MEMO]?: NodeMemo };

/**
 * The values kept for `n`, made empty on first use.
 * @param n any expression node
 * @returns its memo (the same object every time for the same node)
 */
export function memoOf(n: MathNode): NodeMemo {
  const holder = n as unknown as Holder;
  let m = holder[MEMO];
  if (m === undefined) {
    m = new NodeMemo();
    holder[MEMO] = m;
  }
  return m;
}

/**
 * The values kept for `n` if any were (no memo is made).
 * @param n any expression node
 * @returns its memo, or undefined
 */
export function peekMemo(n: MathNode): NodeMemo | undefined {
  return (n as unknown as Holder)[MEMO];
}
