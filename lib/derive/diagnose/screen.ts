/**
 * The diagnosis's cheap first look at a candidate: its values in double precision at a few
 * sample points, computed by walking the expression tree (no printing, parsing or compiling),
 * so that the few dozen wrong steps a slip catalogue predicts cost microseconds each, and only
 * those that agree with the rejected step there go on to the verifier's full comparison.
 * Nothing here decides that two expressions are equal; it only sets aside those that plainly
 * differ.
 *
 * sigma and softplus are evaluated as the kit defines them (expression.ts: σ(u) = 1/(1 + e^(−u)),
 * softplus(u) = log(1 + e^u)), so a candidate is screened before its definitions are expanded.
 * A node outside the functions below is evaluated by mathjs (the verifier's functions, in doubles).
 */
import type { MathNode } from "mathjs";
import { verifierMath } from "../math-functions";

/** Values at the points; NaN where the value is not a finite real number. */
export type Values = Float64Array;

const doubles = verifierMath();

const sigma = (u: number): number => 1 / (1 + Math.exp(-u));
const softplus = (u: number): number => Math.log(1 + Math.exp(u));

/** The functions of one argument evaluated here (Math's, which match mathjs's number functions). */
const UNARY: Record<string, (v: number) => number> = {
  exp: Math.exp,
  expm1: Math.expm1,
  log10: Math.log10,
  log2: Math.log2,
  log1p: Math.log1p,
  sqrt: Math.sqrt,
  cbrt: Math.cbrt,
  abs: Math.abs,
  sign: Math.sign,
  square: (v) => v * v,
  cube: (v) => v * v * v,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  sec: (v) => 1 / Math.cos(v),
  csc: (v) => 1 / Math.sin(v),
  cot: (v) => 1 / Math.tan(v),
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  sech: (v) => 1 / Math.cosh(v),
  csch: (v) => 1 / Math.sinh(v),
  coth: (v) => 1 / Math.tanh(v),
  asinh: Math.asinh,
  acosh: Math.acosh,
  atanh: Math.atanh,
  sigma,
  softplus,
};

const CONSTANTS: Record<string, number> = { e: Math.E, E: Math.E, pi: Math.PI, PI: Math.PI };

/** Thrown inside the walk for a node it does not evaluate; the whole expression then goes to mathjs. */
class Unplanned extends Error {}

type Node = MathNode & {
  isParenthesisNode?: boolean;
  isConstantNode?: boolean;
  isSymbolNode?: boolean;
  isOperatorNode?: boolean;
  isFunctionNode?: boolean;
  content: MathNode;
  value: unknown;
  name: string;
  fn: string | { name: string };
  args: MathNode[];
};

function walk(node: MathNode, scopes: readonly Record<string, number>[]): Float64Array {
  const n = node as Node;
  const k = scopes.length;
  const out = new Float64Array(k);
  if (n.isParenthesisNode) return walk(n.content, scopes);
  if (n.isConstantNode) return out.fill(Number(String(n.value)));
  if (n.isSymbolNode) {
    if (Object.hasOwn(CONSTANTS, n.name) && !Object.hasOwn(scopes[0] ?? {}, n.name)) return out.fill(CONSTANTS[n.name]);
    for (let i = 0; i < k; i++) {
      if (!Object.hasOwn(scopes[i], n.name)) throw new Unplanned(n.name);
      out[i] = scopes[i][n.name];
    }
    return out;
  }
  const args = n.args?.map((a) => walk(a, scopes)) ?? [];
  if (n.isOperatorNode) {
    const [a, b] = args;
    switch (n.fn) {
      case "add":
        for (let i = 0; i < k; i++) out[i] = a[i] + b[i];
        return out;
      case "subtract":
        for (let i = 0; i < k; i++) out[i] = a[i] - b[i];
        return out;
      case "multiply":
        for (let i = 0; i < k; i++) out[i] = a[i] * b[i];
        return out;
      case "divide":
        for (let i = 0; i < k; i++) out[i] = a[i] / b[i];
        return out;
      case "pow":
        for (let i = 0; i < k; i++) out[i] = a[i] ** b[i];
        return out;
      case "unaryMinus":
        for (let i = 0; i < k; i++) out[i] = -a[i];
        return out;
      case "unaryPlus":
        return a;
    }
    throw new Unplanned(String(n.fn));
  }
  if (n.isFunctionNode && typeof n.fn === "object") {
    const name = n.fn.name;
    const f = UNARY[name];
    if (f && args.length === 1) {
      for (let i = 0; i < k; i++) out[i] = f(args[0][i]);
      return out;
    }
    if (name === "log" && (args.length === 1 || args.length === 2)) {
      for (let i = 0; i < k; i++) out[i] = Math.log(args[0][i]) / (args.length === 2 ? Math.log(args[1][i]) : 1);
      return out;
    }
    if (name === "pow" && args.length === 2) {
      for (let i = 0; i < k; i++) out[i] = args[0][i] ** args[1][i];
      return out;
    }
    if ((name === "max" || name === "min") && args.length >= 1) {
      for (let i = 0; i < k; i++) out[i] = Math[name](...args.map((a) => a[i]));
      return out;
    }
    if (name === "nthRoot" && args.length === 2) {
      // mathjs: the real root, also of a negative radicand with an odd index
      for (let i = 0; i < k; i++) {
        const [x, r] = [args[0][i], args[1][i]];
        out[i] = x < 0 && Number.isInteger(r) && Math.abs(r) % 2 === 1 ? -((-x) ** (1 / r)) : x ** (1 / r);
      }
      return out;
    }
  }
  throw new Unplanned(node.type);
}

/** mathjs's values of the whole expression, in doubles (any function the verifier knows, and sigma and softplus). */
function byMathjs(node: MathNode, scopes: readonly Record<string, number>[]): Float64Array {
  const out = new Float64Array(scopes.length).fill(Number.NaN);
  let code: { evaluate(scope: object): unknown };
  try {
    code = doubles.compile(node.toString());
  } catch {
    return out;
  }
  scopes.forEach((scope, i) => {
    try {
      const v = code.evaluate({ ...scope, sigma, softplus });
      if (typeof v === "number") out[i] = v;
    } catch {
      // not a real number here: NaN
    }
  });
  return out;
}

/**
 * An expression's values at a few points in double precision.
 *
 * @param node   the expression (definitions expanded, or sigma and softplus left as calls)
 * @param scopes the points: variable → value
 * @returns one value per point, NaN where it is not a finite real number (a pole, a log of a
 *   negative number, an overflow); every value NaN when mathjs cannot evaluate it either
 */
export function quickValues(node: MathNode, scopes: readonly Record<string, number>[]): Values {
  let out: Float64Array;
  try {
    out = walk(node, scopes);
  } catch (e) {
    if (!(e instanceof Unplanned)) throw e;
    out = byMathjs(node, scopes);
  }
  const values = new Float64Array(out.length);
  for (let i = 0; i < out.length; i++) values[i] = Number.isFinite(out[i]) ? out[i] : Number.NaN;
  return values;
}

/** The relative difference above which two values plainly differ (doubles carry about 16 digits). */
export const QUICK_TOLERANCE = 1e-7;

/**
 * False when two expressions' values plainly differ at some point (both finite and apart by
 * more than {@link QUICK_TOLERANCE} relative, or one finite and the other not); true otherwise,
 * also when doubles cannot tell (both not finite everywhere): the verifier's comparison decides then.
 */
export function mayEqual(a: Values, b: Values): boolean {
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) !== Number.isNaN(b[i])) return false;
    if (Number.isNaN(a[i])) continue;
    const scale = Math.max(Math.abs(a[i]), Math.abs(b[i]));
    if (Math.abs(a[i] - b[i]) > QUICK_TOLERANCE * scale + 1e-300) return false;
  }
  return true;
}
