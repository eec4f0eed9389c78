/**
 * explain()'s refusal of a function that is not differentiable on its whole open domain: a
 * part whose value or derivative is undefined or infinite at some point of the domain (ln u
 * with u ≤ 0, a division by something that reaches 0, √u with u ≤ 0, u^r with r not an
 * integer and u ≤ 0, tan u where cos u = 0, asin u with |u| ≥ 1, …). Every such part is a
 * *hazard*: a quantity h that must stay > 0 ("positive") or ≠ 0 ("nonzero") on the domain.
 *
 * Each hazard is decided, innermost first, in three stages:
 * 1. an interval enclosure of h over the domain box (bisected up to {@link MAX_BOXES} boxes)
 *    that shows h > 0 (or h ≠ 0): the part is safe, nothing is sampled;
 * 2. else h at the verifier's own sample points (samplePoints, {@link HAZARD_SAMPLES} of them,
 *    with 0 and the ends among them): a point where h ≤ 0 (or h = 0), or two points between
 *    which h changes sign (the zero is then located by bisection on the segment), refuses;
 * 3. else a local search for the minimum of h (or |h|) from the lowest samples: a point inside
 *    the domain (not at its edge, where a decaying tail such as 1 − σ(x) has its minimum) where
 *    it is ≤ {@link ZERO_TOLERANCE} relative to h's scale refuses (√(x²) at x = 0.3 …).
 * The values of stage 2 are doubles, which round 1 − σ(37) and σ(−800) to 0: a point where
 * they show h failing refuses only when h's error-bounded decimal value there agrees.
 * Where no stage finds a point, the part is accepted, and the verifier's sampling stays the check.
 */
import type { BigNumber, MathNode } from "mathjs";
import { log10Abs } from "../ball";
import { intervalText, samplePoints, type Domain, type DomainInterval } from "../domain";
import { evaluator, unsettled } from "../evaluate";
import { BUILTIN_DEFINITIONS, expandDefinitions, parseDefinitions, shortened } from "../expression";
import { verifierMath } from "../math-functions";
import {
  add,
  call,
  childrenOf,
  dependsOn,
  isCall,
  isConstant,
  isOp,
  isSymbolNode,
  num,
  numericValue,
  pow,
  sub,
  withoutParens,
} from "./nodes";

const BUILTINS = parseDefinitions(BUILTIN_DEFINITIONS);
const doubles = verifierMath();

/** Sample points per undecided hazard. */
export const HAZARD_SAMPLES = 256;
/** Boxes the interval stage may bisect the domain into, per hazard. */
export const MAX_BOXES = 64;
/**
 * Points whose double-precision values a hazard's check confirms in decimals, at most (each
 * up to 480 digits, where doubles cancel); the rest is left to the verifier's sampling.
 */
export const CONFIRMED_POINTS = 12;
/** A minimum of h (or |h|) at most this times h's scale counts as reaching 0. */
export const ZERO_TOLERANCE = 1e-12;

/** One condition a part puts on the domain. */
export interface Hazard {
  /** The part, e.g. log(x ^ 2). */
  part: MathNode;
  /** The quantity that must be > 0 (positive) or ≠ 0 (nonzero). */
  h: MathNode;
  kind: "positive" | "nonzero";
  /** What fails where it does not hold, e.g. "x ^ 2 ≤ 0". */
  fails: string;
}

/** A hazard that fails, with a point of the domain where it does. */
export interface Singularity {
  hazard: Hazard;
  point: Record<string, number>;
  /** Whether the point is located approximately (a sign change bisected, a minimum searched). */
  approximate: boolean;
}

const text = (n: MathNode): string => shortened(n.toString());

/**
 * The hazards of a function, innermost first (a hazard's h has no hazard of its own left unchecked).
 *
 * @param node the function, with user definitions expanded (sigma and softplus may stay)
 * @param vars the domain's variables
 * @returns one hazard per part that can be undefined or infinite (abs is checked elsewhere)
 */
export function hazardsOf(node: MathNode, vars: ReadonlySet<string>): Hazard[] {
  const out: Hazard[] = [];
  const positive = (part: MathNode, h: MathNode) => out.push({ part, h, kind: "positive", fails: `${text(h)} ≤ 0` });
  const nonzero = (part: MathNode, h: MathNode, fails = `${text(h)} = 0`) =>
    out.push({ part, h, kind: "nonzero", fails });
  // each node's variables, children first (one pass over the tree)
  const varsOf = new Map<MathNode, boolean>();
  const walk = (n: MathNode): boolean => {
    const args = childrenOf(n);
    let hasVar = isSymbolNode(n) && vars.has(n.name);
    for (const a of args) if (walk(a)) hasVar = true;
    varsOf.set(n, hasVar);
    if (hasVar) hazardAt(n, args);
    return hasVar;
  };
  const isConst = (n: MathNode): boolean => !varsOf.get(n);
  /** An odd integer degree of a root (nthRoot(u, 3)): such a root is real for u < 0 too. */
  const isOddInteger = (n: MathNode): boolean => {
    const d = isConst(n) ? constantValue(n) : Number.NaN;
    return Number.isInteger(d) && Math.abs(d) % 2 === 1;
  };
  const hazardAt = (n: MathNode, args: readonly MathNode[]): void => {
    const [g, b] = args;
    if (isOp(n, "divide", 2) && !isConst(b)) nonzero(n, b);
    else if (isOp(n, "pow", 2)) {
      if (isConst(b)) {
        const r = constantValue(b);
        if (Number.isInteger(r)) {
          if (r < 0) nonzero(n, g);
        } else positive(n, g);
      } else if (!isConst(g) || constantValue(g) <= 0) positive(n, g);
    } else if (isCall(n, "log", 1) || isCall(n, "log10", 1) || isCall(n, "log2", 1) || isCall(n, "sqrt", 1))
      positive(n, g);
    else if (isCall(n, "log", 2)) positive(n, g);
    else if (isCall(n, "log1p", 1))
      out.push({ part: n, h: add(num(1), g), kind: "positive", fails: `1 + ${text(g)} ≤ 0` });
    else if (isCall(n, "cbrt", 1) || isCall(n, "coth", 1) || isCall(n, "csch", 1) || isCall(n, "acsch", 1))
      nonzero(n, g);
    // an odd root is real for every u (an infinite slope at u = 0 only); another root needs u > 0
    else if (isCall(n, "nthRoot", 2)) (isOddInteger(n.args[1]) ? nonzero : positive)(n, g);
    else if (isCall(n, "tan", 1) || isCall(n, "sec", 1)) nonzero(n, call("cos", g), `cos(${text(g)}) = 0`);
    else if (isCall(n, "cot", 1) || isCall(n, "csc", 1)) nonzero(n, call("sin", g), `sin(${text(g)}) = 0`);
    else if (isCall(n, "asin", 1) || isCall(n, "acos", 1) || isCall(n, "atanh", 1))
      out.push({ part: n, h: sub(num(1), pow(g, num(2))), kind: "positive", fails: `|${text(g)}| ≥ 1` });
    else if (isCall(n, "acosh", 1)) out.push({ part: n, h: sub(g, num(1)), kind: "positive", fails: `${text(g)} ≤ 1` });
    else if (isCall(n, "asec", 1) || isCall(n, "acsc", 1) || isCall(n, "acoth", 1))
      out.push({ part: n, h: sub(pow(g, num(2)), num(1)), kind: "positive", fails: `|${text(g)}| ≤ 1` });
    else if (isCall(n, "asech", 1))
      out.push({ part: n, h: call("min", g, sub(num(1), g)), kind: "positive", fails: `${text(g)} ∉ (0, 1)` });
  };
  walk(withoutParens(node));
  return out;
}

/** The value of an expression without variables (the middle of its enclosure). */
function constantValue(n: MathNode): number {
  const v = numericValue(n);
  if (v !== undefined) return v.toNumber();
  const [lo, hi] = enclose(n, new Map());
  return (lo + hi) / 2;
}

type Iv = [number, number];
const WHOLE: Iv = [-Infinity, Infinity];
const widen = ([lo, hi]: Iv): Iv => [lo - Math.abs(lo) * 1e-14 - 1e-300, hi + Math.abs(hi) * 1e-14 + 1e-300];
const mono = (f: (x: number) => number, [lo, hi]: Iv): Iv => widen([f(lo), f(hi)]);
function mulIv(a: Iv, b: Iv): Iv {
  const ps = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]].map((p) => (Number.isNaN(p) ? 0 : p));
  return widen([Math.min(...ps), Math.max(...ps)]);
}
function powIv(a: Iv, r: number): Iv {
  if (Number.isInteger(r) && r >= 0) {
    if (r % 2 === 1 || a[0] >= 0) return mono((x) => x ** r, a);
    if (a[1] <= 0) return mono((x) => x ** r, [a[1], a[0]]);
    return widen([0, Math.max(a[0] ** r, a[1] ** r)]);
  }
  if (Number.isInteger(r)) {
    if (a[0] > 0 || a[1] < 0) {
      const p = powIv(a, -r);
      return p[0] > 0 ? widen([1 / p[1], 1 / p[0]]) : p[1] < 0 ? widen([1 / p[1], 1 / p[0]]) : WHOLE;
    }
    return WHOLE;
  }
  if (a[0] <= 0) return WHOLE;
  return r > 0 ? mono((x) => x ** r, a) : mono((x) => x ** r, [a[1], a[0]]);
}

/**
 * An interval enclosure of an expression over a box, in double precision widened by a few
 * ulps at each operation; the whole line where an operation is not covered.
 */
function enclose(n: MathNode, box: ReadonlyMap<string, Iv>): Iv {
  n = withoutParens(n);
  if (isConstant(n)) {
    const v = Number(n.value);
    return [v, v];
  }
  if (isSymbolNode(n)) {
    const iv = box.get(n.name);
    if (iv) return iv;
    if (n.name === "e" || n.name === "E") return widen([Math.E, Math.E]);
    if (n.name === "pi") return widen([Math.PI, Math.PI]);
    return WHOLE;
  }
  const args = ((n as { args?: MathNode[] }).args ?? []).map((a) => enclose(a, box));
  const [a, b] = args;
  if (isOp(n, "add", 2)) return widen([a[0] + b[0], a[1] + b[1]]);
  if (isOp(n, "subtract", 2)) return widen([a[0] - b[1], a[1] - b[0]]);
  if (isOp(n, "unaryMinus", 1)) return [-a[1], -a[0]];
  if (isOp(n, "unaryPlus", 1)) return a;
  if (isOp(n, "multiply", 2)) return mulIv(a, b);
  if (isOp(n, "divide", 2)) return b[0] > 0 || b[1] < 0 ? mulIv(a, widen([1 / b[1], 1 / b[0]])) : WHOLE;
  if (isOp(n, "pow", 2)) {
    const base = withoutParens((n as { args: MathNode[] }).args[0]);
    if (isSymbolNode(base) && (base.name === "e" || base.name === "E")) return mono(Math.exp, b);
    if (b[0] === b[1]) return powIv(a, b[0]);
    if (a[0] > 0) return mono(Math.exp, mulIv(b, mono(Math.log, a)));
    return WHOLE;
  }
  const name = (n as { fn?: { name?: string } }).fn?.name;
  switch (name) {
    case "exp":
      return mono(Math.exp, a);
    case "log":
      return args.length === 1 && a[0] > 0 ? mono(Math.log, a) : WHOLE;
    case "sqrt":
      return a[0] >= 0 ? mono(Math.sqrt, a) : WHOLE;
    case "sigma":
      return mono((x) => 1 / (1 + Math.exp(-x)), a);
    case "softplus":
      return mono((x) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))), a);
    case "tanh":
    case "atan":
    case "asinh":
    case "sinh":
      return mono(Math[name as "tanh"], a);
    case "cosh":
      return a[0] >= 0
        ? mono(Math.cosh, a)
        : a[1] <= 0
          ? mono(Math.cosh, [a[1], a[0]])
          : widen([1, Math.max(Math.cosh(a[0]), Math.cosh(a[1]))]);
    case "sin":
    case "cos":
      return [-1, 1];
    case "abs":
      return a[0] >= 0 ? a : a[1] <= 0 ? [-a[1], -a[0]] : [0, Math.max(-a[0], a[1])];
    default:
      return WHOLE;
  }
}

/** Whether h holds on the box by enclosure, bisecting the widest variable up to MAX_BOXES boxes. */
function provedOnBox(h: MathNode, kind: Hazard["kind"], box: Map<string, Iv>): boolean {
  const holds = ([lo, hi]: Iv) => (kind === "positive" ? lo > 0 : lo > 0 || hi < 0);
  const queue = [box];
  let boxes = 0;
  while (queue.length) {
    const b = queue.pop()!;
    if (holds(enclose(h, b))) continue;
    if (++boxes >= MAX_BOXES) return false;
    let widest = "";
    let w = 0;
    for (const [k, [lo, hi]] of b)
      if (hi - lo > w) {
        w = hi - lo;
        widest = k;
      }
    if (!widest) return false;
    const [lo, hi] = b.get(widest)!;
    const mid = (lo + hi) / 2;
    queue.push(new Map(b).set(widest, [lo, mid]), new Map(b).set(widest, [mid, hi]));
  }
  return true;
}

/**
 * The first hazard of a function that fails somewhere on the domain, with a point where it does.
 *
 * @param node   the function (user definitions expanded; sigma and softplus may stay)
 * @param domain the declared domain (each interval's ends belong to it when it is closed)
 * @param keep   the hazards to check (default all; the verifier's steps check only those where
 *   the value itself is undefined: lib/derive/undefined-points.ts)
 * @returns the failing hazard and a point, or undefined when every hazard is shown safe or no point is found
 */
export function findSingularity(
  node: MathNode,
  domain: Domain,
  keep: (h: Hazard) => boolean = () => true,
): Singularity | undefined {
  const vars = new Set(domain.keys());
  // an open end is not in the domain: the enclosure is taken 1e-9 of the width inside it
  const box = new Map<string, Iv>([...domain].map(([k, iv]) => [k, insetBounds(iv, 1e-9)]));
  let points: Record<string, number>[] | undefined;
  for (const hazard of hazardsOf(node, vars)) {
    if (!keep(hazard)) continue;
    if (provedOnBox(hazard.h, hazard.kind, box)) continue;
    points ??= samplePoints(domain, HAZARD_SAMPLES, "explain-hazards").map((p) =>
      Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Number(v)])),
    );
    const hText = expandDefinitions(hazard.h, BUILTINS, "explain").toString();
    const code = doubles.compile(hText);
    const at = (p: Record<string, number>): number => {
      const v = code.evaluate({ ...p });
      return typeof v === "number" ? v : Number.NaN;
    };
    const values = points.map(at);
    // doubles round 1 − σ(37) to 0 and σ(−800) to 0: a point they show failing fails only
    // if the decimal value there (error-bounded, up to 480 digits) agrees
    const sign = (p: Record<string, number>) => decimalSign(hText, p);
    const failsAt = (p: Record<string, number>): boolean => {
      const s = sign(p);
      return hazard.kind === "positive" ? s !== 1 : s !== 1 && s !== -1;
    };
    // of the points where it fails, the one farthest inside the domain (a reader's point, not an end's neighbour)
    const inside = (i: number) =>
      Math.min(
        ...[...domain].map(([k, iv]) => Math.min(points![i][k] - iv.min, iv.max - points![i][k]) / (iv.max - iv.min)),
      );
    const suspects = values
      .map((v, i) => [v, i] as const)
      .filter(([v]) => Number.isNaN(v) || (hazard.kind === "positive" ? v <= 0 : v === 0))
      .map(([, i]) => i)
      .sort((i, j) => inside(j) - inside(i));
    const bad = spread(suspects, CONFIRMED_POINTS).find((i) => failsAt(points![i]));
    if (bad !== undefined) return { hazard, point: plainerPoint(points[bad], domain, failsAt), approximate: false };
    if (hazard.kind === "nonzero") {
      // the sign change is bisected on decimal signs: doubles may place it where they round h to 0
      // (a point of each sign: first where doubles show that sign, else any, where they cancel wrongly)
      const withSign = (want: number): number => {
        const indices = values.map((_, k) => k);
        const shown = spread(
          indices.filter((k) => Math.sign(values[k]) === want),
          CONFIRMED_POINTS,
        );
        const others = spread(
          indices.filter((k) => Math.sign(values[k]) !== want),
          CONFIRMED_POINTS,
        );
        return [...shown, ...others].find((k) => sign(points![k]) === want) ?? -1;
      };
      const i = withSign(-1);
      const j = i < 0 ? -1 : withSign(1);
      if (i >= 0 && j >= 0) return { hazard, point: bisectZero(sign, points[i], points[j]), approximate: true };
    }
    const found = searchMinimum(hazard.kind === "positive" ? at : (p) => Math.abs(at(p)), points, domain);
    if (found && decimalMinimum(hText, hazard.kind, found, domain)) return { hazard, point: found, approximate: true };
  }
  return undefined;
}

/**
 * A failing point as a reader would pick it: each coordinate in turn replaced by the first of
 * 0, its nearest integer, then itself to 1, 2, … 6 decimals that is in the domain and keeps the
 * point failing (log x on (−1, 5) fails at the sample x = −6·10⁻⁷, and at x = 0, which is shown).
 *
 * @param point  a point where the hazard fails (variable → value)
 * @param domain the declared domain (a candidate on an open end, or outside, is not taken)
 * @param fails  whether the hazard fails at a point (decided in decimals)
 * @returns a point where it fails, each coordinate with as few decimals as found; `point` when none is plainer
 */
function plainerPoint(
  point: Record<string, number>,
  domain: Domain,
  fails: (p: Record<string, number>) => boolean,
): Record<string, number> {
  const out = { ...point };
  for (const [k, v] of Object.entries(point)) {
    const iv = domain.get(k);
    if (!iv) continue;
    const inside = (c: number) => (iv.loOpen ? c > iv.min : c >= iv.min) && (iv.hiOpen ? c < iv.max : c <= iv.max);
    const candidates = [0, Math.round(v), ...[1, 2, 3, 4, 5, 6].map((d) => Number(v.toFixed(d)))];
    const plain = candidates.find((c) => c !== v && inside(c) && fails({ ...out, [k]: c }));
    if (plain !== undefined) out[k] = plain;
  }
  return out;
}

/** At most `n` of `items`, evenly spread over them, in their order (all of them when there are no more than n). */
function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, k) => items[Math.floor((k * items.length) / n)]);
}

/**
 * A point between a (h < 0) and b (h > 0) on the segment where h changes sign, by 80 bisections.
 *
 * @param h a function continuous on the segment
 * @param a a point where h < 0; b one where h > 0 (variable → value)
 * @returns a point of the segment within 2^−80 of its length of a sign change
 */
export function bisectZero(
  h: (p: Record<string, number>) => number,
  a: Record<string, number>,
  b: Record<string, number>,
): Record<string, number> {
  const on = (t: number) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k] + t * (b[k] - a[k])]));
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 80; k++) {
    const mid = (lo + hi) / 2;
    const v = h(on(mid));
    if (v === 0) return on(mid);
    if (v < 0) lo = mid;
    else hi = mid;
  }
  return on((lo + hi) / 2);
}

/** An interval's bounds with each open end moved `fraction` of the width inside (a closed end stays: it is in the domain). */
function insetBounds(iv: DomainInterval, fraction: number): Iv {
  const d = (iv.max - iv.min) * fraction;
  return [iv.loOpen ? iv.min + d : iv.min, iv.hiOpen ? iv.max - d : iv.max];
}

/**
 * A point where m (h or |h|) is ≤ ZERO_TOLERANCE × its median at the samples, by a pattern
 * search from the 3 lowest samples, kept 1e-7 of each width inside the domain's open ends.
 */
function searchMinimum(
  m: (p: Record<string, number>) => number,
  points: Record<string, number>[],
  domain: Domain,
): Record<string, number> | undefined {
  const values = points.map(m);
  const sorted = [...values].map(Math.abs).sort((x, y) => x - y);
  const scale = Math.max(sorted[Math.floor(sorted.length / 2)], Number.MIN_VALUE);
  const bounds = new Map([...domain].map(([k, iv]) => [k, insetBounds(iv, 1e-7)]));
  const starts = values
    .map((v, i) => [v, i] as const)
    .sort((x, y) => x[0] - y[0])
    .slice(0, 3)
    .map(([, i]) => i);
  for (const s of starts) {
    const p = { ...points[s] };
    let best = values[s];
    const steps = new Map([...bounds].map(([k, [lo, hi]]) => [k, (hi - lo) / 64]));
    for (let iter = 0; iter < 400 && best > ZERO_TOLERANCE * scale; iter++) {
      let moved = false;
      for (const [k, [lo, hi]] of bounds) {
        for (const dir of [1, -1]) {
          const q = { ...p, [k]: Math.min(hi, Math.max(lo, p[k] + dir * steps.get(k)!)) };
          const v = m(q);
          if (v < best) {
            best = v;
            Object.assign(p, q);
            moved = true;
            break;
          }
        }
      }
      if (!moved) {
        let tiny = true;
        for (const [k, st] of steps) {
          steps.set(k, st / 2);
          if (st / 2 > 1e-15 * (1 + Math.abs(p[k]))) tiny = false;
        }
        if (tiny) break;
      }
    }
    // a minimum at the domain's edge is a tail that decays (1 − σ(x) on (−40, 40), e^(−x²)), not a zero
    const interior = [...bounds].every(([k, [lo, hi]]) => p[k] > lo && p[k] < hi);
    if (best <= ZERO_TOLERANCE * scale && interior) return p;
  }
  return undefined;
}

/**
 * Whether a minimum of h (or |h|) that the double-precision search found at `p` is one in
 * decimals too ({@link decimalValue}): no neighbour a millionth of a variable's width away is lower. Where
 * doubles round h to 0 on a stretch (1 − σ(x) for x > 37), the search stops anywhere on it;
 * the decimal values there still fall towards the edge, so it is no zero.
 */
function decimalMinimum(text: string, kind: Hazard["kind"], p: Record<string, number>, domain: Domain): boolean {
  const value = (q: Record<string, number>) => {
    const v = decimalValue(text, q);
    return v == null ? undefined : kind === "positive" ? v : v.abs();
  };
  const here = value(p);
  if (here === undefined) return true;
  for (const [k, iv] of domain) {
    const step = (iv.max - iv.min) * 1e-6;
    for (const q of [p[k] - step, p[k] + step]) {
      if (q <= iv.min || q >= iv.max) continue;
      if (value({ ...p, [k]: q })?.lt(here)) return false;
    }
  }
  return true;
}

/**
 * The sign of an expression at a point from its error-bounded decimal value
 * ({@link decimalValue}): 1 or −1, 0 when it is 0 or its bound never excludes 0, NaN where it
 * is not a finite real number.
 *
 * @param text  the expression, mathjs syntax, definitions expanded
 * @param point variable → value
 */
function decimalSign(text: string, point: Record<string, number>): number {
  const v = decimalValue(text, point);
  if (v === null) return Number.NaN;
  return v === undefined || v.isZero() ? 0 : v.isNegative() ? -1 : 1;
}

/**
 * An expression's value at a point from evaluate.ts's error-bounded decimal balls at 60, 120,
 * 240 and 480 digits, with the first precision whose bound is below half the value (or that
 * gives an exact 0): undefined when none is, null where the value is not a finite real number.
 */
function decimalValue(text: string, point: Record<string, number>): BigNumber | undefined | null {
  const e = evaluator(text, [Object.fromEntries(Object.entries(point).map(([k, v]) => [k, String(v)]))]);
  for (const digits of [60, 120, 240, 480]) {
    const b = e.ball(0, digits);
    if (typeof b === "string") {
      if (unsettled(b)) continue;
      return null;
    }
    if (b.v.isZero() ? b.r === Number.NEGATIVE_INFINITY : log10Abs(b.v) > b.r + 0.31) return b.v;
  }
  return undefined;
}

/**
 * Refuses a function with a part that is undefined or infinite, or not differentiable, at some
 * point of the domain (see {@link findSingularity}).
 *
 * @param node   the function (user definitions expanded)
 * @param domain the declared domain
 * @param where  what is checked, for the error, e.g. `explain("log(x^2)")`
 * @throws RangeError naming the part, the condition that fails and a point where it does
 */
export function checkDefinedOnDomain(node: MathNode, domain: Domain, where: string): void {
  const s = findSingularity(node, domain);
  if (!s) return;
  const { point, dom } = singularityPlace(s, domain);
  throw new RangeError(
    `${where}: ${text(s.hazard.part)} is not defined or has no finite derivative where ${s.hazard.fails}, as at ${point}, ` +
      `which the domain (${dom.join(", ")}) contains; declare a domain on which it is defined`,
  );
}

/**
 * Where a singularity is, in words: its point over the variables its part depends on (an
 * approximate point rounded to a millionth of the interval's width, "≈"), and those variables'
 * intervals.
 *
 * @param s      the singularity ({@link findSingularity})
 * @param domain the declared domain
 * @returns e.g. { point: "x = 0", dom: ["x in (-1, 1)"], rounded: { x: 0 } } (rounded: every
 *   variable of the point, those of the part as shown)
 */
export function singularityPlace(
  s: Singularity,
  domain: Domain,
): { point: string; dom: string[]; rounded: Record<string, number> } {
  const rounded: Record<string, number> = { ...s.point };
  const point = Object.entries(s.point)
    .filter(([k]) => dependsOn(s.hazard.part, k))
    .map(([k, v]) => {
      // an approximate point is rounded to a millionth of the interval's width
      const iv = domain.get(k)!;
      const unit = (iv.max - iv.min) * 1e-6;
      const shown = Number((s.approximate ? Math.round(v / unit) * unit : v).toPrecision(6));
      rounded[k] = shown;
      return `${k} ${shown === v ? "=" : "≈"} ${shown}`;
    })
    .join(", ");
  const dom = [...domain].filter(([k]) => dependsOn(s.hazard.part, k)).map(([k, iv]) => `${k} in ${intervalText(iv)}`);
  return { point, dom, rounded };
}
