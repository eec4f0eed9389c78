/**
 * Real odd roots in mathjs's derivatives. mathjs differentiates cbrt(u) to 1/(3·u^(2/3)) and
 * nthRoot(u, n) through u^(1/n), i.e. to (1/n)·u′·u^(1/n − 1). A power with a fractional
 * exponent is real only for u ≥ 0 (in mathjs and in the verifier alike), while cbrt(u) and an odd
 * nthRoot are real for every u: the reference derivative of a cube root on a negative domain
 * was "not a real number" although the function is smooth there.
 *
 * Formulas (u ≠ 0, n an odd integer, ⁿ√ the real root): u^(2/3) = cbrt(u)², and
 * u^(1/n − 1) = ⁿ√u / u. Both hold for u > 0 too, so the rewrite never changes a value the
 * power had.
 */
import type { FunctionNode, MathNode, OperatorNode } from "mathjs";
import { math } from "./expression";

const isOp = (n: MathNode, fn: string): n is OperatorNode =>
  (n as OperatorNode).isOperatorNode === true && (n as OperatorNode).fn === fn;
const isNumber = (n: MathNode, v: number) => {
  const c = n as { isConstantNode?: boolean; value?: unknown };
  return c.isConstantNode === true && Number(c.value) === v;
};

/**
 * Writes the fractional powers that mathjs's `derivative` made of the cube roots and nth roots
 * of `f` as real roots again.
 *
 * @param f the function that was differentiated (its roots are matched by node identity: mathjs's
 *   derivative keeps a cube root's argument node, and an nth root's degree node, as they are)
 * @param derivative what `math.derivative(f, …)` returned
 * @returns the derivative with u^(2/3) written cbrt(u)^2 and u^(1/n − 1) written nthRoot(u, n) / u,
 *   for the u of f's roots only (a power the learner wrote stays as written)
 * @example realRoots(parse("cbrt(x)"), derivative(…)) → "1 / (3 * cbrt(x) ^ 2)"
 */
export function realRoots(f: MathNode, derivative: MathNode): MathNode {
  const cubeOf = new Set<MathNode>();
  const degrees = new Set<MathNode>();
  f.traverse((n) => {
    const call = n as FunctionNode;
    if (!call.isFunctionNode) return;
    if (call.fn.name === "cbrt" && call.args.length === 1) cubeOf.add(call.args[0]);
    if (call.fn.name === "nthRoot" && call.args.length === 2) degrees.add(call.args[1]);
  });
  if (!cubeOf.size && !degrees.size) return derivative;
  return derivative.transform((n) => {
    if (!isOp(n, "pow")) return n;
    const [u, e] = n.args;
    // cbrt: u ^ (2 / 3)
    if (cubeOf.has(u) && isOp(e, "divide") && isNumber(e.args[0], 2) && isNumber(e.args[1], 3))
      return new math.OperatorNode("^", "pow", [new math.FunctionNode("cbrt", [u]), new math.ConstantNode(2)]);
    // nthRoot(u, k): u ^ (1 / k - 1), k the root's own degree node (u is a copy of the root's argument)
    if (
      isOp(e, "subtract") &&
      isNumber(e.args[1], 1) &&
      isOp(e.args[0], "divide") &&
      isNumber(e.args[0].args[0], 1) &&
      degrees.has(e.args[0].args[1])
    ) {
      const k = e.args[0].args[1];
      return new math.OperatorNode("/", "divide", [new math.FunctionNode("nthRoot", [u, k]), u]);
    }
    return n;
  });
}
