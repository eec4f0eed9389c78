/** Test helpers of the autodiff: an expression in mathjs syntax built as a graph of Values, and plain mathjs evaluation. */
import { create, all, type MathNode } from "mathjs";
import { Value } from "../../../lib/autodiff";

/** A plain double-precision mathjs with the tutorials' sigma. */
export const plainMath = create(all, {});
plainMath.import({ sigma: (x: number) => 1 / (1 + Math.exp(-x)) }, { override: true });

/** Evaluates an expression in mathjs syntax at a point, in doubles. */
export function evaluatePlain(expr: string, point: Record<string, number>): number {
  return plainMath.evaluate(expr, { ...point }) as number;
}

const BINARY: Record<string, (a: Value, b: Value | number) => Value> = {
  add: (a, b) => a.add(b),
  subtract: (a, b) => a.sub(b),
  multiply: (a, b) => a.mul(b),
  divide: (a, b) => a.div(b),
};
const UNARY: Record<string, (a: Value) => Value> = {
  exp: (a) => a.exp(),
  log: (a) => a.log(),
  sigma: (a) => a.sigmoid(),
  tanh: (a) => a.tanh(),
  softplus: (a) => a.softplus(),
};

/**
 * Builds an expression in mathjs syntax as a graph of Values: the variables are fresh inputs
 * (one per name, shared by every use), numbers are constants; e^u is exp, u^c with a number
 * c is a constant power, u^v otherwise a power with a Value exponent.
 *
 * @returns the final value and the inputs by name
 */
export function buildValue(expr: string, point: Record<string, number>): { out: Value; inputs: Record<string, Value> } {
  const inputs: Record<string, Value> = {};
  for (const [k, v] of Object.entries(point)) inputs[k] = new Value(v, k);
  const walk = (n: MathNode): Value | number => {
    const node = n as MathNode & {
      type: string;
      fn?: string | { name: string };
      args?: MathNode[];
      content?: MathNode;
      name?: string;
      value?: number;
    };
    switch (node.type) {
      case "ParenthesisNode":
        return walk(node.content!);
      case "ConstantNode":
        return Number(node.value);
      case "SymbolNode":
        if (node.name === "e") return Math.E;
        if (!(node.name! in inputs)) throw new Error(`buildValue: no value for ${node.name}`);
        return inputs[node.name!];
      case "OperatorNode": {
        const args = node.args!.map(walk);
        const fn = node.fn as string;
        if (fn === "unaryMinus") return typeof args[0] === "number" ? -args[0] : args[0].neg();
        if (fn === "unaryPlus") return args[0];
        if (fn === "pow") {
          const [base, exponent] = args;
          if (base === Math.E && node.args![0].type === "SymbolNode")
            return typeof exponent === "number" ? Math.exp(exponent) : exponent.exp();
          const b = typeof base === "number" ? new Value(base) : base;
          return b.pow(exponent);
        }
        const [a, b] = args;
        const left = typeof a === "number" ? new Value(a) : a;
        return BINARY[fn](left, b);
      }
      case "FunctionNode": {
        const name = typeof node.fn === "string" ? node.fn : node.fn!.name;
        const [a] = node.args!.map(walk);
        return UNARY[name](typeof a === "number" ? new Value(a) : a);
      }
    }
    throw new Error(`buildValue: cannot build a ${node.type}`);
  };
  const out = walk(plainMath.parse(expr));
  return { out: typeof out === "number" ? new Value(out) : out, inputs };
}
