import type { MathNode } from "mathjs";
import { math } from "./expression";
import { simplifyCoreLinear } from "./simplify-core";

/** An integer literal's value: a ConstantNode holding an integer, or the unary minus of one. */
function integerOf(node: MathNode): bigint | undefined {
  const n = node as {
    isConstantNode?: boolean;
    isOperatorNode?: boolean;
    fn?: string;
    args?: MathNode[];
    value?: unknown;
  };
  if (n.isOperatorNode && n.fn === "unaryMinus" && n.args?.length === 1) {
    const inner = integerOf(n.args[0]);
    return inner === undefined || !(n.args[0] as { isConstantNode?: boolean }).isConstantNode ? undefined : -inner;
  }
  if (!n.isConstantNode) return undefined;
  const v = n.value;
  if (typeof v === "number") return Number.isSafeInteger(v) ? BigInt(v) : undefined;
  if (math.isBigNumber(v) && v.isInteger() && v.abs().lte(Number.MAX_SAFE_INTEGER)) return BigInt(v.toFixed());
  return undefined;
}

/** An integer as a literal of the instance's number type (a negative one as the unary minus of its absolute value). */
function literal(value: bigint): MathNode {
  const c = new math.ConstantNode(math.bignumber((value < 0n ? -value : value).toString()));
  return value < 0n ? new math.OperatorNode("-", "unaryMinus", [c]) : c;
}

/** One pass: log(e) → 1; sums, differences and products of two integer literals → their exact value. */
function tidyOnce(node: MathNode): MathNode {
  return node.transform((n) => {
    const f = n as { isFunctionNode?: boolean; fn?: { name?: string }; args?: MathNode[] };
    const arg = f.args?.[0] as { isSymbolNode?: boolean; name?: string } | undefined;
    if (f.isFunctionNode && f.fn?.name === "log" && f.args?.length === 1 && arg?.isSymbolNode && arg.name === "e") {
      return new math.ConstantNode(math.bignumber(1));
    }
    const o = n as { isOperatorNode?: boolean; op?: string; args?: MathNode[] };
    if (o.isOperatorNode && o.args?.length === 2 && (o.op === "+" || o.op === "-" || o.op === "*")) {
      const [a, b] = o.args.map(integerOf);
      if (a !== undefined && b !== undefined) {
        const r = o.op === "+" ? a + b : o.op === "-" ? a - b : a * b;
        if (r >= -BigInt(Number.MAX_SAFE_INTEGER) && r <= BigInt(Number.MAX_SAFE_INTEGER)) return literal(r);
      }
    }
    return n;
  });
}

/**
 * A tidier form of an expression for people to read, with the same value everywhere it is
 * defined: what mathjs's `derivative(…, { simplify: false })` leaves behind is taken out
 * (`log(e)` → 1; mathjs's `simplifyCore`, here in linear time ({@link simplifyCoreLinear}): `0 + a` → a, `1 * a` → a, `a ^ 1` → a, `-(-a)` → a;
 * integer arithmetic such as `2 - 1` → 1, done exactly), and nothing else is rearranged, so
 * the result keeps the shape of the rules that made it. Only for display: verdicts are
 * always computed on the expression itself.
 *
 * @example
 *   tidyExpression(math.derivative("e^(-x)", "x", { simplify: false })).toString()
 *   // mathjs: "e ^ (-x) * log(e) * (-1)"; tidied: "e ^ (-x) * -1"
 * @param node a mathjs expression tree (not modified)
 * @returns a new tree
 */
export function tidyExpression(node: MathNode): MathNode {
  let current = node;
  for (let pass = 0; pass < 8; pass++) {
    const next = simplifyCoreLinear(tidyOnce(simplifyCoreLinear(current)));
    if (next.toString() === current.toString()) return next;
    current = next;
  }
  return current;
}
