/**
 * Two views of an expression that the algebra moves (algebra.ts) work on:
 * - a *product*: an exact rational coefficient times factors base^exponent (exponent a
 *   non-zero rational), read through unary minus, *, / and numeric powers;
 * - a *sum*: a list of products, read through +, − and unary minus.
 * Both are rebuilt into mathjs trees the way a textbook prints them: positive powers over
 * negative ones as one fraction, a positive term first, subtraction for negative terms.
 */
import type { BigNumber, MathNode, OperatorNode } from "mathjs";
import { Q } from "../exact/rational";
import { math } from "../expression";
import { memoOf } from "./node-memo";
import {
  add,
  call,
  div,
  isCall,
  isConstant,
  isOp,
  isSymbolNode,
  keyOf,
  mul,
  neg,
  numericValue,
  pow,
  sub,
} from "./nodes";

/** base^exp inside a product; `key` is the base's text (equal keys, equal bases). */
export interface Factor {
  base: MathNode;
  key: string;
  exp: Q;
  /** True when the exponent came from a decimal the user typed (x ^ 0.3): it prints as a decimal. */
  decimal?: boolean;
}

/** coef · Π factors. */
export interface Product {
  coef: Q;
  factors: Factor[];
  /**
   * True when a decimal the user typed (0.044715) went into the coefficient: a coefficient with a
   * terminating expansion then prints as a decimal (3 · 0.044715 = 0.134145); otherwise every
   * coefficient the algebra makes prints as an exact fraction (x/64, not 0.015625 * x).
   */
  decimal?: boolean;
}

/** The exponent of a square root (made once: toProduct and power() ask for it at every root and factor). */
const HALF = Q.of(1n, 2n);

/**
 * The exact rational value of a numeric literal (or its unary minus), else undefined. Kept per
 * node (node-memo.ts, `rational`): toProduct reads every number of a product each time a move
 * looks at it, and reading one (the BigNumber written out as text, then parsed into a Q) costs far
 * more than the lookup. A Q is never changed.
 */
export function rationalOf(n: MathNode): Q | undefined {
  // only a literal or a unary minus can have a value (numericValue): the others skip the cache
  if (!isConstant(n) && !isOp(n, "unaryMinus", 1)) return undefined;
  const memo = memoOf(n);
  let q = memo.rational;
  if (q === undefined) {
    const v = numericValue(n);
    q = v === undefined || !v.isFinite() ? null : Q.fromDecimal(v.toString());
    memo.rational = q;
  }
  return q ?? undefined;
}

/** True for a literal (or its unary minus) with digits after the point, as the user typed 0.5 or 0.044715. */
export function isDecimalLiteral(n: MathNode): boolean {
  const v = numericValue(n);
  return v?.isFinite() === true && !v.isInteger();
}

/**
 * A rational as a literal: an integer; else the fraction n / d, or, for a value derived from a
 * decimal the user typed, the decimal when it terminates (its denominator has only the factors 2
 * and 5). Either is the exact value (a decimal literal is read back exactly, never through a double).
 * @param q the value
 * @param decimal whether the value comes from a typed decimal (default false: an exact fraction, 1 / 64)
 * @returns a ConstantNode, a division of two, or the unary minus of either
 */
export function literalOf(q: Q, decimal = false): MathNode {
  const abs = q.sign() < 0 ? q.neg() : q;
  const big = (v: bigint) => new math.ConstantNode(bigOf(v));
  const node = abs.isInteger()
    ? big(abs.n)
    : decimal && terminates(abs.d)
      ? new math.ConstantNode(math.bignumber(abs.n.toString()).div(math.bignumber(abs.d.toString())))
      : div(big(abs.n), big(abs.d));
  return q.sign() < 0 ? neg(node) : node;
}

/**
 * The BigNumber of each integer {@link literalOf} wrote, by its value (a bigint, compared by value:
 * no text key): the moves write the same few integers (1, 2, the exponents) over and over, and
 * mathjs's bignumber() (a typed-function dispatch, then the digits parsed) costs more than the
 * node. A BigNumber is never changed (decimal.js returns new ones), so nodes may share it.
 * Emptied at {@link BIG_LIMIT} entries.
 */
const bigs = new Map<bigint, BigNumber>();
const BIG_LIMIT = 10_000;

/** The BigNumber of an integer, through {@link bigs}. */
function bigOf(v: bigint): BigNumber {
  let b = bigs.get(v);
  if (b === undefined) {
    if (bigs.size >= BIG_LIMIT) bigs.clear();
    b = math.bignumber(v.toString()) as BigNumber;
    bigs.set(v, b);
  }
  return b;
}

/**
 * An expression as a product.
 * @param node any expression (no parentheses)
 * @param merge combine factors with the same base (x·x → x², x²/x → x); otherwise keep each as written
 */
export function toProduct(node: MathNode, merge: boolean): Product {
  const out: Product = { coef: Q.ONE, factors: [] };
  const put = (base: MathNode, exp: Q, decimal = false): void => {
    if (exp.isZero()) return;
    if (merge) {
      const k = keyOf(base);
      let same = out.factors.find((f) => f.key === k);
      // (b − a)^k = (−1)^k (a − b)^k for an integer k
      if (!same && exp.isInteger() && isOp(base, "subtract", 2)) {
        const flipped = keyOf(sub(base.args[1], base.args[0]));
        same = out.factors.find((f) => f.key === flipped && f.exp.isInteger());
        if (same && exp.n % 2n !== 0n) out.coef = out.coef.neg();
      }
      if (same) {
        same.exp = same.exp.add(exp);
        if (decimal) same.decimal = true;
        if (same.exp.isZero()) out.factors.splice(out.factors.indexOf(same), 1);
        return;
      }
    }
    out.factors.push(decimal ? { base, key: keyOf(base), exp, decimal } : { base, key: keyOf(base), exp });
  };
  const walk = (n: MathNode, exp: Q): void => {
    const r = rationalOf(n);
    if (r !== undefined && !(exp.sign() < 0 && r.isZero())) {
      if (exp.isInteger()) {
        out.coef = out.coef.mul(r.pow(Number(exp.n)));
        if (!r.isInteger()) out.decimal = true;
        return;
      }
    }
    if (isOp(n, "unaryMinus", 1) && exp.isInteger()) {
      if (exp.n % 2n !== 0n) out.coef = out.coef.neg();
      walk(n.args[0], exp);
      return;
    }
    if (isOp(n, "multiply", 2)) {
      walk(n.args[0], exp);
      walk(n.args[1], exp);
      return;
    }
    if (isOp(n, "divide", 2)) {
      walk(n.args[0], exp);
      walk(n.args[1], exp.neg());
      return;
    }
    if (isCall(n, "sqrt", 1)) {
      put(n.args[0], exp.mul(HALF));
      return;
    }
    if (isOp(n, "pow", 2)) {
      const e = rationalOf(n.args[1]);
      if (e !== undefined && !(isSymbolNode(n.args[0]) && (n.args[0].name === "e" || n.args[0].name === "E"))) {
        const total = e.mul(exp);
        // (a·b)^k splits only for an integer k (signs); (a^m)^k → a^(mk) only for integer k
        if (e.isInteger()) {
          walk(n.args[0], total); // (a·b)^k = a^k·b^k and (√u)^k = u^(k/2) for an integer k
          return;
        }
        if (exp.equals(Q.ONE)) {
          put(n.args[0], total, !e.isInteger() && isDecimalLiteral(n.args[1]));
          return;
        }
      }
    }
    put(n, exp);
  };
  walk(node, Q.ONE);
  return out;
}

/** A factor base^exp as a node (exp > 0). */
function power(f: { base: MathNode; exp: Q; decimal?: boolean }): MathNode {
  if (f.exp.equals(Q.ONE)) return f.base;
  if (f.exp.equals(HALF)) return call("sqrt", f.base);
  if (f.exp.d === 2n) return pow(call("sqrt", f.base), literalOf(Q.of(f.exp.n)));
  return pow(f.base, literalOf(f.exp, f.decimal));
}

function productOf(nodes: MathNode[]): MathNode | undefined {
  return nodes.reduce<MathNode | undefined>((acc, n) => (acc ? mul(acc, n) : n), undefined);
}

/**
 * A product rebuilt: the coefficient's numerator and the positive powers over its
 * denominator and the negative powers; a negative coefficient as a unary minus in front.
 */
export function fromProduct(p: Product): MathNode {
  if (p.coef.sign() < 0) {
    // −c·(a − b)·… = c·(b − a)·…: the minus sign goes into a difference (an odd integer power)
    const i = p.factors.findIndex((f) => f.exp.isInteger() && f.exp.n % 2n !== 0n && isOp(f.base, "subtract", 2));
    if (i >= 0) {
      const f = p.factors[i] as Factor & { base: OperatorNode };
      const flipped = sub(f.base.args[1], f.base.args[0]);
      const factors = p.factors.map((g, k) => (k === i ? { base: flipped, key: keyOf(flipped), exp: g.exp } : g));
      return fromProduct({ ...p, coef: p.coef.neg(), factors });
    }
  }
  const abs = p.coef.sign() < 0 ? p.coef.neg() : p.coef;
  if (abs.isZero()) return literalOf(Q.ZERO);
  const top: MathNode[] = [];
  const bottom: MathNode[] = [];
  if (p.decimal && !abs.isInteger() && terminates(abs.d)) {
    top.push(literalOf(abs, true)); // a decimal from a typed one (0.044715 · 3 = 0.134145, 0.1 · 3 = 0.3) stays a decimal
  } else {
    if (abs.n !== 1n) top.push(literalOf(Q.of(abs.n)));
    if (abs.d !== 1n) bottom.push(literalOf(Q.of(abs.d)));
  }
  for (const f of p.factors)
    (f.exp.sign() > 0 ? top : bottom).push(power(f.exp.sign() > 0 ? f : { ...f, exp: f.exp.neg() }));
  const numerator = productOf(top) ?? literalOf(Q.ONE);
  const denominator = productOf(bottom);
  const node = denominator ? div(numerator, denominator) : numerator;
  return p.coef.sign() < 0 ? neg(node) : node;
}

/** Whether 1/d has a finite decimal expansion (d = 2^a·5^b). */
function terminates(d: bigint): boolean {
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n;
}

/** An expression as a sum of products (read through +, − and unary minus of a sum). */
export function toSum(node: MathNode, merge: boolean): Product[] {
  const terms: Product[] = [];
  const walk = (n: MathNode, sign: boolean): void => {
    if (isOp(n, "add", 2)) {
      walk(n.args[0], sign);
      walk(n.args[1], sign);
    } else if (isOp(n, "subtract", 2)) {
      walk(n.args[0], sign);
      walk(n.args[1], !sign);
    } else if (isOp(n, "unaryMinus", 1) && (isOp(n.args[0], "add", 2) || isOp(n.args[0], "subtract", 2))) {
      walk(n.args[0], !sign);
    } else {
      const p = toProduct(n, merge);
      if (!sign) p.coef = p.coef.neg();
      terms.push(p);
    }
  };
  walk(node, true);
  return terms;
}

/** The key of a product without its coefficient: like terms have equal keys. */
export function monomialKey(p: Product): string {
  return p.factors
    .map((f) => `${f.key}^${f.exp}`)
    .sort()
    .join("·");
}

/**
 * A sum rebuilt: a term with a positive coefficient first when there is one, the others in
 * their order, negative ones subtracted.
 */
export function fromSum(terms: Product[]): MathNode {
  const live = terms.filter((t) => !t.coef.isZero());
  if (live.length === 0) return literalOf(Q.ZERO);
  const first = live.findIndex((t) => t.coef.sign() > 0);
  const ordered = first > 0 ? [live[first], ...live.slice(0, first), ...live.slice(first + 1)] : live;
  let acc = fromProduct(ordered[0]);
  for (const t of ordered.slice(1)) {
    acc = t.coef.sign() < 0 ? sub(acc, fromProduct({ ...t, coef: t.coef.neg() })) : add(acc, fromProduct(t));
  }
  return acc;
}

/** True for a numeric literal node (or the unary minus of one). */
export const isNumber = (n: MathNode): boolean =>
  rationalOf(n) !== undefined && (isConstant(n) || isOp(n, "unaryMinus", 1));
