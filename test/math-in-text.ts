/**
 * What a reader sees as words beside a derivation (a note, a title, a rule, a diagnosis)
 * must write its math as `$…$` TeX, typeset like the formulas, never as mathjs's text
 * (issue 22). `plainMathProblems` finds the second kind: the marks of mathjs's text outside
 * `$…$`, and `$…$` pieces KaTeX cannot render. Used by the unit tests over the notebooks'
 * derivations, explain()'s derivations and the diagnoses (test/unit/outputs/math-in-text.test.ts).
 */
import katex from "katex";
import ts from "typescript";
import { notePieces } from "../lib/outputs/derivation-tex";

/**
 * The marks of mathjs's text in words: a power `^` (so `e^` too), a product `*`, a call of
 * sigma, exp, log or sqrt with its bracket, an underscore (a subscript written as text).
 */
const PLAIN_MATH: readonly { name: string; re: RegExp }[] = [
  { name: "^", re: /\^/ },
  { name: "*", re: /\*/ },
  { name: "sigma(", re: /\bsigma\s*\(/ },
  { name: "exp(", re: /\bexp\s*\(/ },
  { name: "log(", re: /\blog\s*\(/ },
  { name: "sqrt(", re: /\bsqrt\s*\(/ },
  { name: "_", re: /_/ },
];

/**
 * The marks of math written as Unicode text, which the kit's own texts (explain()'s titles, rules
 * and notes, printed by the formulas' TeX printer) never leave outside `$…$`: a prime, σ, ŷ, the
 * minus sign, a dot or cross of a product, a superscript digit, a root, a comparison, and an
 * equation (" = ", as in "u = …").
 */
const UNICODE_MATH: readonly { name: string; re: RegExp }[] = [
  { name: "′", re: /[′″]/ },
  { name: "σ", re: /σ/ },
  { name: "ŷ", re: /ŷ/ },
  { name: "−", re: /−/ },
  { name: "·", re: /[·×÷]/ },
  { name: "²", re: /[²³⁻¹⁰ⁿ]/ },
  { name: "√", re: /[√∛]/ },
  { name: "≤", re: /[≤≥≠∈]/ },
  { name: "=", re: /\s=\s/ },
];

/**
 * The problems of one text: each mark of mathjs's text found outside `$…$` (as
 * `plain "^" in "…"`), and each `$…$` piece KaTeX cannot render with throwOnError (as
 * `KaTeX: … in "$…$"`); with `strict`, also each mark of math written as Unicode text
 * outside `$…$` (a prime, σ, an equation, …: as `plain "′" in "…"`).
 *
 * @param text a note, title, rule text or diagnosis message (`$…$` is TeX, `\$` a dollar sign)
 * @param strict whether Unicode math outside `$…$` is a problem too (the kit's generated texts;
 *   hand-written notebook texts may name σ′ in words)
 * @returns the problems, [] when the text is clean
 */
export function plainMathProblems(text: string, strict = false): string[] {
  const problems: string[] = [];
  for (const piece of notePieces(text)) {
    if (piece.math) {
      try {
        katex.renderToString(piece.text, { throwOnError: true, strict: "ignore" });
      } catch (err) {
        problems.push(`KaTeX: ${(err as Error).message} in "$${piece.text}$"`);
      }
      continue;
    }
    for (const { name, re } of strict ? [...PLAIN_MATH, ...UNICODE_MATH] : PLAIN_MATH) {
      if (re.test(piece.text)) problems.push(`plain "${name}" in "${piece.text}"`);
    }
  }
  return problems;
}

/** A text a notebook's derivation shows, and where it is written. */
export interface NotebookText {
  /** "notebooks/02-….ipynb, cell 7: rule of .rewrite(…)". */
  where: string;
  text: string;
}

/**
 * The title, rule and note texts of every derivation a notebook writes in its code cells:
 * the string arguments of `derive(title, …)`, `.differentiate(expr, rule, note)` and
 * `.rewrite(expr, rule, note)`, read from the cells' TypeScript (string literals and
 * templates without substitutions).
 *
 * @param file the notebook's path, for `where`
 * @param sources the code cells' sources, in order (1-based cell numbers count code cells)
 * @returns the texts in order
 */
export function notebookDerivationTexts(file: string, sources: readonly string[]): NotebookText[] {
  const out: NotebookText[] = [];
  sources.forEach((source, i) => {
    const sf = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee)
          ? callee.text
          : ts.isPropertyAccessExpression(callee)
            ? callee.name.text
            : "";
        const texts = (at: number[], what: string[]) => {
          at.forEach((k, j) => {
            const a = node.arguments[k];
            if (a && (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a)))
              out.push({ where: `${file}, code cell ${i + 1}: ${what[j]} of ${name}()`, text: a.text });
          });
        };
        if (name === "derive") texts([0], ["title"]);
        if (name === "differentiate" || name === "rewrite") texts([1, 2], ["rule", "note"]);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  });
  return out;
}
