import type { MathNode, OperatorNode, ParenthesisNode, SymbolNode, FunctionNode } from "mathjs";
import { isFunctionCall, isSymbol, math } from "./expression";
import { FUNCTION_TEX, functionTex } from "./tex-functions";

/** LaTeX for variable and function names that are not plain letters. */
export const DEFAULT_TEX_NAMES: Readonly<Record<string, string>> = {
  yhat: "\\hat{y}",
  sigma: "\\sigma",
  softplus: "\\operatorname{softplus}",
  e: "e",
  pi: "\\pi",
};

/** Names LaTeX has a Greek letter for (omicron and the capitals that look Latin have none). */
const GREEK = new Set([
  "alpha",
  "beta",
  "gamma",
  "delta",
  "epsilon",
  "zeta",
  "eta",
  "theta",
  "iota",
  "kappa",
  "lambda",
  "mu",
  "nu",
  "xi",
  "rho",
  "sigma",
  "tau",
  "upsilon",
  "phi",
  "chi",
  "psi",
  "omega",
  "Gamma",
  "Delta",
  "Theta",
  "Lambda",
  "Xi",
  "Pi",
  "Sigma",
  "Upsilon",
  "Phi",
  "Psi",
  "Omega",
]);

/**
 * Renders an expression as LaTeX: mathjs `toTex` with `parenthesis: "keep"`,
 * tidied so that names print as a reader writes them (yhat → \hat{y}, t → t rather
 * than mathjs's unit \mathrm{t}, sigma(x) → \sigma\left(x\right)) and powers print
 * without redundant brackets (e^{-x}, not {e}^{\left(-x\right)}).
 *
 * @param node  a mathjs expression tree
 * @param names extra name → LaTeX entries, overriding {@link DEFAULT_TEX_NAMES}
 * @returns a LaTeX string for display math (no surrounding $ signs)
 */
export function toTex(node: MathNode, names: Readonly<Record<string, string>> = {}): string {
  return tidy(node.toTex({ parenthesis: "keep", handler: texHandler(names) } as object));
}

/**
 * {@link toTex} for many expressions that share subtrees and never change (explain()'s own nodes):
 * each subtree's LaTeX is made once and kept (by node, in the printer), so a part printed again in
 * a later step, title or note costs a lookup. The text is {@link toTex}'s, character for character:
 * a node's LaTeX does not depend on its parent (the parent adds its own brackets around it).
 *
 * @param names extra name → LaTeX entries, as for {@link toTex}
 * @returns the printer: node → LaTeX; nodes given to it must not be changed afterwards
 */
export function cachedTexPrinter(names: Readonly<Record<string, string>> = {}): (node: MathNode) => string {
  const plain = texHandler(names);
  const kept = new WeakMap<MathNode, string>();
  const handler = (n: MathNode, options: object): string | undefined => {
    let t = kept.get(n);
    if (t === undefined) {
      t = plain(n, options) ?? (n as unknown as { _toTex(o: object): string })._toTex(options);
      kept.set(n, t);
    }
    return t;
  };
  const options = { parenthesis: "keep", handler } as object;
  const whole = new WeakMap<MathNode, string>();
  return (node) => {
    let t = whole.get(node);
    if (t === undefined) {
      t = tidy(node.toTex(options));
      whole.set(node, t);
    }
    return t;
  };
}

/** The mathjs toTex handler of {@link toTex}: the LaTeX of the nodes it prints its own way, else undefined (mathjs's). */
function texHandler(names: Readonly<Record<string, string>>): (n: MathNode, options: object) => string | undefined {
  const table = { ...DEFAULT_TEX_NAMES, ...names };
  const nameTex = (name: string): string =>
    table[name] ??
    (GREEK.has(name) ? `\\${name}` : name.length === 1 ? name : (subscripted(name) ?? `\\mathit{${name}}`));
  return (n: MathNode, options: object): string | undefined => {
    if (isSymbol(n)) return ` ${nameTex((n as SymbolNode).name)}`;
    if (isFunctionCall(n) && table[n.fn.name] === undefined && Object.hasOwn(FUNCTION_TEX, n.fn.name)) {
      // the verifier's functions as mathjs prints them, without mathjs's FunctionNode LaTeX (tex-functions.ts)
      const tex = functionTex(
        n.fn.name,
        (n as FunctionNode).args.map((a) => a.toTex(options)),
      );
      if (tex !== undefined) return tex;
    }
    if (isFunctionCall(n) && (table[n.fn.name] !== undefined || !isBuiltinFunction(n.fn.name))) {
      const args = (n as FunctionNode).args.map((a) => stripParens(a).toTex(options)).join(", ");
      return ` ${nameTex(n.fn.name)}\\left(${args}\\right)`;
    }
    // a literal as written: mathjs prints a BigNumber such as 1000000 as 1\cdot10^{+6}
    const c = n as { isConstantNode?: boolean; value?: unknown };
    if (c.isConstantNode && math.isBigNumber(c.value)) {
      const v = c.value as {
        isFinite(): boolean;
        abs(): { gte(x: string): boolean; lt(x: string): boolean };
        isZero(): boolean;
        toFixed(): string;
      };
      if (v.isFinite() && (v.isZero() || (v.abs().gte("1e-6") && v.abs().lt("1e21")))) return ` ${v.toFixed()}`;
    }
    const op = n as OperatorNode;
    if (op.isOperatorNode && op.fn === "pow" && op.args.length === 2) {
      const [base, exp] = op.args;
      const b = stripParens(base);
      const simpleBase = isSymbol(b) || (b as { isConstantNode?: boolean }).isConstantNode === true;
      const baseTex = b.toTex(options).trim();
      return ` ${simpleBase ? baseTex : `\\left(${baseTex}\\right)`}^{${stripParens(exp).toTex(options).trim()}}`;
    }
    if (op.isOperatorNode && op.fn === "divide" && op.args.length === 2) {
      const [num, den] = op.args.map((a) => stripParens(a).toTex(options).trim());
      return ` \\frac{${num}}{${den}}`;
    }
    return undefined;
  };
}

/** p1 → p_{1}, z12 → z_{12}, yhat2 → \hat{y}_{2}; else undefined. */
function subscripted(name: string): string | undefined {
  const m = /^([A-Za-z]|yhat)(\d+)$/.exec(name);
  if (!m) return undefined;
  return `${m[1] === "yhat" ? "\\hat{y}" : m[1]}_{${m[2]}}`;
}

function isBuiltinFunction(name: string): boolean {
  return typeof (math as unknown as Record<string, unknown>)[name] === "function";
}

function stripParens(n: MathNode): MathNode {
  let cur = n;
  while ((cur as ParenthesisNode).isParenthesisNode) cur = (cur as ParenthesisNode).content;
  return cur;
}

function tidy(tex: string): string {
  return tex
    .replace(/\s+/g, " ")
    .replace(/\{ /g, "{")
    .replace(/\( /g, "(")
    .replace(/- /g, "-")
    .replace(/~\s*/g, " ")
    .trim();
}
