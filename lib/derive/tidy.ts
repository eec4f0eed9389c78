import type { MathNode } from "mathjs";
import { math } from "./expression";
import { simplifyCoreLinear } from "./simplify-core";

/** An exact rational number: numerator and denominator (positive, in lowest terms). */
interface Rational {
  p: bigint;
  q: bigint;
}

/** The largest denominator a decimal literal is written as a fraction with (0.25 → 1/4; 0.333 stays). */
const SIMPLE_DENOMINATOR = 20n;

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/** p/q in lowest terms with q > 0; undefined for q = 0. */
function rational(p: bigint, q: bigint): Rational | undefined {
  if (q === 0n) return undefined;
  const g = gcd(p, q) || 1n;
  const sign = q < 0n ? -1n : 1n;
  return { p: (sign * p) / g, q: (sign * q) / g };
}

/** A decimal numeral's exact value, e.g. "0.25" → 1/4; undefined for an exponent form or a non-numeral. */
function decimalValue(text: string): Rational | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return undefined;
  const digits = m[3] ?? "";
  const p = BigInt(`${m[1]}${m[2]}${digits}`);
  return rational(p, 10n ** BigInt(digits.length));
}

/**
 * A number literal's exact value: an integer, a decimal that is a simple fraction (denominator
 * at most {@link SIMPLE_DENOMINATOR}: 0.5, 0.25, 1.5), or the unary minus of one of those.
 */
function literalOf(node: MathNode): Rational | undefined {
  const n = node as {
    isConstantNode?: boolean;
    isOperatorNode?: boolean;
    fn?: string;
    args?: MathNode[];
    value?: unknown;
  };
  if (n.isOperatorNode && n.fn === "unaryMinus" && n.args?.length === 1) {
    if (!(n.args[0] as { isConstantNode?: boolean }).isConstantNode) return undefined;
    const inner = literalOf(n.args[0]);
    return inner && { p: -inner.p, q: inner.q };
  }
  if (!n.isConstantNode) return undefined;
  const v = n.value;
  let r: Rational | undefined;
  if (typeof v === "number" && Number.isFinite(v))
    r = Number.isSafeInteger(v) ? { p: BigInt(v), q: 1n } : decimalValue(String(v));
  else if (math.isBigNumber(v) && v.isFinite()) r = decimalValue(v.toFixed());
  return r && r.q <= SIMPLE_DENOMINATOR ? r : undefined;
}

/** A literal's exact value for arithmetic: {@link literalOf}, or a quotient of two literals (1 / 2). */
function rationalOf(node: MathNode): Rational | undefined {
  const o = node as { isOperatorNode?: boolean; fn?: string; args?: MathNode[] };
  if (o.isOperatorNode && o.fn === "divide" && o.args?.length === 2) {
    const [a, b] = o.args.map(literalOf);
    return a && b && b.p !== 0n ? rational(a.p * b.q, a.q * b.p) : undefined;
  }
  return literalOf(node);
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** An exact value as literals: an integer, or p / q, a negative one as the unary minus of its absolute value. */
function literal(value: Rational): MathNode {
  const abs = value.p < 0n ? -value.p : value.p;
  const int = (n: bigint) => new math.ConstantNode(math.bignumber(n.toString()));
  const body = value.q === 1n ? int(abs) : new math.OperatorNode("/", "divide", [int(abs), int(value.q)]);
  return value.p < 0n ? new math.OperatorNode("-", "unaryMinus", [body]) : body;
}

/** A decimal literal that is a simple fraction, written as one (0.5 → 1 / 2); anything else unchanged. */
function decimalAsFraction(node: MathNode): MathNode {
  const c = node as { isConstantNode?: boolean };
  if (!c.isConstantNode) return node;
  const r = literalOf(node);
  return r && r.q !== 1n ? literal(r) : node;
}

/**
 * One pass: log(e) → 1; a·(1/b) → a/b; sums, differences, products and quotients of two exact literals
 * (integers, simple fractions) → their exact value; a decimal that is a simple fraction → the fraction.
 */
function tidyOnce(node: MathNode): MathNode {
  // children first, so that a chain of constant factors folds in one pass
  return bottomUp(node, (n) => {
    const f = n as { isFunctionNode?: boolean; fn?: { name?: string }; args?: MathNode[] };
    const arg = f.args?.[0] as { isSymbolNode?: boolean; name?: string } | undefined;
    if (f.isFunctionNode && f.fn?.name === "log" && f.args?.length === 1 && arg?.isSymbolNode && arg.name === "e") {
      return new math.ConstantNode(math.bignumber(1));
    }
    const o = n as { isOperatorNode?: boolean; op?: string; args?: MathNode[] };
    if (o.isOperatorNode && o.args?.length === 2 && (o.op === "+" || o.op === "-" || o.op === "*" || o.op === "/")) {
      const [a, b] = o.args.map(rationalOf);
      if (a !== undefined && b !== undefined) {
        const r =
          o.op === "+"
            ? rational(a.p * b.q + b.p * a.q, a.q * b.q)
            : o.op === "-"
              ? rational(a.p * b.q - b.p * a.q, a.q * b.q)
              : o.op === "*"
                ? rational(a.p * b.p, a.q * b.q)
                : rational(a.p * b.q, a.q * b.p);
        if (r && r.p >= -SAFE && r.p <= SAFE && r.q <= SAFE) return literal(r);
      }
    }
    // c·(d·u) → (cd)·u for literals c, d: the constant factors the chain and power rules leave side by side
    if (o.isOperatorNode && o.op === "*" && o.args?.length === 2) {
      const inner = o.args[1] as { isOperatorNode?: boolean; op?: string; args?: MathNode[] };
      const c = rationalOf(o.args[0]);
      const d =
        inner.isOperatorNode && inner.op === "*" && inner.args?.length === 2 ? rationalOf(inner.args[0]) : undefined;
      if (c && d && inner.args) {
        const r = rational(c.p * d.p, c.q * d.q);
        if (r && r.p >= -SAFE && r.p <= SAFE && r.q <= SAFE) {
          return new math.OperatorNode("*", "multiply", [literal(r), inner.args[1]]);
        }
      }
    }
    // a·(1/b) and (1/b)·a → a/b: the rules for log and quotients write 1/u as a factor, which
    // prints as a·1/b
    if (o.isOperatorNode && o.op === "*" && o.args?.length === 2) {
      const reciprocal = (n: MathNode): MathNode | undefined => {
        const q = n as { isOperatorNode?: boolean; op?: string; args?: MathNode[] };
        if (!q.isOperatorNode || q.op !== "/" || q.args?.length !== 2) return undefined;
        const one = literalOf(q.args[0]);
        return one && one.p === 1n && one.q === 1n ? q.args[1] : undefined;
      };
      const [a, b] = o.args;
      const below = reciprocal(b) ?? reciprocal(a);
      if (below) return new math.OperatorNode("/", "divide", [reciprocal(b) ? a : b, below]);
    }
    return decimalAsFraction(n);
  });
}

/**
 * Rewrites a tree children first: each node's children are rewritten, then the node itself
 * by `rule` (its result is not visited again); a node is rebuilt only when a child changed.
 */
function bottomUp(node: MathNode, rule: (n: MathNode) => MathNode): MathNode {
  const kids: MathNode[] = [];
  let changed = false;
  node.forEach((child) => {
    const done = bottomUp(child, rule);
    kids.push(done);
    changed ||= done !== child;
  });
  let k = 0;
  return rule(changed ? node.map(() => kids[k++]) : node);
}

/**
 * The operand of a negation: a for −a (a unary minus, or a negative number literal), and a
 * product or quotient whose first factor is one, without its minus sign ((−a)·b → a·b);
 * undefined otherwise.
 */
function negated(node: MathNode): MathNode | undefined {
  const o = node as {
    isOperatorNode?: boolean;
    isConstantNode?: boolean;
    fn?: string;
    op?: string;
    args?: MathNode[];
    value?: unknown;
    implicit?: boolean;
  };
  if (o.isOperatorNode && o.fn === "unaryMinus" && o.args?.length === 1) return o.args[0];
  if (o.isOperatorNode && (o.fn === "multiply" || o.fn === "divide") && o.args?.length === 2 && o.op) {
    const first = negated(o.args[0]);
    return first && new math.OperatorNode(o.op as "*", o.fn as "multiply", [first, o.args[1]], o.implicit === true);
  }
  if (o.isConstantNode) {
    const v = o.value;
    if (typeof v === "number" && v < 0) return new math.ConstantNode(-v);
    if (math.isBigNumber(v) && v.isNegative() && !v.isZero()) return new math.ConstantNode(v.neg());
  }
  return undefined;
}

const isOne = (node: MathNode): boolean => {
  const r = literalOf(node);
  return r !== undefined && r.p === 1n && r.q === 1n;
};

/** −a, with −(−a) written a and −((−a)·b) written a·b. */
function minus(a: MathNode): MathNode {
  return negated(a) ?? new math.OperatorNode("-", "unaryMinus", [a]);
}

/**
 * The signs written as a reader writes them, children first: a·(−1) and (−1)·a → −a; a·(−b)
 * → (−a)·b and a/(−b) → (−a)/b, so that a product's minus sign stands in front, and two
 * minus signs of a product cancel; a + (−b) → a − b; a − (−b) → a + b; −(−a) → a. The
 * value is the same.
 */
function foldSigns(node: MathNode): MathNode {
  return bottomUp(node, foldSign);
}

/** {@link foldSigns} at one node whose children are done. */
function foldSign(m: MathNode): MathNode {
  const o = m as { isOperatorNode?: boolean; fn?: string; op?: string; args?: MathNode[]; implicit?: boolean };
  if (!o.isOperatorNode || !o.args) return m;
  if (o.fn === "unaryMinus" && o.args.length === 1) return minus(o.args[0]);
  if (o.args.length !== 2) return m;
  const [a, b] = o.args;
  if (o.fn === "multiply" || o.fn === "divide") {
    const na = negated(a);
    const nb = negated(b);
    if (o.fn === "multiply" && na && isOne(na)) return minus(b);
    if (nb && isOne(nb)) return minus(a);
    if (!nb) return m;
    const op = o.fn === "multiply" ? "*" : "/";
    return new math.OperatorNode(op, o.fn, [na ?? minus(a), nb], o.fn === "multiply" && o.implicit === true);
  }
  const nb = negated(b);
  if (o.fn === "add" && nb) return new math.OperatorNode("-", "subtract", [a, nb]);
  if (o.fn === "subtract" && nb) return new math.OperatorNode("+", "add", [a, nb]);
  return m;
}

/**
 * A tidier form of an expression for people to read, with the same value everywhere it is
 * defined: what mathjs's `derivative(…, { simplify: false })` leaves behind is taken out
 * (`log(e)` → 1; mathjs's `simplifyCore`, here in linear time ({@link simplifyCoreLinear}): `0 + a` → a, `1 * a` → a, `a ^ 1` → a, `-(-a)` → a;
 * arithmetic on integers and simple fractions such as `2 - 1` → 1 or `1 / 2 * 2` → 1, done
 * exactly, and a decimal that is a simple fraction written as one, 0.5 → 1 / 2), the signs
 * are written as a reader writes them (`a * -1` → −a, `a + -b` → a − b, two minus signs of a
 * product cancelled: {@link foldSigns}), and nothing else is rearranged, so the result keeps
 * the shape of the rules that made it. Only for display: verdicts are
 * always computed on the expression itself.
 *
 * @example
 *   tidyExpression(math.derivative("e^(-x)", "x", { simplify: false })).toString()
 *   // mathjs: "e ^ (-x) * log(e) * (-1)"; tidied: "-e ^ (-x)"
 * @param node a mathjs expression tree (not modified)
 * @returns a new tree
 */
export function tidyExpression(node: MathNode): MathNode {
  let current = node;
  let text = node.toString();
  for (let pass = 0; pass < 8; pass++) {
    const next = foldSigns(simplifyCoreLinear(tidyOnce(simplifyCoreLinear(current))));
    const nextText = next.toString();
    if (nextText === text) return next;
    current = next;
    text = nextText;
  }
  return current;
}
