/**
 * How closely a candidate wrong step is written like the learner's step: when several slips
 * give the step's value, the one whose form matches what the learner wrote is the one they
 * made (σ′ by the quotient rule with the numerator written u·v′ − u′·v has the value of a
 * missing inner derivative too, but the form of the reversed numerator).
 */
import type { MathNode } from "mathjs";
import { bareNode, shapeOf } from "../node-shape";

/** A node's label: operator, function or symbol name, or constant value; undefined for parentheses. */
function label(n: MathNode): string {
  const o = n as {
    type: string;
    op?: string;
    fn?: string | { name?: string };
    name?: string;
    value?: unknown;
  };
  if (o.type === "OperatorNode") return `op:${typeof o.fn === "string" ? o.fn : o.op}`;
  if (o.type === "FunctionNode") return `fn:${typeof o.fn === "object" ? o.fn?.name : ""}`;
  if (o.type === "SymbolNode") return `sym:${o.name}`;
  if (o.type === "ConstantNode") return `num:${String(o.value)}`;
  return o.type;
}

const bare = bareNode;

function childrenOf(n: MathNode): MathNode[] {
  return shapeOf(n).args ?? [];
}

/**
 * The number of nodes two trees share in place, read from the roots down: the roots count when
 * their labels agree, and then their children are compared position by position (parentheses
 * are ignored). Equal trees score their size; trees that differ at the root score 0.
 *
 * @param a a tree (not modified)
 * @param b another tree (not modified)
 * @returns a count ≥ 0
 */
export function likeness(a: MathNode, b: MathNode): number {
  const x = bare(a);
  const y = bare(b);
  if (label(x) !== label(y)) return 0;
  const cx = childrenOf(x);
  const cy = childrenOf(y);
  let score = 1;
  if (cx.length === cy.length) for (let i = 0; i < cx.length; i++) score += likeness(cx[i], cy[i]);
  return score;
}
