/**
 * |u| on a domain where u has one sign, for explain(): explain() only takes |u| whose u keeps one
 * sign on the domain (input.ts checkDifferentiable), so there |u| = u (u > 0) or |u| = −u
 * (u < 0), and the rules' |u|′ = |u|/u·u′ can end at ±u′: |x − 1|/(x − 1) = 1 on (2, 5).
 */
import type { MathNode } from "mathjs";
import { type Domain, samplePoints } from "../domain";
import { BUILTIN_DEFINITIONS, expandDefinitions, parseDefinitions } from "../expression";
import { verifierMath } from "../math-functions";
import { toTex } from "../tex";
import { childrenOf, isCall, keyOf, neg } from "./nodes";

const BUILTINS = parseDefinitions(BUILTIN_DEFINITIONS);
const doubles = verifierMath();

/**
 * The sign of the argument of every |u| in `node`, by u's key: the sign of u at 64 seeded points
 * of the domain (those checkDifferentiable checks), where it is the same at all of them.
 *
 * @param node   an expression (sigma and softplus may be called)
 * @param domain the derivation's domain
 * @returns u's key → 1 (u > 0) or −1 (u < 0); an argument not of one sign at the points is left out
 */
export function absSigns(node: MathNode, domain: Domain): Map<string, 1 | -1> {
  const out = new Map<string, 1 | -1>();
  // each distinct argument once, by its key (equal keys, equal trees): a derivative repeats |u|
  // (|u|′ = |u|/u·u′ writes it twice), and each compile and 64 evaluations cost alike
  const args = new Map<string, MathNode>();
  node.traverse((n) => {
    if (isCall(n, "abs", 1) && !args.has(keyOf(n.args[0]))) args.set(keyOf(n.args[0]), n.args[0]);
  });
  if (!args.size) return out;
  const points = samplePoints(domain, 64, "explain").map((p) =>
    Object.fromEntries(Object.entries(p).map(([k, x]) => [k, Number(x)])),
  );
  for (const u of args.values()) {
    const code = doubles.compile(expandDefinitions(u, BUILTINS, "explain").toString());
    const signs = new Set(points.map((p) => Math.sign(code.evaluate(p) as number)));
    if (signs.size === 1 && (signs.has(1) || signs.has(-1))) out.set(keyOf(u), signs.has(1) ? 1 : -1);
  }
  return out;
}

/**
 * Whether `node` holds a |u| anywhere.
 * @param node an expression
 * @returns true when abs is called in it
 */
export function hasAbs(node: MathNode): boolean {
  return isCall(node, "abs", 1) || childrenOf(node).some(hasAbs);
}

/**
 * Every |u| of `node` whose sign is known replaced: by u where u > 0, by −u where u < 0.
 *
 * @param node  an expression
 * @param signs from {@link absSigns}
 * @param names the derivation's TeX names, for the note's math
 * @returns the expression without those |u|, and the sentence that says why (for the step's note);
 *   undefined when no |u| is replaced
 */
export function withoutAbs(
  node: MathNode,
  signs: Map<string, 1 | -1>,
  names?: Readonly<Record<string, string>>,
): { expr: MathNode; note: string } | undefined {
  const said: string[] = [];
  const expr = node.transform((n) => {
    if (!isCall(n, "abs", 1)) return n;
    const sign = signs.get(keyOf(n.args[0]));
    if (!sign) return n;
    const u = n.args[0];
    const t = toTex(u, names);
    const line = sign === 1 ? `$${t} > 0$, so $|${t}| = ${t}$` : `$${t} < 0$, so $|${t}| = -(${t})$`;
    if (!said.includes(line)) said.push(line);
    return sign === 1 ? u : neg(u);
  });
  return said.length ? { expr, note: `On the domain ${said.join("; ")}.` } : undefined;
}
