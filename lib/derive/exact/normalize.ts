/**
 * The exact tier's normal form: a mathjs expression as a quotient N/D of polynomials with
 * exact rational coefficients over atoms (see poly.ts). Rewrites are applied only where
 * the domain box guarantees them (a divisor is non-zero, a log argument positive, the
 * sign of an abs or max argument fixed); each such guarantee is recorded as a condition.
 * Functions the class does not reduce (sin, cos, atan, asin, …, and e^(N/D) with D not
 * constant) become opaque atoms of their argument's normal form: equal arguments, equal
 * values; tan, sec, csc, cot, csch and coth are written over sin, cos and exp first, and a
 * trigonometric function of asin, acos or atan without either (inverse-trig.ts).
 * (√P)^k and e^(k·ln P) are folded into powers of P (ln atoms only hold positive P).
 * Expressions outside the class (conditionals, functions of an argument outside their
 * domain, …) throw {@link Outside}; an abs/max/min whose argument changes sign at a point inside
 * the box throws {@link SplitAt}, so that the caller can decide each side separately.
 */
import type { BigNumber, MathNode, OperatorNode, FunctionNode, SymbolNode } from "mathjs";
import { bigMath, PRECISION } from "../evaluate";
import { doubleAtomSign, doubleSign } from "./double-sign";
import { bisect, polyI, signOfInterval, type Box } from "./interval";
import { trigOfInverse } from "./inverse-trig";
import {
  add,
  atomId,
  atomOf,
  atomPower,
  constant,
  constantValue,
  equalPoly,
  fromTerms,
  isZero,
  MAX_TERMS,
  mul,
  mulMono,
  neg,
  ONE,
  polyKey,
  pow,
  powMono,
  scale,
  sub,
  TooLarge,
  ZERO,
  type Mono,
  type Poly,
  type Term,
} from "./poly";
import { factorInteger, Q } from "./rational";

/** A quotient of polynomials; the denominator is never the zero polynomial. */
export interface RatFn {
  n: Poly;
  d: Poly;
}

/** The expression is outside the class the exact tier decides. */
export class Outside extends Error {}

/** The sign of a (linear) abs/max/min argument changes inside the box at `variable = at`. */
export class SplitAt extends Error {
  constructor(
    readonly variable: string,
    readonly at: Q,
  ) {
    super(`split ${variable} at ${at}`);
  }
}

/** What normalising needs: the box, and where the conditions it relied on are written. */
export interface NormalizeContext {
  box: Box;
  conditions: Set<string>;
}

const parseBig = (text: string): MathNode => bigMath(PRECISION).parse(text);
/** The node name(arg), for the messages and sign checks of a divisor the tier writes itself. */
const callNode = (name: string, arg: MathNode): MathNode => {
  const m = bigMath(PRECISION);
  return new m.FunctionNode(new m.SymbolNode(name), [arg]);
};

const R = (n: Poly, d: Poly = ONE): RatFn => simplify({ n, d });

/**
 * Brings an expression (definitions expanded) to its normal form on a box.
 * @throws Outside when it is not in the class; SplitAt when a case split would decide it
 */
export function normalize(node: MathNode, ctx: NormalizeContext): RatFn {
  const n = node as unknown as {
    isParenthesisNode?: boolean;
    isConstantNode?: boolean;
    isSymbolNode?: boolean;
    isOperatorNode?: boolean;
    isFunctionNode?: boolean;
    content: MathNode;
    value: unknown;
    name: string;
  };
  if (n.isParenthesisNode) return normalize(n.content, ctx);
  if (n.isConstantNode) return R(constant(constantOf(n.value)));
  if (n.isSymbolNode) return symbol(n.name, ctx);
  if (n.isOperatorNode) return operator(node as OperatorNode, ctx);
  if (n.isFunctionNode) return call(node as FunctionNode, ctx);
  throw new Outside(`${node.type} is outside the exact class`);
}

function constantOf(v: unknown): Q {
  if (typeof v === "number") return Q.fromNumber(v);
  if (v !== null && typeof v === "object" && typeof (v as BigNumber).isFinite === "function") {
    const b = v as BigNumber;
    if (!b.isFinite()) throw new Outside("an infinite constant");
    return Q.fromDecimal(b.toString());
  }
  throw new Outside(`the constant ${String(v)}`);
}

function symbol(name: string, ctx: NormalizeContext): RatFn {
  if (name === "e" || name === "E") return R(atomPower(atomId({ kind: "exp", mono: [] })));
  if (name === "pi" || name === "PI") return R(atomPower(atomId({ kind: "pi" })));
  if (!ctx.box.has(name)) throw new Outside(`the name ${name} has no domain`);
  return R(atomPower(atomId({ kind: "var", name })));
}

function operator(n: OperatorNode, ctx: NormalizeContext): RatFn {
  const a = n.args.map((x) => normalize(x, ctx));
  switch (n.fn) {
    case "add":
      return addR(a[0], a[1]);
    case "subtract":
      return addR(a[0], negR(a[1]));
    case "multiply":
      return mulR(a[0], a[1]);
    case "divide":
      return divR(a[0], a[1], n.args[1], ctx);
    case "unaryMinus":
      return negR(a[0]);
    case "unaryPlus":
      return a[0];
    case "pow":
      return powR(a[0], a[1], n.args[0], ctx);
  }
  throw new Outside(`the operator ${n.op}`);
}

function call(n: FunctionNode, ctx: NormalizeContext): RatFn {
  const name = (n.fn as unknown as SymbolNode).name;
  const args = n.args;
  const one = (): RatFn => {
    if (args.length !== 1) throw new Outside(`${name} with ${args.length} arguments`);
    return normalize(args[0], ctx);
  };
  const half = R(constant(Q.of(1n, 2n)));
  // sin(asin u) = u, cos(atan u) = 1/√(1 + u²), …: no atom of either (inverse-trig.ts); the inner
  // function normalised first for its own domain (|u| ≤ 1 for asin and acos) and condition
  const inverse = args.length === 1 ? trigOfInverse(name, args[0]) : null;
  if (inverse) {
    normalize(inverse.inner, ctx);
    return normalize(parseBig(inverse.text), ctx);
  }
  switch (name) {
    case "exp":
      return expR(one());
    case "log":
      if (args.length === 2)
        return divR(
          logR(normalize(args[0], ctx), args[0], ctx),
          logR(normalize(args[1], ctx), args[1], ctx),
          parseBig(`log(${args[1].toString()})`),
          ctx,
        );
      return logR(one(), args[0], ctx);
    case "log10":
      return divR(logR(one(), args[0], ctx), logR(R(constant(Q.of(10n))), args[0], ctx), parseBig("log(10)"), ctx);
    case "log2":
      return divR(logR(one(), args[0], ctx), logR(R(constant(Q.of(2n))), args[0], ctx), parseBig("log(2)"), ctx);
    case "log1p":
      return logR(addR(R(ONE), one()), args[0], ctx);
    case "expm1":
      return addR(expR(one()), R(constant(Q.ONE.neg())));
    case "sqrt":
      return powR(one(), half, args[0], ctx);
    case "square":
      return powR(one(), R(constant(Q.of(2n))), args[0], ctx);
    case "cube":
      return powR(one(), R(constant(Q.of(3n))), args[0], ctx);
    case "tanh": {
      const x = expR(mulR(R(constant(Q.of(2n))), one()));
      return { n: sub(x.n, x.d), d: add(x.n, x.d) };
    }
    case "sinh":
    case "cosh":
    case "sech": {
      const a = one();
      const p = expR(a);
      const m = expR(negR(a));
      const s = name === "sinh" ? addR(p, negR(m)) : addR(p, m);
      return name === "sech" ? { n: scale(s.d, Q.of(2n)), d: s.n } : mulR(s, half);
    }
    case "sin":
    case "cos":
    case "atan":
    case "asinh":
      return opaque(name, one());
    case "asin":
    case "acos":
    case "atanh": {
      // |u| ≤ 1 (|u| < 1 for atanh) on the whole box
      const a = one();
      const strict = name === "atanh";
      const inside = [addR(R(ONE), negR(a)), addR(R(ONE), a)].every((x) => {
        const sg = signR(x, ctx, strict);
        return strict ? sg === 1 : sg > 0;
      });
      if (!inside) throw new Outside(`${name}(${args[0].toString()}): the argument is not shown inside [−1, 1]`);
      if (hasVariables(args[0])) ctx.conditions.add(`|${args[0].toString()}| ${strict ? "<" : "≤"} 1`);
      return opaque(name, a);
    }
    case "acosh": {
      const a = one();
      if (!(signR(addR(a, R(constant(Q.ONE.neg()))), ctx, false) > 0))
        throw new Outside(`acosh(${args[0].toString()}): the argument is not shown ≥ 1`);
      if (hasVariables(args[0])) ctx.conditions.add(`${args[0].toString()} ≥ 1`);
      return opaque(name, a);
    }
    case "cbrt": {
      const a = one();
      return signR(a, ctx, true) === 1 ? powR(a, R(constant(Q.of(1n, 3n))), args[0], ctx) : opaque(name, a);
    }
    case "tan":
    case "sec":
    case "csc":
    case "cot": {
      // over sin and cos, the divisor shown non-zero on the box
      const a = one();
      const sin = opaque("sin", a);
      const cos = opaque("cos", a);
      const over = name === "tan" || name === "sec" ? "cos" : "sin";
      const top = name === "tan" ? sin : name === "cot" ? cos : R(ONE);
      return divR(top, over === "cos" ? cos : sin, callNode(over, args[0]), ctx);
    }
    case "csch":
    case "coth": {
      // csch u = 2/(e^u − e^(−u)), coth u = (e^(2u) + 1)/(e^(2u) − 1)
      const a = one();
      const x = expR(mulR(R(constant(Q.of(2n))), a));
      const below = addR(x, R(constant(Q.ONE.neg())));
      const top = name === "csch" ? mulR(R(constant(Q.of(2n))), expR(a)) : addR(x, R(ONE));
      return divR(top, below, callNode("sinh", args[0]), ctx);
    }
    case "abs": {
      const a = one();
      const s = signR(a, ctx, false);
      if (s === 0) splitOrGiveUp(a, ctx, `abs(${args[0].toString()})`);
      ctx.conditions.add(`${args[0].toString()} ${s > 0 ? "≥" : "≤"} 0`);
      return s > 0 ? a : negR(a);
    }
    case "max":
    case "min": {
      if (args.length !== 2) throw new Outside(`${name} with ${args.length} arguments`);
      const [a, b] = args.map((x) => normalize(x, ctx));
      const diff = addR(a, negR(b));
      const s = signR(diff, ctx, false);
      if (s === 0) splitOrGiveUp(diff, ctx, `${name}(${args.map(String).join(", ")})`);
      ctx.conditions.add(`${args[0].toString()} ${s > 0 ? "≥" : "≤"} ${args[1].toString()}`);
      return s > 0 === (name === "max") ? a : b;
    }
  }
  throw new Outside(`the function ${name}`);
}

/**
 * name(u) as an opaque atom of u's normal form ({@link canonicalArgument}); the odd
 * functions take a leading minus sign out (sin(−u) = −sin u), cos drops it.
 */
function opaque(name: string, u: RatFn): RatFn {
  const c = canonicalArgument(u);
  const lead = leadCoefficient(c.n);
  if ((name === "sin" || name === "cos") && lead.isInteger()) {
    // sin(k·a), cos(k·a) for 2 ≤ |k| ≤ 6 by the angle-sum formulas, over sin a and cos a
    const k = lead.n < 0n ? -lead.n : lead.n;
    if (k >= 2n && k <= 6n) {
      const a = { n: scale(c.n, Q.ONE.div(lead)), d: c.d };
      const s1 = opaque("sin", a);
      const c1 = opaque("cos", a);
      let sk = s1;
      let ck = c1;
      for (let i = 1n; i < k; i++)
        [sk, ck] = [addR(mulR(sk, c1), mulR(ck, s1)), addR(mulR(ck, c1), negR(mulR(sk, s1)))];
      return name === "cos" ? ck : lead.sign() < 0 ? negR(sk) : sk;
    }
  }
  const flip = lead.sign() < 0 && name !== "exp";
  const arg = flip ? { n: neg(c.n), d: c.d } : c;
  const atom = R(atomPower(atomId({ kind: "fn", name, n: arg.n, d: arg.d })));
  return flip && name !== "cos" ? negR(atom) : atom;
}

/** The coefficient of a polynomial's first term (terms in key order); 1 for the zero polynomial. */
function leadCoefficient(p: Poly): Q {
  if (p.size === 0) return Q.ONE;
  return p.get([...p.keys()].sort()[0])!.c;
}

/**
 * A quotient written one way whichever way it came: the least exponent of each atom of the
 * denominator divided out of both (1/(1 + e^(−x)) and e^x/(e^x + 1) alike), then both divided
 * by the denominator's first coefficient. The same function; common factors are not cancelled.
 */
export function canonicalArgument(r: RatFn): RatFn {
  const least = new Map<string, Q>();
  const ids = new Set<string>();
  for (const t of r.d.values()) for (const [a] of t.m) ids.add(a);
  for (const a of ids) {
    let min: Q | undefined;
    for (const t of r.d.values()) {
      const e = t.m.find(([x]) => x === a)?.[1] ?? Q.ZERO;
      if (min === undefined || e.cmp(min) < 0) min = e;
    }
    if (min !== undefined && !min.isZero()) least.set(a, min);
  }
  const shift: Mono = [...least].map(([a, e]) => [a, e.neg()] as const);
  const by = (p: Poly) =>
    shift.length ? fromTerms([...p.values()].map((t) => ({ m: mulMono(t.m, shift), c: t.c }))) : p;
  const k = Q.ONE.div(leadCoefficient(r.d));
  return { n: scale(by(r.n), k), d: scale(by(r.d), k) };
}

/**
 * The atoms with a relation that keeps the normal form canonical: a^power = by.
 * e^(ln P) = P for the atom e^(c·ln P) (power 1; a log atom only holds a positive P), and
 * cos²u = 1 − sin²u for cos u (power 2). Undefined for any other atom.
 */
const reductions = new Map<string, { power: Q; by: Poly } | null>();
/** Empties {@link reductions} (with the atom table, process-state.ts). */
export function forgetReductions(): void {
  reductions.clear();
}
function reductionOf(id: string): { power: Q; by: Poly } | undefined {
  let r = reductions.get(id);
  if (r === undefined) {
    r = null;
    if (id.startsWith("E:(L:")) {
      const a = atomOf(id);
      if (a.kind === "exp" && a.mono.length === 1 && a.mono[0][1].equals(Q.ONE)) {
        const l = atomOf(a.mono[0][0]);
        if (l.kind === "log") r = { power: Q.ONE, by: l.poly };
      }
    } else if (id.startsWith("F:cos(")) {
      const a = atomOf(id);
      if (a.kind === "fn") {
        const sin = atomPower(atomId({ kind: "fn", name: "sin", n: a.n, d: a.d }), Q.of(2n));
        r = { power: Q.of(2n), by: sub(ONE, sin) };
      }
    }
    reductions.set(id, r);
  }
  return r ?? undefined;
}

/** Every a^e with e ≥ power written by^⌊e/power⌋·a^(rest) ((√P)² = P, (√P)³ = P·√P, cos³u = (1 − sin²u)·cos u). */
export function foldRootsPoly(p: Poly): Poly {
  let any = false;
  for (const t of p.values())
    for (const [id, e] of t.m) {
      const red = reductionOf(id);
      if (red && e.cmp(red.power) >= 0) any = true;
    }
  if (!any) return p;
  // the folded terms are gathered and summed once (adding each to a running sum rebuilt the sum every time: quadratic)
  const parts: Term[] = [];
  for (const t of p.values()) {
    let factor = ONE;
    const m: [string, Q][] = [];
    for (const [id, e] of t.m) {
      const red = reductionOf(id);
      if (!red || e.cmp(red.power) < 0) {
        m.push([id, e]);
        continue;
      }
      const k = e.div(red.power).floor();
      factor = mul(factor, pow(red.by, Number(k)));
      const rest = e.sub(red.power.mul(Q.of(k)));
      if (!rest.isZero()) m.push([id, rest]);
    }
    for (const term of mul(fromTerms([{ m, c: t.c }]), factor).values()) parts.push(term);
  }
  const out = fromTerms(parts);
  if (out.size > MAX_TERMS) throw new TooLarge(`a polynomial of ${out.size} terms`);
  return out;
}

/** {@link foldRootsPoly} on a quotient, after multiplying both parts by a power of each such atom so no exponent of it is negative. */
export function foldRoots(r: RatFn): RatFn {
  const least = new Map<string, Q>();
  for (const p of [r.n, r.d])
    for (const t of p.values())
      for (const [id, e] of t.m)
        if (e.sign() < 0 && reductionOf(id) && (!least.has(id) || e.cmp(least.get(id)!) < 0)) least.set(id, e);
  let { n, d } = r;
  if (least.size) {
    const shift: Mono = [...least]
      .map(([id, e]) => {
        const power = reductionOf(id)!.power;
        return [id, power.mul(Q.of(-e.div(power).floor()))] as const;
      })
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    const by = (p: Poly) => fromTerms([...p.values()].map((t) => ({ m: mulMono(t.m, shift), c: t.c })));
    n = by(n);
    d = by(d);
  }
  const fn = foldRootsPoly(n);
  const fd = foldRootsPoly(d);
  return fn === r.n && fd === r.d ? r : { n: fn, d: fd };
}

export function simplify(r: RatFn): RatFn {
  const s = simplifyOnce(r);
  const f = foldRoots(s);
  return f === s ? s : simplifyOnce(f);
}

function simplifyOnce(r: RatFn): RatFn {
  if (isZero(r.n)) return { n: ZERO, d: ONE };
  if (r.d.size === 1) {
    const t = [...r.d.values()][0];
    const inv: Term = { m: powMono(t.m, Q.ONE.neg()), c: Q.ONE.div(t.c) };
    return { n: fromTerms([...r.n.values()].map((x) => ({ m: mulMono(x.m, inv.m), c: x.c.mul(inv.c) }))), d: ONE };
  }
  if (r.n.size === r.d.size) {
    const [tn] = r.n.values();
    const td = r.d.get([...r.n.keys()][0]);
    if (td) {
      const k = tn.c.div(td.c);
      if (equalPoly(r.n, scale(r.d, k))) return { n: constant(k), d: ONE };
    }
  }
  return r;
}

function addR(a: RatFn, b: RatFn): RatFn {
  if (equalPoly(a.d, b.d)) return simplify({ n: add(a.n, b.n), d: a.d });
  return simplify({ n: add(mul(a.n, b.d), mul(b.n, a.d)), d: mul(a.d, b.d) });
}

function negR(a: RatFn): RatFn {
  return { n: neg(a.n), d: a.d };
}

function mulR(a: RatFn, b: RatFn): RatFn {
  return simplify({ n: mul(a.n, b.n), d: mul(a.d, b.d) });
}

/**
 * The sign of an expression on the box, looking at its factors and terms first (a product
 * ŷ(1 − ŷ) is positive because each factor is, though the expanded ŷ − ŷ² defeats interval
 * arithmetic; 1 + u² because a square is ≥ 0), else at its normal form's numerator and
 * denominator: ±1 strict, ±0.5 only ≥ 0 / ≤ 0, 0 when not shown.
 */
function nodeSign(node: MathNode, r: RatFn | undefined, ctx: NormalizeContext): number {
  const n = node as unknown as {
    isParenthesisNode?: boolean;
    content: MathNode;
    isOperatorNode?: boolean;
    fn: string;
    args: MathNode[];
  };
  if (n.isParenthesisNode) return nodeSign(n.content, undefined, ctx);
  if (n.isOperatorNode && (n.fn === "multiply" || n.fn === "divide")) {
    const s = n.args.map((x) => nodeSign(x, undefined, ctx));
    if (s.includes(0) || (n.fn === "divide" && Math.abs(s[1]) !== 1)) return 0;
    return Math.sign(s[0] * s[1]) * (Math.abs(s[0] * s[1]) === 1 ? 1 : 0.5);
  }
  if (n.isOperatorNode && n.fn === "unaryMinus") return -nodeSign(n.args[0], undefined, ctx);
  if (n.isOperatorNode && n.fn === "pow") {
    const e = normalize(n.args[1], ctx);
    const q = constantValue(e.d) !== undefined ? constantValue(e.n) : undefined;
    if (q?.isInteger() && constantValue(e.d)!.equals(Q.ONE)) {
      const s = nodeSign(n.args[0], undefined, ctx);
      if (q.sign() < 0 && Math.abs(s) !== 1) return 0;
      return q.n % 2n === 0n ? (Math.abs(s) === 1 ? 1 : 0.5) : s;
    }
  }
  const rr = r ?? normalize(node, ctx);
  const sd = polySign(rr.d, ctx, true);
  const sn = polySign(rr.n, ctx, true);
  if (sd * sn !== 0) return sd * sn;
  if (n.isOperatorNode && (n.fn === "add" || n.fn === "subtract")) {
    // a sum of terms of one sign, one of them strictly
    const a = nodeSign(n.args[0], undefined, ctx);
    const b = (n.fn === "add" ? 1 : -1) * nodeSign(n.args[1], undefined, ctx);
    if (a * b > 0) return Math.sign(a) * (Math.abs(a) === 1 || Math.abs(b) === 1 ? 1 : 0.5);
    if (a === 0 || b === 0) return 0;
  }
  return 0;
}

function divR(a: RatFn, b: RatFn, bNode: MathNode, ctx: NormalizeContext): RatFn {
  if (isZero(b.n)) throw new Outside(`division by ${bNode.toString()}, which is 0`);
  if (Math.abs(nodeSign(bNode, b, ctx)) !== 1)
    throw new Outside(`the divisor ${bNode.toString()} is not shown non-zero on the domain`);
  if (hasVariables(bNode)) ctx.conditions.add(`${bNode.toString()} ≠ 0`);
  return simplify({ n: mul(a.n, b.d), d: mul(a.d, b.n) });
}

function powR(a: RatFn, b: RatFn, aNode: MathNode, ctx: NormalizeContext): RatFn {
  const q = constantValue(b.d) !== undefined ? constantValue(b.n)?.div(constantValue(b.d)!) : undefined;
  // e^b is the exponential atom whatever b is (e^(−300) as exp(−300): not a power too large to expand)
  if (isE(a)) return expR(b);
  const c = constantValue(a.d) !== undefined ? constantValue(a.n)?.div(constantValue(a.d)!) : undefined;
  // a rational to a large integer power (2^(−500)): computed exactly while its digits stay few
  // (so 2^70 and 1180591620717411303424 are one number), else a product of prime powers
  if (q?.isInteger() && Math.abs(Number(q.n)) > 64 && c !== undefined && !c.isZero()) {
    const k = Number(q.n);
    const bits = (c.n < 0n ? -c.n : c.n).toString(2).length + c.d.toString(2).length;
    if (Math.abs(k) * bits <= 20_000) return R(constant(c.pow(k)));
    if (c.sign() > 0) return R(rootOf(c, q));
  }
  if (q?.isInteger()) {
    const k = Number(q.n);
    if (Math.abs(k) > 64) throw new Outside(`the power ${k}`);
    if (k >= 0) return simplify({ n: pow(a.n, k), d: pow(a.d, k) });
    if (Math.abs(nodeSign(aNode, a, ctx)) !== 1)
      throw new Outside(`the base ${aNode.toString()} of a negative power is not shown non-zero`);
    if (hasVariables(aNode)) ctx.conditions.add(`${aNode.toString()} ≠ 0`);
    return simplify({ n: pow(a.d, -k), d: pow(a.n, -k) });
  }
  if (q !== undefined && c !== undefined && c.sign() > 0) return R(rootOf(c, q));
  return expR(mulR(b, logR(a, aNode, ctx)));
}

/** True when the expression uses a variable (a condition on a constant, such as log 2 ≠ 0, is not worth printing). */
function hasVariables(node: MathNode): boolean {
  let found = false;
  node.traverse((n, path) => {
    const s = n as unknown as { isSymbolNode?: boolean; name?: string };
    if (s.isSymbolNode && path !== "fn" && !["e", "E", "pi", "PI"].includes(s.name!)) found = true;
  });
  return found;
}

function isE(a: RatFn): boolean {
  if (a.d.size !== 1 || !a.d.has("") || a.n.size !== 1) return false;
  const [t] = a.n.values();
  if (!t.c.equals(Q.ONE) || t.m.length !== 1 || !t.m[0][1].equals(Q.ONE)) return false;
  const atom = atomOf(t.m[0][0]);
  return atom.kind === "exp" && atom.mono.length === 0;
}

/** c^q for a positive rational c and a rational q: a product of roots of primes. */
function rootOf(c: Q, q: Q): Poly {
  const m: [string, Q][] = [];
  for (const [p, k] of factorInteger(c.n)) m.push([atomId({ kind: "root", prime: p }), q.mul(Q.of(BigInt(k)))]);
  for (const [p, k] of factorInteger(c.d)) m.push([atomId({ kind: "root", prime: p }), q.mul(Q.of(BigInt(-k)))]);
  return fromTerms([
    {
      m: mulMono(
        [],
        m.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
      ),
      c: Q.ONE,
    },
  ]);
}

/**
 * e^r: for a polynomial r (its denominator a constant) a product of exponential atoms; for a
 * quotient N/D, the opaque atom e^(r₀) raised to c where r = c·r₀ (so e^(2r) = (e^r)² and
 * e^(−r) = 1/e^r).
 */
function expR(r: RatFn): RatFn {
  const dc = constantValue(r.d);
  if (dc === undefined) {
    const u = canonicalArgument(r);
    const c = leadCoefficient(u.n);
    return R(atomPower(atomId({ kind: "fn", name: "exp", n: scale(u.n, Q.ONE.div(c)), d: u.d }), c));
  }
  let n = ONE;
  let d = ONE;
  for (const t of r.n.values()) {
    const c = t.c.div(dc);
    const single = t.m.length === 1 && t.m[0][1].equals(Q.ONE) ? atomOf(t.m[0][0]) : undefined;
    if (single?.kind === "log") {
      const f = single.poly;
      const fc = constantValue(f);
      if (c.isInteger()) {
        const k = Number(c.n);
        if (Math.abs(k) > 64) throw new Outside(`the power ${k}`);
        if (k >= 0) n = mul(n, pow(f, k));
        else d = mul(d, pow(f, -k));
        continue;
      }
      if (fc !== undefined) {
        n = mul(n, rootOf(fc, c));
        continue;
      }
    }
    n = mul(n, atomPower(atomId({ kind: "exp", mono: t.m }), c));
  }
  return simplify({ n, d });
}

/** log r for r > 0 on the box: a polynomial in log atoms (and the exponents of exponential atoms). */
function logR(r: RatFn, node: MathNode, ctx: NormalizeContext): RatFn {
  // the numerator's sign from the whole argument's (1 + u² > 0 though its expansion defeats intervals)
  let known: number | undefined;
  const numeratorSign = (): number => {
    if (known === undefined) {
      const s = nodeSign(node, r, ctx);
      const sd = polySign(r.d, ctx, true);
      known = Math.abs(s) === 1 ? s * sd : 0;
    }
    return known;
  };
  const a = logPoly(r.n, ctx, numeratorSign);
  const b = logPoly(r.d, ctx);
  if (a.sign * b.sign < 0) throw new Outside(`log of ${node.toString()}, which is negative`);
  if (hasVariables(node)) ctx.conditions.add(`${node.toString()} > 0`);
  return R(sub(a.log, b.log));
}

/** log |p| as a polynomial, with the sign of p on the box (`knownSign`, if given, tells p's sign when intervals do not). */
function logPoly(p: Poly, ctx: NormalizeContext, knownSign?: () => number): { log: Poly; sign: number } {
  if (isZero(p)) throw new Outside("log of 0");
  // monomial content: the least exponent of every atom
  const mins = new Map<string, Q>();
  const all = new Set<string>();
  for (const t of p.values()) for (const [a] of t.m) all.add(a);
  for (const a of all) {
    let min: Q | undefined;
    for (const t of p.values()) {
      const e = t.m.find(([x]) => x === a)?.[1] ?? Q.ZERO;
      if (min === undefined || e.cmp(min) < 0) min = e;
    }
    if (!min!.isZero()) mins.set(a, min!);
  }
  const mu: Mono = [...mins].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  let rest = fromTerms([...p.values()].map((t) => ({ m: mulMono(t.m, powMono(mu, Q.ONE.neg())), c: t.c })));
  let content: Q;
  const cv = constantValue(rest);
  if (cv !== undefined) {
    content = cv;
    rest = ONE;
  } else {
    let g = 0n;
    let l = 1n;
    for (const t of rest.values()) {
      g = gcdBig(g, t.c.n);
      l = (l * t.c.d) / gcdBig(l, t.c.d);
    }
    content = Q.of(g, l);
    rest = scale(rest, Q.ONE.div(content));
    let s = polySign(rest, ctx, true);
    if (s === 0 && knownSign) s = restSign(knownSign(), mu, ctx);
    if (s === 0) throw new Outside("log of a factor whose sign is not fixed on the domain");
    if (s < 0) {
      rest = neg(rest);
      content = content.neg();
    }
  }
  let log = constantLog(content.sign() < 0 ? content.neg() : content);
  let sign = content.sign();
  for (const [id, e] of mu) {
    const atom = atomOf(id);
    if (atom.kind === "exp") {
      log = add(log, fromTerms([{ m: atom.mono, c: e }]));
      continue;
    }
    if (atom.kind === "root") {
      log = add(log, scale(constantLog(Q.of(atom.prime)), e));
      continue;
    }
    const single = atomPower(id);
    const s = atom.kind === "pi" ? 1 : polySign(single, ctx, true);
    if (s === 0) throw new Outside("log of a factor whose sign is not fixed on the domain");
    if (s < 0 && !e.isInteger()) throw new Outside("a fractional power of a negative factor");
    if (s < 0 && e.n % 2n !== 0n) sign = -sign;
    log = add(log, scale(atomPower(atomId({ kind: "log", poly: s > 0 ? single : neg(single) })), e));
  }
  if (rest !== ONE) log = add(log, atomPower(atomId({ kind: "log", poly: rest })));
  return { log, sign };
}

/** The sign of p/(content·μ) from p's sign (`sp`, content > 0) and the signs of μ's atoms; 0 when one is not shown. */
function restSign(sp: number, mu: Mono, ctx: NormalizeContext): number {
  let s = sp;
  for (const [id, e] of mu) {
    const atom = atomOf(id);
    if (
      atom.kind === "exp" ||
      atom.kind === "root" ||
      atom.kind === "pi" ||
      (atom.kind === "fn" && atom.name === "exp")
    )
      continue;
    const sa = polySign(atomPower(id), ctx, true);
    if (sa === 0 || (sa < 0 && !e.isInteger())) return 0;
    if (sa < 0 && e.n % 2n !== 0n) s = -s;
  }
  return s;
}

function gcdBig(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** log c of a positive rational, as a sum of logs of primes. */
function constantLog(c: Q): Poly {
  const terms: Term[] = [];
  const lg = (p: bigint) => atomId({ kind: "log", poly: constant(Q.of(p)) });
  for (const [p, k] of factorInteger(c.n)) terms.push({ m: [[lg(p), Q.ONE]], c: Q.of(BigInt(k)) });
  for (const [p, k] of factorInteger(c.d)) terms.push({ m: [[lg(p), Q.ONE]], c: Q.of(BigInt(-k)) });
  return fromTerms(terms);
}

/** The sign of a quotient on the box: ±1 strict, ±0.5 weak (≥ 0 / ≤ 0), 0 unknown. */
function signR(r: RatFn, ctx: NormalizeContext, strict: boolean): number {
  const sd = polySign(r.d, ctx, true);
  const sn = polySign(r.n, ctx, strict);
  if (sd === 0 || sn === 0) return 0;
  return Math.sign(sn * sd) * (Math.abs(sn) === 1 ? 1 : 0.5);
}

/**
 * The sign of a polynomial on the whole box: ±1 when strictly positive / negative, ±0.5
 * when only ≥ 0 / ≤ 0 (only when `strict` is false), 0 when not shown. By the signs of
 * coefficients and atoms, else by interval arithmetic, bisecting the box up to 32 pieces.
 * Double-precision intervals (double-sign.ts) are asked first; the 40-digit decimal ones
 * (interval.ts) where doubles do not show the sign.
 */
export function polySign(p: Poly, ctx: NormalizeContext, strict: boolean): number {
  const c = constantValue(p);
  if (c !== undefined) return c.sign();
  const key = `${boxKey(ctx.box)}|${polyKey(p)}`;
  let s = shownSigns.get(key);
  if (s === undefined) {
    s = termSigns(p, ctx.box) || doubleSign(p, ctx.box) || signOnBoxes(p, [ctx.box], 5);
    if (shownSigns.size >= SHOWN_SIGNS_LIMIT) shownSigns.clear();
    shownSigns.set(key, s);
  }
  if (strict && Math.abs(s) !== 1) return 0;
  return s;
}

/**
 * The signs polySign has shown, per box and polynomial. A step is normalized again for every
 * comparison it is part of (verifying it, then each candidate of its diagnosis), and the
 * candidates share most of its logs and divisors, whose signs cost most of the exact tier's
 * time (interval arithmetic on up to 32 pieces of the box). A pure function's results: the
 * cache changes no verdict. Cleared whole when full.
 */
const shownSigns = new Map<string, number>();
const SHOWN_SIGNS_LIMIT = 20_000;
const boxKeys = new WeakMap<Box, string>();

/** A box's text key: every variable's interval with its ends, e.g. "x(-2,2)". */
function boxKey(box: Box): string {
  let key = boxKeys.get(box);
  if (key === undefined) {
    key = [...box]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(
        ([name, iv]) =>
          `${name}${iv.loOpen ? "(" : "["}${iv.lo.toString()},${iv.hi.toString()}${iv.hiOpen ? ")" : "]"}`,
      )
      .join(";");
    boxKeys.set(box, key);
  }
  return key;
}

/** Every term strictly positive (or every term strictly negative) on the box. */
function termSigns(p: Poly, box: Box): number {
  let sign = 0;
  for (const t of p.values()) {
    let s = t.c.sign();
    for (const [id, e] of t.m) {
      const a = atomOf(id);
      if (a.kind === "exp" || a.kind === "root" || a.kind === "pi" || (a.kind === "fn" && a.name === "exp")) continue;
      const si = doubleAtomSign(id, Q.ONE, box) || signOfInterval(polyI(atomPower(id), box));
      if (Math.abs(si) !== 1) return 0;
      if (si < 0 && e.isInteger() && e.n % 2n !== 0n) s = -s;
      else if (si < 0 && !e.isInteger()) return 0;
    }
    if (sign === 0) sign = s;
    else if (sign !== s) return 0;
  }
  return sign;
}

function signOnBoxes(p: Poly, boxes: Box[], depth: number): number {
  let result: number | undefined;
  const pending: Box[] = [];
  for (const b of boxes) {
    const s = signOfInterval(polyI(p, b));
    if (s === 0) {
      pending.push(b);
      continue;
    }
    result = combine(result, s);
    if (result === 0) return 0;
  }
  if (pending.length === 0) return result ?? 0;
  if (depth === 0) return 0;
  const halves = pending.flatMap((b) => bisect(b) ?? []);
  if (halves.length === 0) return 0;
  const rest = signOnBoxes(p, halves, depth - 1);
  return rest === 0 ? 0 : combine(result, rest);
}

function combine(a: number | undefined, b: number): number {
  if (a === undefined) return b;
  if (Math.sign(a) !== Math.sign(b)) return 0;
  return Math.abs(a) === 1 && Math.abs(b) === 1 ? Math.sign(a) : Math.sign(a) * 0.5;
}

/** Throws SplitAt when the quantity is linear in one variable with its root inside that variable's interval. */
function splitOrGiveUp(r: RatFn, ctx: NormalizeContext, what: string): never {
  const dc = constantValue(r.d);
  if (dc !== undefined && r.n.size <= 2) {
    let a: Q | undefined;
    let b = Q.ZERO;
    let v: string | undefined;
    for (const t of r.n.values()) {
      if (t.m.length === 0) b = t.c;
      else if (t.m.length === 1 && t.m[0][1].equals(Q.ONE) && atomOf(t.m[0][0]).kind === "var") {
        a = t.c;
        v = (atomOf(t.m[0][0]) as { name: string }).name;
      }
    }
    if (a !== undefined && v !== undefined && (r.n.size === 1 || !b.isZero() || r.n.size === 2)) {
      const root = b.neg().div(a);
      const iv = ctx.box.get(v);
      const x = Number(root.n) / Number(root.d);
      if (iv?.lo.lt(x) && iv.hi.gt(x)) throw new SplitAt(v, root);
    }
  }
  throw new Outside(`${what}: its sign is not fixed on the domain`);
}

export { neg as negPoly, mul as mulPoly, sub as subPoly, isZero as isZeroPoly };
