/**
 * Negative exponents made positive, for explain()'s algebra moves (algebra.ts): a product whose
 * exponentials are all e^(−s·u) (s > 0, one u) and whose sums are polynomials in them is
 * multiplied through by e^(d·u) in each sum of degree d and divided by it once in front:
 * e^(−x)(e^(−x) − 1)/(1 + e^(−x))³ = e^x(1 − e^x)/(1 + e^x)³. Source: a + b·e^(−su) =
 * e^(−su)(a·e^(su) + b), and e^a·e^b = e^(a + b).
 */
import type { MathNode } from "mathjs";
import { Q } from "../exact/rational";
import { type Factor, fromProduct, fromSum, monomialKey, type Product, toProduct, toSum } from "./forms";
import { isCall, isOp, isSymbolNode, keyOf, pow, sym } from "./nodes";

/** e^v or exp(v): v, else undefined. */
function exponentOf(n: MathNode): MathNode | undefined {
  if (isOp(n, "pow", 2) && isSymbolNode(n.args[0]) && (n.args[0].name === "e" || n.args[0].name === "E"))
    return n.args[1];
  if (isCall(n, "exp", 1)) return n.args[0];
  return undefined;
}

/** An exponent v = −s·M (M a product with coefficient 1): s > 0 and M's key; else undefined. */
function negativeMultiple(v: MathNode): { s: Q; key: string; unit: Product } | undefined {
  const p = toProduct(v, true);
  if (p.coef.sign() >= 0 || !p.factors.length) return undefined;
  const unit: Product = { coef: Q.ONE, factors: p.factors };
  return { s: p.coef.neg(), key: monomialKey(unit), unit };
}

/** e^(k·M) as a node, k a rational ≠ 0. */
function expOfMultiple(k: Q, unit: Product): MathNode {
  return pow(sym("e"), fromProduct({ ...unit, coef: k }));
}

/**
 * The move at one node (a product or quotient): see the module's comment. Only where every
 * exponential in the product and in its sum factors is e^(−s·M) for one M (s > 0 rational),
 * a sum factor below the fraction line holds one, and no exponential is inside another function.
 *
 * @param n any expression node (no parentheses)
 * @returns the product with positive exponents, or undefined
 */
export function positiveExponentsAt(n: MathNode): MathNode | undefined {
  if (!isOp(n, "multiply", 2) && !isOp(n, "divide", 2)) return undefined;
  const p = toProduct(n, true);
  let key: string | undefined;
  let unit: Product | undefined;
  /** s of e^(−s·M) for one M, else undefined (another exponential: the move does not apply). */
  const degreeOf = (base: MathNode): Q | undefined => {
    const v = exponentOf(base);
    const m = v && negativeMultiple(v);
    if (!m || (key !== undefined && m.key !== key)) return undefined;
    key = m.key;
    unit ??= m.unit;
    return m.s;
  };
  /** Σ s·k over the factors (e^(−s·M))^k, and the other factors; undefined when an exponential is of another form. */
  const splitExponentials = (fs: readonly Factor[]): { s: Q; rest: Factor[] } | undefined => {
    let s = Q.ZERO;
    const rest: Factor[] = [];
    for (const g of fs) {
      if (!exponentOf(g.base)) {
        rest.push(g);
        continue;
      }
      const d = degreeOf(g.base);
      if (!d) return undefined;
      s = s.add(d.mul(g.exp));
    }
    return { s, rest };
  };
  const top = splitExponentials(p.factors);
  if (!top) return undefined;
  let shift = top.s; // the exponent, in units of −M, taken out in front
  let sums = 0;
  let below = 0;
  const factors: Factor[] = [];
  for (const f of top.rest) {
    if (!isOp(f.base, "add", 2) && !isOp(f.base, "subtract", 2)) {
      if (hasExponential(f.base)) return undefined;
      factors.push(f);
      continue;
    }
    if (!f.exp.isInteger()) return undefined;
    // a sum: each term c·R·e^(−s·M)^j (R free of exponentials), degree d = max s·j
    const terms = toSum(f.base, true).map((t) => {
      const split = splitExponentials(t.factors);
      if (!split || split.rest.some((g) => hasExponential(g.base))) return undefined;
      return { t: { ...t, factors: split.rest }, s: split.s };
    });
    if (terms.some((t) => t === undefined)) return undefined;
    const ts = terms as { t: Product; s: Q }[];
    const d = ts.reduce((m, t) => (t.s.cmp(m) > 0 ? t.s : m), Q.ZERO);
    if (d.isZero()) {
      factors.push(f);
      continue;
    }
    if (ts.some((t) => t.s.sign() < 0)) return undefined;
    if (f.exp.sign() < 0) below++;
    sums++;
    // the sum = e^(−d·M)·Σ c·R·e^((d − s)·M), its terms in reverse order (1 + e^(−u) → 1 + e^u)
    const rebuilt = fromSum(
      [...ts].reverse().map(({ t, s }) => {
        const k = d.sub(s);
        if (k.isZero()) return t;
        const e = expOfMultiple(k, unit!);
        return toProduct(fromProduct({ ...t, factors: [...t.factors, { base: e, key: keyOf(e), exp: Q.ONE }] }), true);
      }),
    );
    shift = shift.add(d.mul(f.exp));
    factors.push({ base: rebuilt, key: keyOf(rebuilt), exp: f.exp });
  }
  // only a fraction with such a sum below the line: a product above it (met first, the move works
  // children first) is left for the fraction, whose whole line it rewrites
  if (sums === 0 || below === 0 || !unit) return undefined;
  const front = shift.isZero() ? [] : [{ base: expOfMultiple(shift.neg(), unit), key: "", exp: Q.ONE }];
  return fromProduct({ ...p, factors: [...front, ...factors] });
}

/** Whether `n` holds an exponential anywhere. */
function hasExponential(n: MathNode): boolean {
  if (exponentOf(n)) return true;
  return (n as { args?: MathNode[] }).args?.some(hasExponential) === true;
}
