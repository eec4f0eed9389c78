/**
 * Evaluation of an expression in decimal arithmetic at a chosen precision, for the
 * sampling tier. One mathjs BigNumber instance per precision; an expression is parsed
 * from its text by that instance, so a literal keeps every digit it is written with.
 */
import type { BigNumber, MathJsInstance, MathNode } from "mathjs";
import { verifierMath } from "./math-functions";

/** Decimal digits of the first evaluation of every point. */
export const PRECISION = 60;
/** The precisions tried in turn where both sides cancel or a side is not finite at fewer digits. */
export const PRECISION_LEVELS: readonly number[] = [60, 120, 240, 480];
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

/** A finite real value, or why there is none ("not finite", "not a real number", "undefined (…)"). */
export type RealValue = BigNumber | string;

/** An expression compiled once per precision, evaluated at points given as decimal strings. */
export interface Evaluator {
  /** The value at `point` in `digits`-digit arithmetic (cached per point index and precision). */
  at(index: number, digits: number): RealValue;
}

type Dec = BigNumber;
interface DecimalStatic {
  new (v: string | number): Dec;
  exp(x: Dec): Dec; ln(x: Dec): Dec; log(x: Dec, b: Dec): Dec; sqrt(x: Dec): Dec; abs(x: Dec): Dec;
  tanh(x: Dec): Dec; sinh(x: Dec): Dec; cosh(x: Dec): Dec; sin(x: Dec): Dec; cos(x: Dec): Dec; tan(x: Dec): Dec;
  pow(x: Dec, y: Dec): Dec;
}

/** One operation of a plan: a node of the tree, its key (its text) and its operands' slots. */
interface Op { key: string; kind: string; name?: string; value?: string; args: number[] }

/** Values computed at one point and precision, shared by every expression of the same point list: subexpression text → value. */
const memos = new WeakMap<readonly Record<string, string>[], Map<string, Map<string, RealValue>>>();
const plans = new Map<string, Op[] | null>();

/**
 * Prepares the evaluation of an expression at a list of points, at any of the precisions.
 * Subexpressions are evaluated once per point and precision, and shared between all
 * expressions evaluated on the same `points` array (a step and its mutants share most).
 *
 * @param text   the expression in mathjs syntax, definitions expanded
 * @param points variable → decimal string
 * @returns an {@link Evaluator}; values are computed on first use and kept
 */
export function evaluator(text: string, points: readonly Record<string, string>[]): Evaluator {
  const plan = planOf(text);
  const compiled = new Map<number, { evaluate(scope: object): unknown }>();
  let memo = memos.get(points);
  if (!memo) {
    memo = new Map();
    memos.set(points, memo);
  }
  const store = memo;
  return {
    at(index, digits) {
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
      const v = evaluateReal(m, code, scope);
      values.set(text, v);
      return v;
    },
  };
}

const FUNCTIONS = new Set(["exp", "log", "log10", "log2", "log1p", "expm1", "sqrt", "abs", "max", "min", "tanh", "sinh", "cosh", "sech", "sin", "cos", "tan", "square", "cube"]);
const OPERATORS = new Set(["add", "subtract", "multiply", "divide", "pow", "unaryMinus", "unaryPlus"]);

/** The expression as a list of operations in evaluation order, or null when it uses something else (then mathjs evaluates it). */
function planOf(text: string): Op[] | null {
  if (plans.has(text)) return plans.get(text)!;
  const ops: Op[] = [];
  const visit = (node: MathNode): number => {
    const n = node as unknown as {
      isParenthesisNode?: boolean; isConstantNode?: boolean; isSymbolNode?: boolean; isOperatorNode?: boolean; isFunctionNode?: boolean;
      content: MathNode; value: unknown; name: string; fn: string | { name: string }; args: MathNode[];
    };
    if (n.isParenthesisNode) return visit(n.content);
    const key = node.toString({ parenthesis: "auto" } as object);
    let op: Op;
    if (n.isConstantNode) op = { key, kind: "const", value: String(n.value), args: [] };
    else if (n.isSymbolNode) op = { key, kind: "symbol", name: n.name, args: [] };
    else if (n.isOperatorNode && n.fn === "pow" && isE(n.args[0])) op = { key, kind: "call", name: "exp", args: [visit(n.args[1])] };
    else if (n.isOperatorNode && OPERATORS.has(n.fn as string)) op = { key, kind: n.fn as string, args: n.args.map(visit) };
    else if (n.isFunctionNode && typeof n.fn === "object" && FUNCTIONS.has(n.fn.name)) op = { key, kind: "call", name: n.fn.name, args: n.args.map(visit) };
    else throw new Error("unplanned");
    ops.push(op);
    return ops.length - 1;
  };
  let plan: Op[] | null;
  try {
    visit(bigMath(PRECISION).parse(text));
    plan = ops;
  } catch {
    plan = null;
  }
  plans.set(text, plan);
  return plan;
}

function isE(node: MathNode): boolean {
  let n = node as unknown as { isParenthesisNode?: boolean; content: MathNode; isSymbolNode?: boolean; name?: string };
  while (n.isParenthesisNode) n = n.content as unknown as typeof n;
  return n.isSymbolNode === true && (n.name === "e" || n.name === "E");
}

function runPlan(plan: Op[], values: Map<string, RealValue>, point: Record<string, string>, digits: number): RealValue {
  const D = (bigMath(digits) as unknown as { BigNumber: DecimalStatic }).BigNumber;
  const slots: RealValue[] = new Array(plan.length);
  for (let i = 0; i < plan.length; i++) {
    const op = plan[i];
    const hit = values.get(op.key);
    if (hit !== undefined) {
      slots[i] = hit;
      continue;
    }
    const args = op.args.map((k) => slots[k]);
    const bad = args.find((a) => typeof a === "string");
    const v = bad !== undefined ? bad : apply(D, op, args as Dec[], point);
    slots[i] = v;
    values.set(op.key, v);
  }
  return slots[plan.length - 1];
}

function apply(D: DecimalStatic, op: Op, a: Dec[], point: Record<string, string>): RealValue {
  let v: Dec;
  switch (op.kind) {
    case "const": v = new D(op.value!); break;
    case "symbol":
      if (op.name === "e" || op.name === "E") v = D.exp(new D(1));
      else if (op.name === "pi" || op.name === "PI") v = (D as unknown as { acos(x: Dec): Dec }).acos(new D(-1));
      else if (Object.hasOwn(point, op.name!)) v = new D(point[op.name!]);
      else return `undefined (Undefined symbol ${op.name})`;
      break;
    case "add": v = a[0].plus(a[1]); break;
    case "subtract": v = a[0].minus(a[1]); break;
    case "multiply": v = a[0].times(a[1]); break;
    case "divide":
      if (a[1].isZero()) return "not finite";
      v = a[0].div(a[1]);
      break;
    case "unaryMinus": v = a[0].neg(); break;
    case "unaryPlus": v = a[0]; break;
    case "pow": {
      const [b, x] = a;
      if (b.isNeg() && !x.isInteger()) return "not a real number";
      if (b.isZero() && x.isNeg()) return "not finite";
      if (x.isInteger() && x.abs().lte(1024)) v = b.pow(x);
      else if (b.isZero()) v = new D(0);
      else {
        // |b|^x by exp and ln; a negative base only gets here with an integer exponent: odd keeps its sign
        const magnitude = D.exp(D.ln(b.abs()).times(x));
        v = b.isNeg() && x.mod(2).abs().eq(1) ? magnitude.neg() : magnitude;
      }
      break;
    }
    default: {
      const x = a[0];
      switch (op.name) {
        case "exp": v = D.exp(x); break;
        case "log":
          if (a.length === 2) {
            if (x.isNeg() || a[1].isNeg()) return "not a real number";
            if (x.isZero() || a[1].eq(1)) return "not finite";
            v = D.ln(x).div(D.ln(a[1]));
          } else {
            if (x.isNeg()) return "not a real number";
            if (x.isZero()) return "not finite";
            v = D.ln(x);
          }
          break;
        case "log10": case "log2":
          if (x.isNeg()) return "not a real number";
          if (x.isZero()) return "not finite";
          v = D.ln(x).div(D.ln(new D(op.name === "log10" ? 10 : 2)));
          break;
        case "log1p": {
          const y = x.plus(1);
          if (y.isNeg()) return "not a real number";
          if (y.isZero()) return "not finite";
          v = D.ln(y);
          break;
        }
        case "expm1": v = D.exp(x).minus(1); break;
        case "sqrt": if (x.isNeg()) return "not a real number"; v = D.sqrt(x); break;
        case "abs": v = D.abs(x); break;
        case "max": v = a.reduce((p, q) => (q.gt(p) ? q : p)); break;
        case "min": v = a.reduce((p, q) => (q.lt(p) ? q : p)); break;
        case "tanh": v = D.tanh(x); break;
        case "sinh": v = D.sinh(x); break;
        case "cosh": v = D.cosh(x); break;
        case "sech": v = new D(1).div(D.cosh(x)); break;
        case "sin": v = D.sin(x); break;
        case "cos": v = D.cos(x); break;
        case "tan": v = D.tan(x); break;
        case "square": v = x.times(x); break;
        case "cube": v = x.times(x).times(x); break;
        default: return `undefined (${op.name})`;
      }
    }
  }
  if (v.isNaN()) return "not a real number";
  if (!v.isFinite()) return "not finite";
  return v;
}

/** Evaluates to a finite real BigNumber, or a string saying why not. */
function evaluateReal(m: MathJsInstance, code: { evaluate(scope: object): unknown }, scope: object): RealValue {
  let v: unknown;
  try {
    v = code.evaluate(scope);
  } catch (err) {
    return `undefined (${(err as Error).message})`;
  }
  if (m.isBigNumber(v)) return (v as BigNumber).isFinite() ? (v as BigNumber) : "not finite";
  if (typeof v === "number") return Number.isFinite(v) ? m.bignumber(v) : "not finite";
  if (m.isComplex(v)) return "not a real number";
  if (typeof v === "boolean") return m.bignumber(v ? 1 : 0);
  return `not a number (${String(v)})`;
}
