/**
 * Tests of the kept texts of nodes.ts (printed: each node's textbook text kept per node) and of
 * the kept values of forms.ts (rationalOf), over seeded generated expressions and the trees
 * explain() builds. The oracle of printed is printed itself on a deep copy of the node (fresh
 * nodes, nothing kept), whose text must also mean what mathText's does (same value at points);
 * that of rationalOf is the literal's own value read by Q.fromDecimal.
 */
import type { MathNode } from "mathjs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { Q } from "../../../../lib/derive/exact/rational";
import { simplifySteps } from "../../../../lib/derive/explain/algebra";
import { rationalOf } from "../../../../lib/derive/explain/forms";
import {
  childrenOf,
  isConstant,
  isOp,
  printed,
  printedByMathjs,
  withoutParens,
} from "../../../../lib/derive/explain/nodes";
import { math } from "../../../../lib/derive/expression";
import { mathText } from "../../../../lib/derive/math-text";
import { mulberry32 } from "../../../../scripts/seeded-random";
import { randomFunctions } from "./random-functions";

const test = suite("explain: kept texts and values of nodes");

/** Every node of a tree (parentheses removed first), root first. */
function nodesOf(root: MathNode): MathNode[] {
  const out: MathNode[] = [];
  const walk = (n: MathNode) => {
    out.push(n);
    for (const c of childrenOf(n)) walk(c);
  };
  walk(root);
  return out;
}

/** Powers of powers, unary minus against powers and products, calls: where mathjs's parentheses and the power handler matter. */
const EDGE_CASES = [
  "e^(x^2)",
  "e^(-(x^2))",
  "(e^x)^2",
  "2^3^x",
  "-(x^2)",
  "(-x)^2",
  "-(-x)",
  "x * -y",
  "x - (y - z)",
  "(x - y) - z",
  "x / (y / z)",
  "(x / y) / z",
  "(x ^ y) ^ z",
  "sqrt(x) ^ (x ^ 2)",
  "-(e^(x^2)) ^ 3",
  "sigma(-(x)) * (1 - sigma(-x))",
  "2 x",
  "0.5 * x ^ -1",
];

/** printed(n) against a fresh copy: the same text, and a text with the value of mathText's at x, y, z = 0.7, −1.3, 2.1. */
function samePrinted(n: MathNode, where: string): void {
  const fresh = n.cloneDeep();
  const text = printed(n);
  assert.is(text, printed(fresh), where);
  const scope = { x: 0.7, y: -1.3, z: 2.1, sigma: (u: number) => 1 / (1 + Math.exp(-u)) };
  let want: number;
  try {
    want = Number(math.evaluate(mathText(fresh), scope));
  } catch {
    return; // a node mathjs cannot evaluate as such (e.g. a bare function name): the text check is enough
  }
  const got = Number(math.evaluate(text, scope));
  if (Number.isFinite(want))
    assert.ok(Math.abs(got - want) <= 1e-9 * (1 + Math.abs(want)), `${where}: ${text} is ${got}, mathText's ${want}`);
}

test("printed(n) is the same for a node and a fresh copy, whatever order the nodes are printed in, and means mathText(n)", () => {
  const r = mulberry32(31);
  const texts = [...EDGE_CASES, ...randomFunctions(150, 1931, 3), ...randomFunctions(50, 1932, 4)];
  let checked = 0;
  for (const text of texts) {
    const root = withoutParens(math.parse(text));
    // the nodes in a shuffled order: a parent printed before, after or between its children
    const nodes = nodesOf(root);
    for (let i = nodes.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [nodes[i], nodes[j]] = [nodes[j], nodes[i]];
    }
    for (const n of nodes) {
      samePrinted(n, `"${text}": the node ${n.toString()}`);
      checked++;
    }
  }
  assert.ok(checked > 2000, `only ${checked} nodes checked`);
});

test("printed texts of the algebra moves' steps (shared subtrees) are those of fresh copies", () => {
  let steps = 0;
  for (const text of randomFunctions(60, 1933, 3)) {
    const root = withoutParens(math.parse(text));
    for (const s of simplifySteps(root, { final: true })) {
      // every node of a step, the ones shared with earlier steps included
      for (const n of nodesOf(s.expr)) samePrinted(n, `"${text}": ${s.move.id}`);
      steps++;
    }
  }
  assert.ok(steps > 20, `only ${steps} steps`);
});

/**
 * A random tree of the operators mathjs and printed bracket differently: sums, differences, products,
 * quotients, powers, unary signs (nested too), implicit and three-argument products and sums,
 * mod, calls, negative and fractional literals.
 */
function randomTree(r: () => number, depth: number): MathNode {
  const leaves = ["x", "y", "2", "-3", "0.5", "e"];
  if (depth === 0 || r() < 0.2) {
    const leaf = leaves[Math.floor(r() * leaves.length)];
    return leaf === "-3" ? new math.ConstantNode(math.bignumber(-3)) : math.parse(leaf);
  }
  const kid = () => randomTree(r, depth - 1);
  const kinds: (() => MathNode)[] = [
    () => new math.OperatorNode("+", "add", [kid(), kid()]),
    () => new math.OperatorNode("-", "subtract", [kid(), kid()]),
    () => new math.OperatorNode("*", "multiply", [kid(), kid()]),
    () => new math.OperatorNode("/", "divide", [kid(), kid()]),
    () => new math.OperatorNode("^", "pow", [kid(), kid()]),
    () => new math.OperatorNode("-", "unaryMinus", [kid()]),
    () => new math.OperatorNode("+", "unaryPlus", [kid()]),
    () => new math.OperatorNode("*", "multiply", [kid(), kid()], true),
    () => new math.OperatorNode("*", "multiply", [kid(), kid(), kid()]),
    () => new math.OperatorNode("+", "add", [kid(), kid(), kid()]),
    () => new math.OperatorNode("mod", "mod", [kid(), kid()]),
    () => new math.FunctionNode("sin", [kid()]),
  ];
  return kinds[Math.floor(r() * kinds.length)]();
}

test("printed's own operator printer writes mathjs's text: 3000 random trees, the edge cases and the algebra moves' steps", () => {
  const r = mulberry32(35);
  const roots: MathNode[] = [
    ...EDGE_CASES.map((t) => withoutParens(math.parse(t))),
    ...Array.from({ length: 3000 }, (_, i) => randomTree(r, 2 + (i % 4))),
  ];
  for (const text of randomFunctions(80, 1935, 4))
    for (const s of simplifySteps(withoutParens(math.parse(text)), { final: true })) roots.push(s.expr);
  const wrong: string[] = [];
  let nodes = 0;
  for (const root of roots)
    for (const n of nodesOf(root)) {
      nodes++;
      const want = printedByMathjs(n);
      const got = printed(n);
      if (got !== want && wrong.length < 5) wrong.push(`${got} ≠ mathjs's ${want}`);
    }
  assert.equal(wrong, []);
  assert.ok(nodes > 30_000, `only ${nodes} nodes`);
});

test("rationalOf gives each literal's own value, the same when asked again, and nothing for other nodes", () => {
  let literals = 0;
  for (const text of [...EDGE_CASES, "-(2.5)", "-(-0.125)", "1e-15", ...randomFunctions(100, 1934, 3)]) {
    for (const n of nodesOf(withoutParens(math.parse(text)))) {
      const first = rationalOf(n);
      const again = rationalOf(n);
      if (isConstant(n)) {
        const own = Q.fromDecimal(String(n.value));
        assert.ok(first?.equals(own) && again?.equals(own), `${n.toString()}: ${first} then ${again}, not ${own}`);
        literals++;
      } else if (isOp(n, "unaryMinus", 1) && isConstant(n.args[0])) {
        const own = Q.fromDecimal(String(n.args[0].value)).neg();
        assert.ok(first?.equals(own) && again?.equals(own), `${n.toString()}: ${first} then ${again}, not ${own}`);
      } else if (!isOp(n, "unaryMinus", 1)) {
        assert.is(first, undefined, n.toString());
        assert.is(again, undefined, n.toString());
      }
    }
  }
  assert.ok(literals > 100, `only ${literals} literals`);
});

test.run();
