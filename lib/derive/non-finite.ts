/**
 * Why mathjs's value of an expression is not finite, for the expressions the sampling tier hands
 * to mathjs whole (those with asin, acos, a conditional, …: evaluate.ts has no plan for them).
 * decimal.js answers ±Infinity both for a value that does not exist (1/0, log 0) and for a real
 * number past its exponent range (e^(e^41) ≈ 10^(2.8·10¹⁷)); the first is "not finite", the
 * second OVERFLOW (ball.ts), and telling them apart decides whether a step is rejected as
 * undefined or left "precision bound hit" (asin(0.5)·e^(e^x)/e^(e^x)·6/π = e^x on (40, 41) was
 * rejected with "not finite", a true step).
 */
import type { BigNumber, MathJsInstance, MathNode } from "mathjs";
import { OVERFLOW } from "./ball";

/**
 * Operands at least this far from 1 in orders of magnitude (|a| ≥ 10⁵ or |a| ≤ 10⁻⁵) are the
 * ones that can carry a result past 10^(9·10¹⁵) in one operation: b^x with |x| < 10⁵ needs
 * |log₁₀ b| > 9·10¹⁰, and with |log₁₀ b| < 5 needs |x| > 1.8·10¹⁵; e^u, sinh, cosh need
 * u > 2·10¹⁶; a product or quotient needs a factor or divisor past 10^(4.5·10¹⁵).
 */
const FAR_FROM_ONE = 5;

/** A value (tiny: a 0 that an underflow made, from operands that are not 0), or why there is none. */
type Value = { v: unknown; tiny?: boolean } | { why: string };

/** Operations whose 0 from operands that are not 0 is a cancellation (x − x), not an underflow. */
const CANCELLING = new Set(["add", "subtract", "sum", "sin", "cos", "tan", "mod"]);

/**
 * Walks the expression bottom-up at the instance's precision and names the first operation whose
 * value is not finite while its operands are: OVERFLOW when no operand is an exact 0 and one is
 * far from 1 ({@link FAR_FROM_ONE}), or when each 0 among them is an underflow (a product,
 * quotient, power or function of operands that are not 0, far from 1 or underflows themselves:
 * e^(−e^41)); else "not finite" (a pole: 1/0, log 0, 0^(−1), coth 0, atanh 1). An operand that is not finite passes its reason up, as the planned evaluation does.
 * Only a conditional's chosen branch is evaluated.
 *
 * @param m     the mathjs instance (BigNumber, the precision evaluated with)
 * @param node  the expression, parsed by `m`, definitions expanded
 * @param scope variable → BigNumber, the point
 * @returns OVERFLOW or "not finite"
 * @throws decimal.js's "[DecimalError] Precision limit exceeded" from an operation (the caller restores the class)
 */
export function whyNotFinite(m: MathJsInstance, node: MathNode, scope: Record<string, unknown>): string {
  const out = walk(m, node, scope);
  return "why" in out ? out.why : "not finite";
}

function walk(m: MathJsInstance, node: MathNode, scope: Record<string, unknown>): Value {
  const n = node as unknown as {
    isParenthesisNode?: boolean;
    isConditionalNode?: boolean;
    isOperatorNode?: boolean;
    isFunctionNode?: boolean;
    content: MathNode;
    condition: MathNode;
    trueExpr: MathNode;
    falseExpr: MathNode;
    fn: string | { name: string };
    args: MathNode[];
  };
  if (n.isParenthesisNode) return walk(m, n.content, scope);
  if (n.isConditionalNode) {
    const c = walk(m, n.condition, scope);
    if ("why" in c) return c;
    return walk(m, truthy(m, c.v) ? n.trueExpr : n.falseExpr, scope);
  }
  const name = n.isOperatorNode ? (n.fn as string) : n.isFunctionNode ? (n.fn as { name: string }).name : undefined;
  const fn = name === undefined ? undefined : (m as unknown as Record<string, unknown>)[name];
  if (typeof fn !== "function") return settled(m, () => node.compile().evaluate({ ...scope }));
  const operands: { v: unknown; tiny?: boolean }[] = [];
  for (const a of n.args) {
    const v = walk(m, a, scope);
    if ("why" in v) return v;
    operands.push(v);
  }
  const args = operands.map((o) => o.v);
  const out = settled(m, () => (fn as (...xs: unknown[]) => unknown)(...args));
  if (!("why" in out)) {
    // e^(−e^41) is 0 in decimal.js, a real number below its range: 1 over it is one above the range, not a pole
    const underflow =
      isZero(m, out.v) &&
      !CANCELLING.has(name!) &&
      operands.every((o) => o.tiny || !isZero(m, o.v)) &&
      operands.some((o) => o.tiny || farFromOne(m, o.v));
    return underflow ? { v: out.v, tiny: true } : out;
  }
  const zero = operands.filter((o) => isZero(m, o.v));
  if (zero.length > 0) return zero.every((o) => o.tiny) ? { why: OVERFLOW } : out;
  return args.some((a) => farFromOne(m, a)) ? { why: OVERFLOW } : out;
}

/** A value, or "not finite" for ±Infinity, NaN or a call that threw. */
function settled(m: MathJsInstance, run: () => unknown): Value {
  let v: unknown;
  try {
    v = run();
  } catch (err) {
    // decimal.js's precision limit is the caller's to handle (evaluate.ts puts the class's precision back)
    if (/DecimalError/.test((err as Error).message)) throw err;
    return { why: "not finite" };
  }
  if (m.isBigNumber(v)) return (v as BigNumber).isFinite() ? { v } : { why: "not finite" };
  if (typeof v === "number") return Number.isFinite(v) ? { v } : { why: "not finite" };
  return { v };
}

function truthy(m: MathJsInstance, v: unknown): boolean {
  if (m.isBigNumber(v)) return !(v as BigNumber).isZero();
  return Boolean(v);
}

function isZero(m: MathJsInstance, v: unknown): boolean {
  if (m.isBigNumber(v)) return (v as BigNumber).isZero();
  return v === 0;
}

function farFromOne(m: MathJsInstance, v: unknown): boolean {
  if (!m.isBigNumber(v) && typeof v !== "number") return false;
  const a = m.isBigNumber(v) ? (v as BigNumber).abs() : m.bignumber(Math.abs(v as number));
  return a.gte(`1e${FAR_FROM_ONE}`) || a.lte(`1e-${FAR_FROM_ONE}`);
}
