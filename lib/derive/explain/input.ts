/**
 * The input checks explain() adds to the verifier's own (names, domain, finiteness): the
 * function must be differentiable on the whole domain, so |u| needs u of one sign there.
 */
import type { MathNode } from "mathjs";
import type { Domain } from "../domain";
import { BUILTIN_DEFINITIONS, expandDefinitions, math, parseDefinitions, shortened } from "../expression";
import { isCall } from "./nodes";

const BUILTINS = parseDefinitions(BUILTIN_DEFINITIONS);

/**
 * Checks that every |u| of the function has u of one sign at the sample points and at the
 * ends of the domain box, i.e. that the function has a derivative on the whole domain.
 *
 * @param node   the function (definitions other than sigma and softplus expanded)
 * @param domain the declared domain
 * @param points the verifier's sample points of that domain
 * @param where  what is checked, for the error, e.g. `explain("abs(x)")`
 * @throws RangeError naming |u|, a point where u < 0 and one where u > 0 (or where u = 0)
 */
export function checkDifferentiable(node: MathNode, domain: Domain, points: readonly Record<string, string>[], where: string): void {
  const abs: MathNode[] = [];
  node.traverse((n) => {
    if (isCall(n, "abs", 1)) abs.push(n.args[0]);
  });
  for (const u of abs) {
    const code = math.compile(expandDefinitions(u, BUILTINS, where).toString());
    let neg: Record<string, string> | undefined;
    let pos: Record<string, string> | undefined;
    for (const p of points) {
      const scope = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, math.bignumber(v)]));
      const v = code.evaluate(scope) as { isZero(): boolean; isNegative(): boolean };
      if (v.isZero()) {
        throw new RangeError(`${where}: abs(${shortened(u.toString())}) has no derivative where ${shortened(u.toString())} = 0, as at ${fmt(p)}; ` +
          "declare a domain on which it has one sign");
      }
      if (v.isNegative()) neg ??= p;
      else pos ??= p;
    }
    if (neg && pos) {
      throw new RangeError(`${where}: abs(${shortened(u.toString())}) has no derivative where ${shortened(u.toString())} changes sign, and the domain ` +
        `(${[...domain.entries()].map(([k, i]) => `${k} in (${i.min}, ${i.max})`).join(", ")}) holds both ${fmt(neg)} (negative) and ${fmt(pos)} (positive); declare a domain on which it has one sign`);
    }
  }
}

const fmt = (p: Record<string, string>): string => Object.entries(p).map(([k, v]) => `${k} = ${Number(v).toPrecision(4)}`).join(", ");
