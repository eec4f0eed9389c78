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
  return (actual) => decide(actual, expected, boxOf(domain, [actual, expected]), 0);
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

function decide(actual: MathNode, expected: MathNode, box: Box, splits: number): ExactOutcome {
  checkDeadline(() =>
    splits === 0 ? "the exact tier" : `the exact tier, case split ${splits} of at most ${MAX_SPLITS}`,
  );
  const conditions = new Set<string>();
  try {
    const a = normalize(actual, { box, conditions });
    const b = normalize(expected, { box, conditions });
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
