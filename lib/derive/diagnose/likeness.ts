/**
 * How closely a candidate wrong step is written like the learner's step: when several slips
 * give the step's value, the one whose form matches what the learner wrote is the one they
 * made (σ′ by the quotient rule with the numerator written u·v′ − u′·v has the value of a
 * missing inner derivative too, but the form of the reversed numerator).
 */
import type { MathNode } from "mathjs";
import { math } from "../expression";
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

/** An expression split into its sign and the expression without it: −a·b is { negative, a·b }. */
interface Signed {
  negative: boolean;
  body: MathNode;
}

const isNumberNode = (n: MathNode, v: number): boolean => {
  const x = shapeOf(bare(n));
  if (x.type !== "ConstantNode") return false;
  return Number(String(x.value)) === v;
};

const op = (name: string, fn: string, args: MathNode[]): MathNode =>
  new math.OperatorNode(name as never, fn as never, args);

/** The signed form back as one tree: a leading unary minus when negative. */
const joined = (s: Signed): MathNode => (s.negative ? op("-", "unaryMinus", [s.body]) : s.body);

/**
 * The sign of an expression pulled out to the front of each product, quotient and negation,
 * with the writings that only carry a sign or a unit dropped: −t/ŷ, (−t)/ŷ, −1·t/ŷ, −(t/ŷ),
 * −t·(1/ŷ), 0 − t/ŷ, −t/ŷ + 0 and −t/ŷ + 0·x all read { negative, t/ŷ } (a literal 0 term or
 * a product with a factor 0 is dropped; a term of value 0 written otherwise, 1 − 1 or 0/1, is
 * kept: it is what a slip such as "the constant 1 differentiates to 1" writes, and a step
 * without it is not like it). A minus pulled out of (or into)
 * a sum by the learner leaves the same form, so slips compared in this form are compared on
 * what they change, not on where the minus was written.
 */
function signed(n: MathNode): Signed {
  const x = bare(n);
  const s = shapeOf(x);
  const args = s.args ?? [];
  const fn = typeof s.fn === "string" ? s.fn : undefined;
  if (s.type === "ConstantNode") {
    const v = Number(String(s.value));
    if (v < 0) return { negative: true, body: new math.ConstantNode(-v) };
    return { negative: false, body: x };
  }
  if (s.type !== "OperatorNode") {
    if (s.type === "FunctionNode" && typeof s.fn === "object")
      return {
        negative: false,
        body: new math.FunctionNode(
          s.fn.name ?? "",
          args.map((a) => signsOut(a)),
        ),
      };
    return { negative: false, body: x };
  }
  if (fn === "unaryMinus" || fn === "unaryPlus") {
    const inner = signed(args[0]);
    return fn === "unaryMinus" ? { negative: !inner.negative, body: inner.body } : inner;
  }
  if ((fn === "add" || fn === "subtract") && args.length === 2) {
    const a = signed(args[0]);
    const b = signed(args[1]);
    if (isNumberNode(b.body, 0)) return a;
    if (isNumberNode(a.body, 0)) return fn === "add" ? b : { negative: !b.negative, body: b.body };
    return { negative: false, body: op(s.op ?? "", fn, [joined(a), joined(b)]) };
  }
  if ((fn === "multiply" || fn === "divide") && args.length === 2) {
    const a = signed(args[0]);
    const b = signed(args[1]);
    // a factor 0 written out (the rules' 0·v of a constant numerator) is the term 0; a quotient
    // 0/v is kept (it is what a slip such as the quotient of the derivatives writes)
    if (fn === "multiply" && (isNumberNode(a.body, 0) || isNumberNode(b.body, 0)))
      return { negative: false, body: new math.ConstantNode(0) };
    const negative = a.negative !== b.negative;
    if (isNumberNode(b.body, 1) && !isNumberNode(a.body, 0)) return { negative, body: a.body };
    if (fn === "multiply" && isNumberNode(a.body, 1)) return { negative, body: b.body };
    // a·(1/c) is a/c
    const bs = shapeOf(b.body);
    if (fn === "multiply" && bs.fn === "divide" && bs.args && isNumberNode(bs.args[0], 1))
      return { negative, body: op("/", "divide", [a.body, bs.args[1]]) };
    return { negative, body: op(s.op ?? "", fn, [a.body, b.body]) };
  }
  return {
    negative: false,
    body: op(
      s.op ?? "",
      fn ?? "",
      args.map((a) => signsOut(a)),
    ),
  };
}

/**
 * The expression with its signs in front (see {@link signed}): one minus at the head of each
 * product or quotient, none written on a factor, no factor 1 and no term 0.
 *
 * @param n an expression (not modified)
 * @returns a new tree of the same value
 */
export function signsOut(n: MathNode): MathNode {
  return joined(signed(n));
}

/**
 * {@link likeness} of two trees with their signs written the same way ({@link signsOut}):
 * −t/ŷ is as like −(t·1/ŷ) as −(t/ŷ) is, and a term 0 or a factor 1 that one side writes and
 * the other does not costs nothing.
 *
 * @param a a tree (not modified)
 * @param b another tree (not modified)
 * @returns a count ≥ 0
 */
export function likenessUpToSigns(a: MathNode, b: MathNode): number {
  return likeness(signsOut(a), signsOut(b));
}
