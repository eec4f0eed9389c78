/**
 * The sampling tier's cheap first look: an expression evaluated at every sample point in
 * double precision with interval arithmetic, each interval certain to hold the exact value.
 * It decides what doubles can decide for certain — a side that is finite and real at a point,
 * two sides whose values are apart by far more than the tolerance — so that the 60-digit
 * decimal evaluation (evaluate.ts, ball.ts) runs only where it must: where two sides agree
 * to more digits than a double holds, or cancel, or overflow a double.
 *
 * Rounding. IEEE 754 rounds + − × ÷ and √ to nearest, within half a unit in the last place
 * (ulp), and parsing a decimal literal likewise; V8's exp, log, sin, cos, tanh, … (ports of
 * fdlibm) are within 1 ulp. Each bound is pushed outward by |v|·k·2^−52 plus the smallest
 * subnormal, k = 1 for the correctly rounded operations and 4 for the others: at least one
 * ulp beyond the error. Monotone functions map the ends of an interval; sin and cos take the
 * midpoint's value ± the interval's width (their slope is at most 1); a power with an exact
 * integer exponent is repeated multiplication, any other b^y is e^(y·ln b) for b > 0.
 * Source of the method: interval arithmetic with outward rounding (Moore, Kearfott and
 * Cloud, "Introduction to Interval Analysis", SIAM 2009, ch. 2–5).
 *
 * An interval whose end is not finite, a log or root of an interval that reaches 0, a
 * divisor whose interval holds 0: no interval (NaN ends); the decimal evaluation decides
 * that point.
 */
import { LOGISTIC, SOFTPLUS } from "./cancellation";
import { planOf, type Op } from "./evaluate";

/** Lower and upper ends of the interval of an expression at each sample point; NaN where there is none. */
export interface PointIntervals {
  lo: Float64Array;
  hi: Float64Array;
}

const TINY = Number.MIN_VALUE;
const ULP = 2 ** -52;

/** v rounded outward: below by k ulps of |v| (and one subnormal). */
export const down = (v: number, k = 1): number => v - Math.abs(v) * k * ULP - TINY;
/** v rounded outward: above. */
export const up = (v: number, k = 1): number => v + Math.abs(v) * k * ULP + TINY;
/** Transcendental functions: 4 ulps. */
const T = 4;

/** A closed interval [lo, hi] of doubles, or null where doubles cannot bound the value. */
export type Iv = [number, number] | null;

const ok = (lo: number, hi: number): Iv => (Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi ? [lo, hi] : null);

/** A decimal literal or coordinate: exact when it is an integer a double holds, else ± 1 ulp. */
function literal(text: string): Iv {
  const v = Number(text);
  if (!Number.isFinite(v)) return null;
  if (/^[+-]?\d+$/.test(text.trim()) && Number.isSafeInteger(v)) return [v, v];
  return ok(down(v), up(v));
}

/** a + b, rounded outward; null when an end is not finite. */
export function add(a: [number, number], b: [number, number]): Iv {
  return ok(down(a[0] + b[0]), up(a[1] + b[1]));
}

/** a · b, rounded outward; null when an end is not finite. */
export function mul(a: [number, number], b: [number, number]): Iv {
  if (a[0] === a[1] && b[0] === b[1]) {
    const p = a[0] * b[0];
    return ok(down(p), up(p));
  }
  const ps = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]];
  return ok(down(Math.min(...ps)), up(Math.max(...ps)));
}

/** a / b, rounded outward; null when b holds 0 or an end is not finite. */
export function div(a: [number, number], b: [number, number]): Iv {
  if (!(b[0] > 0 || b[1] < 0)) return null;
  const qs = [a[0] / b[0], a[0] / b[1], a[1] / b[0], a[1] / b[1]];
  return ok(down(Math.min(...qs)), up(Math.max(...qs)));
}

function sqr(a: [number, number]): Iv {
  if (a[0] >= 0) return ok(down(a[0] * a[0]), up(a[1] * a[1]));
  if (a[1] <= 0) return ok(down(a[1] * a[1]), up(a[0] * a[0]));
  const m = Math.max(-a[0], a[1]);
  return ok(0, up(m * m));
}

/** An increasing function f (within 4 ulps, as V8's fdlibm ports) applied to the ends, 4 ulps outward, clamped to [min, max]. */
export function monotone(f: (v: number) => number, a: [number, number], min = -Infinity, max = Infinity): Iv {
  return ok(Math.max(min, down(f(a[0]), T)), Math.min(max, up(f(a[1]), T)));
}

/**
 * σ and softplus (cancellation.ts's overflow-free forms) in doubles: e^(−|v|) ≤ 1 and one
 * division or log1p, within 3 ulps plus two subnormal roundings (where e^(−|v|) is subnormal);
 * pushed outward twice over, 8 ulps and two smallest subnormals.
 */
const logisticOf = (v: number): number => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v)));
const softplusOf = (v: number): number => (v >= 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v)));
function composite(f: (v: number) => number, a: [number, number], min: number, max: number): Iv {
  return ok(Math.max(min, down(down(f(a[0]), T), T)), Math.min(max, up(up(f(a[1]), T), T)));
}

/** sin or cos: the midpoint's value ± the interval's width (slope at most 1), within [−1, 1]. */
function periodic(f: (v: number) => number, a: [number, number]): Iv {
  const mid = a[0] + (a[1] - a[0]) / 2;
  const width = up(a[1] - a[0]);
  const v = f(mid);
  return ok(Math.max(-1, down(v - width, T)), Math.min(1, up(v + width, T)));
}

/** e^a, rounded outward; null when it overflows a double. */
export function exp(a: [number, number]): Iv {
  return monotone(Math.exp, a, 0);
}

/** ln a for a > 0, rounded outward; null when a reaches 0. */
export function ln(a: [number, number]): Iv {
  return a[0] > 0 ? monotone(Math.log, a) : null;
}

/** b^y: repeated multiplication for an exact integer y with |y| ≤ 1024, else e^(y·ln b) for b > 0; null otherwise. */
export function power(b: [number, number], y: [number, number]): Iv {
  const n = y[0];
  if (n === y[1] && Number.isInteger(n) && Math.abs(n) <= 1024) {
    if (n === 0) return [1, 1];
    let result: Iv = [1, 1];
    let base: Iv = b;
    for (let e = Math.abs(n); e > 0 && result && base; e = Math.floor(e / 2)) {
      if (e % 2 === 1) result = mul(result, base);
      if (e > 1) base = sqr(base);
    }
    if (!result || !base) return null;
    return n < 0 ? div([1, 1], result) : result;
  }
  if (!(b[0] > 0)) return null;
  const l = ln(b);
  const t = l && mul(y, l);
  return t && exp(t);
}

/** One operation at one point: its operands' intervals in, its interval out. */
function apply(op: Op, a: [number, number][], point: Record<string, string>): Iv {
  switch (op.kind) {
    case "const":
      return literal(op.value!);
    case "symbol":
      if (op.name === "e" || op.name === "E") return [down(Math.E), up(Math.E)];
      if (op.name === "pi" || op.name === "PI") return [down(Math.PI), up(Math.PI)];
      return Object.hasOwn(point, op.name!) ? literal(point[op.name!]) : null;
    case "add":
      return add(a[0], a[1]);
    case "subtract":
      return add(a[0], [-a[1][1], -a[1][0]]);
    case "multiply":
      return mul(a[0], a[1]);
    case "divide":
      return div(a[0], a[1]);
    case "unaryMinus":
      return [-a[0][1], -a[0][0]];
    case "unaryPlus":
      return a[0];
    case "pow":
      return power(a[0], a[1]);
  }
  const x = a[0];
  switch (op.name) {
    case "exp":
      return exp(x);
    case "log": {
      const l = ln(x);
      if (a.length === 1 || !l) return l;
      const base = ln(a[1]);
      return base && div(l, base);
    }
    case "log10":
      return x[0] > 0 ? monotone(Math.log10, x) : null;
    case "log2":
      return x[0] > 0 ? monotone(Math.log2, x) : null;
    case "log1p":
      return x[0] > -1 ? monotone(Math.log1p, x) : null;
    case "expm1":
      return monotone(Math.expm1, x, -1);
    case "sqrt":
      return x[0] >= 0 ? ok(Math.max(0, down(Math.sqrt(x[0]))), up(Math.sqrt(x[1]))) : null;
    case "abs":
      return x[0] >= 0 ? x : x[1] <= 0 ? [-x[1], -x[0]] : [0, Math.max(-x[0], x[1])];
    case "max":
      return [Math.max(...a.map((v) => v[0])), Math.max(...a.map((v) => v[1]))];
    case "min":
      return [Math.min(...a.map((v) => v[0])), Math.min(...a.map((v) => v[1]))];
    case "sign":
      return x[0] > 0 ? [1, 1] : x[1] < 0 ? [-1, -1] : x[0] === 0 && x[1] === 0 ? [0, 0] : null;
    case "tanh":
      return monotone(Math.tanh, x, -1, 1);
    case "atan":
      return monotone(Math.atan, x, -Math.PI / 2 - 1e-15, Math.PI / 2 + 1e-15);
    case "asinh":
      return monotone(Math.asinh, x);
    case LOGISTIC:
      return composite(logisticOf, x, 0, 1);
    case SOFTPLUS:
      return composite(softplusOf, x, 0, Infinity);
    case "sinh":
      return monotone(Math.sinh, x);
    case "cosh":
      return cosh(x);
    case "sin":
      return periodic(Math.sin, x);
    case "cos":
      return periodic(Math.cos, x);
    case "square":
      return sqr(x);
    case "cube": {
      const s = sqr(x);
      return s && mul(s, x);
    }
  }
  // the reciprocal and quotient functions, from the ones above
  const s = op.name === "tan" || op.name === "csc" || op.name === "cot" ? periodic(Math.sin, x) : null;
  const c = op.name === "tan" || op.name === "sec" || op.name === "cot" ? periodic(Math.cos, x) : null;
  const sh = op.name === "csch" || op.name === "coth" ? monotone(Math.sinh, x) : null;
  const ch = op.name === "sech" || op.name === "coth" ? cosh(x) : null;
  const one: [number, number] = [1, 1];
  switch (op.name) {
    case "tan":
      return s && c && div(s, c);
    case "sec":
      return c && div(one, c);
    case "csc":
      return s && div(one, s);
    case "cot":
      return s && c && div(c, s);
    case "sech":
      return ch && div(one, ch);
    case "csch":
      return sh && div(one, sh);
    case "coth":
      return sh && ch && div(ch, sh);
  }
  return null;
}

function cosh(x: [number, number]): Iv {
  const lo = x[0] >= 0 ? Math.cosh(x[0]) : x[1] <= 0 ? Math.cosh(x[1]) : 1;
  const hi = Math.max(Math.cosh(x[0]), Math.cosh(x[1]));
  return ok(Math.max(1, down(lo, T)), up(hi, T));
}

/** Intervals per subexpression text, shared by every expression evaluated on the same point list. */
const memos = new WeakMap<readonly Record<string, string>[], Map<string, PointIntervals>>();

/**
 * The interval of an expression at every sample point, in double precision (see the file's
 * comment). Subexpressions are computed once per point list and shared between expressions.
 *
 * @param text   the expression in mathjs syntax, definitions expanded
 * @param points the sample points, variable → decimal string
 * @returns lower and upper ends per point (NaN where doubles cannot bound the value), or null
 *          when the expression uses an operation outside the plan (a conditional, asin, …)
 */
export function pointIntervals(text: string, points: readonly Record<string, string>[]): PointIntervals | null {
  const plan = planOf(text);
  if (!plan) return null;
  let memo = memos.get(points);
  if (!memo) {
    memo = new Map();
    memos.set(points, memo);
  }
  const slots: PointIntervals[] = new Array(plan.length);
  for (let k = 0; k < plan.length; k++) {
    const op = plan[k];
    const hit = memo.get(op.key);
    if (hit) {
      slots[k] = hit;
      continue;
    }
    const out: PointIntervals = { lo: new Float64Array(points.length), hi: new Float64Array(points.length) };
    for (let i = 0; i < points.length; i++) {
      const args: [number, number][] = [];
      let missing = false;
      for (const s of op.args) {
        const lo = slots[s].lo[i];
        if (Number.isNaN(lo)) {
          missing = true;
          break;
        }
        args.push([lo, slots[s].hi[i]]);
      }
      const v = missing ? null : apply(op, args, points[i]);
      out.lo[i] = v ? v[0] : Number.NaN;
      out.hi[i] = v ? v[1] : Number.NaN;
    }
    memo.set(op.key, out);
    slots[k] = out;
  }
  return slots[plan.length - 1];
}

/** True when the expression is certainly a finite real number at point i. */
export function boundedAt(v: PointIntervals | null, i: number): boolean {
  return v !== null && !Number.isNaN(v.lo[i]);
}

/**
 * The first point where two expressions are certainly apart: their intervals are disjoint
 * and the gap between them exceeds `relative` times the larger magnitude (so the exact
 * values differ by more than any tolerance of the sampling tier).
 *
 * @param a, b     the intervals of the two sides ({@link pointIntervals})
 * @param relative the relative gap required (default 1e-40, far above the 60-digit tolerance 1e-54)
 * @returns the index of the first such point, or −1
 */
export function firstApart(a: PointIntervals | null, b: PointIntervals | null, relative = 1e-40): number {
  if (!a || !b) return -1;
  for (let i = 0; i < a.lo.length; i++) {
    if (Number.isNaN(a.lo[i]) || Number.isNaN(b.lo[i])) continue;
    const gap = Math.max(a.lo[i] - b.hi[i], b.lo[i] - a.hi[i]);
    if (!(gap > 0)) continue;
    const size = Math.max(Math.abs(a.lo[i]), Math.abs(a.hi[i]), Math.abs(b.lo[i]), Math.abs(b.hi[i]));
    if (down(gap) > up(size) * relative) return i;
  }
  return -1;
}
