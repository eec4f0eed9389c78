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
import { type Ball, certainDigits, log10Abs, logSum } from "../ball";
import { evaluator, PRECISION } from "../evaluate";
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
 * Where doubles cannot screen: the screen points at which the step's double value is not its
 * value (1 + tanh(−577) is 0 in doubles and about 2e−501; GELU's derivative on (−30, −20) is
 * some 1e−854 and 0 in doubles), with the step's 60-digit value there (the verifier's own
 * evaluation, evaluate.ts, with a rigorous error bound). There every candidate is 0 in doubles
 * too, so the double screen sets none aside and the few full comparisons go to the first
 * candidates in rank order, not to the slip the learner made.
 */
export interface PreciseScreen {
  /** Indices of the screen points where the double value is not the step's value. */
  readonly indices: ReadonlySet<number>;
  /** The screen points, variable → decimal string. */
  readonly points: readonly Record<string, string>[];
  /** The step's value at each index (a ball with at least 12 certain digits). */
  readonly balls: ReadonlyMap<number, Ball>;
}

/**
 * An expression's 60-digit values (the verifier's evaluation, evaluate.ts) at some of the points,
 * one at a time as the caller asks for them: an index where it has no real value, or where the
 * evaluation throws, is skipped; none at all when the evaluator cannot read the expression.
 *
 * @param node    the expression, definitions expanded
 * @param points  the points, variable → decimal string
 * @param indices the indices into `points` to evaluate, in this order
 * @returns pairs [index, ball]
 */
function* ballsAt(
  node: MathNode,
  points: readonly Record<string, string>[],
  indices: Iterable<number>,
): Generator<[number, Ball]> {
  let e: ReturnType<typeof evaluator>;
  try {
    e = evaluator(node.toString(), points);
  } catch {
    return;
  }
  for (const i of indices) {
    let b: ReturnType<typeof e.ball>;
    try {
      b = e.ball(i, PRECISION);
    } catch {
      continue;
    }
    if (typeof b !== "string") yield [i, b];
  }
}

/** Certain digits a 60-digit value needs before it screens. */
const PRECISE_DIGITS = 12;

/**
 * The step's {@link PreciseScreen}, or null when doubles give its value at every screen point
 * (to {@link QUICK_TOLERANCE}) or no 60-digit value is certain enough to screen with.
 *
 * @param step   the rejected step, definitions expanded
 * @param values its double values at the points ({@link quickValues})
 * @param points the same points as decimal strings
 */
export function preciseScreen(
  step: MathNode,
  values: Values,
  points: readonly Record<string, string>[],
): PreciseScreen | null {
  const balls = new Map<number, Ball>();
  for (const [i, b] of ballsAt(step, points, points.keys())) {
    if (certainDigits(b) < PRECISE_DIGITS) continue;
    const exact = b.v.toNumber();
    const scale = Math.abs(exact);
    const doubleRight =
      Number.isFinite(exact) &&
      scale > 1e-290 &&
      scale < 1e290 &&
      Math.abs(values[i] - exact) <= QUICK_TOLERANCE * scale;
    if (!doubleRight) balls.set(i, b);
  }
  return balls.size === 0 ? null : { indices: new Set(balls.keys()), points, balls };
}

/**
 * False when a candidate's 60-digit values plainly differ from the step's at a point of the
 * {@link PreciseScreen} (the two balls lie apart by more than 1e−10 of the larger value);
 * true otherwise, also where the candidate has no certain value there.
 *
 * @param screen    the step's precise screen
 * @param candidate the candidate, definitions expanded
 */
export function mayEqualPrecisely(screen: PreciseScreen, candidate: MathNode): boolean {
  for (const [i, b] of ballsAt(candidate, screen.points, screen.balls.keys())) {
    const s = screen.balls.get(i)!;
    const gap = log10Abs(s.v.minus(b.v));
    const allowed = logSum(s.r, b.r, Math.max(log10Abs(s.v), log10Abs(b.v)) - 10);
    if (gap > allowed) return false;
  }
  return true;
}

/**
 * False when two expressions' values plainly differ at some point (both finite and apart by
 * more than {@link QUICK_TOLERANCE} relative, or one finite and the other not); true otherwise,
 * also when doubles cannot tell (both not finite everywhere): the verifier's comparison decides then.
 */
export function mayEqual(a: Values, b: Values, skip?: ReadonlySet<number>): boolean {
  for (let i = 0; i < a.length; i++) {
    if (skip?.has(i)) continue;
    if (Number.isNaN(a[i]) !== Number.isNaN(b[i])) return false;
    if (Number.isNaN(a[i])) continue;
    const scale = Math.max(Math.abs(a[i]), Math.abs(b[i]));
    if (Math.abs(a[i] - b[i]) > QUICK_TOLERANCE * scale + 1e-300) return false;
  }
  return true;
}
