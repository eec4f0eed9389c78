/**
 * The names a derivation's head declares (its function's `name`, the heads of `defs`) must be
 * new: a name that is already a built-in function or constant of the verifier, or a variable
 * of the domain, would make the page print σ(x) = x² or x′(x), or silently redefine σ.
 */
import { BUILTIN_DEFINITIONS, math, RESERVED_NAMES } from "./expression";
import { isVerifierFunction } from "./math-functions";

/** What the verifier's own definitions are, for errors. */
const BUILTIN_FUNCTIONS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.keys(BUILTIN_DEFINITIONS).map((head) => {
    const name = head.replace(/\(.*$/, "");
    return [name, name === "sigma" ? "the sigmoid σ" : name];
  }),
);

const isMathjsFunction = (name: string): boolean =>
  typeof (math as unknown as Record<string, unknown>)[name] === "function";

/**
 * What a name already means to the verifier, if anything.
 *
 * @param name a function or variable name, e.g. "sigma", "e", "log", "g"
 * @returns e.g. "a built-in function of the verifier (the sigmoid σ)", or undefined for a free name
 */
export function builtinMeaning(name: string): string | undefined {
  if (Object.hasOwn(RESERVED_NAMES, name)) return `a built-in constant of the verifier (${RESERVED_NAMES[name]})`;
  if (Object.hasOwn(BUILTIN_FUNCTIONS, name)) return `a built-in function of the verifier (${BUILTIN_FUNCTIONS[name]})`;
  if (isVerifierFunction(name) || isMathjsFunction(name)) return `a built-in function of the verifier (${name})`;
  return undefined;
}

/** Whether two expression texts are the same up to spaces ("p1" and "p1", "h(x)" and "h( x )"). */
const sameText = (a: string, b: string): boolean => a.replace(/\s+/g, "") === b.replace(/\s+/g, "");

/**
 * Checks the names a derivation declares: each head of `defs` must be neither a built-in
 * function or constant of the verifier ({@link builtinMeaning}) nor a variable of the domain,
 * except that a capitalised constant (E, PI, LN2 …) may head a function, as notebook 04's
 * exercise E(ŷ) does (E(u) cannot be read as the constant, a bare E can); `name` must be
 * neither a constant read as one (lowercase: e, pi, i …) nor a variable nor also defined in
 * defs (a built-in function such as log or softplus may name the derivation of itself).
 *
 * @param head  the derivation's name (may be left out), its function f (when given, a name
 *   defs also defines is accepted if f is that definition itself), variable, domain and definitions
 * @param where what declares them, for errors, e.g. `derive("σ′")` or `explain("x^2")`
 * @throws RangeError naming the field (name, or the defs entry), what it got and why it is refused
 */
export function checkHeadNames(
  head: { name?: unknown; f?: unknown; wrt: string; domain: object; defs?: Readonly<Record<string, string>> },
  where: string,
): void {
  const variables = new Set([head.wrt, ...Object.keys(head.domain ?? {})]);
  const taken = (name: string): string | undefined =>
    builtinMeaning(name) ?? (variables.has(name) ? `a variable of the domain` : undefined);
  // a lowercase constant (e, pi, i …) reads as that constant even as a function's name; E, PI,
  // LN2 … written with an argument cannot be read as the constant
  const capitalisedConstant = (name: string): boolean => Object.hasOwn(RESERVED_NAMES, name) && !/^[a-z]/.test(name);
  const defHeads = Object.keys(head.defs ?? {}).map((h) => [h, h.replace(/\(.*$/, "").trim()] as const);
  if (head.name !== undefined) {
    if (typeof head.name !== "string") throw new TypeError(`${where}: name must be a string, got ${typeof head.name}`);
    const name = head.name.trim();
    // a function may name the derivation of itself (notebook 10: "log" for ∂log(u)/∂u, "softplus"
    // for ∂softplus(u)/∂u): only lowercase constants and variables are refused
    const constant = Object.hasOwn(RESERVED_NAMES, name) && !capitalisedConstant(name);
    const why = constant || variables.has(name) ? taken(name) : undefined;
    if (why) throw new RangeError(`${where}: name "${head.name}" is ${why}; give the function another name, e.g. "g"`);
    // …unless f is that definition itself (notebook 07: name "p1", f "p1", defs { p1: … }; or f
    // "h(x)" with defs { "h(u)": … }), when the two mean the same function
    const isDef = (entry: string, n: string): boolean =>
      typeof head.f === "string" && (sameText(head.f, entry) || sameText(head.f, `${n}(${head.wrt})`));
    const def = defHeads.find(([entry, n]) => n === name && !isDef(entry, n));
    if (def)
      throw new RangeError(
        `${where}: name "${head.name}" is also defined in defs (entry "${def[0]}"); give the function or the definition another name`,
      );
  }
  for (const [entry, name] of defHeads) {
    if (name === head.wrt)
      throw new RangeError(
        `${where}: ${name} is the differentiation variable and is also defined in defs (entry "${entry}"); rename the definition or differentiate with respect to another name`,
      );
    const why = entry.includes("(") && capitalisedConstant(name) ? undefined : taken(name);
    if (why)
      throw new RangeError(
        `${where}: defs entry "${entry}" would redefine ${name}, ${why}; give the definition another name`,
      );
  }
}
