/**
 * The algebra moves explain() simplifies with, as data: each row of {@link ALGEBRA_MOVES} has
 * an id, the name a `rewrite` step carries ("algebra: cancel a common factor"), a note, and a
 * local rewrite tried at every node of the expression, innermost first. One step applies one
 * move everywhere it fits. {@link simplifySteps} chooses the moves: a move is taken when it
 * makes the expression no larger ({@link formSize}); a move that first makes it larger
 * (multiplying out, a common denominator) is taken only when the moves after it end smaller.
 */
import type { MathNode } from "mathjs";
import { Q } from "../exact/rational";
import {
  featuresOf,
  HAS_COS,
  HAS_COSH,
  HAS_EXP,
  HAS_LOG,
  HAS_PRODUCT,
  HAS_SIGMA,
  HAS_SIN,
  HAS_SINH,
  HAS_SUM,
  HAS_TAN,
  HAS_TANH,
} from "./features";
import { cancelLabel, definitionLabel, type StepLabel, tidyLabel } from "./labels";
import { positiveExponentsAt } from "./exponent-sign";
import { parseExpression } from "../expression";
import { toTex } from "../tex";
import { memoOf, peekMemo } from "./node-memo";
import { pythagoreanAt, pythagoreanPairAt, sigmaDerivativeCoshAt, sigmaOfLogAt } from "./identities";
import { logOddsAt, sigmaAsExponentialsAt } from "./sigma-identities";
import {
  fromProduct,
  fromSum,
  isDecimalLiteral,
  literalOf,
  monomialKey,
  rationalOf,
  toProduct,
  toSum,
  type Product,
} from "./forms";
import {
  add,
  call,
  childrenOf,
  div,
  isCall,
  isOp,
  isSymbolNode,
  keyGeneration,
  keyOf,
  mul,
  neg,
  pow,
  printed,
  sameNode,
  sub,
  sym,
  withArgs,
  withoutParens,
} from "./nodes";

/** One algebra move: a row of the table. */
export interface AlgebraMove {
  id: string;
  /** The `rule` of the rewrite step, e.g. "algebra: cancel a common factor". */
  name: string;
  /** The step's note. */
  note: string;
  /** The rewrite at one node, or undefined where the move does not apply. */
  at(node: MathNode): MathNode | undefined;
  /** Only with look-ahead: the move may make the expression larger on the way to a smaller one. */
  enabler?: boolean;
  /**
   * Only in the simplification of a derivation's own result ({@link simplifySteps} with
   * `final`), not of a part's derivative that a parent derivation goes on with (σ(u)(1 − σ(u))
   * there can still cancel against a σ(u) of the parent; 1/(4cosh²(u/2)) cannot).
   */
  finalOnly?: boolean;
  /**
   * Only on the way to a target form (simplifySteps' `stopAt`) for which it returns true: a move
   * that leaves a taught form (σ′ = σ(1 − σ)) is taken only when the learner asked for its result.
   */
  towardOnly?: (target: MathNode) => boolean;
  /**
   * The features (features.ts, HAS_… bits) of which a node's subtree must hold at least one for
   * `at` to rewrite anything in it: applyMove skips a subtree with none of them. A necessary
   * condition of `at` only (absent: every subtree is walked).
   */
  needs?: number;
  /**
   * The name and note of a step of this move taken on the line `before`, where what the move did
   * there has a better name than the row's (labels.ts: "collect a power" for a cancel that
   * cancelled nothing); undefined keeps the row's.
   */
  label?: (before: MathNode) => StepLabel | undefined;
}

const isE = (n: MathNode): boolean => isSymbolNode(n) && (n.name === "e" || n.name === "E");
/** e^u or exp(u): its exponent u, else undefined. */
function expOf(n: MathNode): MathNode | undefined {
  if (isOp(n, "pow", 2) && isE(n.args[0])) return n.args[1];
  if (isCall(n, "exp", 1)) return n.args[0];
  return undefined;
}

/**
 * The size a compact form is judged by: nodes, with e^u counted as exp(u) (1 + size of u).
 *
 * @param node any expression (parentheses are read through, not counted)
 * @returns the number of nodes, ≥ 1
 */
export function formSize(node: MathNode): number {
  return sizeOf(node, false);
}

/**
 * {@link formSize}; with `cache`, kept per node (node-memo.ts, `size`; for the explain code's own
 * nodes, which never change): every line a move makes and every look-ahead line is measured, and a
 * new line shares all but the rewritten part with the line it came from.
 */
function sizeOf(node: MathNode, cache: boolean): number {
  if (cache) {
    const known = peekMemo(node)?.size;
    if (known !== undefined) return known;
  }
  const u = expOf(node);
  const size =
    u !== undefined
      ? 1 + sizeOf(u, cache)
      : (node as { isParenthesisNode?: boolean }).isParenthesisNode
        ? sizeOf((node as unknown as { content: MathNode }).content, cache)
        : 1 + childrenOf(node).reduce((s, c) => s + sizeOf(c, cache), 0);
  if (cache) memoOf(node).size = size;
  return size;
}

/** {@link formSize} of a node the explain code built (kept per node, see {@link sizeOf}). */
const sizeOfBuilt = (node: MathNode): number => sizeOf(node, true);

/** Applies a local rewrite at every node, children first; one pass. */
export function everywhere(node: MathNode, at: (n: MathNode) => MathNode | undefined): MathNode {
  const kids = childrenOf(node);
  let n = node;
  if (kids.length) {
    const next = kids.map((k) => everywhere(k, at));
    if (next.some((k, i) => k !== kids[i])) n = withArgs(node, next);
  }
  return at(n) ?? n;
}

/** b where it is smaller than a (formSize), else undefined: for moves that only shorten. */
const smaller = (a: MathNode, b: MathNode | undefined): MathNode | undefined =>
  b && formSize(b) < formSize(a) ? b : undefined;
const changed = (a: MathNode, b: MathNode | undefined): MathNode | undefined =>
  b && keyOf(b) !== keyOf(a) ? b : undefined;
const isSum = (n: MathNode): boolean => isOp(n, "add", 2) || isOp(n, "subtract", 2);
const isProductLike = (n: MathNode): boolean =>
  isOp(n, "multiply", 2) || isOp(n, "divide", 2) || isOp(n, "unaryMinus", 1) || isOp(n, "pow", 2);

/**
 * The most terms "multiply out" writes before collecting like terms. A product of k sums has
 * 2^k terms or more (σ′ nested k deep is a product of k factors 1 − σ(…)), so without a bound
 * the move's cost doubles per level; so many terms do not collect to something shorter.
 */
export const MAX_EXPANDED_TERMS = 64;

/**
 * A sum's expansion over the sums among its terms' factors above the fraction line (positive
 * integer powers ≤ 3 of sums are multiplied out; denominators stay as they are); undefined
 * when it has more than {@link MAX_EXPANDED_TERMS} terms.
 */
function expand(node: MathNode): Product[] | undefined {
  if (expandedGeneration !== keyGeneration() || expanded.size >= EXPANDED_LIMIT) {
    expanded.clear();
    expandedGeneration = keyGeneration();
  }
  const key = keyOf(node);
  if (expanded.has(key)) return expanded.get(key);
  const out = expandOnce(node);
  expanded.set(key, out);
  return out;
}

/**
 * {@link expand}'s result for each expression it was asked for, by the expression's key (nodes.ts
 * keyOf): expanding a product expands each sum among its factors once per power ((a + b)³: three
 * times), a sum that holds that product expands it again, and "multiply out" is tried at every node
 * of every line, so most expansions are asked for several times (1323 calls, 555 expressions, on
 * the bench's 207 functions). The lists and their products are never changed by the callers
 * (collect copies what it adds up). Emptied when the keys are (keyGeneration) and at
 * {@link EXPANDED_LIMIT} entries.
 */
const expanded = new Map<string, Product[] | undefined>();
let expandedGeneration = keyGeneration();
const EXPANDED_LIMIT = 20_000;

/** {@link expand} without the cache of its results. */
function expandOnce(node: MathNode): Product[] | undefined {
  const terms = toSum(node, true);
  const out: Product[] = [];
  for (const t of terms) {
    let acc: Product[] = [{ ...t, factors: [] }];
    for (const f of t.factors) {
      const n = f.exp.isInteger() && f.exp.sign() > 0 && f.exp.n <= 3n && isSum(f.base) ? Number(f.exp.n) : 0;
      if (n === 0) {
        acc = acc.map((p) => ({ ...p, factors: [...p.factors, f] }));
        continue;
      }
      for (let k = 0; k < n; k++) {
        const inner = expand(f.base);
        if (!inner || acc.length * inner.length > MAX_EXPANDED_TERMS) return undefined;
        acc = acc.flatMap((p) => inner.map((q) => mergeProducts(p, q)));
      }
    }
    out.push(...acc);
    if (out.length > MAX_EXPANDED_TERMS) return undefined;
  }
  return out;
}

function mergeProducts(a: Product, b: Product): Product {
  return toProduct(
    fromProduct({ coef: a.coef.mul(b.coef), factors: [...a.factors, ...b.factors], decimal: a.decimal || b.decimal }),
    true,
  );
}

/** Like terms combined (their coefficients added), zero terms dropped, in order of first appearance. */
function collect(terms: Product[]): Product[] {
  const byKey = new Map<string, Product>();
  for (const t of terms) {
    const k = monomialKey(t);
    const seen = byKey.get(k);
    if (seen) {
      seen.coef = seen.coef.add(t.coef);
      if (t.decimal) seen.decimal = true;
    } else byKey.set(k, { ...t });
  }
  return [...byKey.values()].filter((t) => !t.coef.isZero());
}

/**
 * A sum's terms with each difference written one way round: a factor (b − a)^k of a term (k an
 * integer) whose flip a − b is a factor of an earlier term becomes (a − b)^k, the term's sign
 * changed for an odd k ((b − a)^k = (−1)^k (a − b)^k), so that a common factor up to its sign,
 * (1 − σ)·A + (σ − 1)·B = (1 − σ)(A − B), is seen as common.
 */
function alignSigns(terms: Product[]): Product[] {
  const seen = new Set<string>();
  return terms.map((t) => {
    let coef = t.coef;
    const factors = t.factors.map((f) => {
      if (!f.exp.isInteger() || !isOp(f.base, "subtract", 2)) return f;
      if (seen.has(f.key)) return f;
      const flipped = sub(f.base.args[1], f.base.args[0]);
      const key = keyOf(flipped);
      if (!seen.has(key)) return f;
      if (f.exp.n % 2n !== 0n) coef = coef.neg();
      return { ...f, base: flipped, key };
    });
    for (const f of factors) if (isOp(f.base, "subtract", 2)) seen.add(f.key);
    return coef === t.coef && factors.every((f, i) => f === t.factors[i]) ? t : { ...t, coef, factors };
  });
}

/** The common factors of all terms (bases in every term, with the smallest positive exponent), or none. */
function commonFactor(terms: Product[]): Product | undefined {
  if (terms.length < 2) return undefined;
  const common = terms[0].factors.filter((f) => f.exp.sign() > 0).map((f) => ({ ...f }));
  for (const t of terms.slice(1)) {
    for (const c of [...common]) {
      const g = t.factors.find((f) => f.key === c.key && f.exp.sign() > 0);
      if (!g) common.splice(common.indexOf(c), 1);
      else if (g.exp.cmp(c.exp) < 0) c.exp = g.exp;
    }
  }
  // a common denominator factor too (negative exponents present in every term)
  const below = terms[0].factors.filter((f) => f.exp.sign() < 0).map((f) => ({ ...f }));
  for (const t of terms.slice(1)) {
    for (const c of [...below]) {
      const g = t.factors.find((f) => f.key === c.key && f.exp.sign() < 0);
      if (!g) below.splice(below.indexOf(c), 1);
      else if (g.exp.cmp(c.exp) > 0) c.exp = g.exp;
    }
  }
  const all = [...common, ...below];
  return all.length ? { coef: Q.ONE, factors: all } : undefined;
}

function divideOut(t: Product, c: Product): Product {
  const factors = t.factors
    .map((f) => {
      const g = c.factors.find((x) => x.key === f.key);
      return g ? { ...f, exp: f.exp.sub(g.exp) } : f;
    })
    .filter((f) => !f.exp.isZero());
  return { ...t, factors };
}

/** Rebuilds a fraction whose numerator and denominator are sums, each with the sum form. */
function fractionOfSums(terms: Product[]): MathNode | undefined {
  // every term has the same denominator factors: write the sum over it once
  const den = (t: Product) => t.factors.filter((f) => f.exp.sign() < 0);
  const key = (t: Product) =>
    den(t)
      .map((f) => `${f.key}^${f.exp}`)
      .sort()
      .join("·");
  if (terms.length < 2 || !den(terms[0]).length || terms.some((t) => key(t) !== key(terms[0]))) return undefined;
  const d = fromProduct({ coef: Q.ONE, factors: den(terms[0]).map((f) => ({ ...f, exp: f.exp.neg() })) });
  const n = fromSum(terms.map((t) => ({ ...t, factors: t.factors.filter((f) => f.exp.sign() > 0) })));
  return div(n, d);
}

/**
 * σ recognised in a product: e^u·(1 + e^u)^(−1) → σ(u), (1 + e^(−u))^(−1) → σ(u) and
 * (1 + e^u)^(−1) → σ(−u), e^u·(1 + e^u)^(−2) → σ(u)(1 − σ(u)).
 */
function recogniseSigma(n: MathNode): MathNode | undefined {
  if (!isOp(n, "multiply", 2) && !isOp(n, "divide", 2)) return undefined;
  const p = toProduct(n, true);
  const isOnePlusExp = onePlusExp;
  // (1 + e^w)/e^w = 1/σ(w)
  const up = p.factors.findIndex((f) => f.exp.equals(Q.ONE) && isOnePlusExp(f.base));
  if (up >= 0) {
    const w = isOnePlusExp(p.factors[up].base)!;
    const j = p.factors.findIndex((f) => f.exp.equals(Q.of(-1n)) && expOf(f.base) && sameNode(expOf(f.base)!, w));
    if (j >= 0) {
      const s = call("sigma", w);
      const rest = p.factors.filter((_f, k) => k !== up && k !== j);
      return fromProduct({ ...p, factors: [{ base: s, key: keyOf(s), exp: Q.of(-1n) }, ...rest] });
    }
  }
  const i = p.factors.findIndex((f) => (f.exp.equals(Q.of(-1n)) || f.exp.equals(Q.of(-2n))) && isOnePlusExp(f.base));
  if (i < 0) return undefined;
  const d = p.factors[i];
  const w = isOnePlusExp(d.base)!;
  const j = p.factors.findIndex((f) => f.exp.equals(Q.ONE) && expOf(f.base) && sameNode(expOf(f.base)!, w));
  const arg = (x: MathNode) => (isOp(x, "unaryMinus", 1) ? x.args[0] : neg(x));
  let replacement: MathNode[];
  if (j >= 0) {
    // σ(w)(1 − σ(w)) is even in w: written with u where w = −u
    const s = () => call("sigma", d.exp.equals(Q.of(-2n)) && isOp(w, "unaryMinus", 1) ? w.args[0] : w);
    replacement = d.exp.equals(Q.of(-1n)) ? [s()] : [s(), sub(literalOf(Q.ONE), s())];
  } else if (d.exp.equals(Q.of(-1n))) replacement = [call("sigma", arg(w))];
  else return undefined;
  const rest = p.factors.filter((_f, k) => k !== i && k !== j);
  return fromProduct({ ...p, factors: [...replacement.map((b) => ({ base: b, key: keyOf(b), exp: Q.ONE })), ...rest] });
}

/**
 * Quotients recognised among a product's factors: sinh(u)^k/cosh(u)^k = tanh(u)^k,
 * sin(u)^k/cos(u)^k = tan(u)^k, and the odds of a sigmoid, σ(u)/(1 − σ(u)) = e^u.
 */
const QUOTIENTS: readonly {
  /** The argument u when the factor is the quotient's numerator function of u. */
  top: (b: MathNode) => MathNode | undefined;
  /** Whether the factor is the quotient's denominator function of u. */
  bottom: (b: MathNode, u: MathNode) => boolean;
  make: (u: MathNode) => MathNode;
  /** Only the first power is recognised (σ(u)²/(1 − σ(u))² = e^(2u) is not a step a reader follows). */
  firstPowerOnly?: boolean;
}[] = [
  {
    top: (b) => (isCall(b, "sinh", 1) ? b.args[0] : undefined),
    bottom: (b, u) => isCall(b, "cosh", 1) && sameNode(b.args[0], u),
    make: (u) => call("tanh", u),
  },
  {
    top: (b) => (isCall(b, "sin", 1) ? b.args[0] : undefined),
    bottom: (b, u) => isCall(b, "cos", 1) && sameNode(b.args[0], u),
    make: (u) => call("tan", u),
  },
  {
    top: (b) => (isCall(b, "sigma", 1) ? b.args[0] : undefined),
    bottom: (b, u) =>
      isOp(b, "subtract", 2) &&
      rationalOf(b.args[0])?.equals(Q.ONE) === true &&
      isCall(b.args[1], "sigma", 1) &&
      sameNode(b.args[1].args[0], u),
    make: (u) => pow(sym("e"), u),
    firstPowerOnly: true,
  },
];

function recogniseQuotient(n: MathNode): MathNode | undefined {
  if (!isOp(n, "multiply", 2) && !isOp(n, "divide", 2)) return undefined;
  const p = toProduct(n, true);
  for (const q of QUOTIENTS) {
    for (const a of p.factors) {
      const u = a.exp.sign() > 0 && a.exp.isInteger() ? q.top(a.base) : undefined;
      if (!u) continue;
      const b = p.factors.find((f) => f.exp.sign() < 0 && f.exp.isInteger() && q.bottom(f.base, u));
      if (!b) continue;
      const k = a.exp.cmp(b.exp.neg()) < 0 ? a.exp : b.exp.neg();
      if (q.firstPowerOnly && !(a.exp.equals(Q.ONE) && b.exp.equals(Q.of(-1n)))) continue;
      const made = q.make(u);
      const factors = [
        { base: made, key: keyOf(made), exp: k },
        ...p.factors
          .map((f) => (f === a ? { ...f, exp: f.exp.sub(k) } : f === b ? { ...f, exp: f.exp.add(k) } : f))
          .filter((f) => !f.exp.isZero()),
      ];
      return fromProduct({ ...p, factors });
    }
  }
  return undefined;
}

/** Definitions a learner knows, recognised where they appear: σ, softplus, tanh, tan, the odds e^u of σ(u). */
function recognise(n: MathNode): MathNode | undefined {
  const s = recogniseSigma(n) ?? recogniseQuotient(n);
  if (s) return s;
  if (isOp(n, "divide", 2)) {
    const [a, b] = n.args;
    const one = (x: MathNode) => rationalOf(x)?.equals(Q.ONE) === true;
    // 1 / (1 + e^(−u)) → σ(u); e^u / (1 + e^u) → σ(u); 1 / (1 + e^u) → σ(−u); e^u + 1 alike
    const u = onePlusExp(b);
    if (u) {
      if (one(a)) return isOp(u, "unaryMinus", 1) ? call("sigma", u.args[0]) : call("sigma", neg(u));
      const ua = expOf(a);
      if (ua && sameNode(u, ua)) return call("sigma", u);
    }
    // e^(−u) / (1 + e^(−u))² and e^u / (1 + e^u)² → σ(u)(1 − σ(u)), the known σ′
    if (isOp(b, "pow", 2) && rationalOf(b.args[1])?.equals(Q.of(2n)) && onePlusExp(b.args[0])) {
      const u = onePlusExp(b.args[0]);
      const ua = expOf(a);
      if (u && ua && sameNode(u, ua)) {
        const arg = isOp(u, "unaryMinus", 1) ? u.args[0] : u;
        return mul(call("sigma", arg), sub(literalOf(Q.ONE), call("sigma", arg)));
      }
    }
  }
  // ln(1 + e^u) → softplus(u)
  const w = isCall(n, "log", 1) ? onePlusExp(n.args[0]) : undefined;
  return w ? call("softplus", w) : undefined;
}

/** w when `b` is 1 + e^w or e^w + 1 (the order of a sum is the writer's), else undefined. */
function onePlusExp(b: MathNode): MathNode | undefined {
  if (!isOp(b, "add", 2)) return undefined;
  const [p, q] = b.args;
  if (rationalOf(p)?.equals(Q.ONE)) return expOf(q);
  if (rationalOf(q)?.equals(Q.ONE)) return expOf(p);
  return undefined;
}

/** Exponent and log laws: ln(e^u) = u, e^(ln u) = u, e^a·e^b/e^c = e^(a + b − c). */
function expLog(n: MathNode): MathNode | undefined {
  if (isCall(n, "log", 1) && expOf(n.args[0])) return expOf(n.args[0])!;
  const u = expOf(n);
  if (u && isCall(u, "log", 1)) return u.args[0];
  if (!isOp(n, "multiply", 2) && !isOp(n, "divide", 2)) return undefined;
  const p = toProduct(n, true);
  const exps = p.factors.filter((f) => f.exp.isInteger() && expOf(f.base));
  if (exps.length < 2) return undefined;
  const exponent = collect(
    exps.flatMap((f) =>
      toSum(expOf(f.base)!, true).map((t) => ({
        coef: t.coef.mul(f.exp),
        factors: t.factors,
        decimal: t.decimal || f.decimal,
      })),
    ),
  );
  const rest = p.factors.filter((f) => !exps.includes(f));
  const e = exponent.length ? [{ base: pow(sym("e"), fromSum(exponent)), key: "", exp: Q.ONE }] : [];
  return fromProduct({ ...p, factors: [...e, ...rest] });
}

/**
 * What mathjs's derivative-style rule results leave behind, taken out at one node: 0 + a,
 * a − 0, 0 − a, 1·a, a·1, 0·a, a/1, 0/a, a^1, a^0, −(−a), −0, ln(e), and sums, differences
 * and products of two numbers (exact).
 */
function tidyAt(n: MathNode): MathNode | undefined {
  const val = (x: MathNode) => rationalOf(x);
  const is = (x: MathNode, v: bigint) => val(x)?.equals(Q.of(v)) === true;
  if (isOp(n, "add", 2) || isOp(n, "subtract", 2) || isOp(n, "multiply", 2)) {
    const [a, b] = n.args;
    const va = val(a);
    const vb = val(b);
    if (va && vb)
      return literalOf(
        n.fn === "add" ? va.add(vb) : n.fn === "subtract" ? va.sub(vb) : va.mul(vb),
        isDecimalLiteral(a) || isDecimalLiteral(b),
      );
    if (n.fn === "add" || n.fn === "subtract") {
      if (is(b, 0n)) return a;
      if (is(a, 0n)) return n.fn === "add" ? b : neg(b);
      // a + (−b) = a − b, a − (−b) = a + b
      if (isOp(b, "unaryMinus", 1)) return (n.fn === "add" ? sub : add)(a, b.args[0]);
      return undefined;
    }
    if (is(a, 0n) || is(b, 0n)) return literalOf(Q.ZERO);
    if (is(a, 1n)) return b;
    if (is(b, 1n)) return a;
    if (is(a, -1n)) return neg(b);
    if (is(b, -1n)) return neg(a);
    return undefined;
  }
  if (isOp(n, "divide", 2)) return is(n.args[1], 1n) ? n.args[0] : is(n.args[0], 0n) ? literalOf(Q.ZERO) : undefined;
  if (isOp(n, "pow", 2)) return is(n.args[1], 1n) ? n.args[0] : is(n.args[1], 0n) ? literalOf(Q.ONE) : undefined;
  if (isOp(n, "unaryMinus", 1)) {
    const a = n.args[0];
    if (isOp(a, "unaryMinus", 1)) return a.args[0];
    return is(a, 0n) ? a : undefined;
  }
  if (isCall(n, "log", 1) && isE(n.args[0])) return literalOf(Q.ONE);
  return undefined;
}

/** The divisors d ≥ 1 of a non-zero integer below a bound (rational roots are searched among them). */
function divisors(n: bigint): bigint[] | undefined {
  const a = n < 0n ? -n : n;
  if (a > 10_000n) return undefined;
  const out: bigint[] = [];
  for (let d = 1n; d <= a; d++) if (a % d === 0n) out.push(d);
  return out;
}

/**
 * A sum that is a polynomial of degree 2 or 3 in one quantity s (σ(x), tanh(x), x, …) with
 * rational roots, written as the product of its linear factors: 2σ² − 3σ + 1 = (1 − σ)(1 − 2σ),
 * tanh² − 1 = (tanh − 1)(1 + tanh). Roots by the rational root theorem; undefined otherwise.
 */
function factorPolynomial(n: MathNode): MathNode | undefined {
  if (!isSum(n)) return undefined;
  const terms = toSum(n, true);
  let base: MathNode | undefined;
  let key = "";
  const coef = new Map<number, Q>();
  for (const t of terms) {
    if (t.factors.length > 1) return undefined;
    const f = t.factors[0];
    if (f && (!f.exp.isInteger() || f.exp.sign() <= 0 || f.exp.n > 3n)) return undefined;
    if (f && base && f.key !== key) return undefined;
    if (f && !base) ({ base, key } = f);
    const k = f ? Number(f.exp.n) : 0;
    coef.set(k, (coef.get(k) ?? Q.ZERO).add(t.coef));
  }
  const degree = Math.max(...coef.keys());
  if (!base || degree < 2 || !coef.get(0) || coef.get(0)!.isZero()) return undefined;
  // integer coefficients a0 … an
  const lcm = [...coef.values()].reduce((l, q) => (l * q.d) / gcd(l, q.d), 1n);
  let a = Array.from({ length: degree + 1 }, (_, k) => (coef.get(k) ?? Q.ZERO).mul(Q.of(lcm)));
  const ps = divisors(a[0].n);
  const qs = divisors(a[degree].n);
  if (!ps || !qs) return undefined;
  const roots: Q[] = [];
  for (let found = true; found && a.length > 2; ) {
    found = false;
    for (const p of ps)
      for (const q of qs)
        for (const r of [Q.of(p, q), Q.of(-p, q)]) {
          if (found) break;
          // Horner: a(r) = 0 → divide by (s − r)
          let acc = Q.ZERO;
          const quotient: Q[] = [];
          for (let k = a.length - 1; k >= 0; k--) {
            acc = acc.mul(r).add(a[k]);
            if (k > 0) quotient.unshift(acc);
          }
          if (acc.isZero()) {
            roots.push(r);
            a = quotient;
            found = true;
          }
        }
  }
  // the rest must be linear (all roots rational)
  if (a.length !== 2) return undefined;
  roots.push(a[0].neg().div(a[1]));
  // a_n·Π(s − r) with s − p/q = −(p − q·s)/q for p > 0 and (|p| + q·s)/q for p < 0: the number first
  let c = coef.get(degree)!;
  const linear = new Map<string, { node: MathNode; exp: Q }>();
  for (const r of roots) {
    const positive = r.sign() > 0;
    c = c.mul(Q.of(positive ? -1n : 1n, r.d));
    const f = fromSum([
      { coef: positive ? Q.of(r.n) : Q.of(-r.n), factors: [] },
      { coef: positive ? Q.of(-r.d) : Q.of(r.d), factors: [{ base: base!, key, exp: Q.ONE }] },
    ]);
    const k = keyOf(f);
    const seen = linear.get(k);
    if (seen) seen.exp = seen.exp.add(Q.ONE);
    else linear.set(k, { node: f, exp: Q.ONE });
  }
  return fromProduct({
    coef: c,
    factors: [...linear.entries()].map(([k, f]) => ({ base: f.node, key: k, exp: f.exp })),
  });
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** ln(c·u) = ln c + ln u and ln(u/c) = ln u − ln c for a number c > 0 (valid wherever c·u > 0). */
function logOfConstantMultiple(n: MathNode): MathNode | undefined {
  if (!isCall(n, "log", 1)) return undefined;
  const p = toProduct(n.args[0], false);
  if (p.coef.sign() <= 0 || p.coef.equals(Q.ONE) || !p.factors.length) return undefined;
  const rest = fromProduct({ coef: Q.ONE, factors: p.factors });
  const lnC = (q: Q) => call("log", literalOf(q, p.decimal));
  // ln(u/q) = ln u − ln q; else ln c + ln u
  return p.coef.n === 1n ? sub(call("log", rest), lnC(Q.of(p.coef.d))) : add(lnC(p.coef), call("log", rest));
}

/**
 * The double-angle formulas, at a product or a sum: 2·sin u·cos u = sin 2u, cos²u − sin²u =
 * cos 2u, (1 − tan²u)/(1 + tan²u) = cos 2u and (1 − tanh²u)/(1 + tanh²u) = 1/cosh 2u.
 */
function doubleAngle(n: MathNode): MathNode | undefined {
  const twice = (u: MathNode) => fromProduct(toProduct(mul(literalOf(Q.of(2n)), u), true));
  if (isSum(n)) {
    const terms = toSum(n, true);
    if (terms.length !== 2) return undefined;
    const square = (t: Product, fn: string) =>
      t.factors.length === 1 && t.factors[0].exp.equals(Q.of(2n)) && isCall(t.factors[0].base, fn, 1)
        ? t.factors[0].base.args[0]
        : undefined;
    const [a, b] = terms[0].coef.sign() > 0 ? terms : [terms[1], terms[0]];
    const u = square(a, "cos");
    const v = square(b, "sin");
    if (!u || !v || !sameNode(u, v) || !a.coef.equals(b.coef.neg())) return undefined;
    return fromProduct({ ...a, factors: [{ base: call("cos", twice(u)), key: "", exp: Q.ONE }] });
  }
  if (!isProductLike(n)) return undefined;
  const p = toProduct(n, true);
  // (1 − tanh²u)/(1 + tanh²u) = 1/cosh 2u and (1 − tan²u)/(1 + tan²u) = cos 2u
  for (const [fn, to, exp] of [
    ["tanh", "cosh", -1n],
    ["tan", "cos", 1n],
  ] as const) {
    const squareOf = (b: MathNode, sign: 1 | -1): MathNode | undefined => {
      if (!isSum(b)) return undefined;
      const t = toSum(b, true);
      const one = t.find((x) => x.factors.length === 0 && x.coef.equals(Q.ONE));
      const sq = t.find(
        (x) =>
          x.factors.length === 1 &&
          x.factors[0].exp.equals(Q.of(2n)) &&
          x.coef.equals(Q.of(BigInt(sign))) &&
          isCall(x.factors[0].base, fn, 1),
      );
      return t.length === 2 && one && sq ? (sq.factors[0].base as import("mathjs").FunctionNode).args[0] : undefined;
    };
    const top = p.factors.find((f) => f.exp.equals(Q.ONE) && squareOf(f.base, -1));
    const u = top && squareOf(top.base, -1);
    const bottom =
      u && p.factors.find((f) => f.exp.equals(Q.of(-1n)) && squareOf(f.base, 1) && sameNode(squareOf(f.base, 1)!, u));
    if (!top || !u || !bottom) continue;
    const c2 = call(to, twice(u));
    const rest = p.factors.filter((f) => f !== top && f !== bottom);
    return fromProduct({ ...p, factors: [{ base: c2, key: keyOf(c2), exp: Q.of(exp) }, ...rest] });
  }
  const sin = p.factors.find((f) => f.exp.equals(Q.ONE) && isCall(f.base, "sin", 1));
  const u = sin && (sin.base as import("mathjs").FunctionNode).args[0];
  const cos =
    u && p.factors.find((f) => f.exp.equals(Q.ONE) && isCall(f.base, "cos", 1) && sameNode(f.base.args[0], u));
  if (!sin || !u || !cos || p.coef.div(Q.of(2n)).d !== 1n) return undefined;
  const s2 = call("sin", twice(u));
  const rest = p.factors.filter((f) => f !== sin && f !== cos);
  return fromProduct({
    ...p,
    coef: p.coef.div(Q.of(2n)),
    factors: [{ base: s2, key: keyOf(s2), exp: Q.ONE }, ...rest],
  });
}

/** Equal bases of a product merged: x·x → x², x²/x → x (the move "cancel"). */
function cancelAt(n: MathNode): MathNode | undefined {
  if (!isProductLike(n)) return undefined;
  const loose = toProduct(n, false);
  const tight = toProduct(n, true);
  if (tight.factors.length === loose.factors.length) return undefined;
  return changed(n, fromProduct(tight));
}

/** A formula of a move's name, from mathjs text, in TeX by the formulas' printer (lib/derive/tex.ts), without its `$…$`. */
const formulaTex = (text: string): string => toTex(parseExpression(text, "a move's name"));

/** σ in TeX, as the formulas print it. */
const SIGMA_TEX = formulaTex("sigma");

/** The algebra moves, in the order they are tried. */
export const ALGEBRA_MOVES: readonly AlgebraMove[] = [
  {
    id: "tidy",
    name: "algebra: drop the zeros and ones",
    note: "$0 + a = a$, $1 \\cdot a = a$, $a^1 = a$, $0 \\cdot a = 0$, $a - (-b) = a + b$, and the arithmetic of the numbers.",
    at: tidyAt,
    label: (before) => tidyLabel(before, tidyAt, (x) => rationalOf(x) !== undefined),
  },
  {
    id: "signs",
    needs: HAS_PRODUCT,
    name: "algebra: collect the signs and numbers",
    note: "In each product, the minus signs and the numbers are gathered into one factor in front (two minus signs cancel), and the factors of a fraction are written over one line.",
    at: (n) => {
      if (!isProductLike(n)) return undefined;
      const p = toProduct(n, false);
      return changed(n, fromProduct(p));
    },
  },
  {
    id: "cancel",
    needs: HAS_PRODUCT,
    name: "algebra: cancel a common factor",
    note: "Equal factors above and below the fraction line cancel; equal bases add their exponents.",
    at: cancelAt,
    label: (before) => cancelLabel(before, cancelAt),
  },
  {
    id: "collect",
    needs: HAS_SUM,
    name: "algebra: collect like terms",
    note: "Terms that differ only in their number are added.",
    at: (n) => {
      if (!isSum(n)) return undefined;
      const terms = toSum(n, true);
      const c = collect(terms);
      return c.length < terms.length ? fromSum(c) : undefined;
    },
  },
  {
    id: "one-fraction",
    needs: HAS_SUM,
    name: "algebra: write over the common denominator",
    note: "Terms with the same denominator are written as one fraction.",
    at: (n) => (isSum(n) ? changed(n, fractionOfSums(toSum(n, true))) : undefined),
  },
  {
    id: "common-factor",
    needs: HAS_SUM,
    name: "algebra: take out a common factor",
    note: "A factor every term has is written once, in front of the sum of what is left.",
    at: (n) => {
      if (!isSum(n)) return undefined;
      const terms = alignSigns(toSum(n, true));
      const c = commonFactor(terms);
      if (!c) return undefined;
      return mul(fromProduct(c), fromSum(terms.map((t) => divideOut(t, c))));
    },
  },
  {
    id: "double-angle",
    needs: HAS_SIN | HAS_TAN | HAS_TANH,
    name: "algebra: double-angle formula",
    note: "$2 \\sin u \\cos u = \\sin 2u$, $\\cos^2 u - \\sin^2 u = \\cos 2u$, $(1 - \\tan^2 u)/(1 + \\tan^2 u) = \\cos 2u$, $(1 - \\tanh^2 u)/(1 + \\tanh^2 u) = 1/\\cosh 2u$.",
    at: doubleAngle,
  },
  {
    id: "exp-log",
    needs: HAS_EXP,
    name: "algebra: exponent and log laws",
    note: "$\\ln(e^u) = u$, $e^{\\ln u} = u$ and $e^a \\cdot e^b = e^{a + b}$.",
    at: expLog,
  },
  {
    id: "recognise",
    needs: HAS_EXP | HAS_SIN | HAS_SINH | HAS_SIGMA,
    name: "recognise a definition",
    note: "$\\sigma(u) = 1/(1 + e^{-u}) = e^u/(1 + e^u)$, $\\sigma' = e^{-u}/(1 + e^{-u})^2 = \\sigma(u)(1 - \\sigma(u))$, $\\operatorname{softplus}(u) = \\ln(1 + e^u)$, $\\tanh = \\sinh/\\cosh$, $\\tan = \\sin/\\cos$, $\\sigma(u)/(1 - \\sigma(u)) = e^u$.",
    at: recognise,
    label: (before) => definitionLabel(before, recognise, "recognise a definition"),
  },
  {
    id: "pythagorean",
    needs: HAS_SIN | HAS_COS | HAS_TAN | HAS_SINH | HAS_COSH | HAS_TANH,
    name: "algebra: Pythagorean identity",
    note: "$1 - \\tanh^2 u = 1/\\cosh^2 u$, $1 + \\tan^2 u = 1/\\cos^2 u$, $1 - \\sin^2 u = \\cos^2 u$, $1 - \\cos^2 u = \\sin^2 u$, $1 + \\sinh^2 u = \\cosh^2 u$ (in a product).",
    at: pythagoreanAt,
  },
  {
    id: "pythagorean-sum",
    needs: HAS_SIN | HAS_COS | HAS_SINH | HAS_COSH,
    name: "algebra: Pythagorean identity",
    note: "$\\cos^2 u + \\sin^2 u = 1$ and $\\cosh^2 u - \\sinh^2 u = 1$ (two terms of a sum that differ only in these squares).",
    at: pythagoreanPairAt,
  },
  {
    id: "log-odds",
    needs: HAS_LOG,
    name: `algebra: the log-odds of $${SIGMA_TEX}$`,
    note: "$\\ln \\sigma(u) - \\ln(1 - \\sigma(u)) = \\ln\\left(\\sigma(u)/(1 - \\sigma(u))\\right) = \\ln e^u = u$.",
    at: logOddsAt,
  },
  {
    id: "positive-exponents",
    needs: HAS_EXP,
    name: "algebra: positive exponents",
    note: "Each sum $a + b e^{-u}$ is multiplied by $e^u$, and the product divided by it once: $a + b e^{-u} = e^{-u}(a e^u + b)$.",
    // a part's derivative stays as the rules wrote it: its parent may hold e^(−u) or σ(u) to cancel against
    finalOnly: true,
    at: (n) => smaller(n, positiveExponentsAt(n)),
  },
  {
    id: "sigma-exponentials",
    needs: HAS_SIGMA,
    name: `algebra: $${SIGMA_TEX}$ in exponentials`,
    note: "$\\sigma(u) = e^u/(1 + e^u)$ and $1 - \\sigma(u) = 1/(1 + e^u)$, so $a + b\\,\\sigma(u) = (a + (a + b)e^u)/(1 + e^u)$; the powers of $1 + e^u$ cancel.",
    finalOnly: true,
    at: (n) => smaller(n, sigmaAsExponentialsAt(n)),
  },
  {
    id: "multiply-out",
    needs: HAS_SUM,
    name: "algebra: multiply out",
    note: "The products of sums are multiplied out and like terms collected.",
    enabler: true,
    at: (n) => {
      // only where like terms then combine: (x + 1)(x − 1) − x² → −1, not x(x − 1) → x² − x
      const multiplied = (e: MathNode): MathNode | undefined => {
        const terms = expand(e);
        if (!terms) return undefined;
        const c = collect(terms);
        if (c.length === terms.length) return undefined;
        const out = fromSum(c);
        return sizeOfBuilt(out) < sizeOfBuilt(e) ? out : undefined;
      };
      if (isSum(n)) return changed(n, multiplied(n));
      if (!isProductLike(n)) return undefined;
      // a product or fraction: multiply out above the line, keep the denominator
      const p = toProduct(n, true);
      const top = p.factors.filter((f) => f.exp.sign() > 0);
      const bottom = p.factors.filter((f) => f.exp.sign() < 0);
      if (!top.some((f) => isSum(f.base))) return undefined;
      const numerator = multiplied(fromProduct({ ...p, factors: top }));
      if (!numerator) return undefined;
      return changed(
        n,
        bottom.length
          ? div(numerator, fromProduct({ coef: Q.ONE, factors: bottom.map((f) => ({ ...f, exp: f.exp.neg() })) }))
          : numerator,
      );
    },
  },
  {
    id: "common-denominator",
    needs: HAS_SUM,
    name: "algebra: combine the fractions",
    note: "The terms are brought over their common denominator.",
    enabler: true,
    at: (n) => {
      if (!isSum(n)) return undefined;
      const terms = toSum(n, true);
      const dens = new Map<string, { base: MathNode; key: string; exp: Q }>();
      for (const t of terms)
        for (const f of t.factors)
          if (f.exp.sign() < 0 && (!dens.has(f.key) || dens.get(f.key)!.exp.cmp(f.exp) > 0)) dens.set(f.key, { ...f });
      const denKey = (fs: readonly { key: string; exp: Q }[]) =>
        fs
          .filter((f) => f.exp.sign() < 0)
          .map((f) => `${f.key}^${f.exp}`)
          .sort()
          .join("·");
      const common = denKey([...dens.values()]);
      if (!dens.size || terms.every((t) => denKey(t.factors) === common)) return undefined;
      const d: Product = { coef: Q.ONE, factors: [...dens.values()].map((f) => ({ ...f, exp: f.exp.neg() })) };
      const numer = terms.map((t) => toProduct(fromProduct({ ...t, factors: [...t.factors, ...d.factors] }), true));
      return div(fromSum(numer), fromProduct(d));
    },
  },
  {
    id: "factor",
    needs: HAS_SUM,
    name: "algebra: factor",
    note: "A polynomial in one quantity is written as the product of its linear factors (its roots are rational).",
    enabler: true,
    at: factorPolynomial,
  },
  {
    id: "sigma-symmetry",
    needs: HAS_SIGMA,
    name: `algebra: $${formulaTex("sigma(-u)")} = ${formulaTex("1 - sigma(u)")}$`,
    note: "The sigmoid is symmetric about $(0, 1/2)$: $\\sigma(-u) = 1/(1 + e^u) = 1 - \\sigma(u)$.",
    enabler: true,
    at: (n) =>
      isCall(n, "sigma", 1) && isOp(n.args[0], "unaryMinus", 1)
        ? sub(literalOf(Q.ONE), call("sigma", n.args[0].args[0]))
        : undefined,
  },
  {
    id: "sigma-of-log",
    needs: HAS_SIGMA | HAS_SUM,
    name: "algebra: exponent and log laws",
    note: "$\\sigma(\\ln u) = 1/(1 + e^{-\\ln u}) = u/(1 + u)$, and $1 - \\sigma(\\ln u) = 1/(1 + u)$.",
    enabler: true,
    at: sigmaOfLogAt,
  },
  {
    id: "log-of-multiple",
    needs: HAS_LOG,
    name: "algebra: exponent and log laws",
    note: "$\\ln(c \\cdot u) = \\ln c + \\ln u$ for a number $c > 0$.",
    enabler: true,
    at: logOfConstantMultiple,
  },
  {
    id: "sigma-cosh",
    needs: HAS_SIGMA,
    name: `algebra: $${SIGMA_TEX}'$ in hyperbolic form`,
    note: "$\\sigma(u)(1 - \\sigma(u)) = 1/(4 \\cosh^2(u/2))$, written so only on the way to a target form with a cosh in it, where it is shorter (a long $u$, or $u = 2v$), as the last move of a derivation.",
    enabler: true,
    finalOnly: true,
    // σ′ stays σ(1 − σ), the form the tutorials teach (docs/explain.md), unless the target asks for cosh
    towardOnly: (target) => hasCall(target, "cosh"),
    at: (n) => {
      const out = sigmaDerivativeCoshAt(n);
      return out && sizeOfBuilt(out) < sizeOfBuilt(n) ? out : undefined;
    },
  },
];

/** Whether `n` calls the function `name` anywhere. */
function hasCall(n: MathNode, name: string): boolean {
  return isCall(n, name) || childrenOf(n).some((c) => hasCall(c, name));
}

/** One simplification step: the move and the expression after it. */
export interface AlgebraStep {
  move: AlgebraMove;
  expr: MathNode;
  /** The expression the move was applied to (its step's line above, or a line that printed as it). */
  before?: MathNode;
}

/**
 * What each move made of each subexpression it was applied to, by the subexpression's key:
 * the steps of a simplification change one part of the expression at a time, so most
 * subtrees come back again and again (nodes are never changed once built, so sharing the
 * results is safe). Emptied when it holds {@link MOVE_CACHE_LIMIT} entries.
 */
const moveCache = new Map<string, Map<string, MathNode>>();
let moveCacheSize = 0;
const MOVE_CACHE_LIMIT = 200_000;
/** The generation of the keys the cache is keyed by (nodes.ts keyGeneration). */
let moveCacheGeneration = keyGeneration();

/** Applies one move everywhere it fits, innermost first (one pass). */
export function applyMove(move: AlgebraMove, node: MathNode): MathNode {
  let cache = moveCache.get(move.id);
  if (!cache) moveCache.set(move.id, (cache = new Map()));
  if (moveCacheSize > MOVE_CACHE_LIMIT || moveCacheGeneration !== keyGeneration()) {
    moveCacheGeneration = keyGeneration();
    for (const c of moveCache.values()) c.clear();
    moveCacheSize = 0;
  }
  const memo = cache;
  const needs = move.needs;
  const walk = (n: MathNode): MathNode => {
    // nothing the move needs below this node: nothing in the subtree changes
    if (needs !== undefined && (featuresOf(n) & needs) === 0) return n;
    const key = keyOf(n);
    const seen = memo.get(key);
    if (seen) return seen;
    const kids = childrenOf(n);
    // the arguments after the move, copied only once one of them changed
    let next: MathNode[] | undefined;
    for (let i = 0; i < kids.length; i++) {
      const k = walk(kids[i]);
      if (next === undefined && k !== kids[i]) next = kids.slice(0, i);
      if (next !== undefined) next.push(k);
    }
    const m = next === undefined ? n : withArgs(n, next);
    const out = move.at(m) ?? m;
    memo.set(key, out);
    moveCacheSize++;
    return out;
  };
  return walk(node);
}

/**
 * Simplifies an expression by algebra moves, one move per step, to a compact form.
 *
 * @param node the expression (e.g. a derivative as the rules wrote it)
 * @param options maxSteps (default 16); stopAt: a node at which to stop (a target form); final:
 *   the expression is a derivation's own result, so the `finalOnly` moves may be taken too
 * @returns the steps, in order; empty when no move makes the expression smaller
 */
export function simplifySteps(
  node: MathNode,
  options: { maxSteps?: number; stopAt?: MathNode; final?: boolean } = {},
): AlgebraStep[] {
  if (simplifiedGeneration !== keyGeneration()) {
    simplified.clear();
    simplifiedGeneration = keyGeneration();
  }
  const cacheKey = `${keyOf(node)}|${options.maxSteps ?? 16}|${options.final === true}|${options.stopAt ? keyOf(options.stopAt) : ""}`;
  const known = simplified.get(cacheKey);
  if (known) return [...known];
  if (simplified.size >= SIMPLIFIED_LIMIT) simplified.clear();
  const steps = simplify(node, options);
  simplified.set(cacheKey, steps);
  return [...steps];
}

/**
 * The steps of each simplification done, by the key of the expression and the options: the rule
 * check of a verified step (rule-check.ts) simplifies the same part derivatives for each rule it
 * compares with, and explain() the same function for a target. Bounded by {@link SIMPLIFIED_LIMIT}.
 */
const simplified = new Map<string, readonly AlgebraStep[]>();
let simplifiedGeneration = keyGeneration();
const SIMPLIFIED_LIMIT = 20_000;

/** {@link simplifySteps} without the cache of its results. */
function simplify(node: MathNode, options: { maxSteps?: number; stopAt?: MathNode; final?: boolean }): AlgebraStep[] {
  const { stopAt } = options;
  const moves = ALGEBRA_MOVES.filter(
    (m) => (options.final || !m.finalOnly) && (!m.towardOnly || (stopAt !== undefined && m.towardOnly(stopAt))),
  );
  const steps: AlgebraStep[] = [];
  let current = withoutParens(node);
  const max = options.maxSteps ?? 16;
  // each (move, expression) is computed once: the look-ahead revisits them
  const memo = new Map<string, { expr: MathNode; text: string; size: number }>();
  const apply = (move: AlgebraMove, c: MathNode, text: string) => {
    const key = `${move.id}|${text}`;
    let r = memo.get(key);
    if (!r) {
      const expr = applyMove(move, c);
      r = { expr, text: keyOf(expr), size: sizeOfBuilt(expr) };
      memo.set(key, r);
    }
    return r;
  };
  const greedy = (start: MathNode, budget: number): number => {
    let c = start;
    let text = keyOf(c);
    let size = sizeOfBuilt(c);
    for (let i = 0; i < budget; i++) {
      let next: { expr: MathNode; text: string; size: number } | undefined;
      for (const m of moves) {
        const r = apply(m, c, text);
        if (r.text !== text && (m.enabler ? r.size < size : r.size <= size)) {
          next = r;
          break;
        }
      }
      if (!next) break;
      ({ expr: c, text, size } = next);
    }
    return size;
  };
  const seen = new Set<string>([keyOf(current)]);
  for (let tries = 0; steps.length < max && tries < 4 * max; tries++) {
    if (options.stopAt && sameNode(current, options.stopAt)) break;
    let taken: AlgebraStep | undefined;
    const text = keyOf(current);
    const size = sizeOfBuilt(current);
    for (const move of moves) {
      const r = apply(move, current, text);
      const next = r.expr;
      if (r.text === text || seen.has(r.text)) continue;
      if (!move.enabler ? r.size <= size : greedy(next, 4) < size) {
        taken = { move, expr: next, before: current };
        break;
      }
    }
    if (!taken) break;
    // the same move again right after itself is one step (a second pass of it, e.g. −(−a) left by the first)
    if (steps.length && steps[steps.length - 1].move === taken.move) taken.before = steps.pop()?.before;
    // a move that only regroups (a·(b·c) → (a·b)·c) prints as the line above: it joins the step before
    if (steps.length && printed(taken.expr) === printed(steps[steps.length - 1].expr))
      steps[steps.length - 1] = { ...steps[steps.length - 1], expr: taken.expr };
    // a first move whose line prints as the line above it (only a sign moved) is not a step
    else if (!steps.length && printed(taken.expr) === printed(taken.before ?? current)) {
      current = taken.expr;
      seen.add(keyOf(current));
      continue;
    } else steps.push(taken);
    current = taken.expr;
    seen.add(keyOf(current));
  }
  return steps;
}
