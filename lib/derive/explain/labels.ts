/**
 * The name a learner reads on an algebra step, from what the move did on the line above: the
 * move "cancel" that only merged equal bases (e^x·e^x → (e^x)², 2·x·x → 2x²) cancelled nothing
 * and is named "collect a power"; the move "tidy" that only rewrote signs (a + (−b) → a − b,
 * −(−a) → a) dropped no zero or one and is named "a sign rule". algebra.ts attaches these to
 * its rows as `label`.
 */
import type { MathNode } from "mathjs";
import { toProduct } from "./forms";
import { childrenOf, isCall, isOp, keyOf, sub } from "./nodes";

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

/** How many calls of the function `name` the expression holds. */
function calls(n: MathNode, name: string): number {
  const own = isCall(n, name) ? 1 : 0;
  return childrenOf(n).reduce((s, c) => s + calls(c, name), own);
}

/** Whether `n` is e^w or exp(w). */
const isExp = (n: MathNode): boolean =>
  (isOp(n, "pow", 2) && (n.args[0] as { name?: string }).name === "e") || isCall(n, "exp");

/** Whether `n` is the literal 1. */
const isOne = (n: MathNode): boolean => (n as { value?: { toString(): string } }).value?.toString() === "1";

/** Whether `n` is 1 + e^w or e^w + 1 (or with exp(w)). */
const isOnePlusExp = (n: MathNode): boolean =>
  isOp(n, "add", 2) && ((isOne(n.args[0]) && isExp(n.args[1])) || (isExp(n.args[0]) && isOne(n.args[1])));

/** How many nodes of the expression `matches` accepts. */
function count(n: MathNode, matches: (m: MathNode) => boolean): number {
  return childrenOf(n).reduce((s, c) => s + count(c, matches), matches(n) ? 1 : 0);
}

/** (1 + e^w)²: the denominator of σ′ written with exponentials. */
const isSquaredOnePlusExp = (n: MathNode): boolean => isOp(n, "pow", 2) && isOnePlusExp(n.args[0]);

/**
 * The definitions the move "recognise a definition" knows, in the order a note lists them, each
 * with the test of a site's rewrite (`n` → `r`) that uses it; a site is told by the first that
 * holds in the order of `rank` (a rewrite that writes σ′ writes σ too).
 */
const DEFINITIONS: readonly { tex: string; rank: number; used: (n: MathNode, r: MathNode) => boolean }[] = [
  {
    tex: "$\\sigma(u) = 1/(1 + e^{-u}) = e^u/(1 + e^u)$",
    rank: 4,
    used: (n, r) => count(r, isOnePlusExp) < count(n, isOnePlusExp) && calls(r, "sigma") >= calls(n, "sigma"),
  },
  {
    tex: "$\\sigma' = e^{-u}/(1 + e^{-u})^2 = \\sigma(u)(1 - \\sigma(u))$",
    rank: 3,
    used: (n, r) => count(r, isSquaredOnePlusExp) < count(n, isSquaredOnePlusExp),
  },
  {
    tex: "$\\operatorname{softplus}(u) = \\ln(1 + e^u)$",
    rank: 0,
    used: (n, r) => calls(r, "softplus") > calls(n, "softplus"),
  },
  { tex: "$\\tanh = \\sinh/\\cosh$", rank: 1, used: (n, r) => calls(r, "tanh") > calls(n, "tanh") },
  { tex: "$\\tan = \\sin/\\cos$", rank: 2, used: (n, r) => calls(r, "tan") > calls(n, "tan") },
  { tex: "$\\sigma(u)/(1 - \\sigma(u)) = e^u$", rank: 5, used: (n, r) => calls(r, "sigma") < calls(n, "sigma") },
];

/** The definition a site's rewrite uses, by rank; undefined when none explains it. */
function definitionAt(n: MathNode, r: MathNode): (typeof DEFINITIONS)[number] | undefined {
  return [...DEFINITIONS].sort((a, b) => a.rank - b.rank).find((d) => d.used(n, r));
}

/**
 * "recognise a definition" with a note that states only the definitions the step uses (the move's
 * own note lists all six it knows).
 * @param before the line the move is applied to
 * @param at     the move's local rewrite
 * @param name   the move's name
 * @returns the label, or undefined to keep the row's own (no site, or a site no definition explains)
 */
export function definitionLabel(
  before: MathNode,
  at: (n: MathNode) => MathNode | undefined,
  name: string,
): StepLabel | undefined {
  const found = sitesOf(before, at).map((n) => definitionAt(n, at(n) as MathNode));
  if (!found.length || found.some((d) => d === undefined)) return undefined;
  const list = DEFINITIONS.filter((d) => found.includes(d)).map((d) => d.tex);
  return { name, note: `${list.length > 1 ? `${list.slice(0, -1).join(", ")} and ${list.at(-1)}` : list[0]}.` };
}
