/**
 * Cancellation-free forms for the sampling tier's evaluation (issue 21, the far tails).
 *
 * Where an expression subtracts two nearly equal values — 1 − σ(x) for large x, 1 − tanh²u,
 * log(1 + e^x) for very negative x — decimal arithmetic loses every digit the values share:
 * 1 − σ(700) at 60 digits is 0 ± 10^−59 (ball.ts), and only 360 digits or more tell it from 0.
 * Each rewrite below replaces such a pattern by an expression that is the same function
 * (an exact identity, stated at each rule) but computed without the subtraction, so 60 digits
 * give 60 correct digits. They change how a value is computed, never which value: the
 * error bounds of ball.ts still hold for the rewritten expression, and the sides compared
 * keep the same exact values.
 *
 * σ and softplus are rewritten into internal calls ({@link LOGISTIC}, {@link SOFTPLUS}) that
 * evaluate.ts computes without an exponential of a positive argument, so an argument past
 * decimal.js's exponent range (about ±2.07e16 for e^u) still gives a value with a bound.
 *
 * Used by evaluate.ts's planOf (and so by the double-precision pass, which shares the plan);
 * the exact tier never sees these forms.
 */
import type { MathNode } from "mathjs";
import { bareNode, type NodeShape, shapeOf } from "./node-shape";

/** The fields of the node behind any parentheses. */
const shape = (node: MathNode): NodeShape => shapeOf(bareNode(node));

const isOne = (node: MathNode): boolean => {
  const n = shape(node);
  return n.isConstantNode === true && String(n.value) === "1";
};
const isTwo = (node: MathNode): boolean => {
  const n = shape(node);
  return n.isConstantNode === true && String(n.value) === "2";
};
/** The operands of a binary operator `fn` (add, subtract, divide, pow), else undefined. */
function operands(node: MathNode, fn: string): [MathNode, MathNode] | undefined {
  const n = shape(node);
  return n.isOperatorNode && n.fn === fn && n.args?.length === 2 ? [n.args[0], n.args[1]] : undefined;
}
/** The argument of a call of `name` with one argument, else undefined. */
function callOf(node: MathNode, name: string): MathNode | undefined {
  const n = shape(node);
  return n.isFunctionNode && typeof n.fn === "object" && n.fn.name === name && n.args?.length === 1
    ? n.args[0]
    : undefined;
}
/** V of e^V or exp(V), else undefined. */
function expOf(node: MathNode): MathNode | undefined {
  const pw = operands(node, "pow");
  if (pw) {
    const base = shape(pw[0]);
    return base.isSymbolNode === true && (base.name === "e" || base.name === "E") ? pw[1] : undefined;
  }
  return callOf(node, "exp");
}

/**
 * The internal name of σ(u) = 1/(1 + e^(−u)) evaluated without overflow (evaluate.ts,
 * double-interval.ts): e^(−u)/(1 + e^(−u)) is never formed for u below 0, where e^(−u) would
 * pass decimal.js's exponent range (σ(x − 2e30), a fuzz find, was "not finite"). The leading
 * underscore keeps it apart from any function a step may name (unknown names are refused).
 */
export const LOGISTIC = "_logistic";
/** The internal name of softplus u = log(1 + e^u) evaluated without overflow: u + log(1 + e^(−u)) for u > 0. */
export const SOFTPLUS = "_softplus";

/** W of 1 + W or W + 1, else undefined. */
function onePlus(node: MathNode): MathNode | undefined {
  const s = operands(node, "add");
  if (!s) return undefined;
  if (isOne(s[0])) return s[1];
  if (isOne(s[1])) return s[0];
  return undefined;
}

const p = (node: MathNode): string => `(${node.toString()})`;

/**
 * 1 − X without the subtraction, as text, when X has such a form; else undefined.
 * - X = σ(u) (already {@link LOGISTIC}): 1 − σ(u) = σ(−u).
 * - X = 1/(1 + W) for any other W: 1 − 1/(1 + W) = W/(1 + W).
 * - X = tanh u: 1 − tanh u = 2/(1 + e^(2u)) = 2σ(−2u).
 * - X = tanh² u: 1 − tanh² u = sech² u = 4e^(−2|u|)/(1 + e^(−2|u|))², which neither
 *   overflows nor cancels.
 * - X = Y² where 1 − Y has a form F: 1 − Y² = F·(1 + Y).
 */
function oneMinus(x: MathNode): string | undefined {
  const s = callOf(x, LOGISTIC);
  if (s) return `${LOGISTIC}(-${p(s)})`;
  const q = operands(x, "divide");
  if (q && isOne(q[0])) {
    const w = onePlus(q[1]);
    if (w) return `${p(w)} / (1 + ${p(w)})`;
  }
  const t = callOf(x, "tanh");
  if (t) return `2 * ${LOGISTIC}(-2 * ${p(t)})`;
  const sq = operands(x, "pow");
  if (sq && isTwo(sq[1])) {
    const u = callOf(sq[0], "tanh");
    if (u) return `4 * e^(-2 * abs(${p(u)})) / (1 + e^(-2 * abs(${p(u)})))^2`;
    const f = oneMinus(sq[0]);
    if (f) return `(${f}) * (1 + ${p(sq[0])})`;
  }
  return undefined;
}

/**
 * 1 + X without cancellation where X comes near −1, as text; else undefined.
 * - X = tanh u: 1 + tanh u = 2/(1 + e^(−2u)) = 2σ(2u).
 */
function onePlusCancelling(x: MathNode): string | undefined {
  const t = callOf(x, "tanh");
  if (t) return `2 * ${LOGISTIC}(2 * ${p(t)})`;
  return undefined;
}

/**
 * The expression with every pattern above replaced, bottom-up, as text; the same text when
 * nothing applies.
 *
 * @param node   an expression, definitions expanded (σ is 1/(1 + e^(−u)), softplus log(1 + e^u))
 * @param parse  parses text into a node (the caller's mathjs instance)
 * @returns the text of the rewritten expression
 */
export function cancellationFree(node: MathNode, parse: (text: string) => MathNode): MathNode {
  let changed = false;
  const visit = (n: MathNode): MathNode => {
    const out = n.map((child) => visit(child));
    const r = rule(out);
    if (r === undefined) return out;
    changed = true;
    return parse(r);
  };
  const result = visit(node);
  return changed ? result : node;
}

/** The rewrite of one node (its operands already rewritten), as text, or undefined. */
function rule(node: MathNode): string | undefined {
  const diff = operands(node, "subtract");
  if (diff) {
    // 1 − X
    if (isOne(diff[0])) return oneMinus(diff[1]);
    // X − 1 = −(1 − X)
    if (isOne(diff[1])) {
      const f = oneMinus(diff[0]);
      if (f) return `-(${f})`;
    }
    return undefined;
  }
  const sum = operands(node, "add");
  if (sum) {
    if (isOne(sum[0])) return onePlusCancelling(sum[1]);
    if (isOne(sum[1])) return onePlusCancelling(sum[0]);
    return undefined;
  }
  const quotient = operands(node, "divide");
  if (quotient && isOne(quotient[0])) {
    // σ(u) = 1/(1 + e^(−u)), evaluated without forming e^(−u) where it overflows
    const w = onePlus(quotient[1]);
    const v = w && expOf(w);
    if (v) return `${LOGISTIC}(-${p(v)})`;
    return undefined;
  }
  const arg = callOf(node, "log");
  if (arg) {
    // log(1 + e^V) = softplus V, without e^V where it overflows nor 1 + e^V where e^V is small
    const w = onePlus(arg);
    const v = w && expOf(w);
    if (v) return `${SOFTPLUS}(${v.toString()})`;
    // log(1 + W) = log1p(W), evaluated without forming 1 + W where W is small (evaluate.ts)
    if (w) return `log1p(${w.toString()})`;
    // log σ(u) = −softplus(−u): for large u σ(u) rounds to 1, for very negative u it is below decimal.js's range
    const s = callOf(arg, LOGISTIC);
    if (s) return `-${SOFTPLUS}(-${p(s)})`;
    // log(1/(1 + W)) = −log1p(W)
    const q = operands(arg, "divide");
    if (q && isOne(q[0])) {
      const v = onePlus(q[1]);
      if (v) return `-log1p(${v.toString()})`;
    }
  }
  return undefined;
}
