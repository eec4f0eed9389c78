/**
 * The LaTeX of the verifier's functions, the same templates mathjs's `toTex` uses
 * (mathjs 15, utils/latex.js `latexFunctions`: cos(u) → \cos\left(u\right), log(u, b) →
 * \log_{b}\left(u\right), …), expanded here so that tex.ts never reaches mathjs's
 * FunctionNode LaTeX: that renders every argument twice at each level (2^depth work for
 * nested calls, 50 ms for a six-deep expression) and builds the function's whole typed
 * implementation on first use (about 200 ms for `max` in a fresh process), although only
 * its name is printed. test/unit/derive/tex.test.ts checks each template against mathjs.
 */

/** Function name → template, or templates by argument count; ${args[i]} is the i-th argument, ⟨*⟩ all of them joined by commas, ⟨name⟩ the name. */
export const FUNCTION_TEX: Readonly<Record<string, string | Readonly<Record<number, string>>>> = {
  exp: { 1: "\\exp\\left(⟨0⟩\\right)" },
  expm1: "\\left(e^{⟨0⟩}-1\\right)",
  log: { 1: "\\ln\\left(⟨0⟩\\right)", 2: "\\log_{⟨1⟩}\\left(⟨0⟩\\right)" },
  log10: { 1: "\\log_{10}\\left(⟨0⟩\\right)" },
  log2: "\\log_{2}\\left(⟨0⟩\\right)",
  log1p: { 1: "\\ln\\left(⟨0⟩+1\\right)", 2: "\\log_{⟨1⟩}\\left(⟨0⟩+1\\right)" },
  sqrt: { 1: "\\sqrt{⟨0⟩}" },
  cbrt: { 1: "\\sqrt[3]{⟨0⟩}" },
  nthRoot: { 2: "\\sqrt[⟨1⟩]{⟨0⟩}" },
  pow: { 2: "\\left(⟨0⟩\\right)^{⟨1⟩}" },
  square: { 1: "\\left(⟨0⟩\\right)^2" },
  cube: { 1: "\\left(⟨0⟩\\right)^3" },
  abs: { 1: "\\left|⟨0⟩\\right|" },
  sign: { 1: "\\mathrm{⟨name⟩}\\left(⟨0⟩\\right)" },
  max: "\\max\\left(⟨*⟩\\right)",
  min: "\\min\\left(⟨*⟩\\right)",
  sin: { 1: "\\sin\\left(⟨0⟩\\right)" },
  cos: { 1: "\\cos\\left(⟨0⟩\\right)" },
  tan: { 1: "\\tan\\left(⟨0⟩\\right)" },
  sec: { 1: "\\sec\\left(⟨0⟩\\right)" },
  csc: { 1: "\\csc\\left(⟨0⟩\\right)" },
  cot: { 1: "\\cot\\left(⟨0⟩\\right)" },
  asin: { 1: "\\sin^{-1}\\left(⟨0⟩\\right)" },
  acos: { 1: "\\cos^{-1}\\left(⟨0⟩\\right)" },
  atan: { 1: "\\tan^{-1}\\left(⟨0⟩\\right)" },
  asec: { 1: "\\sec^{-1}\\left(⟨0⟩\\right)" },
  acsc: { 1: "\\csc^{-1}\\left(⟨0⟩\\right)" },
  acot: { 1: "\\cot^{-1}\\left(⟨0⟩\\right)" },
  sinh: { 1: "\\sinh\\left(⟨0⟩\\right)" },
  cosh: { 1: "\\cosh\\left(⟨0⟩\\right)" },
  tanh: { 1: "\\tanh\\left(⟨0⟩\\right)" },
  sech: { 1: "\\mathrm{sech}\\left(⟨0⟩\\right)" },
  csch: { 1: "\\mathrm{csch}\\left(⟨0⟩\\right)" },
  coth: { 1: "\\coth\\left(⟨0⟩\\right)" },
  asinh: { 1: "\\sinh^{-1}\\left(⟨0⟩\\right)" },
  acosh: { 1: "\\cosh^{-1}\\left(⟨0⟩\\right)" },
  atanh: { 1: "\\tanh^{-1}\\left(⟨0⟩\\right)" },
  asech: { 1: "\\mathrm{sech}^{-1}\\left(⟨0⟩\\right)" },
  acsch: { 1: "\\mathrm{csch}^{-1}\\left(⟨0⟩\\right)" },
  acoth: { 1: "\\coth^{-1}\\left(⟨0⟩\\right)" },
};

/**
 * The LaTeX of a call of one of the verifier's functions.
 *
 * @param name the function's name ("cos", "log", …)
 * @param args the LaTeX of each argument, in order
 * @returns the call's LaTeX as mathjs writes it, or undefined when there is no template for
 *   this name and argument count (mathjs's own `toTex` then decides)
 */
export function functionTex(name: string, args: readonly string[]): string | undefined {
  const entry = Object.hasOwn(FUNCTION_TEX, name) ? FUNCTION_TEX[name] : undefined;
  const template = typeof entry === "string" ? entry : entry?.[args.length];
  if (template === undefined) return undefined;
  return template.replace(/⟨(\d+|\*|name)⟩/g, (_, what: string) =>
    what === "name" ? name : what === "*" ? args.join(",") : (args[Number(what)] ?? ""),
  );
}
