/**
 * A trigonometric function of an inverse one, written without either: sin(asin u) = u,
 * cos(asin u) = √(1 − u²), sin(atan u) = u/√(1 + u²), … The exact tier treats sin, cos, asin,
 * acos and atan as opaque atoms, so without these cos(asin x) and √(1 − x²) had different
 * normal forms and a true step was only sampled, deeper and deeper (about 4 s of CPU).
 *
 * Each identity holds wherever its left side is defined (θ = asin u ∈ [−π/2, π/2], where
 * cos θ ≥ 0; θ = acos u ∈ [0, π], where sin θ ≥ 0; θ = atan u ∈ (−π/2, π/2), where
 * cos θ > 0), so the caller must still check the inverse function's own domain (|u| ≤ 1).
 * tan, sec, csc and cot are sin and cos over each other, so their right sides are
 * quotients of the ones below, with the divisor checked non-zero by the caller as for any
 * division.
 */
import type { FunctionNode, MathNode, ParenthesisNode, SymbolNode } from "mathjs";

/** sin and cos of asin u, acos u and atan u, in mathjs syntax over `u` (written in brackets). */
const SIN_COS: Readonly<Record<string, { sin: string; cos: string }>> = {
  asin: { sin: "u", cos: "sqrt(1 - u^2)" },
  acos: { sin: "sqrt(1 - u^2)", cos: "u" },
  atan: { sin: "u / sqrt(1 + u^2)", cos: "1 / sqrt(1 + u^2)" },
};

/** The trigonometric functions written over sin (s) and cos (c). */
const OVER_SIN_COS: Readonly<Record<string, (s: string, c: string) => string>> = {
  sin: (s) => s,
  cos: (_, c) => c,
  tan: (s, c) => `(${s}) / (${c})`,
  sec: (_, c) => `1 / (${c})`,
  csc: (s) => `1 / (${s})`,
  cot: (s, c) => `(${c}) / (${s})`,
};

const unwrap = (n: MathNode): MathNode => {
  let m = n;
  while ((m as ParenthesisNode).isParenthesisNode) m = (m as ParenthesisNode).content;
  return m;
};

/**
 * The text of trig(inverse(u)) without either function, or null when the argument is not an
 * inverse trigonometric function of one argument.
 *
 * @param trig the outer function: sin, cos, tan, sec, csc or cot
 * @param arg  its argument node, e.g. asin(x / 2) (brackets around it allowed)
 * @returns the expression in mathjs syntax (u in brackets), e.g. "(x / 2) / sqrt(1 - (x / 2)^2)"
 *          for tan(asin(x / 2)), and the inner call node (whose domain the caller checks)
 */
export function trigOfInverse(trig: string, arg: MathNode): { text: string; inner: MathNode } | null {
  const over = OVER_SIN_COS[trig];
  const inner = unwrap(arg);
  const call = inner as FunctionNode;
  if (!over || !call.isFunctionNode || call.args.length !== 1) return null;
  const forms = SIN_COS[(call.fn as unknown as SymbolNode).name];
  if (!forms) return null;
  const u = `(${call.args[0].toString()})`;
  const put = (form: string) => form.replace(/\bu\b/g, u);
  return { text: over(put(forms.sin), put(forms.cos)), inner };
}
