/**
 * The Pythagorean identities as data, for explain()'s algebra move "pythagorean"
 * (lib/derive/explain/algebra.ts): a factor c + d·f(u)² of a product, with d = ±c as the
 * row says, is written c·g(u)^k. Sources: cos²u + sin²u = 1 and cosh²u − sinh²u = 1,
 * divided by cos²u or cosh²u for the tan and tanh rows.
 */
import type { MathNode } from "mathjs";
import { Q } from "../exact/rational";
import { fromProduct, fromSum, rationalOf, toProduct, toSum, type Factor, type Product } from "./forms";
import { add, call, div, isCall, isOp, keyOf, num } from "./nodes";

/** One identity c + d·f(u)² = s·c·g(u)^k, with d = sign·c. */
export interface PythagoreanIdentity {
  /** The function squared in the sum, e.g. "tanh". */
  fn: string;
  /** d / c: −1 for 1 − tanh²u, +1 for 1 + tan²u. */
  ratio: 1 | -1;
  /** The function of the result, e.g. "cosh". */
  to: string;
  /** Its exponent: −2 for 1 − tanh²u = cosh(u)^(−2). */
  k: number;
  /** The sign s of the result: −1 for 1 − cosh²u = −sinh²u. */
  sign: 1 | -1;
  /** The identity as a reader writes it. */
  text: string;
}

/** The rows, tried in order. */
export const PYTHAGOREAN_IDENTITIES: readonly PythagoreanIdentity[] = [
  { fn: "tanh", ratio: -1, to: "cosh", k: -2, sign: 1, text: "1 − tanh²u = 1/cosh²u" },
  { fn: "tan", ratio: 1, to: "cos", k: -2, sign: 1, text: "1 + tan²u = 1/cos²u" },
  { fn: "sin", ratio: -1, to: "cos", k: 2, sign: 1, text: "1 − sin²u = cos²u" },
  { fn: "cos", ratio: -1, to: "sin", k: 2, sign: 1, text: "1 − cos²u = sin²u" },
  { fn: "sinh", ratio: 1, to: "cosh", k: 2, sign: 1, text: "1 + sinh²u = cosh²u" },
  { fn: "cosh", ratio: -1, to: "sinh", k: 2, sign: -1, text: "1 − cosh²u = −sinh²u" },
];

/** c + d·f(u)² matched against a row: the row, c and u; else undefined. */
function matchSum(base: MathNode): { row: PythagoreanIdentity; c: Q; u: MathNode } | undefined {
  if (!isOp(base, "add", 2) && !isOp(base, "subtract", 2)) return undefined;
  const terms = toSum(base, true);
  if (terms.length !== 2) return undefined;
  const constant = terms.find((t) => t.factors.length === 0);
  const square = terms.find((t) => t.factors.length === 1 && t.factors[0].exp.equals(Q.of(2n)));
  if (!constant || !square || constant.coef.isZero()) return undefined;
  const f = square.factors[0].base;
  for (const row of PYTHAGOREAN_IDENTITIES) {
    if (!isCall(f, row.fn, 1)) continue;
    if (!square.coef.equals(row.ratio === 1 ? constant.coef : constant.coef.neg())) continue;
    return { row, c: constant.coef, u: f.args[0] };
  }
  return undefined;
}

/** Whether a factor is a sum one of whose terms has the factor fu (a call such as tanh(u)). */
function sharesSum(base: MathNode, fu: MathNode): boolean {
  if (!isOp(base, "add", 2) && !isOp(base, "subtract", 2)) return false;
  const key = keyOf(fu);
  return toSum(base, true).some((t) => t.factors.some((g) => g.key === key));
}

/**
 * The move at one node: in a product or quotient, every factor (c + d·f(u)²)^m that a row of
 * {@link PYTHAGOREAN_IDENTITIES} matches, with m an integer, becomes (s·c)^m · g(u)^(k·m).
 * Only factors of products with another factor that is not a number: the lone 1 − tanh²u
 * (or c·(1 − tanh²u)), the form tanh′ is taught in, stays.
 *
 * @param n any expression node (no parentheses)
 * @returns the product rewritten, or undefined where no factor matches
 */
export function pythagoreanAt(n: MathNode): MathNode | undefined {
  if (!isOp(n, "multiply", 2) && !isOp(n, "divide", 2)) return undefined;
  const p = toProduct(n, true);
  // with a number as its only other factor, c·(1 − tanh²u) stays as the lone 1 − tanh²u does
  if (p.factors.length < 2) return undefined;
  let coef = p.coef;
  let hit = false;
  const factors: Factor[] = p.factors.map((f) => {
    const m = f.exp.isInteger() ? Number(f.exp.n) : 0;
    const match = m !== 0 ? matchSum(f.base) : undefined;
    if (!match) return f;
    // another factor that is a sum with f(u) in it (1 + tanh u beside 1 − tanh²u): factoring and
    // cancelling is the shorter way there, so the identity is left for it
    const fu = call(match.row.fn, match.u);
    if (p.factors.some((o) => o !== f && sharesSum(o.base, fu))) return f;
    hit = true;
    const signed = match.row.sign === 1 ? match.c : match.c.neg();
    coef = coef.mul(signed.pow(m));
    const g = call(match.row.to, match.u);
    return { base: g, key: keyOf(g), exp: Q.of(BigInt(match.row.k * m)) };
  });
  if (!hit) return undefined;
  return fromProduct({ ...p, coef, factors });
}

/**
 * The pairs of squares whose sum or difference is 1: cos²u + sin²u = 1 and cosh²u − sinh²u = 1
 * (first the function whose square keeps its sign, then its partner and the partner's sign).
 */
const SQUARE_PAIRS: readonly { fn: string; partner: string; sign: 1 | -1 }[] = [
  { fn: "cos", partner: "sin", sign: 1 },
  { fn: "cosh", partner: "sinh", sign: -1 },
];

/**
 * The Pythagorean identities on two terms of a sum: c·R·cos²u + c·R·sin²u = c·R and
 * c·R·cosh²u − c·R·sinh²u = c·R (R the same other factors of both terms), for every such pair.
 *
 * @param n any expression node (no parentheses)
 * @returns the sum with the pairs replaced, or undefined where there is none
 */
export function pythagoreanPairAt(n: MathNode): MathNode | undefined {
  if (!isOp(n, "add", 2) && !isOp(n, "subtract", 2)) return undefined;
  const terms = toSum(n, true);
  const square = (t: Product, fn: string) => t.factors.find((f) => f.exp.equals(Q.of(2n)) && isCall(f.base, fn, 1));
  const rest = (t: Product, skip: Factor) =>
    t.factors
      .filter((f) => f !== skip)
      .map((f) => `${f.key}^${f.exp}`)
      .sort()
      .join("·");
  let hit = false;
  const out = [...terms];
  for (const pair of SQUARE_PAIRS)
    for (let i = 0; i < out.length; i++) {
      const a = square(out[i], pair.fn);
      if (!a) continue;
      const u = keyOf((a.base as MathNode & { args: MathNode[] }).args[0]);
      const j = out.findIndex((t, k) => {
        const b = k !== i && square(t, pair.partner);
        return (
          b &&
          keyOf((b.base as MathNode & { args: MathNode[] }).args[0]) === u &&
          t.coef.equals(pair.sign === 1 ? out[i].coef : out[i].coef.neg()) &&
          rest(t, b) === rest(out[i], a)
        );
      });
      if (j < 0) continue;
      out[i] = { ...out[i], factors: out[i].factors.filter((f) => f !== a) };
      out.splice(j, 1);
      hit = true;
    }
  return hit ? fromSum(out) : undefined;
}

/** σ(u) as a factor's base: u, else undefined. */
const sigmaArg = (b: MathNode): MathNode | undefined => (isCall(b, "sigma", 1) ? b.args[0] : undefined);
/** 1 − σ(u) (sign 1) or σ(u) − 1 (sign −1) as a factor's base, for a given u. */
function oneMinusSigma(b: MathNode, u: MathNode): 1 | -1 | undefined {
  if (!isOp(b, "add", 2) && !isOp(b, "subtract", 2)) return undefined;
  const terms = toSum(b, true);
  if (terms.length !== 2) return undefined;
  const c = terms.find((t) => t.factors.length === 0);
  const s = terms.find((t) => t.factors.length === 1 && t.factors[0].exp.equals(Q.ONE));
  if (!c || !s || !isCall(s.factors[0].base, "sigma", 1) || keyOf(s.factors[0].base.args[0]) !== keyOf(u))
    return undefined;
  if (c.coef.equals(Q.ONE) && s.coef.equals(Q.of(-1n))) return 1;
  if (c.coef.equals(Q.of(-1n)) && s.coef.equals(Q.ONE)) return -1;
  return undefined;
}

/**
 * σ′ in hyperbolic form, at a product: σ(u)·(1 − σ(u)) = 1/(4·cosh²(u/2)) (and σ(u)·(σ(u) − 1)
 * = −1/(4·cosh²(u/2))). The move (algebra.ts) takes it only where it makes the product smaller
 * (a long u, or u/2 that cancels a factor 2), so that σ(x)(1 − σ(x)), the form the tutorials
 * teach, stays. Source:
 * σ(u) = (1 + tanh(u/2))/2, so σ(1 − σ) = (1 − tanh²(u/2))/4 = 1/(4 cosh²(u/2)).
 *
 * @param n any expression node (no parentheses)
 * @returns the product rewritten, or undefined where it has no factors σ(u) and 1 − σ(u)
 */
export function sigmaDerivativeCoshAt(n: MathNode): MathNode | undefined {
  if (!isOp(n, "multiply", 2) && !isOp(n, "divide", 2)) return undefined;
  const p = toProduct(n, true);
  for (const f of p.factors) {
    const u = f.exp.equals(Q.ONE) ? sigmaArg(f.base) : undefined;
    if (!u) continue;
    const g = p.factors.find((o) => o !== f && o.exp.equals(Q.ONE) && oneMinusSigma(o.base, u) !== undefined);
    if (!g) continue;
    const sign = oneMinusSigma(g.base, u)!;
    const cosh = call("cosh", fromProduct(halved(u)));
    return fromProduct({
      ...p,
      coef: p.coef.mul(Q.of(BigInt(sign), 4n)),
      factors: [...p.factors.filter((o) => o !== f && o !== g), { base: cosh, key: keyOf(cosh), exp: Q.of(-2n) }],
    });
  }
  return undefined;
}

/** |u|/2 as a product, with u's number halved (2x/2 = x) and its sign dropped (cosh is even). */
function halved(u: MathNode): Product {
  const p = toProduct(u, true);
  const c = p.coef.div(Q.of(2n));
  return { ...p, coef: c.sign() < 0 ? c.neg() : c };
}

/**
 * The exponent and log laws inside σ: σ(ln u) = 1/(1 + e^(−ln u)) = u/(1 + u), and so
 * 1 − σ(ln u) = 1 − u/(1 + u) = 1/(1 + u), at one node.
 *
 * @param n any expression node (no parentheses)
 * @returns the rewritten node, or undefined
 */
export function sigmaOfLogAt(n: MathNode): MathNode | undefined {
  const u = sigmaArg(n);
  if (u && isCall(u, "log", 1)) return div(u.args[0], add(num(1), u.args[0]));
  // 1 − σ(ln u), met after its σ(ln u) became u/(1 + u) (the move works children first): 1 − u/(1 + u) = 1/(1 + u)
  if (isOp(n, "subtract", 2) && rationalOf(n.args[0])?.equals(Q.ONE)) {
    const b = n.args[1];
    if (isOp(b, "divide", 2) && isOp(b.args[1], "add", 2) && rationalOf(b.args[1].args[0])?.equals(Q.ONE)) {
      if (keyOf(b.args[1].args[1]) === keyOf(b.args[0])) return div(num(1), b.args[1]);
    }
  }
  return undefined;
}
