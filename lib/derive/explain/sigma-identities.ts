/**
 * Two identities of the sigmoid σ(u) = 1/(1 + e^(−u)) = e^u/(1 + e^u), as local rewrites for
 * explain()'s algebra moves (algebra.ts):
 * - the log-odds (logit) of σ: ln σ(u) − ln(1 − σ(u)) = u, since σ(u)/(1 − σ(u)) = e^u;
 * - σ written in exponentials: σ(u) = e^u/(1 + e^u), 1 − σ(u) = 1/(1 + e^u), so a product of
 *   factors linear in σ(u), a + b·σ(u) = (a + (a + b)e^u)/(1 + e^u), is a rational function of
 *   e^u whose powers of 1 + e^u may cancel: σ(1 − σ)/(1 + σ)² = e^u/(1 + 2e^u)².
 */
import type { MathNode } from "mathjs";
import { Q } from "../exact/rational";
import { type Factor, fromProduct, fromSum, type Product, toProduct, toSum } from "./forms";
import { add, isCall, isOp, keyOf, num, pow, sym } from "./nodes";

/** ln σ(u) as a factor's base: u, else undefined. */
function logSigmaArg(b: MathNode): MathNode | undefined {
  return isCall(b, "log", 1) && isCall(b.args[0], "sigma", 1) ? b.args[0].args[0] : undefined;
}

/** ln(1 − σ(u)) as a factor's base, for a given u. */
function isLogOneMinusSigma(b: MathNode, u: MathNode): boolean {
  if (!isCall(b, "log", 1) || !isOp(b.args[0], "subtract", 2)) return false;
  const [one, s] = b.args[0].args;
  return keyOf(one) === "1" && isCall(s, "sigma", 1) && keyOf(s.args[0]) === keyOf(u);
}

/** A term's factors other than `skip`, as a key: terms equal but for one factor have equal keys. */
const restKey = (t: Product, skip: Factor): string =>
  t.factors
    .filter((f) => f !== skip)
    .map((f) => `${f.key}^${f.exp}`)
    .sort()
    .join("·");

/**
 * The log-odds of σ in a sum: a pair of terms c·R·ln σ(u) and −c·R·ln(1 − σ(u)) (R the same
 * other factors) becomes the one term c·R·u. Source: ln σ(u) − ln(1 − σ(u)) = ln(σ(u)/(1 − σ(u)))
 * = ln e^u = u, for every real u.
 *
 * @param n any expression node (no parentheses)
 * @returns the sum with every such pair replaced, or undefined where there is none
 */
export function logOddsAt(n: MathNode): MathNode | undefined {
  if (!isOp(n, "add", 2) && !isOp(n, "subtract", 2)) return undefined;
  const terms = toSum(n, true);
  let hit = false;
  const out = [...terms];
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    const f = t.factors.find((g) => g.exp.equals(Q.ONE) && logSigmaArg(g.base));
    if (!f) continue;
    const u = logSigmaArg(f.base)!;
    const j = out.findIndex((o, k) => {
      if (k === i) return false;
      const g = o.factors.find((h) => h.exp.equals(Q.ONE) && isLogOneMinusSigma(h.base, u));
      return g !== undefined && o.coef.equals(t.coef.neg()) && restKey(o, g) === restKey(t, f);
    });
    if (j < 0) continue;
    const uf = toProduct(u, true);
    out[i] = toProduct(
      fromProduct({ ...t, coef: t.coef.mul(uf.coef), factors: [...t.factors.filter((g) => g !== f), ...uf.factors] }),
      true,
    );
    out.splice(j, 1);
    hit = true;
  }
  return hit ? fromSum(out) : undefined;
}

/** a + b·σ(u) as a factor's base (σ(u) itself: a = 0, b = 1): a, b and u; else undefined. */
function linearInSigma(base: MathNode): { a: Q; b: Q; u: MathNode } | undefined {
  if (isCall(base, "sigma", 1)) return { a: Q.ZERO, b: Q.ONE, u: base.args[0] };
  if (!isOp(base, "add", 2) && !isOp(base, "subtract", 2)) return undefined;
  const terms = toSum(base, true);
  if (terms.length !== 2) return undefined;
  const c = terms.find((t) => t.factors.length === 0);
  const s = terms.find(
    (t) => t.factors.length === 1 && t.factors[0].exp.equals(Q.ONE) && isCall(t.factors[0].base, "sigma", 1),
  );
  if (!c || !s) return undefined;
  return { a: c.coef, b: s.coef, u: (s.factors[0].base as MathNode & { args: MathNode[] }).args[0] };
}

/**
 * σ written in exponentials, at a product: every factor (a + b·σ(u))^k, k an integer, becomes
 * (a + (a + b)e^u)^k/(1 + e^u)^k (σ(u) = e^u/(1 + e^u)), and the powers of 1 + e^u are added.
 * Only where every factor with σ(u) in it is linear in σ(u), for one u, and the powers of
 * 1 + e^u cancel to fewer than there were factors of σ(u) (the move, algebra.ts, then takes
 * it only when the product is smaller: σ(1 − σ), the taught σ′, stays).
 *
 * @param n any expression node (no parentheses)
 * @returns the product rewritten, or undefined
 */
export function sigmaAsExponentialsAt(n: MathNode): MathNode | undefined {
  if (!isOp(n, "multiply", 2) && !isOp(n, "divide", 2)) return undefined;
  const p = toProduct(n, true);
  let u: MathNode | undefined;
  let total = 0n;
  let count = 0;
  const factors: Factor[] = [];
  for (const f of p.factors) {
    const lin = f.exp.isInteger() ? linearInSigma(f.base) : undefined;
    if (!lin || (u && keyOf(lin.u) !== keyOf(u))) {
      if (u && hasSigmaOf(f.base, u)) return undefined;
      factors.push(f);
      continue;
    }
    u ??= lin.u;
    count++;
    total += f.exp.n;
    const e = pow(sym("e"), u);
    const top = lin.a.isZero()
      ? e
      : fromSum([
          { coef: lin.a, factors: [] },
          { coef: lin.a.add(lin.b), factors: [{ base: e, key: keyOf(e), exp: Q.ONE }] },
        ]);
    // a − a·σ(u) = a/(1 + e^u): a number over the power of 1 + e^u
    if (lin.a.add(lin.b).isZero()) p.coef = p.coef.mul(lin.a.pow(Number(f.exp.n)));
    else factors.push({ base: top, key: keyOf(top), exp: f.exp });
  }
  if (!u || count < 2) return undefined;
  // factors of σ(u) earlier in the product than u was found: none is left unconverted
  if (factors.some((f) => hasSigmaOf(f.base, u!))) return undefined;
  const onePlus = add(num(1), pow(sym("e"), u));
  const rest = factors;
  const out: Product = {
    ...p,
    factors: total === 0n ? rest : [...rest, { base: onePlus, key: keyOf(onePlus), exp: Q.of(-total) }],
  };
  // |total| below the number of σ factors: some powers of 1 + e^u cancelled
  if ((total < 0n ? -total : total) >= BigInt(count)) return undefined;
  return fromProduct(toProduct(fromProduct(out), true));
}

/** Whether σ(u) occurs in `n`. */
function hasSigmaOf(n: MathNode, u: MathNode): boolean {
  if (isCall(n, "sigma", 1) && keyOf(n.args[0]) === keyOf(u)) return true;
  return (n as { args?: MathNode[] }).args?.some((c) => hasSigmaOf(c, u)) === true;
}
