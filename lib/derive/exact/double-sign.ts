/**
 * The exact tier's cheap look at a sign: a polynomial (poly.ts) enclosed on the domain box
 * in double-precision interval arithmetic with outward rounding (double-interval.ts's
 * operations), instead of interval.ts's 40-digit decimals. It answers only when doubles
 * show the sign for certain (the whole enclosure strictly above or below 0); anything
 * else — an enclosure touching 0, an end beyond a double's range, an open end that would
 * matter, a function it does not enclose — is "not shown", and interval.ts decides.
 * So it can never decide a sign the decimal enclosure would not: it only decides sooner.
 *
 * Ends of the box are closed here (a superset of an open interval), so a sign that needs
 * an open end (x > 0 on (0, 1)) is left to the decimals. Source of the method: interval
 * arithmetic with outward rounding (Moore, Kearfott and Cloud, "Introduction to Interval
 * Analysis", SIAM 2009, ch. 2–5).
 */
import { add, div, down, exp, ln, monotone, mul, power, up, type Iv } from "../double-interval";
import { signOfInterval, type Box } from "./interval";
import { atomOf, type Mono, type Poly } from "./poly";
import { Q } from "./rational";

/** The box in doubles (each end rounded outward, closed), with the enclosures computed on it. */
interface DoubleBox {
  vars: Map<string, Iv>;
  /** atom id and exponent → enclosure of atom^exponent */
  atoms: Map<string, Iv>;
}

const boxes = new WeakMap<Box, DoubleBox>();

function doubleBox(box: Box): DoubleBox {
  let b = boxes.get(box);
  if (!b) {
    const vars = new Map<string, Iv>();
    for (const [name, i] of box) {
      const lo = i.lo.toNumber();
      const hi = i.hi.toNumber();
      vars.set(name, Number.isFinite(lo) && Number.isFinite(hi) ? [down(lo), up(hi)] : null);
    }
    b = { vars, atoms: new Map() };
    boxes.set(box, b);
  }
  return b;
}

/** A rational as an enclosing interval: exact for an integer a double holds, else within 2 ulps. */
function rational(q: Q): Iv {
  const n = Number(q.n);
  if (q.d === 1n && Number.isSafeInteger(n)) return [n, n];
  const v = n / Number(q.d);
  return Number.isFinite(v) ? [down(v, 2), up(v, 2)] : null;
}

/**
 * sin or cos on [a, b]: bounded away from 0 only where the interval lies inside a half
 * period (after taking out whole periods); else [−1, 1].
 */
function sinCos(name: "sin" | "cos", u: [number, number]): Iv {
  if (!(u[1] - u[0] < 3.2)) return [-1, 1]; // wider than a half period (or not finite)
  // cos u = sin(u + π/2). u − 2πk in [0, 2π): Math.PI is within 1.3e-16 of π and each
  // operation rounds within an ulp, so a slack of 1e-15 + 1e-15·|u| holds the exact value
  const shift = name === "cos" ? Math.PI / 2 : 0;
  const k = Math.floor((u[0] + shift) / (2 * Math.PI));
  const slack = 1e-15 + 1e-15 * (Math.abs(u[0]) + Math.abs(u[1]));
  const a = u[0] + shift - 2 * Math.PI * k - slack;
  const b = u[1] + shift - 2 * Math.PI * k + slack;
  const piLo = down(Math.PI, 2);
  const piHi = up(Math.PI, 2);
  // sin is concave on [0, π] and convex on [π, 2π]: its extreme inside lies at an end
  if (a > 0 && b < piLo) return [Math.max(0, down(Math.min(Math.sin(a), Math.sin(b)), 4)), 1];
  if (a > piHi && b < 2 * piLo) return [-1, Math.min(0, up(Math.max(Math.sin(a), Math.sin(b)), 4))];
  return [-1, 1];
}

/** The enclosure of a function atom's value for an argument enclosure u (the functions interval.ts's fnI knows). */
function fnValue(name: string, u: [number, number]): Iv {
  switch (name) {
    case "exp":
      return exp(u);
    case "sin":
    case "cos":
      return sinCos(name, u);
    case "atan":
      return monotone(Math.atan, u);
    case "asinh":
      return monotone(Math.asinh, u);
    case "cbrt":
      return monotone(Math.cbrt, u);
    case "asin":
      return u[0] >= -1 && u[1] <= 1 ? monotone(Math.asin, u) : null;
    case "atanh":
      return u[0] > -1 && u[1] < 1 ? monotone(Math.atanh, u) : null;
  }
  return null;
}

/** The enclosure of atom^e on the box. */
function atomValue(id: string, e: Q, box: DoubleBox): Iv {
  const key = `${id}^${e}`;
  if (box.atoms.has(key)) return box.atoms.get(key)!;
  let v: Iv = null;
  const a = atomOf(id);
  const integer = e.isInteger() && Math.abs(Number(e.n)) <= 1024;
  const k = Number(e.n);
  const scaled = (u: Iv): Iv => {
    const c = rational(e);
    return u && c && mul(c, u);
  };
  if (a.kind === "exp") {
    const m = monoValue(a.mono, box);
    const t = scaled(m);
    v = t && exp(t);
  } else if (a.kind === "fn") {
    const n = polyValue(a.n, box);
    const d = polyValue(a.d, box);
    const u = n && d && div(n, d);
    if (u && a.name === "exp") {
      const t = scaled(u);
      v = t && exp(t);
    } else if (u && integer) {
      const f = fnValue(a.name, u);
      v = f && power(f, [k, k]);
    }
  } else if (a.kind === "root") {
    // p^e, e in (0, 1): the exponent itself is rounded, so allow 10⁴ ulps either way
    const r = Number(a.prime) ** (Number(e.n) / Number(e.d));
    v = Number.isFinite(r) ? [down(r, 1e4), up(r, 1e4)] : null;
  } else if (integer) {
    const base: Iv =
      a.kind === "var"
        ? (box.vars.get(a.name) ?? null)
        : a.kind === "pi"
          ? [down(Math.PI), up(Math.PI)]
          : logValue(a.poly, box);
    v = base && power(base, [k, k]);
  }
  box.atoms.set(key, v);
  return v;
}

/**
 * ln p for a polynomial p > 0 on the box; 1 + r (a constant term 1) as log1p(r), so that
 * log(1 + e^x) at x = −78 is about 1e−34, not the 0 that 1 + 1e−34 rounds to.
 */
function logValue(p: Poly, box: DoubleBox): Iv {
  const one = p.get("");
  if (one?.c.equals(Q.ONE) && p.size > 1) {
    const rest = new Map(p);
    rest.delete("");
    const r = polyValue(rest, box);
    return r && r[0] > -1 ? monotone(Math.log1p, r) : null;
  }
  const v = polyValue(p, box);
  return v && ln(v);
}

function monoValue(m: Mono, box: DoubleBox): Iv {
  let r: Iv = [1, 1];
  for (const [id, e] of m) {
    const a = atomValue(id, e, box);
    if (!a || !r) return null;
    r = mul(r, a);
  }
  return r;
}

function polyValue(p: Poly, box: DoubleBox): Iv {
  let r: Iv = [0, 0];
  for (const t of p.values()) {
    const c = rational(t.c);
    const m = monoValue(t.m, box);
    const term = c && m && mul(c, m);
    if (!term || !r) return null;
    r = add(r, term);
  }
  return r;
}

/**
 * The sign of a polynomial on the whole box when double-precision intervals show it.
 *
 * @param p   a polynomial of the exact tier (poly.ts)
 * @param box the domain box (interval.ts)
 * @returns +1 / −1 when p is certainly strictly positive / negative on the box; 0 when
 *   doubles do not show it (the caller then asks interval.ts)
 */
export function doubleSign(p: Poly, box: Box): number {
  const v = polyValue(p, doubleBox(box));
  if (!v) return 0;
  return v[0] > 0 ? 1 : v[1] < 0 ? -1 : 0;
}

/**
 * The sign of one atom to a power on the box when double-precision intervals show it.
 *
 * @returns +1 / −1 when atom^e is certainly strictly positive / negative on the box, else 0
 */
export function doubleAtomSign(id: string, e: Q, box: Box): number {
  const a = atomOf(id);
  if (a.kind === "var" && e.equals(Q.ONE)) {
    // a variable: its declared interval, open ends and all
    const i = box.get(a.name);
    if (!i) return 0;
    const s = signOfInterval(i);
    return Math.abs(s) === 1 ? s : 0;
  }
  const v = atomValue(id, e, doubleBox(box));
  if (!v) return 0;
  return v[0] > 0 ? 1 : v[1] < 0 ? -1 : 0;
}
