/**
 * The computation graph of a value as plain data, for drawing and tables: one entry per
 * node with what it is, its number, its gradient and which nodes it was computed from.
 */
import { LOCAL_RULES } from "./local-derivatives";
import { topologicalOrder, Value } from "./value";

/** One node of a computation graph. */
export interface GraphNode {
  /** Position in the topological order (inputs first). */
  index: number;
  /** The input's label, the constant's number, or the operation's symbol ("+", "σ", "log", …). */
  name: string;
  /** "input", "constant", or the operation ("add", "sigmoid", …). */
  kind: string;
  /** The node's value. */
  data: number;
  /** Its gradient (0 before backward()). */
  grad: number;
  /** The indices of its inputs, in operand order. */
  inputs: number[];
  /** Longest path from an input or constant: 0 for leaves, 1 + the deepest input otherwise. */
  depth: number;
}

/**
 * The computation graph that leads to a value, in topological order.
 *
 * @param root the final value (e.g. a loss, before or after its backward())
 * @returns the nodes, root last; each refers to its inputs by index
 * @throws TypeError when root is not a Value
 */
export function computationGraph(root: Value): GraphNode[] {
  if (!(root instanceof Value)) throw new TypeError(`computationGraph: root must be a Value, got ${typeof root}`);
  const order = topologicalOrder(root);
  const index = new Map(order.map((v, i) => [v, i]));
  const nodes: GraphNode[] = [];
  for (const [i, v] of order.entries()) {
    const inputs = v.inputs.map((u) => index.get(u)!);
    const name =
      v.kind === "input" ? (v.label ?? `x${i}`) : v.kind === "constant" ? String(v.data) : LOCAL_RULES[v.kind].symbol;
    nodes.push({
      index: i,
      name,
      kind: v.kind,
      data: v.data,
      grad: v.grad,
      inputs,
      depth: inputs.length === 0 ? 0 : 1 + Math.max(...inputs.map((k) => nodes[k].depth)),
    });
  }
  return nodes;
}
