/**
 * A step (or the given function) that is undefined at a point inside the domain: 1/x, log|x|,
 * x/x or x·(1/x) on (−1, 1) are real numbers at every sample point and not at x = 0. Sampling
 * never meets such a point (it has measure zero), so the verifier looks for it: each part
 * whose *value* can be undefined (a division, a negative power, a logarithm, tan, coth, atanh,
 * …) is checked on the whole domain by explain()'s singularity search (an interval enclosure,
 * then the sample points with 0 and the ends among them, a sign change bisected, a local
 * minimum; explain/singularities.ts). Parts that are real at the edge of their domain (√u and
 * u^(1/3) at u = 0, asin 1) are left to sampling: they are undefined on an interval, which
 * the samples meet.
 *
 * A removable singularity is refused too: x/x is not 1 at x = 0, it has no value there, and a
 * derivation's step must be a real number on the whole declared domain (docs/verification.md).
 */
import type { MathNode } from "mathjs";
import type { Domain } from "./domain";
import { BUILTIN_DEFINITIONS, expandDefinitions, parseDefinitions, shortened } from "./expression";
import { evaluator, OVERFLOW, PRECISION_LEVELS } from "./evaluate";
import { findSingularity, singularityPlace, type Hazard } from "./explain/singularities";
import { isCall, isConstant, isOp, numericValue, withoutParens } from "./explain/nodes";
import { verifierMath } from "./math-functions";

/** Functions whose value is undefined (infinite) where their hazard fails, not only their derivative. */
const POLES = new Set([
  "log",
  "log10",
  "log2",
  "log1p",
  "coth",
  "csch",
  "acsch",
  "tan",
  "sec",
  "cot",
  "csc",
  "atanh",
  "acoth",
]);

/**
 * Whether a hazard is about the part's value (a pole, a logarithm of 0), not only its derivative.
 *
 * @param h a hazard of explain/singularities.ts
 */
export function valueHazard(h: Hazard): boolean {
  const part = withoutParens(h.part);
  if (isOp(part, "divide", 2)) return true;
  if (isOp(part, "pow", 2)) {
    const e = withoutParens(part.args[1]);
    const r = isConstant(e) ? Number(e.value) : numericValue(e)?.toNumber();
    return r !== undefined && r < 0;
  }
  return [...POLES].some((name) => isCall(part, name, 1) || (name === "log" && isCall(part, name, 2)));
}

const BUILTINS = parseDefinitions(BUILTIN_DEFINITIONS);

/**
 * Whether the verifier's own evaluation agrees that the part has no value at the point: the
 * search's doubles (and decimal signs) read a value past decimal.js's range, e^(x + 2e30), as
 * not finite, where it is a real number (OVERFLOW: softplus(x + 2e30) on (0, 1) was refused).
 * A point found exactly must give no value there; one located approximately (a bisected sign
 * change) must only not be such an overflow.
 */
function confirmed(hazard: Hazard, point: Record<string, number>, approximate: boolean): boolean {
  const at = [Object.fromEntries(Object.entries(point).map(([k, v]) => [k, String(v)]))];
  const value = (n: MathNode): unknown => {
    try {
      return evaluator(expandDefinitions(n, BUILTINS, "undefined points").toString(), at).at(0, PRECISION_LEVELS[0]);
    } catch {
      return "not finite";
    }
  };
  // the quantity that reaches 0 (or ≤ 0) must be a real number there, not one past the range
  const h = value(hazard.h);
  if (h === OVERFLOW) return false;
  const v = value(hazard.part);
  if (v === OVERFLOW) return false;
  if (!approximate) return typeof v === "string";
  // doubles may cancel what the verifier's digits keep: (1 + 1e30) − 1e30 + x² is x² in doubles, 0
  // at x = 0, where it is 1. A point located approximately stands only where the doubles the search
  // used agree with the verifier's own value of that quantity.
  if (typeof h === "string") return true;
  const hd = doubleValue(hazard.h, point);
  const exact = (h as { toNumber(): number }).toNumber();
  return Number.isFinite(hd) && Math.abs(exact - hd) <= 1e-6 * Math.max(1, Math.abs(exact));
}

const doubles = verifierMath();

/** The value in doubles of an expression at a point (NaN where it has none): what the search saw. */
function doubleValue(n: MathNode, point: Record<string, number>): number {
  try {
    const r = doubles.compile(expandDefinitions(n, BUILTINS, "undefined points").toString()).evaluate({ ...point });
    return typeof r === "number" ? r : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** A point of the domain where an expression is undefined, in words. */
export interface UndefinedPoint {
  /**
   * The point, variable → value: the variables of the part as the text shows them (a point
   * located approximately, by bisection or a minimum search, rounded to a millionth of the
   * interval's width: 0.3 for 1/(x − 0.3)), the others as sampled.
   */
  point: Record<string, number>;
  /** The part with no value there, as text, e.g. "1 / x". */
  part: string;
  /** e.g. "1 / x is undefined at x = 0, inside the domain x in (-1, 1)". */
  text: string;
}

/**
 * The first point inside the domain where a part of the expression has no value (see the
 * module comment), or undefined when every such part is shown defined or no point is found.
 *
 * @param node   the expression as written, user definitions expanded (sigma and softplus may stay)
 * @param domain the declared domain
 * @returns the point and the sentence naming the part, the condition and the domain
 */
export function undefinedPoint(node: MathNode, domain: Domain): UndefinedPoint | undefined {
  const s = findSingularity(node, domain, valueHazard);
  if (!s) return undefined;
  const { point, dom, rounded } = singularityPlace(s, domain);
  if (!confirmed(s.hazard, s.approximate ? rounded : s.point, s.approximate)) return undefined;
  // "where x = 0" says no more than "at x = 0"
  const where = s.hazard.fails === point.replace(" ≈ ", " = ") ? "" : ` (where ${s.hazard.fails})`;
  const part = shortened(s.hazard.part.toString());
  return {
    point: rounded,
    part,
    text: `${part} is undefined at ${point}${where}, inside the domain ${dom.join(", ")}`,
  };
}
