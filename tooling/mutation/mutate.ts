import type { MathNode, ConstantNode, OperatorNode } from "mathjs";
import type { Domain } from "../../lib/derive/domain";
import { isFunctionCall, isSymbol, math } from "../../lib/derive/expression";

/**
 * Generates single-change mutants of an expression, the kinds of slip a person makes
 * by hand: a flipped sign (+ ↔ −, a dropped or added unary minus), a dropped term or
 * factor, swapped operands of − and /, · ↔ /, a changed exponent or constant, a
 * variable replaced by another one of the derivation (e.g. ŷ ↔ t), a dropped
 * function, σ(z) → 1 − σ(z), a constant off in its 17th significant digit; and, over
 * the whole expression, every occurrence of two variables swapped at once, the whole
 * negated, a tiny term (1e-40) added, a factor 1 + 1e-30; and, given the domain, for each
 * variable the step made wrong only in the top or bottom 3 % of its interval
 * (· (1 + max(0, v − c))) or only below a point (+ |v − c| − (v − c)).
 *
 * @param expr      an expression in mathjs syntax
 * @param variables the derivation's variables (candidates for swaps)
 * @param domain    the derivation's domain, for the mutants wrong in one part of it (optional)
 * @returns distinct mutant expressions (mathjs syntax, written with only the brackets
 *          they need, so that two mutants differing only in brackets count once),
 *          none equal to `expr`; some may still be mathematically equal to it: filter
 *          them before use
 */
export function mutateExpression(expr: string, variables: readonly string[], domain?: Domain): string[] {
  const root = math.parse(expr);
  const original = canonical(root.toString());
  const out = new Set<string>();
  const nodes: { node: MathNode; path: string | null }[] = [];
  root.traverse((node, path) => nodes.push({ node, path }));
  nodes.forEach(({ node, path }, k) => {
    if (path === "fn") return; // a function's name, not a value
    for (const replacement of localMutations(node, variables)) {
      out.add(replaceNth(root, k, replacement).toString());
    }
  });
  out.add(`-(${original})`);
  // below the resolution of double precision: a tiny added term, a factor off by 1e-30
  out.add(`(${original}) + 1e-40`);
  out.add(`(${original}) * (1 + 1e-30)`);
  // wrong in one part of the domain only: the top or bottom 3 % of a variable's interval, or past its middle
  for (const [v, iv] of domain ?? []) {
    const at = (f: number) => decimal(iv.min + (iv.max - iv.min) * f);
    out.add(`(${original}) * (1 + max(0, ${v} - ${at(0.97)}))`);
    out.add(`(${original}) * (1 + max(0, ${at(0.03)} - ${v}))`);
    out.add(`(${original}) + abs(${v} - ${at(0.6)}) - (${v} - ${at(0.6)})`);
  }
  for (let i = 0; i < variables.length; i++) {
    for (let j = i + 1; j < variables.length; j++) out.add(swapVariables(root, variables[i], variables[j]).toString());
  }
  const unique = new Set([...out].map(canonical));
  unique.delete(original);
  return [...unique];
}

/** A short decimal text of a number (the sign kept in brackets when negative). */
function decimal(x: number): string {
  const t = String(Number(x.toPrecision(6)));
  return x < 0 ? `(${t})` : t;
}

/** The expression re-printed with only the brackets mathjs needs. */
function canonical(expr: string): string {
  return math.parse(expr).toString({ parenthesis: "auto" });
}

function localMutations(node: MathNode, variables: readonly string[]): string[] {
  const s = (n: MathNode): string => `(${n.toString()})`;
  const op = node as OperatorNode;
  if (op.isOperatorNode && op.args.length === 2) {
    const [a, b] = op.args;
    switch (op.op) {
      case "+":
        return [`${s(a)} - ${s(b)}`, s(a), s(b)];
      case "-":
        return [`${s(a)} + ${s(b)}`, s(a), `-${s(b)}`, `${s(b)} - ${s(a)}`];
      case "*":
        return [`${s(a)} / ${s(b)}`, s(a), s(b)];
      case "/":
        return [`${s(a)} * ${s(b)}`, `${s(b)} / ${s(a)}`, s(a)];
      case "^":
        return [`${s(a)} ^ (${s(b)} + 1)`, `${s(a)} ^ (-${s(b)})`, s(a), `${s(a)} ^ (2 * ${s(b)})`];
    }
  }
  if (op.isOperatorNode && op.op === "-" && op.args.length === 1) return [s(op.args[0])];
  const c = node as ConstantNode;
  if (c.isConstantNode && (typeof c.value === "number" || math.isBigNumber(c.value))) {
    const v = math.bignumber(c.value as number);
    const text = v.toString();
    // a slip by hand, and a constant off in its 17th significant digit (below double precision)
    const off = v.isZero() ? [] : [v.plus(v.abs().times("1e-16")).toString()];
    return v.isZero()
      ? ["1"]
      : [v.plus(1).toString(), v.times(2).toString(), v.neg().toString(), ...off].filter((m) => m !== text);
  }
  if (isSymbol(node)) {
    if (node.name === "e") return ["2"];
    return [`-${node.name}`, ...variables.filter((v) => v !== node.name)];
  }
  if (isFunctionCall(node)) {
    const arg = node.args.length === 1 ? s(node.args[0]) : undefined;
    const more = node.fn.name === "sigma" ? [`1 - ${s(node)}`, `sigma(-${arg})`] : [];
    return [...(arg ? [arg] : []), ...more];
  }
  return [];
}

/** Replaces the k-th node (pre-order, as `traverse` visits them) by a parsed replacement. */
function replaceNth(root: MathNode, k: number, replacement: string): MathNode {
  let i = 0;
  return root.transform((n) => (i++ === k ? math.parse(`(${replacement})`) : n));
}

function swapVariables(root: MathNode, a: string, b: string): MathNode {
  return root.transform((n, path) => {
    if (!isSymbol(n) || path === "fn") return n;
    if (n.name === a) return math.parse(b);
    if (n.name === b) return math.parse(a);
    return n;
  });
}
