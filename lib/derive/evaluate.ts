/**
 * Evaluation of an expression in decimal arithmetic at a chosen precision, for the
 * sampling tier. One mathjs BigNumber instance per precision; an expression is parsed
 * from its text by that instance, so a literal keeps every digit it is written with.
 */
import type { BigNumber, MathJsInstance, MathNode } from "mathjs";
import { bareNode, shapeOf } from "./node-shape";
import {
  ballAdd,
  ballDiv,
  ballExp,
  ballHyperbolic,
  ballIntPow,
  ballLipschitz,
  ballLn,
  ballMul,
  ballPow,
  ballSaturating,
  ballSqrt,
  ballTan,
  exact,
  log10Abs,
  logSum,
  OVERFLOW,
  rounded,
  UNRESOLVED,
  type Ball,
  type BallValue,
} from "./ball";
import { cancellationFree, LOGISTIC, SOFTPLUS } from "./cancellation";
import { affordable, COST_FROM, scaledMs } from "./cost";
import { checkAffordable, checkDeadline, clockMs } from "./deadline";
import { verifierMath } from "./math-functions";
import { whyNotFinite } from "./non-finite";

/** Decimal digits of the first evaluation of every point. */
export const PRECISION = 60;
/**
 * The precisions tried in turn until the values compared are settled (their error bounds
 * small next to them). The last, 1000, is close to what decimal.js supports: its ln,
 * trigonometry and non-integer powers stop at about 1025 digits.
 */
export const PRECISION_LEVELS: readonly number[] = [60, 120, 240, 480, 1000];
/** The largest precision the sampling tier evaluates with: "precision bound hit" beyond it. */
export const PRECISION_BOUND = PRECISION_LEVELS[PRECISION_LEVELS.length - 1];

const instances = new Map<number, MathJsInstance>();

/** The mathjs instance computing with `digits` significant digits (cached). */
export function bigMath(digits: number): MathJsInstance {
  let m = instances.get(digits);
  if (!m) {
    m = verifierMath({ number: "BigNumber", precision: digits });
    instances.set(digits, m);
  }
  return m;
}

const decimals = new Map<number, DecimalStatic>();

/** decimal.js's class at `digits` significant digits: a clone of mathjs's BigNumber (cheaper than a mathjs instance per precision). */
function decimalAt(digits: number): DecimalStatic {
  let D = decimals.get(digits);
  if (!D) {
    const base = (bigMath(PRECISION) as unknown as { BigNumber: DecimalStatic & { clone(c: object): DecimalStatic } })
      .BigNumber;
    D = digits === PRECISION ? base : base.clone({ precision: digits });
    decimals.set(digits, D);
  }
  return D;
}

/** decimal.js's rounding mode of every class here: its default, ROUND_HALF_UP, which mathjs keeps. */
const ROUNDING = 4;

/**
 * Puts a decimal.js class back to `digits` digits and its rounding after a call threw. decimal.js's
 * sin, cos and tan raise the class's precision (to the digits asked for plus the argument's
 * own) and set rounding down while they reduce the argument, and restore both only when they
 * return: when the reduction throws "[DecimalError] Precision limit exceeded" (sin at 1000
 * digits of an argument with 1000 significant digits needs π to 2007), the class stays at the
 * raised precision, and every later evaluation "at 60 digits" ran at 1000 or more, 10 to 100
 * times slower (fuzz seed 3: steps of 0.5 s took 6 s and more after such a call in the same process).
 */
function restoreConfig(D: DecimalStatic, digits: number): void {
  const C = D as unknown as { precision: number; rounding: number };
  C.precision = digits;
  C.rounding = ROUNDING;
}

/** A finite real value, or why there is none ("not finite", "not a real number", "undefined (…)", {@link UNRESOLVED}, {@link PRECISION_LIMIT}). */
export type RealValue = BigNumber | string;

/** What a value is when decimal.js refuses the precision asked for (its ln, trigonometry, powers stop near 1025 digits). */
export const PRECISION_LIMIT = "beyond the precision decimal.js supports";

export { OVERFLOW, UNRESOLVED } from "./ball";

/**
 * True for the reasons that leave a value unknown rather than non-existent: {@link UNRESOLVED}
 * and {@link PRECISION_LIMIT}, which more digits may change, and {@link OVERFLOW}, a real number
 * no precision represents. No verdict on the value.
 */
export function unsettled(v: RealValue | BallValue): boolean {
  return v === UNRESOLVED || v === PRECISION_LIMIT || v === OVERFLOW;
}

/** An expression compiled once per precision, evaluated at points given as decimal strings. */
export interface Evaluator {
  /** The value at `point` in `digits`-digit arithmetic (cached per point index and precision). */
  at(index: number, digits: number): RealValue;
  /** The same value with a bound on its error (see ball.ts), or why there is none. */
  ball(index: number, digits: number): BallValue;
  /**
   * True when the values come with rigorous error bounds (the expression has a plan, see
   * {@link planOf}): then a reason other than an unsettled one ("not a real number" for the
   * log of a ball wholly below 0, "not finite" for an exact 0 divisor) is certain, and more
   * digits cannot change it. False where mathjs evaluates and rounding alone may give one.
   */
  readonly bounded: boolean;
}

type Dec = BigNumber;
interface DecimalStatic {
  new (v: string | number): Dec;
  exp(x: Dec): Dec;
  ln(x: Dec): Dec;
  log(x: Dec, b: Dec): Dec;
  sqrt(x: Dec): Dec;
  abs(x: Dec): Dec;
  tanh(x: Dec): Dec;
  sinh(x: Dec): Dec;
  cosh(x: Dec): Dec;
  sin(x: Dec): Dec;
  cos(x: Dec): Dec;
  tan(x: Dec): Dec;
  pow(x: Dec, y: Dec): Dec;
}

/** One operation of a plan: a node of the tree, its key (the same for the same subexpression, in any expression) and its operands' slots. */
export interface Op {
  key: string;
  kind: string;
  name?: string;
  value?: string;
  args: number[];
  constant?: boolean;
}

/** Values computed at one point and precision, shared by every expression of the same point list: subexpression text → value. */
const memos = new WeakMap<readonly Record<string, string>[], Map<string, Map<string, BallValue>>>();
const plans = new Map<string, Op[] | null>();
/** Values of subexpressions without variables (log(e), 1/sqrt(2), …), per precision: the same at every point. */
const constants = new Map<number, Map<string, BallValue>>();

/** Empties the plans and the values of constant subexpressions (process-state.ts); the per-point values go with their point lists. */
export function forgetPlans(): void {
  plans.clear();
  constants.clear();
}

/**
 * Prepares the evaluation of an expression at a list of points, at any of the precisions.
 * Subexpressions are evaluated once per point and precision, and shared between all
 * expressions evaluated on the same `points` array (a step and its mutants share most).
 * Each value carries a bound on its error (ball.ts); an expression with an operation the
 * evaluator does not know (a conditional, asin, …) is evaluated by mathjs and its error
 * taken as 10^(10 − digits) of max(|value|, 1).
 *
 * @param text   the expression in mathjs syntax, definitions expanded
 * @param points variable → decimal string
 * @returns an {@link Evaluator}; values are computed on first use and kept
 */
export function evaluator(text: string, points: readonly Record<string, string>[]): Evaluator {
  const plan = planOf(text);
  const compiled = new Map<number, { evaluate(scope: object): unknown }>();
  /** Without a plan: how long the evaluation at each point took, with the most digits so far (cost.ts). */
  const timings = new Map<number, { ms: number; digits: number }>();
  let memo = memos.get(points);
  if (!memo) {
    memo = new Map();
    memos.set(points, memo);
  }
  const store = memo;
  const ballAt = (index: number, digits: number): BallValue => {
    const slot = `${index}@${digits}`;
    let values = store.get(slot);
    if (!values) {
      values = new Map();
      store.set(slot, values);
    }
    if (plan) return runPlan(plan, values, points[index], digits);
    const hit = values.get(text);
    if (hit !== undefined) return hit;
    const m = bigMath(digits);
    let code = compiled.get(digits);
    if (!code) {
      code = m.parse(text).compile();
      compiled.set(digits, code);
    }
    const scope = Object.fromEntries(Object.entries(points[index]).map(([k, v]) => [k, m.bignumber(v)]));
    // mathjs evaluates the whole expression in one call, which cannot be stopped: not started
    // when, by the time it took with fewer digits, it cannot end within the step's bound (cost.ts)
    const before = timings.get(index);
    if (before !== undefined && digits >= COST_FROM)
      checkAffordable(
        scaledMs(before.ms, before.digits, digits),
        () => `evaluating at ${pointWords(points[index])} with ${digits} digits`,
      );
    const t0 = clockMs();
    const r = evaluateReal(m, code, scope, digits, () => m.parse(text));
    if (before === undefined || digits > before.digits) timings.set(index, { ms: clockMs() - t0, digits });
    const v: BallValue = typeof r === "string" ? r : { v: r, r: Math.max(log10Abs(r), 0) + 10 - digits };
    values.set(text, v);
    return v;
  };
  return {
    ball: ballAt,
    bounded: plan !== null,
    at(index, digits) {
      const b = ballAt(index, digits);
      return typeof b === "string" ? b : b.v;
    },
  };
}

const FUNCTIONS = new Set([
  "exp",
  "log",
  "log10",
  "log2",
  "log1p",
  "expm1",
  "sqrt",
  "abs",
  "max",
  "min",
  "sign",
  "tanh",
  "atan",
  "asinh",
  "sinh",
  "cosh",
  "sech",
  "csch",
  "coth",
  "sin",
  "cos",
  "tan",
  "sec",
  "csc",
  "cot",
  "square",
  "cube",
  LOGISTIC,
  SOFTPLUS,
]);
const OPERATORS = new Set(["add", "subtract", "multiply", "divide", "pow", "unaryMinus", "unaryPlus"]);

/**
 * The expression as a list of operations in evaluation order (cached per text), or null when
 * it uses something else (then mathjs evaluates it). Shared with the double-precision pass
 * (double-interval.ts).
 *
 * @param text an expression in mathjs syntax, definitions expanded
 * @returns the operations, operands before the operation that uses them; the last is the whole
 */
export function planOf(text: string): Op[] | null {
  if (plans.has(text)) return plans.get(text)!;
  const ops: Op[] = [];
  const visit = (node: MathNode): number => {
    const n = node as unknown as {
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
    if (n.isParenthesisNode) return visit(n.content);
    // the key is built from the operands' keys (cheaper than printing every subtree): ⟨ ⟩ and | never occur in mathjs text
    const keyOf = (name: string, args: number[]) => `${name}⟨${args.map((k) => ops[k].key).join("|")}⟩`;
    let op: Op;
    if (n.isConstantNode) op = { key: `⟨${String(n.value)}⟩`, kind: "const", value: String(n.value), args: [] };
    else if (n.isSymbolNode) op = { key: n.name, kind: "symbol", name: n.name, args: [] };
    else if (n.isOperatorNode && n.fn === "pow" && isE(n.args[0])) {
      const args = [visit(n.args[1])];
      op = { key: keyOf("exp", args), kind: "call", name: "exp", args };
    } else if (n.isOperatorNode && OPERATORS.has(n.fn as string)) {
      const args = n.args.map(visit);
      op = { key: keyOf(n.fn as string, args), kind: n.fn as string, args };
    } else if (n.isFunctionNode && typeof n.fn === "object" && FUNCTIONS.has(n.fn.name)) {
      const args = n.args.map(visit);
      op = { key: keyOf(n.fn.name, args), kind: "call", name: n.fn.name, args };
    } else throw new Error("unplanned");
    op.constant =
      op.kind === "const" ||
      (op.kind === "symbol" ? ["e", "E", "pi", "PI"].includes(op.name!) : op.args.every((k) => ops[k].constant));
    ops.push(op);
    return ops.length - 1;
  };
  let plan: Op[] | null;
  try {
    const m = bigMath(PRECISION);
    visit(cancellationFree(m.parse(text), (t) => m.parse(t)));
    plan = ops;
  } catch {
    plan = null;
  }
  plans.set(text, plan);
  return plan;
}

function isE(node: MathNode): boolean {
  const n = shapeOf(bareNode(node));
  return n.isSymbolNode === true && (n.name === "e" || n.name === "E");
}

function runPlan(plan: Op[], values: Map<string, BallValue>, point: Record<string, string>, digits: number): BallValue {
  const D = decimalAt(digits);
  let fixed = constants.get(digits);
  if (!fixed) constants.set(digits, (fixed = new Map()));
  const slots: BallValue[] = new Array(plan.length);
  for (let i = 0; i < plan.length; i++) {
    const op = plan[i];
    const memo = op.constant ? fixed : values;
    const hit = memo.get(op.key);
    if (hit !== undefined) {
      slots[i] = hit;
      continue;
    }
    // above the first precision an operation can take a large part of a second (e^x at 1000 digits): the step's time bound is checked before each
    if (digits > PRECISION) checkDeadline(() => `evaluating at ${pointWords(point)} with ${digits} digits`);
    const args = op.args.map((k) => slots[k]);
    const bad = args.find((a) => typeof a === "string");
    let v: BallValue;
    if (bad !== undefined) v = bad;
    else {
      try {
        const cost = digits >= COST_FROM ? costName(op, args as Ball[]) : undefined;
        v =
          cost === undefined
            ? apply(D, op, args as Ball[], point, digits)
            : affordable(
                cost,
                digits,
                () => `evaluating ${cost} at ${pointWords(point)} with ${digits} digits`,
                () => apply(D, op, args as Ball[], point, digits),
              );
      } catch (err) {
        // decimal.js refuses ln, trigonometry and non-integer powers beyond about 1025 digits
        if (/DecimalError/.test((err as Error).message)) {
          restoreConfig(D, digits);
          v = PRECISION_LIMIT;
        } else throw err;
      }
    }
    slots[i] = v;
    memo.set(op.key, v);
  }
  return slots[plan.length - 1];
}

/** The name cost.ts knows an operation's cost by: its function, "pow" for a power that is not a small exact integer one, else undefined (cheap). */
function costName(op: Op, args: Ball[]): string | undefined {
  if (op.kind === "call") return op.name;
  if (op.kind === "pow") {
    const x = args[1];
    return x.r === -Infinity && x.v.isInteger() && x.v.abs().lte(1024) ? undefined : "pow";
  }
  return undefined;
}

/** A sample point in words for a reason, each coordinate to 8 significant digits: "x = -282.77512". */
function pointWords(point: Record<string, string>): string {
  return Object.entries(point)
    .map(
      ([k, v]) =>
        `${k} = ${Number(v)
          .toPrecision(8)
          .replace(/\.?0+(?=$|e)/, "")}`,
    )
    .join(", ");
}

function apply(D: DecimalStatic, op: Op, a: Ball[], point: Record<string, string>, digits: number): BallValue {
  const one = exact(new D(1));
  switch (op.kind) {
    case "const":
      return exact(new D(op.value!));
    case "symbol":
      if (op.name === "e" || op.name === "E") return rounded(D.exp(new D(1)), digits);
      if (op.name === "pi" || op.name === "PI")
        return rounded((D as unknown as { acos(x: Dec): Dec }).acos(new D(-1)), digits);
      if (Object.hasOwn(point, op.name!)) return exact(new D(point[op.name!]));
      return `undefined (Undefined symbol ${op.name})`;
    case "add":
      return ballAdd(a[0], a[1], a[0].v.plus(a[1].v), digits);
    case "subtract":
      return ballAdd(a[0], a[1], a[0].v.minus(a[1].v), digits);
    case "multiply":
      return ballMul(a[0], a[1], a[0].v.times(a[1].v), digits);
    case "divide":
      return ballDiv(a[0], a[1], () => a[0].v.div(a[1].v), digits);
    case "unaryMinus":
      return { v: a[0].v.neg(), r: a[0].r };
    case "unaryPlus":
      return a[0];
    case "pow":
      return power(D, a[0], a[1], digits);
  }
  const x = a[0];
  switch (op.name) {
    case "exp":
      return ballExp(x, D.exp(x.v), digits);
    case "log":
      if (a.length === 2) {
        const num = ballLn(x, () => D.ln(x.v), digits);
        const den = ballLn(a[1], () => D.ln(a[1].v), digits);
        if (typeof num === "string") return num;
        if (typeof den === "string") return den;
        return ballDiv(num, den, () => num.v.div(den.v), digits);
      }
      return ballLn(x, () => D.ln(x.v), digits);
    case "log10":
    case "log2": {
      const num = ballLn(x, () => D.ln(x.v), digits);
      if (typeof num === "string") return num;
      const base = rounded(D.ln(new D(op.name === "log10" ? 10 : 2)), digits);
      return ballDiv(num, base, () => num.v.div(base.v), digits);
    }
    case "log1p":
      return log1p(D, x, digits);
    case LOGISTIC:
      return logistic(D, x, digits);
    case SOFTPLUS:
      return softplus(D, x, digits);
    case "expm1": {
      const y = ballExp(x, D.exp(x.v), digits);
      if (typeof y === "string") return y;
      return ballAdd(y, one, y.v.minus(1), digits);
    }
    case "sqrt":
      return ballSqrt(x, () => D.sqrt(x.v), digits);
    case "abs":
      return ballLipschitz(x.r, D.abs(x.v), digits, 0);
    case "max":
    case "min": {
      const pick = a.reduce((p, q) => (op.name === "max" ? (q.v.gt(p.v) ? q : p) : q.v.lt(p.v) ? q : p));
      // the winner's own radius when no other argument's ball reaches it, else the largest radius
      const clear = a.every((q) => q === pick || log10Abs(q.v.minus(pick.v)) > Math.max(q.r, pick.r) + Math.log10(2));
      return ballLipschitz(clear ? pick.r : Math.max(...a.map((b) => b.r)), pick.v, digits, 0);
    }
    case "sign":
      if (x.v.isZero() && x.r === -Infinity) return exact(new D(0));
      if (x.v.isZero() || x.r >= log10Abs(x.v)) return UNRESOLVED;
      return exact(new D(x.v.isNeg() ? -1 : 1));
    case "tanh":
      return ballSaturating("tanh", x, tanh(D, x.v, digits), digits);
    case "atan":
      return ballSaturating("atan", x, (D as unknown as { atan(x: Dec): Dec }).atan(x.v), digits);
    case "asinh":
      return ballLipschitz(x.r, (D as unknown as { asinh(x: Dec): Dec }).asinh(x.v), digits);
    case "sinh":
      return ballHyperbolic(x, sinhCosh(D, x.v, "sinh", digits), digits);
    case "cosh":
      return ballHyperbolic(x, sinhCosh(D, x.v, "cosh", digits), digits);
    case "sin":
      return ballLipschitz(x.r, D.sin(x.v), digits);
    case "cos":
      return ballLipschitz(x.r, D.cos(x.v), digits);
    case "tan":
      return ballTan(x, D.tan(x.v), digits);
    case "sech":
    case "csch":
    case "coth":
      if (x.v.abs().gte(1)) return reciprocalHyperbolic(D, op.name, x, digits);
      break;
  }
  switch (op.name) {
    case "sech":
    case "csch":
    case "sec":
    case "csc": {
      const inner =
        op.name === "sech" || op.name === "csch"
          ? ballHyperbolic(x, sinhCosh(D, x.v, op.name === "sech" ? "cosh" : "sinh", digits), digits)
          : ballLipschitz(x.r, op.name === "sec" ? D.cos(x.v) : D.sin(x.v), digits);
      if (typeof inner === "string") return inner;
      return ballDiv(one, inner, () => new D(1).div(inner.v), digits);
    }
    case "cot":
    case "coth": {
      const c =
        op.name === "cot"
          ? ballLipschitz(x.r, D.cos(x.v), digits)
          : ballHyperbolic(x, sinhCosh(D, x.v, "cosh", digits), digits);
      const s =
        op.name === "cot"
          ? ballLipschitz(x.r, D.sin(x.v), digits)
          : ballHyperbolic(x, sinhCosh(D, x.v, "sinh", digits), digits);
      if (typeof c === "string") return c;
      if (typeof s === "string") return s;
      return ballDiv(c, s, () => c.v.div(s.v), digits);
    }
    case "square":
      return ballMul(x, x, x.v.times(x.v), digits);
    case "cube": {
      const sq = ballMul(x, x, x.v.times(x.v), digits) as Ball;
      return ballMul(sq, x, sq.v.times(x.v), digits);
    }
    default:
      return `undefined (${op.name})`;
  }
}

/** ln(1 + w) for a ball w: {@link log1pSmall} below 10^−3, else ln of 1 + w. */
function log1p(D: DecimalStatic, x: Ball, digits: number): BallValue {
  if (x.v.abs().lt(LOG1P_SERIES_BELOW)) return log1pSmall(D, x, digits);
  const y = ballAdd(x, exact(new D(1)), x.v.plus(1), digits);
  if (typeof y === "string") return y;
  return ballLn(y, () => D.ln(y.v), digits);
}

/** e^(−|x|) as a ball (x's radius carried): at most 1, a ball around 0 below decimal.js's range (ballExp). */
function expMinusAbs(D: DecimalStatic, x: Ball, digits: number): BallValue {
  const u = x.v.isNeg() ? x.v : x.v.neg();
  return ballExp({ v: u, r: x.r }, D.exp(u), digits);
}

/**
 * σ(x) = 1/(1 + e^(−x)) for x ≥ 0, e^x/(1 + e^x) for x < 0 (the same function): the exponential
 * is e^(−|x|) ≤ 1, so nothing overflows, and σ(−2e30) is a ball around 0 of radius 10^(−8.7e29)
 * rather than "not finite" (issue 21, fuzz 2/1110). Bounds from the ball operations composed.
 */
function logistic(D: DecimalStatic, x: Ball, digits: number): BallValue {
  const t = expMinusAbs(D, x, digits);
  if (typeof t === "string") return t;
  const one = exact(new D(1));
  const den = ballAdd(one, t, t.v.plus(1), digits);
  if (typeof den === "string") return den;
  const top = x.v.isNeg() ? t : one;
  return ballDiv(top, den, () => top.v.div(den.v), digits);
}

/**
 * softplus x = ln(1 + e^x): x + ln(1 + e^(−x)) for x ≥ 0, ln(1 + e^x) for x < 0 (the same
 * function), so e^x is never formed where it overflows (softplus(2e30) is 2e30 + a ball of
 * radius 10^(−8.7e29)) and ln(1 + w) of a small w is summed as a series (log1p).
 */
function softplus(D: DecimalStatic, x: Ball, digits: number): BallValue {
  const t = expMinusAbs(D, x, digits);
  if (typeof t === "string") return t;
  const l = log1p(D, t, digits);
  if (typeof l === "string" || x.v.isNeg()) return l;
  return ballAdd(x, l, x.v.plus(l.v), digits);
}

/**
 * sech, csch or coth of x with |x| ≥ 1 from t = e^(−|x|) ≤ e^(−1): sech = 2t/(1 + t²),
 * csch = ±2t/(1 − t²), coth = ±(1 + t²)/(1 − t²), with 1 − t² ≥ 0.86 (no cancellation) and no
 * e^|x|, which overflows from |x| ≈ 2.07e16 (sech(1e20) is a ball around 0, not "not finite").
 */
function reciprocalHyperbolic(D: DecimalStatic, name: string, x: Ball, digits: number): BallValue {
  if (x.r >= log10Abs(x.v)) return UNRESOLVED; // the ball reaches 0, where csch and coth have a pole
  const t = expMinusAbs(D, x, digits);
  if (typeof t === "string") return t;
  const one = exact(new D(1));
  const t2 = ballMul(t, t, t.v.times(t.v), digits);
  if (typeof t2 === "string") return t2;
  const plus = ballAdd(one, t2, t2.v.plus(1), digits);
  const minus = ballAdd(one, t2, new D(1).minus(t2.v), digits);
  if (typeof plus === "string") return plus;
  if (typeof minus === "string") return minus;
  const two = ballMul(exact(new D(2)), t, t.v.times(2), digits);
  if (typeof two === "string") return two;
  const [num, den] = name === "sech" ? [two, plus] : name === "csch" ? [two, minus] : [plus, minus];
  const q = ballDiv(num, den, () => num.v.div(den.v), digits);
  if (typeof q === "string" || name === "sech" || !x.v.isNeg()) return q;
  return { v: q.v.neg(), r: q.r };
}

/** Below this |w|, log1p(w) is summed as its series (log1pSmall) rather than as ln(1 + w), which would lose the digits of w that 1 + w rounds off. */
const LOG1P_SERIES_BELOW = "1e-3";

/**
 * ln(1 + w) for |w| < 10^−3 from its series w − w²/2 + w³/3 − …, so a tiny w (e^−700, from
 * softplus(−700) = log(1 + e^−700)) keeps all its digits. Error bound: the n terms summed at
 * `digits` digits add at most 2 units in the last place each; the tail after n terms is at most
 * |w|^(n+1)/((n+1)(1 − |w|)) (alternating, decreasing); w's own radius r carries over by the slope
 * 1/(1 + ξ) ≤ 1/(1 − |w| − r) ≤ 2 for |w| + r ≤ 1/2. Source: the Taylor series of ln(1 + w), |w| < 1.
 */
function log1pSmall(D: DecimalStatic, x: Ball, digits: number): BallValue {
  if (x.v.isZero()) return x.r === -Infinity ? exact(new D(0)) : ballLipschitz(x.r + Math.log10(2), x.v, digits, 0);
  if (x.r > Math.log10(0.4)) return UNRESOLVED;
  const lw = log10Abs(x.v);
  // terms until |w|^n is below 10^−(digits + 2) of |w|
  const n = Math.max(1, Math.ceil((digits + 2) / -lw) + 1);
  let power = x.v;
  let sum = x.v;
  for (let k = 2; k <= n; k++) {
    power = power.times(x.v);
    const term = power.div(k);
    sum = k % 2 === 0 ? sum.minus(term) : sum.plus(term);
  }
  const tail = (n + 1) * lw - Math.log10(n + 1) + Math.log10(2);
  const rounding = log10Abs(sum) + 1 - digits + Math.log10(2 * n);
  return ballLipschitz(logSum(x.r + Math.log10(2), tail, rounding), sum, digits, 0);
}

/**
 * tanh x; from |x| ≥ 1 as ±(1 − t)/(1 + t) with t = e^(−2|x|) (decimal.js's own tanh takes
 * seconds at |x| = 10^4), which loses nothing there: 1 − t ≥ 0.86. Where t < 10^−(P + 8) at
 * P digits, ±1 without computing t: 1 − tanh|x| = 2t/(1 + t) < 2t is then far below the
 * 10 units in the last place the ball adds for the rounding (ballLipschitz), and e^(−2|x|)
 * at 480 digits costs tens of milliseconds when |x| is 10^7 (a fuzz step spent most of a
 * minute there).
 */
function tanh(D: DecimalStatic, x: Dec, digits: number): Dec {
  if (x.abs().lt(1)) return D.tanh(x);
  if (x.abs().toNumber() * 2 * Math.LOG10E > digits + 8) return new D(x.isNeg() ? -1 : 1);
  const t = D.exp(x.abs().times(-2));
  const v = new D(1).minus(t).div(t.plus(1));
  return x.isNeg() ? v.neg() : v;
}

/**
 * sinh x or cosh x; from |x| ≥ 1 as (e^x ∓ e^(−x))/2 (decimal.js's own are slow for large |x|;
 * no cancellation there). Where e^(−2|x|) < 10^−(P + 8) at P digits the smaller exponential
 * is left out: it changes the value by less than that, relative, far below the 10 units in the
 * last place the ball adds for the rounding (ballHyperbolic).
 */
function sinhCosh(D: DecimalStatic, x: Dec, which: "sinh" | "cosh", digits: number): Dec {
  if (x.abs().lt(1)) return which === "sinh" ? D.sinh(x) : D.cosh(x);
  if (x.abs().toNumber() * 2 * Math.LOG10E > digits + 8) {
    const big = D.exp(x.abs()).div(2);
    return which === "sinh" && x.isNeg() ? big.neg() : big;
  }
  const p = D.exp(x);
  const q = D.exp(x.neg());
  return (which === "sinh" ? p.minus(q) : p.plus(q)).div(2);
}

/** b^x: exact by repeated multiplication for an integer |x| ≤ 1024, else |b|^x = e^(x ln |b|) with an odd integer x keeping b's sign. */
function power(D: DecimalStatic, b: Ball, x: Ball, digits: number): BallValue {
  const integer = x.r === -Infinity && x.v.isInteger();
  if (b.v.isNeg() && !integer) {
    // a negative base is a real number only to an integer power: not yet known while the exponent's ball holds one
    const nearest = x.v.toDecimalPlaces(0);
    if (x.r !== -Infinity && log10Abs(x.v.minus(nearest)) <= x.r) return UNRESOLVED;
    return b.r === -Infinity || b.r < log10Abs(b.v) ? "not a real number" : UNRESOLVED;
  }
  const smallPower = integer && x.v.isPos() && x.v.lte(1024);
  // a positive integer power of a ball holding 0 is bounded all the same: (0 ± r)^3 is 0 ± 3r³
  if (smallPower && b.r !== -Infinity && (b.v.isZero() || b.r >= log10Abs(b.v) - 0.31)) {
    const v = b.v.pow(x.v);
    return v.isFinite() ? ballIntPow(b, x.v.toNumber(), v, digits) : OVERFLOW;
  }
  if (b.v.isZero()) {
    if (b.r !== -Infinity) return UNRESOLVED;
    if (x.v.isNeg()) return "not finite";
    if (x.v.isZero()) return x.r === -Infinity ? exact(new D(1)) : UNRESOLVED;
    return x.r < log10Abs(x.v) ? exact(new D(0)) : UNRESOLVED;
  }
  let v: Dec;
  if (integer && x.v.abs().lte(1024)) v = b.v.pow(x.v);
  else {
    const magnitude = D.exp(D.ln(b.v.abs()).times(x.v));
    v = b.v.isNeg() && x.v.mod(2).abs().eq(1) ? magnitude.neg() : magnitude;
  }
  if (!v.isFinite()) return OVERFLOW; // finite operands: a real number beyond decimal.js's exponent range
  if (
    integer &&
    b.r === -Infinity &&
    x.v.isPos() &&
    x.v.lte(1024) &&
    (b.v as unknown as { sd(): number }).sd() * x.v.toNumber() <= digits
  ) {
    return exact(v); // 10^20, 3^4: every digit kept
  }
  if (v.isZero()) return { v, r: -9e15 }; // an underflow below decimal.js's smallest exponent, 1e-9e15
  return ballPow(b, x, v, digits);
}

/**
 * Evaluates to a finite real BigNumber, or a string saying why not: {@link PRECISION_LIMIT},
 * "undefined (…)", "not a real number", and for ±Infinity or NaN "not finite" (a pole) or
 * OVERFLOW (a real number past decimal.js's range, non-finite.ts).
 * @param parsed the expression parsed by `m`, made only when the value is not finite
 */
function evaluateReal(
  m: MathJsInstance,
  code: { evaluate(scope: object): unknown },
  scope: Record<string, unknown>,
  digits: number,
  parsed: () => MathNode,
): RealValue {
  let v: unknown;
  try {
    v = code.evaluate(scope);
  } catch (err) {
    if (/DecimalError/.test((err as Error).message)) {
      restoreConfig((m as unknown as { BigNumber: DecimalStatic }).BigNumber, digits);
      return PRECISION_LIMIT;
    }
    return `undefined (${(err as Error).message})`;
  }
  // ±Infinity or NaN: a pole, or a real number past decimal.js's range on the way (non-finite.ts)
  const why = (): string => {
    try {
      return whyNotFinite(m, parsed(), scope);
    } catch (err) {
      if (!/DecimalError/.test((err as Error).message)) throw err;
      restoreConfig((m as unknown as { BigNumber: DecimalStatic }).BigNumber, digits);
      return PRECISION_LIMIT;
    }
  };
  if (m.isBigNumber(v)) return (v as BigNumber).isFinite() ? (v as BigNumber) : why();
  if (typeof v === "number") return Number.isFinite(v) ? m.bignumber(v) : why();
  if (m.isComplex(v)) return "not a real number";
  if (typeof v === "boolean") return m.bignumber(v ? 1 : 0);
  return `not a number (${String(v)})`;
}
