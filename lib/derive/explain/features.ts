/**
 * What a subtree contains, as bits, for the algebra moves' cheap pre-check (algebra.ts
 * applyMove): a move whose rewrite needs, say, an e-power or a sigmoid somewhere below a node
 * skips the whole subtree when it holds neither, without building a product or sum view of
 * any node in it. The bits are computed once per node (nodes are never changed once built).
 */
import type { MathNode } from "mathjs";
import { memoOf } from "./node-memo";
import { childrenOf, isFunction, isOp, isSymbolNode } from "./nodes";

/** e^u (a power of the symbol e or E) or exp(u). */
export const HAS_EXP = 1 << 0;
/** A call of log. */
export const HAS_LOG = 1 << 1;
/** A call of sigma. */
export const HAS_SIGMA = 1 << 2;
/** Calls of sin, cos, tan, sinh, cosh, tanh: one bit each. */
export const HAS_SIN = 1 << 3;
export const HAS_COS = 1 << 4;
export const HAS_TAN = 1 << 5;
export const HAS_SINH = 1 << 6;
export const HAS_COSH = 1 << 7;
export const HAS_TANH = 1 << 8;
/** A sum or difference (the operators add and subtract with two arguments). */
export const HAS_SUM = 1 << 9;
/** A product, quotient, unary minus or power (the operators a product view reads through). */
export const HAS_PRODUCT = 1 << 10;

const CALL_BITS: Readonly<Record<string, number>> = {
  exp: HAS_EXP,
  log: HAS_LOG,
  sigma: HAS_SIGMA,
  sin: HAS_SIN,
  cos: HAS_COS,
  tan: HAS_TAN,
  sinh: HAS_SINH,
  cosh: HAS_COSH,
  tanh: HAS_TANH,
};

/** The bits of the node itself, not of its arguments. */
function ownBits(n: MathNode): number {
  if (isOp(n, "add", 2) || isOp(n, "subtract", 2)) return HAS_SUM;
  if (isOp(n, "pow", 2)) {
    const base = n.args[0];
    return HAS_PRODUCT | (isSymbolNode(base) && (base.name === "e" || base.name === "E") ? HAS_EXP : 0);
  }
  if (isOp(n, "multiply", 2) || isOp(n, "divide", 2) || isOp(n, "unaryMinus", 1)) return HAS_PRODUCT;
  return isFunction(n) ? (CALL_BITS[n.fn.name] ?? 0) : 0;
}

/**
 * The features of a subtree: the union of the HAS_… bits of the node and of every node below
 * it (parentheses are read through: they are not nodes of the explain code's trees); kept per
 * node (node-memo.ts, `features`).
 *
 * @param n any expression node
 * @returns a bit set of HAS_EXP, HAS_LOG, HAS_SIGMA, HAS_SIN … HAS_TANH, HAS_SUM, HAS_PRODUCT
 */
export function featuresOf(n: MathNode): number {
  const memo = memoOf(n);
  let bits = memo.features;
  if (bits !== undefined) return bits;
  const inner = (n as { isParenthesisNode?: boolean }).isParenthesisNode
    ? featuresOf((n as unknown as { content: MathNode }).content)
    : childrenOf(n).reduce((acc, c) => acc | featuresOf(c), 0);
  bits = ownBits(n) | inner;
  memo.features = bits;
  return bits;
}
