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
 *
 * A small integer multiple n·θ of the inverse function (sin(2·asin x), a fuzz find sampled for
 * about 4 s) is written out the same way, by de Moivre's formula cos nθ + i sin nθ = (c + i s)^n:
 * cos nθ = Σ over even k of (−1)^(k/2)·C(n, k)·c^(n−k)·s^k, sin nθ = Σ over odd k of
 * (−1)^((k−1)/2)·C(n, k)·c^(n−k)·s^k, with s = sin θ and c = cos θ from the table; it holds for
 * every θ, so the domain to check is still the inverse function's own.
 */
import type { ConstantNode, FunctionNode, MathNode, OperatorNode, ParenthesisNode, SymbolNode } from "mathjs";

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

/** The largest |n| of a multiple n·θ written out (the sums have n + 1 terms). */
const MAX_MULTIPLE = 4;

/** C(n, k) for small n. */
function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - i + 1)) / i;
  return c;
}

/**
 * sin nθ and cos nθ over s = sin θ and c = cos θ (texts), for 1 ≤ n ≤ {@link MAX_MULTIPLE}, by
 * de Moivre's formula (see the file's comment).
 */
function multipleAngle(n: number, s: string, c: string): { sin: string; cos: string } {
  if (n === 1) return { sin: s, cos: c };
  const sin: string[] = [];
  const cos: string[] = [];
  for (let k = 0; k <= n; k++) {
    const sign = Math.floor(k / 2) % 2 === 0 ? "" : "-";
    const term = `${sign}${binomial(n, k)} * (${c})^${n - k} * (${s})^${k}`;
    (k % 2 === 0 ? cos : sin).push(term);
  }
  return { sin: `(${sin.join(" + ")})`, cos: `(${cos.join(" + ")})` };
}

/** The integer n and the call of n·call or call·n (brackets allowed), n a literal with 2 ≤ |n| ≤ MAX_MULTIPLE; else n = 1 and the argument. */
function multipleOf(arg: MathNode): { n: number; call: MathNode } {
  const node = unwrap(arg) as OperatorNode;
  if (node.isOperatorNode && node.fn === "multiply" && node.args.length === 2) {
    for (const [k, other] of [
      [node.args[0], node.args[1]],
      [node.args[1], node.args[0]],
    ]) {
      const c = unwrap(k) as ConstantNode;
      const n = c.isConstantNode ? Number(c.value) : Number.NaN;
      if (Number.isInteger(n) && Math.abs(n) >= 2 && Math.abs(n) <= MAX_MULTIPLE) return { n, call: unwrap(other) };
    }
  }
  return { n: 1, call: unwrap(arg) };
}

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
  const { n, call: inner } = multipleOf(arg);
  const call = inner as FunctionNode;
  if (!over || !call.isFunctionNode || call.args.length !== 1) return null;
  const forms = SIN_COS[(call.fn as unknown as SymbolNode).name];
  if (!forms) return null;
  const u = `(${call.args[0].toString()})`;
  const put = (form: string) => form.replace(/\bu\b/g, u);
  if (n === 1) return { text: over(put(forms.sin), put(forms.cos)), inner };
  // sin(−nθ) = −sin nθ, cos(−nθ) = cos nθ
  const m = multipleAngle(Math.abs(n), put(forms.sin), put(forms.cos));
  return { text: over(n < 0 ? `-${m.sin}` : m.sin, m.cos), inner };
}
