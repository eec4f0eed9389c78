/**
 * The name a learner reads on an algebra step, from what the move did on the line above: the
 * move "cancel" that only merged equal bases (e^x·e^x → (e^x)², 2·x·x → 2x²) cancelled nothing
 * and is named "collect a power"; the move "tidy" that only rewrote signs (a + (−b) → a − b,
 * −(−a) → a) dropped no zero or one and is named "a sign rule". algebra.ts attaches these to
 * its rows as `label`.
 */
import type { MathNode } from "mathjs";
import { toProduct } from "./forms";
import { childrenOf, isOp, keyOf, sub } from "./nodes";

/** A step's name and note. */
export interface StepLabel {
  name: string;
  note: string;
}

/** The nodes of `before` (outermost first) where a local rewrite `at` changes something. */
export function sitesOf(before: MathNode, at: (n: MathNode) => MathNode | undefined): MathNode[] {
  const out: MathNode[] = [];
  const walk = (n: MathNode): void => {
    const r = at(n);
    if (r !== undefined && keyOf(r) !== keyOf(n)) out.push(n);
    childrenOf(n).forEach(walk);
  };
  walk(before);
  return out;
}

/** The key of a base, a − b and b − a alike (they cancel up to a sign, as toProduct merges them). */
function baseKey(base: MathNode): string {
  if (!isOp(base, "subtract", 2)) return keyOf(base);
  const [k, flipped] = [keyOf(base), keyOf(sub(base.args[1], base.args[0]))];
  return [k, flipped].sort()[0]; // the smaller text of the two, whichever the tree holds
}

/** Whether a product has a base both above and below the fraction line (a factor that cancels). */
function cancels(n: MathNode): boolean {
  const signs = new Map<string, number>();
  for (const f of toProduct(n, false).factors) {
    const s = f.exp.sign();
    const key = baseKey(f.base);
    const seen = signs.get(key);
    if (seen !== undefined && seen !== s) return true;
    signs.set(key, s);
  }
  return false;
}

/** The label of the power-collecting case of "cancel a common factor". */
export const COLLECT_A_POWER: StepLabel = {
  name: "algebra: collect a power",
  note: "Equal bases in a product are written once, their exponents added: $a \\cdot a = a^2$, $a^m \\cdot a^n = a^{m+n}$.",
};

/**
 * "collect a power" when no site of the move has a factor both above and below the line.
 * @param before the line the move is applied to
 * @param at     the move's local rewrite
 * @returns the label, or undefined to keep the row's own ("cancel a common factor")
 */
export function cancelLabel(before: MathNode, at: (n: MathNode) => MathNode | undefined): StepLabel | undefined {
  const sites = sitesOf(before, at);
  return sites.length && !sites.some(cancels) ? COLLECT_A_POWER : undefined;
}

/** The label of the sign-only case of "drop the zeros and ones". */
export const SIGN_RULE: StepLabel = {
  name: "algebra: a sign rule",
  note: "Adding a negative is subtracting, subtracting a negative is adding, and two minus signs cancel: $a + (-b) = a - b$, $a - (-b) = a + b$, $-(-a) = a$.",
};

/** Whether the tidy move at `n` is only a sign rule: a ± (−b) or −(−a), with no number on either side. */
function signOnly(n: MathNode, numeric: (x: MathNode) => boolean): boolean {
  if ((isOp(n, "add", 2) || isOp(n, "subtract", 2)) && isOp(n.args[1], "unaryMinus", 1))
    return !numeric(n.args[0]) && !numeric(n.args[1]);
  return isOp(n, "unaryMinus", 1) && isOp(n.args[0], "unaryMinus", 1) && !numeric(n.args[0].args[0]);
}

/**
 * "a sign rule" when every site of the tidy move only rewrites signs.
 * @param before  the line the move is applied to
 * @param at      the tidy move's local rewrite
 * @param numeric whether a node is a number (then the site is arithmetic, not a sign rule)
 * @returns the label, or undefined to keep the row's own ("drop the zeros and ones")
 */
export function tidyLabel(
  before: MathNode,
  at: (n: MathNode) => MathNode | undefined,
  numeric: (x: MathNode) => boolean,
): StepLabel | undefined {
  const sites = sitesOf(before, at);
  return sites.length && sites.every((n) => signOnly(n, numeric)) ? SIGN_RULE : undefined;
}
