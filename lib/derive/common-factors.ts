/**
 * A quotient with a factor written both above and below, cancelled as a teacher cancels it:
 * σ(u)·(1 − σ(u))/σ(u) → 1 − σ(u), (1/σ(u))·σ(u)·(1 − σ(u)) → 1 − σ(u), u³/u → u², and a
 * product of quotients read as one quotient where that cancels something. Only for the right
 * step a diagnosis shows (lib/derive/diagnose/diagnose.ts's `expected`): the chain rule's
 * f′(u)·u′ leaves such quotients (log σ(x) differentiates to (1/σ(x))·σ(x)·(1 − σ(x))).
 *
 * The result has the expression's value wherever the expression is defined; where a cancelled
 * factor is 0 the result is defined and the expression is not (x/x → 1), which the right step
 * shown to a learner may be. Verdicts are never computed on it.
 */
import type { MathNode } from "mathjs";
import { math } from "./expression";

/** A factor: its base and a positive integer exponent (u³ is u with 3; anything else with 1). */
interface Factor {
  base: MathNode;
  power: number;
  key: string;
}

const isOp = (n: MathNode, fn: string): n is MathNode & { args: MathNode[]; fn: string } =>
  (n as { isOperatorNode?: boolean }).isOperatorNode === true && (n as { fn?: string }).fn === fn;

const unwrap = (n: MathNode): MathNode => {
  let m = n;
  while ((m as { isParenthesisNode?: boolean }).isParenthesisNode) m = (m as unknown as { content: MathNode }).content;
  return m;
};

/** The positive integer value of a literal exponent (2, 3, …), else undefined. */
function integerExponent(n: MathNode): number | undefined {
  const c = unwrap(n) as { isConstantNode?: boolean; value?: unknown };
  if (!c.isConstantNode) return undefined;
  const v = Number(c.value);
  return Number.isSafeInteger(v) && v >= 1 && v <= 64 ? v : undefined;
}

const keyOf = (n: MathNode): string => n.toString({ parenthesis: "auto" });

function factorOf(n: MathNode): Factor {
  const m = unwrap(n);
  if (isOp(m, "pow")) {
    const k = integerExponent(m.args[1]);
    if (k !== undefined) {
      const base = unwrap(m.args[0]);
      return { base, power: k, key: keyOf(base) };
    }
  }
  return { base: m, power: 1, key: keyOf(m) };
}

/** A quotient read as its factors above and below (a product of quotients is one quotient). */
interface Split {
  up: Factor[];
  down: Factor[];
  negative: boolean;
}

function split(n: MathNode, out: Split, below: boolean): void {
  const m = unwrap(n);
  if (isOp(m, "multiply") && m.args.length === 2) {
    split(m.args[0], out, below);
    split(m.args[1], out, below);
  } else if (isOp(m, "divide") && m.args.length === 2) {
    split(m.args[0], out, below);
    split(m.args[1], out, !below);
  } else if (isOp(m, "unaryMinus") && m.args.length === 1) {
    out.negative = !out.negative;
    split(m.args[0], out, below);
  } else {
    const c = m as { isConstantNode?: boolean; value?: unknown };
    // a literal 1 is no factor
    if (c.isConstantNode && Number(c.value) === 1) return;
    (below ? out.down : out.up).push(factorOf(m));
  }
}

function product(factors: readonly Factor[]): MathNode | undefined {
  const nodes = factors.map((f) =>
    f.power === 1
      ? f.base
      : new math.OperatorNode("^", "pow", [f.base, new math.ConstantNode(math.bignumber(f.power))]),
  );
  if (nodes.length === 0) return undefined;
  return nodes.slice(1).reduce((a, b) => new math.OperatorNode("*", "multiply", [a, b]), nodes[0]);
}

/** One product or quotient with its common factors cancelled; the node itself when none is. */
function cancelAt(node: MathNode): MathNode {
  const m = node;
  if (!(isOp(m, "divide") || isOp(m, "multiply"))) return node;
  const parts: Split = { up: [], down: [], negative: false };
  split(m, parts, false);
  if (parts.down.length === 0) return node;
  let cancelled = false;
  for (const d of parts.down) {
    for (const u of parts.up) {
      if (u.power === 0 || d.power === 0 || u.key !== d.key) continue;
      const k = Math.min(u.power, d.power);
      u.power -= k;
      d.power -= k;
      cancelled = true;
    }
  }
  if (!cancelled) return node;
  const up = product(parts.up.filter((f) => f.power > 0)) ?? new math.ConstantNode(math.bignumber(1));
  const down = product(parts.down.filter((f) => f.power > 0));
  const q = down ? new math.OperatorNode("/", "divide", [up, down]) : up;
  return parts.negative ? new math.OperatorNode("-", "unaryMinus", [q]) : q;
}

/**
 * The expression with each factor written both above and below a quotient cancelled (see the
 * module comment), children first, so that a quotient inside a chain rule's product cancels
 * before the product is read.
 *
 * @param node a mathjs expression (not modified)
 * @returns a new tree; the same value wherever `node` is defined
 * @example cancelCommonFactors(math.parse("sigma(x) * (1 - sigma(x)) / sigma(x)")).toString() // "1 - sigma(x)"
 */
export function cancelCommonFactors(node: MathNode): MathNode {
  return node.cloneDeep().transform((n) => {
    if (!(isOp(n, "divide") || isOp(n, "multiply"))) return n;
    const kids = n.args.map((a) => cancelCommonFactors(a));
    const rebuilt =
      n.fn === "divide" ? new math.OperatorNode("/", "divide", kids) : new math.OperatorNode("*", "multiply", kids);
    return cancelAt(rebuilt);
  });
}
