/**
 * A scalar reverse-mode automatic differentiation: every {@link Value} holds a number and,
 * after `backward()`, the derivative of one final value (the loss) with respect to it.
 * Each operation records its inputs and its local partial derivatives (lib/autodiff/local-derivatives.ts);
 * `backward()` visits the graph in reverse topological order and adds to each input its
 * local partial times the gradient of the node that used it, which is the chain rule summed
 * over every path from the loss to that input.
 */
import { describeValue } from "../check";
import { LOCAL_RULES, type Operation } from "./local-derivatives";

/** What a node of the graph is: an input (a leaf the caller made), a constant, or an operation. */
export type NodeKind = "input" | "constant" | Operation;

let nextId = 0;

/** Passed by Value.apply to the constructor to make an operation or constant node. */
const INTERNAL: unique symbol = Symbol("stepwise autodiff node");
interface NodeParts {
  token: typeof INTERNAL;
  kind: NodeKind;
  inputs: Value[];
  partials: number[];
}

/** A number the caller passes where a Value is expected becomes a constant node. */
export type ValueLike = Value | number;

/**
 * A scalar in a computation graph, with its gradient.
 *
 * Build a graph with the methods (`a.mul(b).add(c).sigmoid()`), call `backward()` on the
 * final value, then read `grad` of any value that led to it. A graph is used once: after
 * `backward()` its values refuse to enter new operations and a second `backward()`, because
 * their gradients are final (build a new graph from plain numbers for the next step).
 */
export class Value {
  /** The number this node holds (float64). */
  readonly data: number;
  /** An input, a constant, or the operation that produced this node. */
  readonly kind: NodeKind;
  /** The values this operation was applied to, in order (empty for inputs and constants). */
  readonly inputs: readonly Value[];
  /** A name for the computation graph, e.g. "w₁" (optional). */
  readonly label: string | undefined;
  /** A unique, increasing number: the order in which nodes were made. */
  readonly id: number;
  private readonly localPartials: readonly number[];
  private gradient = 0;
  private finished = false;

  /**
   * An input of the graph (a leaf).
   *
   * @param data the number, finite
   * @param label a name shown in the computation graph (optional)
   * @throws TypeError when data is not a number; RangeError when it is NaN or ±Infinity
   */
  constructor(data: number, label?: string, parts?: NodeParts) {
    this.id = nextId++;
    this.data = data;
    if (parts?.token === INTERNAL) {
      this.kind = parts.kind;
      this.inputs = parts.inputs;
      this.localPartials = parts.partials;
      this.label = undefined;
      return;
    }
    Value.checkInput("new Value", "data", data);
    if (label !== undefined && typeof label !== "string") {
      throw new TypeError(`new Value: label must be a string, got ${describeValue(label)}`);
    }
    this.kind = "input";
    this.inputs = [];
    this.label = label;
    this.localPartials = [];
  }

  /** The derivative of the value `backward()` was called on with respect to this one; 0 before. */
  get grad(): number {
    return this.gradient;
  }

  /**
   * Whether `backward()` has run on a graph this value belongs to; such a value can no
   * longer be used in a new operation.
   */
  get used(): boolean {
    return this.finished;
  }

  /** u + v. @throws as {@link Value.apply} */
  add(other: ValueLike): Value {
    return Value.apply("add", [this, other]);
  }
  /** u − v. @throws as {@link Value.apply} */
  sub(other: ValueLike): Value {
    return Value.apply("sub", [this, other]);
  }
  /** u · v. @throws as {@link Value.apply} */
  mul(other: ValueLike): Value {
    return Value.apply("mul", [this, other]);
  }
  /** u / v (quotient rule). @throws as {@link Value.apply}, and when v is 0 (the result is not finite) */
  div(other: ValueLike): Value {
    return Value.apply("div", [this, other]);
  }
  /**
   * u^v. With a number exponent the exponent is a constant (power rule only); with a Value
   * exponent both partials are recorded, and u must then be > 0.
   * @throws as {@link Value.apply}; RangeError when the result is not a finite real number
   *   (e.g. a negative base to a fractional power), or when a Value exponent has a base ≤ 0
   */
  pow(exponent: ValueLike): Value {
    if (exponent instanceof Value && !(this.data > 0)) {
      throw new RangeError(`Value.pow: a Value exponent needs a base > 0 (∂/∂v = u^v log u), got base ${this.data}`);
    }
    return Value.apply("pow", [this, exponent]);
  }
  /** −u. */
  neg(): Value {
    return Value.apply("neg", [this]);
  }
  /** e^u. @throws RangeError when e^u overflows */
  exp(): Value {
    return Value.apply("exp", [this]);
  }
  /** Natural logarithm log u. @throws RangeError when u ≤ 0 */
  log(): Value {
    return Value.apply("log", [this]);
  }
  /** σ(u) = 1 / (1 + e^(−u)), computed without overflow. */
  sigmoid(): Value {
    return Value.apply("sigmoid", [this]);
  }
  /** tanh u. */
  tanh(): Value {
    return Value.apply("tanh", [this]);
  }
  /** softplus(u) = log(1 + e^u), computed without overflow. */
  softplus(): Value {
    return Value.apply("softplus", [this]);
  }

  /**
   * Computes the gradient of this value with respect to every value that led to it:
   * sets this value's grad to 1, then, in reverse topological order, adds to each node's
   * inputs their local partial derivative times the node's grad (so a value used twice
   * gets the sum over both uses). Then marks the whole graph used.
   *
   * @returns the nodes of the graph in topological order (inputs first, this value last)
   * @throws Error when this value's graph has already been through backward()
   */
  backward(): Value[] {
    if (this.finished) throw Value.usedError("backward()", this);
    const order = topologicalOrder(this);
    for (const node of order) node.gradient = 0;
    this.gradient = 1;
    for (let k = order.length - 1; k >= 0; k--) {
      const node = order[k];
      node.inputs.forEach((input, i) => {
        input.gradient += node.localPartials[i] * node.gradient;
      });
    }
    for (const node of order) node.finished = true;
    return order;
  }

  /** A short description for error messages: label or operation, and the number. */
  toString(): string {
    return `${this.label ?? (this.kind === "input" || this.kind === "constant" ? this.kind : LOCAL_RULES[this.kind].symbol)} (value ${this.data})`;
  }

  /**
   * Applies an operation: computes its value and records its inputs and local partial
   * derivatives. Numbers among the inputs become constant nodes.
   *
   * @param op the operation, a key of LOCAL_RULES
   * @param operands one or two Values or finite numbers
   * @returns the new node
   * @throws TypeError when an operand is neither a Value nor a number; RangeError when a number
   *   operand is not finite, or the result or a partial derivative is not finite (naming the
   *   operation and its inputs, e.g. "Value.log: log(-1) is NaN"); Error when an operand was
   *   used after backward()
   */
  static apply(op: Operation, operands: readonly ValueLike[]): Value {
    const rule = LOCAL_RULES[op];
    const inputs = operands.map((o, i) => {
      if (o instanceof Value) {
        if (o.finished) throw Value.usedError(`Value.${op}`, o);
        return o;
      }
      Value.checkInput(`Value.${op}`, `operand ${i + 1}`, o);
      return Value.constant(o);
    });
    const args = inputs.map((v) => v.data);
    const out = rule.value(args);
    const call = `${op}(${args.join(", ")})`;
    if (!Number.isFinite(out)) throw new RangeError(`Value.${op}: ${call} is ${out}, not a finite number`);
    const partials = rule.partials(args, out);
    partials.forEach((p, i) => {
      if (!Number.isFinite(p))
        throw new RangeError(
          `Value.${op}: the partial derivative by input ${i + 1} of ${call} is ${p}, not a finite number`,
        );
    });
    return new Value(out, undefined, { token: INTERNAL, kind: op, inputs, partials });
  }

  private static constant(data: number): Value {
    return new Value(data, undefined, { token: INTERNAL, kind: "constant", inputs: [], partials: [] });
  }

  private static checkInput(fn: string, name: string, data: unknown): void {
    if (typeof data !== "number") throw new TypeError(`${fn}: ${name} must be a number, got ${describeValue(data)}`);
    if (!Number.isFinite(data))
      throw new RangeError(`${fn}: ${name} must be a finite number, got ${describeValue(data)}`);
  }

  private static usedError(what: string, v: Value): Error {
    return new Error(
      `${what}: ${v.toString()} was used after backward(): its graph's gradients are final. ` +
        "Build a new graph from plain numbers (new Value(x.data)) for the next step.",
    );
  }
}

/**
 * The nodes that lead to a value, each once, inputs before the operations that use them
 * (depth-first post-order, iterative so that deep graphs do not overflow the stack).
 *
 * @param root the final value
 * @returns the nodes in topological order, root last
 */
export function topologicalOrder(root: Value): Value[] {
  const order: Value[] = [];
  const seen = new Set<Value>([root]);
  const stack: { node: Value; next: number }[] = [{ node: root, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.node.inputs.length) {
      const child = top.node.inputs[top.next++];
      if (!seen.has(child)) {
        seen.add(child);
        stack.push({ node: child, next: 0 });
      }
    } else {
      order.push(top.node);
      stack.pop();
    }
  }
  return order;
}
