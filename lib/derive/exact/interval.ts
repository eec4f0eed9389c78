/**
 * Interval arithmetic with outward (directed) rounding in 40-digit decimals, with open or
 * closed ends: what the exact tier uses to show that a factor keeps its sign on the whole
 * declared domain (a denominator is never 0, a log argument is positive).
 */
import type { BigNumber } from "mathjs";
import { bigMath } from "../evaluate";
import { atomOf, type Mono, type Poly } from "./poly";
import type { Q } from "./rational";

type Dec = BigNumber;
interface DecimalCtor {
  new (v: string | number | Dec): Dec;
  clone(config: object): DecimalCtor;
  exp(x: Dec): Dec;
  ln(x: Dec): Dec;
  pow(x: Dec, y: Dec): Dec;
  add(x: Dec, y: Dec): Dec;
  mul(x: Dec, y: Dec): Dec;
  div(x: Dec, y: Dec): Dec;
}
const Base = (bigMath(40) as unknown as { BigNumber: DecimalCtor }).BigNumber;
const Down = Base.clone({ precision: 40, rounding: 3 /* ROUND_FLOOR */ });
const Up = Base.clone({ precision: 40, rounding: 2 /* ROUND_CEIL */ });
const INF = new Down(Infinity);
const SLACK = new Down("1e-36");

/** A real interval; an open end excludes its bound. */
export interface Interval {
  lo: Dec;
  hi: Dec;
  loOpen: boolean;
  hiOpen: boolean;
}

/** Where each variable lives: name → interval. */
export type Box = ReadonlyMap<string, Interval>;

/** (−∞, ∞): what is known about a value nothing bounds. */
export const WHOLE_LINE: Interval = { lo: INF.neg(), hi: INF, loOpen: true, hiOpen: true };

/** The interval from lo to hi (decimal texts or numbers, rounded outward), with open or closed ends. */
export function interval(lo: string | number, hi: string | number, loOpen: boolean, hiOpen: boolean): Interval {
  return { lo: new Down(lo), hi: new Up(hi), loOpen, hiOpen };
}

function point(q: Q): Interval {
  const lo = Down.div(new Down(q.n.toString()), new Down(q.d.toString()));
  const hi = Up.div(new Up(q.n.toString()), new Up(q.d.toString()));
  return { lo, hi, loOpen: false, hiOpen: false };
}

function sane(i: Interval): Interval {
  return i.lo.isNaN() || i.hi.isNaN() ? WHOLE_LINE : i;
}

/** a + b, rounded outward. */
export function addI(a: Interval, b: Interval): Interval {
  return sane({
    lo: Down.add(a.lo, b.lo),
    hi: Up.add(a.hi, b.hi),
    loOpen: a.loOpen || b.loOpen,
    hiOpen: a.hiOpen || b.hiOpen,
  });
}

/** a · b, rounded outward; an end is closed when a corner product attaining it is attained. */
export function mulI(a: Interval, b: Interval): Interval {
  const ends = (i: Interval) => [
    { v: i.lo, open: i.loOpen },
    { v: i.hi, open: i.hiOpen },
  ];
  const corners = ends(a).flatMap((x) =>
    ends(b).map((y) => {
      const attained = (!x.open && !y.open) || (!x.open && x.v.isZero()) || (!y.open && y.v.isZero());
      const zero = x.v.isZero() || y.v.isZero();
      return { lo: zero ? new Down(0) : Down.mul(x.v, y.v), hi: zero ? new Up(0) : Up.mul(x.v, y.v), attained };
    }),
  );
  if (corners.some((c) => c.lo.isNaN() || c.hi.isNaN())) return WHOLE_LINE;
  let lo = corners[0].lo;
  let hi = corners[0].hi;
  for (const c of corners) {
    if (c.lo.lt(lo)) lo = c.lo;
    if (c.hi.gt(hi)) hi = c.hi;
  }
  return {
    lo,
    hi,
    loOpen: !corners.some((c) => c.attained && c.lo.eq(lo)),
    hiOpen: !corners.some((c) => c.attained && c.hi.eq(hi)),
  };
}

function recip(a: Interval): Interval {
  if (!(a.lo.gt(0) || a.hi.lt(0) || (a.lo.isZero() && a.loOpen) || (a.hi.isZero() && a.hiOpen))) return WHOLE_LINE;
  const lo = a.hi.isZero() ? INF.neg() : Down.div(new Down(1), a.hi);
  const hi = a.lo.isZero() ? INF : Up.div(new Up(1), a.lo);
  return { lo, hi, loOpen: a.hiOpen, hiOpen: a.loOpen };
}

function powI(a: Interval, k: number): Interval {
  if (k < 0) return recip(powI(a, -k));
  if (k === 0) return point({ n: 1n, d: 1n } as Q);
  let r = a;
  for (let i = 1; i < k; i++) r = mulI(r, a);
  if (k % 2 === 0 && !r.lo.gte(0)) {
    // even power: never negative; the smallest |a| is 0 when 0 is in a
    const containsZero = a.lo.lte(0) && a.hi.gte(0);
    if (containsZero) {
      const zeroAttained = (a.lo.lt(0) || !a.loOpen) && (a.hi.gt(0) || !a.hiOpen);
      return { lo: new Down(0), hi: r.hi, loOpen: !zeroAttained, hiOpen: r.hiOpen };
    }
  }
  return r;
}

function expI(a: Interval): Interval {
  const lo = a.lo.eq(INF.neg()) ? new Down(0) : Down.mul(Down.exp(a.lo), new Down(1).minus(SLACK));
  const hi = a.hi.eq(INF) ? INF : Up.mul(Up.exp(a.hi), new Up(1).plus(SLACK));
  return sane({ lo, hi, loOpen: a.loOpen || lo.isZero(), hiOpen: a.hiOpen });
}

function lnI(a: Interval): Interval {
  const lo = a.lo.lte(0) ? INF.neg() : Down.ln(a.lo).minus(SLACK.times(Down.ln(a.lo).abs().plus(1)));
  const hi = a.hi.eq(INF) ? INF : a.hi.lte(0) ? INF.neg() : Up.ln(a.hi).plus(SLACK.times(Up.ln(a.hi).abs().plus(1)));
  return sane({ lo, hi, loOpen: a.loOpen || a.lo.lte(0), hiOpen: a.hiOpen });
}

function qPowI(base: bigint, e: Q): Interval {
  const x = Number(e.n) / Number(e.d);
  const lo = Down.pow(new Down(base.toString()), new Down(x)).times(new Down(1).minus("1e-15"));
  const hi = Up.pow(new Up(base.toString()), new Up(x)).times(new Up(1).plus("1e-15"));
  return { lo, hi, loOpen: false, hiOpen: false };
}

const PI_LO = new Down("3.141592653589793238462643383279502884197");
const PI_HI = new Up("3.141592653589793238462643383279502884198");

/**
 * An enclosure of an opaque function's values (poly.ts, kind "fn") on an enclosure of its
 * argument: e^u by exp; sin and cos by where u lies against multiples of π/2 (only the sign
 * is sharp); the odd increasing functions (atan, asin, asinh, atanh, cbrt) keep u's sign;
 * acos and acosh are ≥ 0. Anything else: the whole line.
 */
function fnI(name: string, u: Interval): Interval {
  const unit = (lo: number, hi: number, loOpen: boolean, hiOpen: boolean): Interval => interval(lo, hi, loOpen, hiOpen);
  const above0 = u.lo.gt(0) || (u.lo.isZero() && u.loOpen);
  const below0 = u.hi.lt(0) || (u.hi.isZero() && u.hiOpen);
  switch (name) {
    case "exp":
      return expI(u);
    case "sin":
      // PI_LO < π: u inside (0, π) or (−π, 0)
      if (above0 && u.hi.lte(PI_LO)) return unit(0, 1, true, false);
      if (below0 && u.lo.gte(PI_LO.neg())) return unit(-1, 0, false, true);
      return unit(-1, 1, false, false);
    case "cos": {
      const half = Down.div(PI_LO, new Down(2));
      if (u.lo.gt(half.neg()) && u.hi.lt(half)) return unit(0, 1, true, false);
      return unit(-1, 1, false, false);
    }
    case "atan":
    case "asin":
    case "asinh":
    case "atanh":
    case "cbrt": {
      const s = signOfInterval(u);
      if (s === 1) return { lo: new Down(0), hi: INF, loOpen: true, hiOpen: true };
      if (s === -1) return { lo: INF.neg(), hi: new Up(0), loOpen: true, hiOpen: true };
      if (s === 0.5) return { lo: new Down(0), hi: INF, loOpen: false, hiOpen: true };
      if (s === -0.5) return { lo: INF.neg(), hi: new Up(0), loOpen: true, hiOpen: false };
      return WHOLE_LINE;
    }
    case "acos":
    case "acosh":
      return { lo: new Down(0), hi: INF, loOpen: false, hiOpen: true };
  }
  return WHOLE_LINE;
}

/** An enclosure of the values of atom^e on the box. */
function atomI(id: string, e: Q, box: Box): Interval {
  const a = atomOf(id);
  if (a.kind === "exp") return expI(mulI(point(e), monoI(a.mono, box)));
  if (a.kind === "fn") {
    const u = mulI(polyI(a.n, box), recip(polyI(a.d, box)));
    if (a.name === "exp") return expI(mulI(point(e), u));
    if (!e.isInteger()) return WHOLE_LINE;
    return powI(fnI(a.name, u), Number(e.n));
  }
  if (a.kind === "root") return qPowI(a.prime, e);
  if (!e.isInteger()) return WHOLE_LINE;
  const k = Number(e.n);
  if (a.kind === "var") return powI(box.get(a.name) ?? WHOLE_LINE, k);
  if (a.kind === "pi") return powI({ lo: PI_LO, hi: PI_HI, loOpen: false, hiOpen: false }, k);
  return powI(lnI(polyI(a.poly, box)), k);
}

/** An enclosure of the values of a monomial on the box. */
export function monoI(m: Mono, box: Box): Interval {
  let r = point({ n: 1n, d: 1n } as Q);
  for (const [id, e] of m) r = mulI(r, atomI(id, e, box));
  return r;
}

/** An enclosure of the values of a polynomial on the box. */
export function polyI(p: Poly, box: Box): Interval {
  let r = point({ n: 0n, d: 1n } as Q);
  for (const t of p.values()) r = addI(r, mulI(point(t.c), monoI(t.m, box)));
  return r;
}

/** +1 / −1 when the interval is strictly positive / negative; +0.5 / −0.5 when only ≥ 0 / ≤ 0; 0 when unknown. */
export function signOfInterval(i: Interval): number {
  if (i.lo.gt(0) || (i.lo.isZero() && i.loOpen)) return 1;
  if (i.hi.lt(0) || (i.hi.isZero() && i.hiOpen)) return -1;
  if (i.lo.gte(0)) return 0.5;
  if (i.hi.lte(0)) return -0.5;
  return 0;
}

/** Cuts a box in two at the midpoint of its widest finite variable (closed at the cut). */
export function bisect(box: Box): [Box, Box] | null {
  let best: string | null = null;
  let width = new Down(0);
  for (const [k, i] of box) {
    if (!i.lo.isFinite() || !i.hi.isFinite()) continue;
    const w = i.hi.minus(i.lo);
    if (w.gt(width)) {
      width = w;
      best = k;
    }
  }
  if (best === null) return null;
  const i = box.get(best)!;
  const mid = new Down(i.lo.plus(i.hi).div(2).toString());
  const left = new Map(box).set(best, { ...i, hi: mid, hiOpen: false });
  const right = new Map(box).set(best, { ...i, lo: mid, loOpen: false });
  return [left, right];
}
