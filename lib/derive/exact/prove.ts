/**
 * The exact tier's decision: are two expressions equal on the declared domain? Both are
 * brought to the normal form of normalize.ts on the domain box; they are equal when
 * N1·D2 − N2·D1 expands to the zero polynomial. An abs/max/min whose argument changes
 * sign splits the box and each piece is decided on its own.
 */
import type { MathNode } from "mathjs";
import type { Domain } from "../domain";
import { checkDeadline } from "../deadline";
import type { Certificate } from "../types";
import { interval, WHOLE_LINE, type Box, type Interval } from "./interval";
import { foldRoots, normalize, Outside, SplitAt, type RatFn } from "./normalize";
import { isZero, mul, ONE, printPoly, sub, TooLarge, equalPoly } from "./poly";

/** The exact tier's answer. */
export type ExactOutcome =
  /** Equal on the whole domain, with what a reader can check. */
  | { status: "equal"; certificate: Certificate }
  /** The normal forms differ (the sampling tier looks for the point that shows it). */
  | { status: "different"; difference: string }
  /** Not decided: outside the class, or a side condition the domain does not guarantee. */
  | { status: "outside"; reason: string };

/** How many times the domain may be split (abs, max, min) for one comparison. */
const MAX_SPLITS = 4;

/**
 * Prepares the exact comparison of expressions with `expected` on a domain.
 *
 * @param expected what the steps must equal, definitions expanded
 * @param domain   the declared domain; without it every variable ranges over all reals
 * @returns (actual) => the exact tier's outcome; it never throws for an expression outside the class
 */
export function exactJudge(expected: MathNode, domain?: Domain): (actual: MathNode) => ExactOutcome {
  return (actual) => decide(actual, expected, boxOf(domain, [actual, expected]), 0, domain);
}

/**
 * Decides once whether `actual` equals `expected` on the domain (see {@link exactJudge}).
 * @returns the exact tier's outcome
 */
export function proveEqual(actual: MathNode, expected: MathNode, domain?: Domain): ExactOutcome {
  return exactJudge(expected, domain)(actual);
}

/** The normal form of an expression as text, "(N) / (D)", or undefined when it is outside the class. */
export function normalFormText(node: MathNode, domain?: Domain): string | undefined {
  try {
    return print(normalize(node, { box: boxOf(domain, [node]), conditions: new Set() }));
  } catch (err) {
    if (err instanceof Outside || err instanceof SplitAt || err instanceof TooLarge) return undefined;
    throw err;
  }
}

/** What normalising one expression on a domain's whole box gave: its normal form and the conditions it relied on, or the error that ended it. */
type Normalized = { form: RatFn; conditions: readonly string[] } | { error: Outside | SplitAt | TooLarge };

/**
 * The normal forms made on each domain's whole box, by expression node. A derivation's steps are
 * checked one after the other, and the node of step k is the expected side of step k + 1 (and the
 * last one that of the closing check): without this, each would be normalised twice. Keyed on the
 * node object and the domain object (the box is made from the domain alone), so an entry lives as
 * long as the derivation's nodes; a node is never changed once parsed. Not used after a case split
 * (a smaller box), nor without a domain.
 */
let normalizedOn = new WeakMap<Domain, WeakMap<MathNode, Normalized>>();
/** Empties {@link normalizedOn} (with the atom table its normal forms refer to, process-state.ts). */
export function forgetNormalForms(): void {
  normalizedOn = new WeakMap();
}

/**
 * The normal form of `node` on `box`, its conditions added to `conditions` in the order
 * normalize() adds them; cached per node when `domain` is the box's source (see {@link normalizedOn}).
 * @throws as normalize (Outside, SplitAt, TooLarge, StepUndecided; only the first three are cached)
 */
function normalizeOnce(node: MathNode, box: Box, conditions: Set<string>, domain: Domain | undefined): RatFn {
  if (!domain) return normalize(node, { box, conditions });
  let byNode = normalizedOn.get(domain);
  if (!byNode) normalizedOn.set(domain, (byNode = new WeakMap()));
  let entry = byNode.get(node);
  if (!entry) {
    const own = new Set<string>();
    try {
      entry = { form: normalize(node, { box, conditions: own }), conditions: [...own] };
    } catch (err) {
      if (!(err instanceof Outside || err instanceof SplitAt || err instanceof TooLarge)) throw err;
      entry = { error: err };
    }
    byNode.set(node, entry);
  }
  if ("error" in entry) throw entry.error;
  for (const c of entry.conditions) conditions.add(c);
  return entry.form;
}

/**
 * Decides `actual` = `expected` on `box`, splitting it at an abs/max/min kink (at most {@link MAX_SPLITS} times).
 * @param domain the domain `box` was made from (splits = 0), for the cache of normal forms; undefined after a split
 */
function decide(actual: MathNode, expected: MathNode, box: Box, splits: number, domain?: Domain): ExactOutcome {
  checkDeadline(() =>
    splits === 0 ? "the exact tier" : `the exact tier, case split ${splits} of at most ${MAX_SPLITS}`,
  );
  const conditions = new Set<string>();
  try {
    const a = normalizeOnce(actual, box, conditions, domain);
    const b = normalizeOnce(expected, box, conditions, domain);
    const cross = sub(mul(a.n, b.d), mul(b.n, a.d));
    // products of roots, √P·√P, are folded back into P
    const diff = isZero(cross) ? cross : foldRoots({ n: cross, d: ONE }).n;
    if (isZero(diff)) {
      return {
        status: "equal",
        certificate: {
          actual: print(a),
          expected: print(b),
          method: "cross-multiplied: N1·D2 − N2·D1 expands to 0",
          conditions: [...conditions],
        },
      };
    }
    const text = printPoly(diff);
    return { status: "different", difference: text.length > 300 ? `${text.slice(0, 300)}…` : text };
  } catch (err) {
    if (err instanceof SplitAt) {
      if (splits >= MAX_SPLITS) return { status: "outside", reason: "too many case splits" };
      const iv = box.get(err.variable)!;
      const at = (Number(err.at.n) / Number(err.at.d)).toString();
      const cut = interval(at, at, false, false);
      const left = new Map(box).set(err.variable, { ...iv, hi: cut.hi, hiOpen: false } as Interval);
      const right = new Map(box).set(err.variable, { ...iv, lo: cut.lo, loOpen: false } as Interval);
      const l = decide(actual, expected, left, splits + 1);
      const r = decide(actual, expected, right, splits + 1);
      if (l.status === "equal" && r.status === "equal") {
        return {
          status: "equal",
          certificate: {
            actual: "(by cases)",
            expected: "(by cases)",
            method: `case split at ${err.variable} = ${err.at}`,
            conditions: [],
            cases: [
              { where: `${err.variable} ≤ ${err.at}`, certificate: l.certificate },
              { where: `${err.variable} ≥ ${err.at}`, certificate: r.certificate },
            ],
          },
        };
      }
      if (l.status === "different") return l;
      if (r.status === "different") return r;
      return l.status === "outside" ? l : r;
    }
    if (err instanceof Outside || err instanceof TooLarge) return { status: "outside", reason: err.message };
    throw err;
  }
}

function print(r: RatFn): string {
  return equalPoly(r.d, ONE) ? printPoly(r.n) : `(${printPoly(r.n)}) / (${printPoly(r.d)})`;
}

function boxOf(domain: Domain | undefined, nodes: MathNode[]): Box {
  const box = new Map<string, Interval>();
  if (domain) {
    for (const [name, iv] of domain) box.set(name, interval(String(iv.min), String(iv.max), iv.loOpen, iv.hiOpen));
    return box;
  }
  for (const n of nodes) {
    n.traverse((x, path) => {
      const s = x as { isSymbolNode?: boolean; name?: string };
      if (s.isSymbolNode && path !== "fn" && !["e", "E", "pi", "PI"].includes(s.name!)) box.set(s.name!, WHOLE_LINE);
    });
  }
  return box;
}
