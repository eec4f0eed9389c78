/**
 * mathjs's `simplifyCore`, in time linear in the size of the tree.
 *
 * mathjs 15's `simplifyCore` simplifies the first argument of every sum and product twice (its
 * "trivial operator" test simplifies it, finds two arguments and throws the result away), and
 * simplifies again, from the top, what it has already simplified after −(a − b) → b − a,
 * a − (−b) → a + b and 0 − a → −a. Along a chain of products — the chain rule's
 * u′ · cos(u) · cos(sin u) · … — the work doubles per level: sin nested 18 deep took 4.4 s.
 * This is the same function, case by case in the same order, with each node's result kept
 * (by the node object) so that nothing is simplified twice; its results are equal, node for
 * node, to mathjs's (test/unit/derive/simplify-core.test.ts compares them on generated trees).
 * The one deliberate difference: a function call written by its operator's name with more
 * than two arguments (`add(a, b, c)`) is not modified in place, as mathjs modifies it.
 */
import type { MathNode } from "mathjs";
import { math } from "./expression";

/** mathjs's default simplify context's "trivial" operators: one argument means the argument itself. */
const TRIVIAL = new Set(["add", "unaryPlus", "multiply", "paren"]);
/** mathjs's default context's associative functions (for the n-ary call form). */
const ASSOCIATIVE = new Set(["add", "unaryPlus", "multiply"]);
/** mathjs's default context's commutative operators (only `*` is asked). */
const COMMUTATIVE = new Set(["add", "unaryPlus", "multiply", "paren"]);

/**
 * The operator of each function name that mathjs writes as an operator (mathjs's
 * `getOperator`, lib/expression/operators.js): `add(a, b)` is simplified as `a + b`.
 */
const OPERATOR_OF: Readonly<Record<string, string>> = {
  or: "or",
  xor: "xor",
  and: "and",
  bitOr: "|",
  bitXor: "^|",
  bitAnd: "&",
  equal: "==",
  unequal: "!=",
  smaller: "<",
  larger: ">",
  smallerEq: "<=",
  largerEq: ">=",
  leftShift: "<<",
  rightArithShift: ">>",
  rightLogShift: ">>>",
  to: "to",
  add: "+",
  subtract: "-",
  multiply: "*",
  divide: "/",
  dotMultiply: ".*",
  dotDivide: "./",
  mod: "mod",
  unaryPlus: "+",
  unaryMinus: "-",
  bitNot: "~",
  not: "not",
  pow: "^",
  dotPow: ".^",
  nullish: "??",
  factorial: "!",
  ctranspose: "'",
};

type AnyNode = MathNode & {
  isFunctionNode?: boolean;
  isOperatorNode?: boolean;
  isConstantNode?: boolean;
  isParenthesisNode?: boolean;
  isArrayNode?: boolean;
  isAccessorNode?: boolean;
  isIndexNode?: boolean;
  isObjectNode?: boolean;
  name?: string;
  fn?: unknown;
  op?: string;
  args?: MathNode[];
  value?: unknown;
  implicit?: boolean;
  content?: MathNode;
  items?: MathNode[];
  object?: MathNode;
  index?: MathNode;
  dimensions?: MathNode[];
  properties?: Record<string, MathNode>;
  isUnary?: () => boolean;
  isBinary?: () => boolean;
};

/** The name mathjs's simplify context knows a node by (its `hasProperty`). */
function contextName(node: AnyNode): string {
  if (node.isOperatorNode) return String(node.fn);
  if (node.isFunctionNode) return node.name ?? "";
  if (node.isParenthesisNode) return "paren";
  return "";
}

const isZero = (v: unknown): boolean => math.isZero(v as number) as unknown as boolean;
const isOne = (v: unknown): boolean => math.equal(v as number, 1) as unknown as boolean;
const op = (o: string, fn: string, args: MathNode[], implicit?: boolean): MathNode =>
  new math.OperatorNode(o as "+", fn as "add", args, implicit);
const isUnaryOp = (n: AnyNode, o: string): boolean => !!n.isOperatorNode && n.args?.length === 1 && n.op === o;
const isAlwaysBoolean = (n: AnyNode): boolean => !!n.isOperatorNode && ["and", "not", "or"].includes(n.op ?? "");

/**
 * mathjs's `simplifyCore(node)` with its default options (a single pass: function calls with
 * an operator as operators; no unary +, no double −, ~ or not; `+ 0`, `- 0`, `* 1`, `* 0`,
 * `/ 1`, `^ 1`, `^ 0` and `0 /` taken out; `a + −b` → a − b; a product's constant factor on
 * the right moved to the left; constant `and`/`or` decided), in time linear in the tree.
 *
 * @param node a mathjs expression tree (not modified)
 * @returns the simplified tree, equal to `math.simplifyCore(node).toString()` node for node;
 *   it may share subtrees with `node`, as mathjs's result does
 * @throws what mathjs's `isZero` and `equal` throw on a constant they do not take (a string)
 */
export function simplifyCoreLinear(node: MathNode): MathNode {
  const done = new Map<MathNode, MathNode>();
  const node0 = new math.ConstantNode(0);
  const node1 = new math.ConstantNode(1);
  const nodeT = new math.ConstantNode(true);
  const nodeF = new math.ConstantNode(false);

  const core = (n: MathNode): MathNode => {
    const seen = done.get(n);
    if (seen) return seen;
    const out = coreOf(n as AnyNode);
    done.set(n, out);
    return out;
  };

  function coreOf(input: AnyNode): MathNode {
    if (TRIVIAL.has(contextName(input))) {
      if (input.isFunctionNode && input.args?.length === 1) return core(input.args[0]);
      const children: MathNode[] = [];
      input.forEach((c) => children.push(c));
      if (children.length === 1) return core(children[0]);
    }
    let node: AnyNode = input;
    if (node.isFunctionNode) {
      const o = OPERATOR_OF[node.name ?? ""];
      if (!o) return new math.FunctionNode(core(node.fn as MathNode) as never, node.args!.map(core));
      let args = node.args!;
      if (args.length > 2 && ASSOCIATIVE.has(node.name!)) {
        args = [...args];
        while (args.length > 2) {
          const last = args.pop()!;
          const seclast = args.pop()!;
          args.push(op(o, node.name!, [last, seclast]));
        }
      }
      node = op(o, node.name!, args) as AnyNode;
    }
    if (node.isOperatorNode && node.args!.length === 1) {
      const a0 = core(node.args![0]) as AnyNode;
      if (node.op === "~" && isUnaryOp(a0, "~")) return a0.args![0];
      if (node.op === "not" && isUnaryOp(a0, "not") && isAlwaysBoolean(a0.args![0] as AnyNode)) return a0.args![0];
      let finish = true;
      if (node.op === "-" && a0.isOperatorNode) {
        if (a0.args!.length === 2 && a0.fn === "subtract") {
          node = op("-", "subtract", [a0.args![1], a0.args![0]]) as AnyNode;
          finish = false;
        }
        if (isUnaryOp(a0, "-")) return a0.args![0];
      }
      if (finish) return op(node.op!, String(node.fn), [a0]);
    }
    if (node.isOperatorNode && node.args!.length === 2) {
      const a0 = core(node.args![0]) as AnyNode;
      let a1 = core(node.args![1]) as AnyNode;
      if (node.op === "+") {
        if (a0.isConstantNode && isZero(a0.value)) return a1;
        if (a1.isConstantNode && isZero(a1.value)) return a0;
        if (isUnaryOp(a1, "-")) {
          a1 = a1.args![0] as AnyNode;
          node = op("-", "subtract", [a0, a1]) as AnyNode;
        }
      }
      if (node.op === "-") {
        if (isUnaryOp(a1, "-")) return core(op("+", "add", [a0, a1.args![0]]));
        if (a0.isConstantNode && isZero(a0.value)) return core(op("-", "unaryMinus", [a1]));
        if (a1.isConstantNode && isZero(a1.value)) return a0;
        return op(node.op, String(node.fn), [a0, a1]);
      }
      if (node.op === "*") {
        if (a0.isConstantNode) {
          if (isZero(a0.value)) return node0;
          if (isOne(a0.value)) return a1;
        }
        if (a1.isConstantNode) {
          if (isZero(a1.value)) return node0;
          if (isOne(a1.value)) return a0;
          if (COMMUTATIVE.has(String(node.fn))) return op(node.op, String(node.fn), [a1, a0], node.implicit);
        }
        return op(node.op, String(node.fn), [a0, a1], node.implicit);
      }
      if (node.op === "/") {
        if (a0.isConstantNode && isZero(a0.value)) return node0;
        if (a1.isConstantNode && isOne(a1.value)) return a0;
        return op(node.op, String(node.fn), [a0, a1]);
      }
      if (node.op === "^" && a1.isConstantNode) {
        if (isZero(a1.value)) return node1;
        if (isOne(a1.value)) return a0;
      }
      if (node.op === "and") {
        if (a0.isConstantNode) {
          if (!a0.value) return nodeF;
          if (isAlwaysBoolean(a1)) return a1;
          if (a1.isConstantNode) return a1.value ? nodeT : nodeF;
        }
        if (a1.isConstantNode) {
          if (!a1.value) return nodeF;
          if (isAlwaysBoolean(a0)) return a0;
        }
      }
      if (node.op === "or") {
        if (a0.isConstantNode) {
          if (a0.value) return nodeT;
          if (isAlwaysBoolean(a1)) return a1;
        }
        if (a1.isConstantNode) {
          if (a1.value) return nodeT;
          if (isAlwaysBoolean(a0)) return a0;
        }
      }
      return op(node.op!, String(node.fn), [a0, a1]);
    }
    if (node.isOperatorNode) return op(node.op!, String(node.fn), node.args!.map(core));
    if (node.isArrayNode) return new math.ArrayNode(node.items!.map(core));
    if (node.isAccessorNode) return new math.AccessorNode(core(node.object!), core(node.index!) as never);
    if (node.isIndexNode) return new math.IndexNode(node.dimensions!.map(core));
    if (node.isObjectNode) {
      const props: Record<string, MathNode> = {};
      for (const key in node.properties) props[key] = core(node.properties[key]);
      return new math.ObjectNode(props);
    }
    return node;
  }

  return core(node);
}
