/**
 * The ways a learner can read a sum when a rewrite slip strikes it. The catalogue's rewrite
 * slips split a sum into its flattened terms (log(a + b + c) → log a + log b + log c); a
 * learner applies the same wrong law to the groups the sum is written in as well, e.g.
 * log((1 + eˣ) + x²) → log(1 + eˣ) + log(x²), or −((a + b) − c) → −(a + b) − c. This module
 * gives those readings: copies of a node in which each sum is regrouped into contiguous groups
 * of its terms, every group of two or more terms bracketed (a ParenthesisNode, which the
 * catalogue's term and factor helpers treat as one term), so that each slip applies to the
 * groups as it applies to terms. It also writes e^u for every exp(u), so that a factor
 * written exp(u) in one place and e^u in another reads as the same factor.
 */
import type { MathNode } from "mathjs";
import { math } from "../expression";
import { childrenOf, div, isCall, isFunction, isOp, isOperator, num, numericValue, pow, sym } from "../explain/nodes";
import { isSum, sumOf, type Term, termsOf } from "./slips";

/** Sums of more terms than this are regrouped only as written (the tree's own brackets). */
const MAX_TERMS_REGROUPED = 6;

/** A group of terms as one term: its first term's sign outside, the rest relative to it, in brackets. */
function group(terms: readonly Term[]): Term {
  if (terms.length === 1) return terms[0];
  const s = terms[0].sign;
  const inner = sumOf(terms.map((t) => ({ sign: (t.sign * s) as 1 | -1, node: t.node })));
  return { sign: s, node: new math.ParenthesisNode(inner) };
}

/** Every split of `n` items into two or more contiguous runs, as the run lengths. */
function compositions(n: number): number[][] {
  if (n <= 1) return [[n]];
  const out: number[][] = [];
  for (let first = 1; first <= n; first++)
    for (const rest of first === n ? [[]] : compositions(n - first)) out.push([first, ...rest]);
  return out;
}

/** The two groups the sum is written as: its left and right operand (the tree's own brackets). */
function asWritten(node: MathNode): Term[][] {
  if (!isSum(node)) return [];
  const [a, b] = (node as MathNode & { args: MathNode[] }).args;
  const left = termsOf(a);
  const right = termsOf(b, isOp(node, "subtract", 2) ? -1 : 1);
  return [[group(left), group(right)]];
}

/**
 * The regroupings of a sum other than its flattened terms: every way to cut its terms into
 * two or more contiguous groups (sums of at most 6 terms), or only its two operands as
 * written (longer sums). Each result is the sum rebuilt from its groups.
 * @param node a sum or difference (anything else has none)
 * @returns the regrouped sums, without the fully flattened reading
 */
export function regroupedSums(node: MathNode): MathNode[] {
  if (!isSum(node)) return [];
  const terms = termsOf(node);
  const readings: Term[][] =
    terms.length > MAX_TERMS_REGROUPED
      ? asWritten(node)
      : compositions(terms.length)
          .filter((runs) => runs.some((r) => r > 1) && runs.length >= 2)
          .map((runs) => {
            const out: Term[] = [];
            let at = 0;
            for (const r of runs) {
              out.push(group(terms.slice(at, at + r)));
              at += r;
            }
            return out;
          });
  return readings.map(sumOf);
}

/**
 * The readings of one node for the rewrite slips: the node with each direct sum child (or
 * the node itself, for a sum) regrouped as {@link regroupedSums} gives, and any other sum child
 * bracketed whole (so that a bracketed group can cancel against it).
 * @param node any node of the previous expression
 * @returns the regrouped copies (none when the node has no sum to regroup)
 */
export function regroupedReadings(node: MathNode): MathNode[] {
  const out: MathNode[] = regroupedSums(node);
  if (!isOperator(node) && !isFunction(node)) return out;
  const kids = childrenOf(node);
  kids.forEach((kid, i) => {
    for (const regrouped of regroupedSums(kid)) {
      const args = kids.map((k, j) => (j === i ? regrouped : isSum(k) ? new math.ParenthesisNode(k) : k));
      out.push(rebuild(node, args));
    }
  });
  return out;
}

function rebuild(node: MathNode, args: MathNode[]): MathNode {
  if (isOperator(node)) return new math.OperatorNode(node.op as never, node.fn as never, args);
  if (isFunction(node)) return new math.FunctionNode(new math.SymbolNode(node.fn.name), args);
  return node;
}

/**
 * The node with every exp(u) written e^u (the same value; one spelling for a factor written
 * both ways).
 * @returns a new tree, or undefined when the node holds no exp(…)
 */
export function expAsPower(node: MathNode): MathNode | undefined {
  let changed = false;
  const spell = (n: MathNode): MathNode => {
    const mapped = n.map((child: MathNode) => spell(child));
    if (!isCall(mapped, "exp", 1)) return mapped;
    changed = true;
    return pow(sym("e"), mapped.args[0]);
  };
  const out = spell(node);
  return changed ? out : undefined;
}

/**
 * The node with every root and reciprocal of the variable written as a power: √u as u^(1/2),
 * ∛u as u^(1/3), nthRoot(u, n) as u^(1/n), 1/u as u^(−1) (the same value where the root is
 * real), so that a slip of the power rule is found however the learner wrote the power: the
 * factor ½ lost on √x is the factor lost on x^(1/2), the inner derivative missing from
 * 1/(1 + e^(−x)) the one missing from (1 + e^(−x))^(−1).
 *
 * @param node an expression without parentheses (not modified)
 * @param wrt the differentiation variable: only roots and reciprocals of expressions in it are rewritten
 * @returns a new tree, or undefined when the node holds none
 */
export function rootsAsPowers(node: MathNode, wrt: string): MathNode | undefined {
  let changed = false;
  const inWrt = (n: MathNode): boolean => {
    let found = false;
    n.traverse((c) => {
      if ((c as { isSymbolNode?: boolean; name?: string }).isSymbolNode && (c as { name?: string }).name === wrt)
        found = true;
    });
    return found;
  };
  const power = (base: MathNode, exponent: MathNode): MathNode => {
    changed = true;
    return pow(base, exponent);
  };
  const spell = (n: MathNode): MathNode => {
    const m = n.map((child: MathNode) => spell(child));
    if (isCall(m, "sqrt", 1) && inWrt(m.args[0])) return power(m.args[0], div(num(1), num(2)));
    if (isCall(m, "cbrt", 1) && inWrt(m.args[0])) return power(m.args[0], div(num(1), num(3)));
    if (isCall(m, "nthRoot", 2) && inWrt(m.args[0]) && !inWrt(m.args[1]))
      return power(m.args[0], div(num(1), m.args[1]));
    if (isOp(m, "divide", 2) && numericValue(m.args[0])?.eq(1) === true && inWrt(m.args[1]))
      return power(m.args[1], num(-1));
    return m;
  };
  const out = spell(node);
  return changed ? out : undefined;
}
