/**
 * The fuzzer's grammar: random functions of x over the verifier's functions (compositions
 * 2–5 deep of exp, log, σ, softplus, tanh, sin, cos, sqrt, abs, max/min, sums, products,
 * quotients and powers), domains from 1e−3 wide to ±1000, true steps made by rewrites that
 * hold on every real x, and the derivative by the textbook rules (independent of mathjs's).
 * Every function is defined on all reals by construction: logs and roots take 1 + u² or
 * softplus, denominators are 1 + u², 2 + sin u or e^u, exponentials take a bounded argument
 * unless it is x itself.
 */

/** An expression tree. */
export type Node =
  | { k: "x" }
  | { k: "c"; v: string }
  | { k: "fn"; f: string; a: Node[] }
  | { k: "op"; o: "+" | "-" | "*" | "/" | "^"; a: [Node, Node] }
  | { k: "neg"; a: [Node] };

/** A seeded generator of uniform numbers in [0, 1) (mulberry32, scripts/seeded-random.ts). */
export { mulberry32 as rng } from "../seeded-random";

const X: Node = { k: "x" };
const c = (v: string | number): Node => ({ k: "c", v: String(v) });
const fn = (f: string, ...a: Node[]): Node => ({ k: "fn", f, a });
const op = (o: "+" | "-" | "*" | "/" | "^", l: Node, r: Node): Node => ({ k: "op", o, a: [l, r] });
const neg = (a: Node): Node => ({ k: "neg", a: [a] });

/** The expression in mathjs syntax, every operation in brackets. */
export function text(n: Node): string {
  switch (n.k) {
    case "x":
      return "x";
    case "c":
      return n.v.startsWith("-") ? `(${n.v})` : n.v;
    case "neg":
      return `(-${text(n.a[0])})`;
    case "op":
      return `(${text(n.a[0])} ${n.o} ${text(n.a[1])})`;
    case "fn":
      return `${n.f}(${n.a.map(text).join(", ")})`;
  }
}

const has = (n: Node, pred: (m: Node) => boolean): boolean =>
  pred(n) || ("a" in n && (n.a as Node[]).some((m) => has(m, pred)));
const kinked = (n: Node) => has(n, (m) => m.k === "fn" && ["abs", "max", "min"].includes(m.f));

const CONSTANTS = ["2", "3", "0.5", "0.1", "1.5", "1e-3", "7", "0.25", "10"];

/**
 * A random function of x.
 * @param r     the random source
 * @param depth how many more compositions (2–5 at the top)
 * @param kinks whether abs, max and min may appear (not in functions to differentiate)
 */
export function generate(r: () => number, depth: number, kinks: boolean): Node {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  if (depth <= 0) return r() < 0.75 ? X : r() < 0.5 ? op("*", c(pick(CONSTANTS)), X) : op("+", X, c(pick(CONSTANTS)));
  const sub = () => generate(r, depth - 1 - (r() < 0.3 ? 1 : 0), kinks);
  const choices = [
    "exp",
    "log",
    "sigma",
    "softplus",
    "tanh",
    "sin",
    "cos",
    "sqrt",
    "+",
    "-",
    "*",
    "/",
    "^",
    "neg",
    ...(kinks ? ["abs", "max", "min"] : []),
  ];
  const u = sub();
  switch (pick(choices)) {
    case "exp":
      return fn(
        "exp",
        u.k === "x" || (u.k === "op" && u.a.some((m) => m.k === "x") && u.a.some((m) => m.k === "c"))
          ? u
          : fn("tanh", u),
      );
    case "log":
      return r() < 0.5 ? fn("log", op("+", c(1), op("^", u, c(2)))) : fn("log", fn("softplus", u));
    case "sqrt":
      return fn("sqrt", op("+", c(1), op("^", u, c(2))));
    case "sigma":
    case "softplus":
    case "tanh":
    case "sin":
    case "cos":
    case "abs":
      return fn(pick(["sigma", "softplus", "tanh", "sin", "cos", ...(kinks ? ["abs"] : [])]), u);
    case "max":
    case "min":
      return fn(r() < 0.5 ? "max" : "min", u, r() < 0.5 ? c(pick(["0", "1", "-1", "0.5"])) : sub());
    case "+":
    case "-":
    case "*":
      return op(pick(["+", "-", "*"] as const), u, sub());
    case "/": {
      const v = sub();
      return op("/", u, pick([op("+", c(1), op("^", v, c(2))), op("+", c(2), fn("sin", v)), fn("exp", fn("tanh", v))]));
    }
    case "^":
      return op("^", u, c(pick(["2", "3", "4"])));
    default:
      return neg(u);
  }
}

/** d/dx by the textbook rules: sum, product, quotient, power and chain rules. */
export function derivative(n: Node): Node {
  switch (n.k) {
    case "x":
      return c(1);
    case "c":
      return c(0);
    case "neg":
      return neg(derivative(n.a[0]));
    case "op": {
      const [u, v] = n.a;
      const du = derivative(u);
      const dv = derivative(v);
      switch (n.o) {
        case "+":
          return op("+", du, dv);
        case "-":
          return op("-", du, dv);
        case "*":
          return op("+", op("*", du, v), op("*", u, dv));
        case "/":
          return op("/", op("-", op("*", du, v), op("*", u, dv)), op("^", v, c(2)));
        case "^":
          if (v.k !== "c") throw new Error("fuzz grammar: only constant exponents");
          return op("*", op("*", c(v.v), op("^", u, c(String(Number(v.v) - 1)))), du);
      }
      throw new Error(`fuzz grammar: operator ${n.o}`);
    }
    case "fn": {
      const u = n.a[0];
      const du = derivative(u);
      switch (n.f) {
        case "exp":
          return op("*", fn("exp", u), du);
        case "log":
          return op("/", du, u);
        case "sqrt":
          return op("/", du, op("*", c(2), fn("sqrt", u)));
        case "sigma":
          return op("*", op("*", fn("sigma", u), op("-", c(1), fn("sigma", u))), du);
        case "softplus":
          return op("*", fn("sigma", u), du);
        case "tanh":
          return op("*", op("-", c(1), op("^", fn("tanh", u), c(2))), du);
        case "sin":
          return op("*", fn("cos", u), du);
        case "cos":
          return op("*", neg(fn("sin", u)), du);
      }
      throw new Error(`fuzz grammar: cannot differentiate ${n.f}`);
    }
  }
}

/**
 * One rewrite that holds for every real x, applied at a random place of the tree: a sum or
 * product commuted, σ(u) = 1 − σ(−u) = e^u/(1 + e^u) for bounded u, softplus(u) = u + softplus(−u),
 * tanh u = 2σ(2u) − 1, u² = u·u, |u| = max(u, −u), max(a, b) = −min(−a, −b),
 * a/b = a·b^(−1), u = u·(sin² x + cos² x), u = (u + c) − c (a cancellation).
 */
export function rewrite(r: () => number, n: Node): Node {
  const places: Node[] = [];
  const walk = (m: Node) => {
    places.push(m);
    // a constant exponent stays as written (u^2, not u^(2·(sin² x + cos² x)), which no one writes)
    if (m.k === "op" && m.o === "^") walk(m.a[0]);
    else if ("a" in m) (m.a as Node[]).forEach(walk);
  };
  walk(n);
  const target = places[Math.floor(r() * places.length)];
  const replaced = rewriteAt(r, target);
  const swap = (m: Node): Node =>
    m === target ? replaced : "a" in m ? ({ ...m, a: (m.a as Node[]).map(swap) } as Node) : m;
  return swap(n);
}

function rewriteAt(r: () => number, m: Node): Node {
  const options: (() => Node)[] = [
    () => op("*", m, op("+", op("^", fn("sin", X), c(2)), op("^", fn("cos", X), c(2)))),
    () => {
      const shift = r() < 0.5 ? "1" : "1e30";
      return op("-", op("+", m, c(shift)), c(shift));
    },
  ];
  if (m.k === "op" && (m.o === "+" || m.o === "*")) options.push(() => op(m.o, m.a[1], m.a[0]));
  if (m.k === "op" && m.o === "/") options.push(() => op("*", m.a[0], op("^", m.a[1], c(-1))));
  if (m.k === "op" && m.o === "^" && m.a[1].k === "c" && m.a[1].v === "2") options.push(() => op("*", m.a[0], m.a[0]));
  if (m.k === "fn") {
    const u = m.a[0];
    if (m.f === "sigma") options.push(() => op("-", c(1), fn("sigma", neg(u))));
    if (m.f === "sigma" && (u.k === "x" || (u.k === "op" && u.a.every((q) => q.k === "x" || q.k === "c")))) {
      options.push(() => op("/", fn("exp", u), op("+", c(1), fn("exp", u))));
    }
    if (m.f === "softplus") options.push(() => op("+", u, fn("softplus", neg(u))));
    if (m.f === "tanh") options.push(() => op("-", op("*", c(2), fn("sigma", op("*", c(2), u))), c(1)));
    if (m.f === "abs") options.push(() => fn("max", u, neg(u)));
    if (m.f === "max" || m.f === "min")
      options.push(() => neg(fn(m.f === "max" ? "min" : "max", neg(m.a[0]), neg(m.a[1]))));
  }
  return options[Math.floor(r() * options.length)]();
}

/** A domain for x: a centre (0 or anywhere in ±1000) and a width from 1e−3 to 2000, inside [−1000, 1000]. */
export function domain(r: () => number): { lo: string; hi: string } {
  const centre = r() < 0.3 ? 0 : (r() * 2 - 1) * 1000;
  const width = 10 ** (-3 + r() * 6.3);
  const lo = Math.max(-1000, centre - width / 2);
  const hi = Math.min(1000, centre + width / 2);
  const fmt = (v: number) => Number(v.toPrecision(6)).toString();
  return fmt(lo) === fmt(hi) ? { lo: fmt(lo), hi: fmt(lo + 1e-3) } : { lo: fmt(lo), hi: fmt(hi) };
}

/**
 * A step wrong by a relative error that fades into the far tail: u·(1 + k·e^x). On a domain
 * where x < −130 the error is below 1e−56 of u (the sampling tolerance) everywhere, yet the
 * step is not an identity; the verifier's exact tier shows the normal forms differ and the
 * deeper comparison rejects it (the class of the disagreement found with seed 2).
 */
export function nearMiss(r: () => number, n: Node): Node {
  return op("*", n, op("+", c(1), op("*", c(["1", "3", "0.5"][Math.floor(r() * 3)]), fn("exp", X))));
}

/**
 * A domain in the far negative tail whose upper end is in (−500, −130): there e^x is between
 * 1e−217 and 1e−56, below the sampling tolerance but above the deeper comparison's (1e−234).
 */
export function tailDomain(r: () => number): { lo: string; hi: string } {
  const hi = -130 - r() * 370;
  const lo = Math.max(-1000, hi - 10 ** (-1 + r() * 3));
  return { lo: Number(lo.toPrecision(6)).toString(), hi: Number(hi.toPrecision(6)).toString() };
}

export { kinked };
