/**
 * The checks of explain()'s input, made before any step is generated: the verifier's own
 * checks of names and domain (checkNames, parseDomain), and differentiability on the whole
 * domain (|u| needs u of one sign there). Finiteness on the domain (log of something ≤ 0) is
 * checked when the derivation is verified, by the verifier, with the same message as derive()'s.
 */
import type { MathNode } from "mathjs";
import { checkNames } from "../context";
import { parseDomain, samplePoints, type Domain, type DomainSpec } from "../domain";
import { BUILTIN_DEFINITIONS, expandDefinitions, parseDefinitions, RESERVED_NAMES, shortened } from "../expression";
import { verifierMath } from "../math-functions";
import { dependsOn, isCall, keyOf, num } from "./nodes";
import { bisectZero } from "./singularities";

const BUILTINS = parseDefinitions(BUILTIN_DEFINITIONS);
const doubles = verifierMath();

/**
 * The verifier's checks of a function before it is differentiated: the domain parses, no
 * reserved constant is declared a variable, the variable has a domain, every variable has a
 * domain and every function is one the verifier knows (or defined in defs).
 *
 * @param node the parsed function
 * @param head its variable, domain and definitions
 * @param where what is checked, for errors
 * @returns the parsed domain
 * @throws RangeError naming the variable, the function or the domain entry
 */
export function checkInput(
  node: MathNode,
  head: { wrt: string; domain: DomainSpec; defs?: Readonly<Record<string, string>> },
  where: string,
): Domain {
  const domain = parseDomain(head.domain, where);
  for (const name of domain.keys()) {
    if (Object.hasOwn(RESERVED_NAMES, name))
      throw new RangeError(
        `${where}: ${name} is a constant (${RESERVED_NAMES[name]}), not a variable: give the variable another name`,
      );
  }
  if (!domain.has(head.wrt))
    throw new RangeError(
      `${where}: the variable ${head.wrt} has no declared domain (declared: ${[...domain.keys()].join(", ")})`,
    );
  const defs =
    head.defs && Object.keys(head.defs).length ? parseDefinitions({ ...BUILTIN_DEFINITIONS, ...head.defs }) : BUILTINS;
  checkNames(expandDefinitions(node, defs, where), domain, `${where}, the function`);
  return domain;
}

/**
 * The verifier's checks of explain()'s `target` before any step is generated: every variable
 * has a domain and every function is one the verifier knows (or defined in defs); a call of
 * the function by its own name (g(x) in "g(x) * (1 - g(x))") stands for the function.
 *
 * @param target the parsed target
 * @param name   the function's name (head.name, default "f")
 * @param head   its definitions
 * @param domain the declared domain
 * @param where  the learner's call and the target, for errors, e.g. `explain("x^2"), the target "2 * y"`
 * @throws RangeError naming the variable without a domain or the unknown function
 */
export function checkTarget(
  target: MathNode,
  name: string,
  head: { defs?: Readonly<Record<string, string>> },
  domain: Domain,
  where: string,
): void {
  const own = target.transform((n) => (isCall(n, name) ? num(1) : n));
  const defs =
    head.defs && Object.keys(head.defs).length ? parseDefinitions({ ...BUILTIN_DEFINITIONS, ...head.defs }) : BUILTINS;
  checkNames(expandDefinitions(own, defs, where), domain, where);
}

/**
 * Checks that every |u| of the function has u of one sign at 64 seeded points of the domain
 * (double precision), i.e. that the function has a derivative on the whole domain.
 *
 * @param node   the function (definitions other than sigma and softplus expanded)
 * @param domain the declared domain
 * @param where  what is checked, for the error, e.g. `explain("abs(x)")`
 * @throws RangeError naming |u|, a point where u < 0 and one where u > 0 (or where u = 0)
 */
export function checkDifferentiable(node: MathNode, domain: Domain, where: string): void {
  // each distinct argument once, by its key (equal keys, equal trees: the same verdict and message)
  const abs = new Map<string, MathNode>();
  node.traverse((n) => {
    if (isCall(n, "abs", 1) && !abs.has(keyOf(n.args[0]))) abs.set(keyOf(n.args[0]), n.args[0]);
  });
  const points = abs.size ? samplePoints(domain, 64, "explain") : [];
  for (const u of abs.values()) {
    const code = doubles.compile(expandDefinitions(u, BUILTINS, where).toString());
    let neg: Record<string, string> | undefined;
    let pos: Record<string, string> | undefined;
    for (const p of points) {
      const v = code.evaluate(Object.fromEntries(Object.entries(p).map(([k, x]) => [k, Number(x)]))) as number;
      if (v === 0) {
        throw new RangeError(
          `${where}: abs(${shortened(u.toString())}) has no derivative where ${shortened(u.toString())} = 0, as at ${fmt(p)}; ` +
            "declare a domain on which it has one sign",
        );
      }
      if (v < 0) neg ??= p;
      else pos ??= p;
    }
    if (neg && pos) {
      const num = (p: Record<string, string>) => Object.fromEntries(Object.entries(p).map(([k, x]) => [k, Number(x)]));
      const zero = bisectZero((p) => code.evaluate({ ...p }) as number, num(neg), num(pos));
      const at = Object.entries(zero)
        .filter(([k]) => dependsOn(u, k))
        .map(([k, v]) => `${k} ≈ ${Number(v.toPrecision(6))}`)
        .join(", ");
      throw new RangeError(
        `${where}: abs(${shortened(u.toString())}) has no derivative where ${shortened(u.toString())} changes sign, as at ${at}; the domain ` +
          `(${[...domain.entries()].map(([k, i]) => `${k} in (${i.min}, ${i.max})`).join(", ")}) holds both ${fmt(neg)} (negative) and ${fmt(pos)} (positive); declare a domain on which it has one sign`,
      );
    }
  }
}

const fmt = (p: Record<string, string>): string =>
  Object.entries(p)
    .map(([k, v]) => `${k} = ${Number(v).toPrecision(4)}`)
    .join(", ");
