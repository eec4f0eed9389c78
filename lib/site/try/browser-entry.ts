/**
 * The page's verifier (bundled by esbuild into assets/verifier.js, see `verifierBundle`):
 * the kit's own engine from lib/derive's public entry, and KaTeX for the live preview.
 * It sets `window.stepwiseVerifier` to {@link StepwiseVerifier}; the widget script
 * (assets/try.js) calls it. Browser-safe: nothing here may import a Node module.
 */
import katex from "katex";
import { toTex, verifyStep, DEFAULT_TEX_NAMES, type StepResult } from "../../derive";
import { math, parseExpression } from "../../derive/expression";
import { mathjsNotation } from "../../derive/typed-notation";
import type { DerivationSpec } from "../../derive/spec";
import { exerciseTitle, type ExerciseSpec } from "./exercise-spec";
import { nextStep } from "../../derive/hint/next-step";
import { stepComparison } from "../../derive/comparison";
import { counterexampleView } from "../../outputs/derivation-view";
import { exprTex, notePieces } from "../../outputs/derivation-tex";
import { escapeHtml } from "../../outputs/escape";
import type { DisplayMath } from "../../outputs/derivation-html";
import { breakableLine } from "../tex/breakable-line";
import {
  explainInPage,
  parseDomainText,
  strategyOfSteps,
  variablesOf,
  type ExplainAnswer,
  type ExplainRequest,
} from "./explain-in-page";

/**
 * A verdict as the widget shows it: the engine's {@link StepResult} fields the widget reads
 * (ok, tier, against, counterexample), plus a hint or an error. A step's `against` is the
 * kernel's comparison ({@link checkStep}); an exercise answer's is the verifier's (the
 * answer itself, never shown).
 */
export interface TryVerdict
  extends Pick<
    StepResult,
    "ok" | "tier" | "against" | "counterexample" | "diagnosis" | "diagnosisOutOfTime" | "undecided"
  > {
  /** For a rejected exercise answer that equals a known slip: its hint. */
  hint?: string;
  /** The verifier's error (a variable without a domain, …), in words, instead of a verdict. */
  error?: string;
}

/** What a derivation needs to be checked again in the page (from its payload). */
export interface TrySubject {
  spec: DerivationSpec;
  seed: string;
  samples: number;
}

/** Where a mathjs parse error is, in words; null when the text parses. */
export function parseProblem(expr: string): string | null {
  if (expr.trim() === "") return "the expression is empty";
  const text = mathjsNotation(expr);
  try {
    math.parse(text);
    return null;
  } catch (err) {
    const message = (err as Error).message;
    const at = /\(char (\d+)\)/.exec(message);
    const what = message.replace(/\s*\(char \d+\)/, "");
    if (!at) return what;
    const pos = Math.min(Number(at[1]), text.length);
    const before = text.slice(Math.max(0, pos - 16), pos).trimEnd();
    if (/end of expression/i.test(what)) return `${what}: the expression ends too early, after “${before}”`;
    return `${what} at character ${pos}${before ? `, after “${before}”` : ", at the start"}`;
  }
}

/**
 * The verifier's message as a reader of the page needs it: the leading `derivation "…", ` is
 * dropped (the reader is in that derivation, and its title may hold TeX such as
 * `$u'(x)$ for $u = 1$`, which the message would show raw), so it starts at the step; advice
 * about a notebook's `defs`, which the page cannot take, is dropped.
 */
function forReader(message: string): string {
  return message
    .replace(/^derivation ".*?"(?:, (?=step \d|the |definition)|: )/, "")
    .replace(/;\s*declare [^;]*? in defs, e\.g\. \{.*\}$/, "");
}

function verdictOf(r: StepResult): TryVerdict {
  return {
    ok: r.ok,
    tier: r.tier,
    against: r.against,
    ...(r.counterexample ? { counterexample: r.counterexample } : {}),
    ...(r.undecided ? { undecided: r.undecided } : {}),
    ...(r.diagnosis ? { diagnosis: r.diagnosis } : {}),
    ...(r.diagnosisOutOfTime ? { diagnosisOutOfTime: true as const } : {}),
  };
}

/**
 * What a hint press answers: its words (math as `$…$`), on the second press the step in mathjs
 * syntax as a reader types it (the words show it typeset), or why there is none.
 */
export interface HintAnswer {
  text?: string;
  typed?: string;
  error?: string;
}

/**
 * A hint for step `index` (1-based) of a derivation: what comes after the steps before it.
 * Press 1 names the rule and the part it applies to, press 2 shows the step (typeset) and
 * the step as the reader types it.
 *
 * @returns { text, typed } (typed: the step in mathjs syntax, press 2 only) or { error } in words
 */
export function hintStep(subject: TrySubject, index: number, press: 1 | 2): HintAnswer {
  try {
    const next = nextStep({ ...subject.spec, steps: subject.spec.steps.slice(0, index - 1) });
    if (!next) return { text: "nothing is left to do here" };
    return press === 1 ? { text: next.rule } : { text: next.shown, typed: next.step.expr };
  } catch (err) {
    return { error: forReader((err as Error).message) };
  }
}

/**
 * A hint for an exercise: the derivative's first rule (ask "derivative") or the first algebra
 * move (ask "equal"). Press 1 names the rule, press 2 shows the step (typeset) and the step
 * as the reader types it.
 *
 * @returns { text, typed } (typed: press 2 only) or { error } in words
 */
export function hintAnswer(ex: ExerciseSpec, press: 1 | 2): HintAnswer {
  try {
    const spec = {
      title: exerciseTitle(ex),
      name: ex.name ?? "f",
      f: ex.f,
      wrt: ex.wrt,
      domain: ex.domain,
      defs: ex.defs,
      texNames: ex.texNames,
      steps: [],
    } as never;
    const next = nextStep(spec, ex.ask === "derivative" ? "differentiate" : "simplify");
    if (!next) return { text: "no algebra move makes it simpler: it is already in its compact form" };
    return press === 1 ? { text: next.rule } : { text: next.shown, typed: next.step.expr };
  } catch (err) {
    return { error: forReader((err as Error).message) };
  }
}

/**
 * Checks an expression in place of step `index` (1-based) of a derivation, with the
 * derivation's seed and sample count. What it was compared with is the kernel's
 * ({@link stepComparison}, lib/derive/comparison.ts): for a differentiate step the kit's
 * rule result for the line above, for a rewrite step the line above as written.
 *
 * @returns the verdict (its `against` in mathjs syntax), or { error } with the problem in
 *   words (a parse error says where)
 */
export function checkStep(subject: TrySubject, index: number, expr: string): TryVerdict {
  const problem = parseProblem(expr);
  if (problem) return { ok: false, tier: null, against: "", error: problem };
  try {
    const { spec } = subject;
    const r = verifyStep(spec, index, expr, { seed: subject.seed, samples: subject.samples });
    const previous = index === 1 ? spec.f : spec.steps[index - 2].expr;
    return verdictOf({ ...r, against: stepComparison(spec, r, previous) });
  } catch (err) {
    return { ok: false, tier: null, against: "", error: forReader((err as Error).message) };
  }
}

function exerciseSpec(ex: ExerciseSpec, f: string, kind: "differentiate" | "rewrite", expr: string): never {
  return {
    title: exerciseTitle(ex),
    name: ex.name ?? "f",
    f,
    wrt: ex.wrt,
    domain: ex.domain,
    defs: ex.defs,
    texNames: ex.texNames,
    steps: [{ kind, expr, rule: "", note: "" }],
  } as never;
}

/**
 * The check "does the answer equal this slip?": the slip is the given expression under a
 * name of its own, and the exercise's function keeps its meaning (a definition
 * `name(wrt) = f`), so an answer that writes the function by name, like s(x), is
 * compared with the slip and not mistaken for it.
 */
function slipSpec(ex: ExerciseSpec, slip: string, expr: string): never {
  const name = ex.name ?? "f";
  const defs = { ...(ex.defs ?? {}) };
  if (!Object.keys(defs).some((k) => k === name || k.startsWith(`${name}(`))) defs[`${name}(${ex.wrt})`] = ex.f;
  return { ...(exerciseSpec(ex, slip, "rewrite", expr) as object), name: "slip__", defs } as never;
}

/**
 * Checks a reader's answer to an exercise: the derivative of `f` (ask "derivative") or
 * an expression equal to `f` (ask "equal"). A wrong answer is then compared with each
 * known slip's expression by the same verifier (not by its text); the first slip it
 * equals gives its hint; the catalogue's diagnosis (a known slip at one place) comes with it,
 * after the exercise's own hint.
 *
 * @returns the verdict, with `hint` when a slip matched, or { error } in words
 */
export function checkAnswer(ex: ExerciseSpec, expr: string): TryVerdict {
  const problem = parseProblem(expr);
  if (problem) return { ok: false, tier: null, against: "", error: problem };
  const options = ex.seed ? { seed: ex.seed } : {};
  try {
    const verdict = verdictOf(
      verifyStep(exerciseSpec(ex, ex.f, ex.ask === "derivative" ? "differentiate" : "rewrite", expr), 1, expr, options),
    );
    if (verdict.ok) return verdict;
    for (const slip of ex.slips ?? []) {
      let matched = false;
      try {
        matched = verifyStep(slipSpec(ex, slip.expr, expr), 1, expr, options).ok;
      } catch {
        // an answer the slip's check cannot read is not that slip
      }
      if (matched) return { ...verdict, hint: slip.hint };
    }
    return verdict;
  } catch (err) {
    return { ok: false, tier: null, against: "", error: forReader((err as Error).message) };
  }
}

/**
 * The live preview: an expression typeset by KaTeX through the kit's own TeX. Never throws:
 * it runs on every keystroke, so any input the kit does not take (a parse error, an
 * assignment, a range, a matrix, mod, i, brackets nested too deep, …) comes back as words.
 *
 * @returns { html } or { error } (why the expression is not one the kit checks, in words)
 */
export function preview(
  expr: string,
  texNames: Readonly<Record<string, string>> = {},
): { html?: string; error?: string } {
  try {
    const problem = parseProblem(expr);
    if (problem) return { error: problem };
    const tex = toTex(parseExpression(expr, "the preview"), { ...DEFAULT_TEX_NAMES, ...texNames });
    return { html: typeset(tex, true) };
  } catch (err) {
    return { error: forReader((err as Error).message.replace(/^the preview: /, "")) };
  }
}

/**
 * A formula drawn by KaTeX as the site draws its math: HTML with its MathML for screen
 * readers, an error in the TeX shown in place (never thrown).
 *
 * @param tex the formula's TeX
 * @param display true: display style (a derivation's rows, the preview); false: inline (in words)
 * @returns KaTeX's HTML
 */
function typeset(tex: string, display: boolean): string {
  return katex.renderToString(tex, {
    displayMode: display,
    throwOnError: false,
    output: "htmlAndMathml",
    strict: "ignore",
  });
}

/** An inline formula drawn by KaTeX, with its MathML for screen readers. */
const inlineMath = (tex: string): string => typeset(tex, false);

/** The math of a verdict, typeset: each field KaTeX's HTML (with MathML), or HTML text with typeset pieces. */
export interface VerdictMath {
  /** What a step was compared with (the verdict's `against`), typeset; absent when it is "". */
  against?: string;
  /** A rejected step's counterexample: the point, and what the step gives and must equal there. */
  counterexample?: { point: string; actual: string; expected: string };
  /** A diagnosed slip: its message (words, the expressions typeset) and the right step. */
  diagnosis?: { message: string; expected: string };
  /** An exercise's own hint for a slip it declares, its `$…$` pieces typeset. */
  hint?: string;
}

/**
 * Words with `$…$` pieces (a rule, a note, a hint) as HTML: the words escaped, the pieces typeset
 * inline by KaTeX (with their MathML).
 *
 * @param words the text, `$…$` TeX inside it (`\$` a dollar sign)
 * @returns HTML text
 */
export function wordsHtml(words: string): string {
  return notePieces(words)
    .map((p) => (p.math ? inlineMath(p.text) : escapeHtml(p.text)))
    .join("");
}

/**
 * The math of a verdict as the page shows it: what the step was compared with, the
 * counterexample's point and values (each value with the digits that tell the two apart)
 * and the diagnosis's message and right step,
 * typeset by KaTeX from lib/derive's TeX, never mathjs's text; an exercise's own hint with its
 * `$…$` pieces typeset.
 *
 * @param v the verdict (from `checkStep` or `checkAnswer`)
 * @param texNames the derivation's or exercise's TeX names (e.g. yhat → \hat{y})
 * @returns the typeset pieces present in the verdict
 */
export function verdictMath(v: TryVerdict, texNames: Readonly<Record<string, string>> = {}): VerdictMath {
  const names = { ...DEFAULT_TEX_NAMES, ...texNames };
  const out: VerdictMath = {};
  if (v.against) out.against = inlineMath(exprTex(v.against, names));
  if (v.counterexample) {
    const c = counterexampleView(v.counterexample, names);
    out.counterexample = {
      point: inlineMath(c.pointTex),
      actual: inlineMath(c.actualTex),
      expected: inlineMath(c.expectedTex),
    };
  }
  if (v.diagnosis) {
    const words = v.diagnosis.messageTex ?? v.diagnosis.message.replace(/\$/g, "\\$");
    out.diagnosis = {
      message: wordsHtml(words),
      expected: inlineMath(exprTex(v.diagnosis.expected, names)),
    };
  }
  if (v.hint) out.hint = wordsHtml(v.hint);
  return out;
}

/**
 * The formulas of an in-page derivation, as the site draws them: a line of its chain inline with
 * break points, the rest inline unless asked for displayed (the `$…$` of a title, rule or note
 * sits in its words).
 */
const displayMath: DisplayMath = (tex, display, place) =>
  place === "line" ? typeset(breakableLine(tex), false) : typeset(tex, display === true);

/**
 * The kit's own derivation of a function (explain(), its parts first), verified in the page,
 * as HTML (see `explainInPage`): for the playground and "Show the kit's derivation".
 *
 * @returns { html, ok, derivations, steps, proved, result, ms } or { error, part } in words
 */
export function explainFunction(req: ExplainRequest): ExplainAnswer {
  try {
    return explainInPage(req, displayMath);
  } catch (err) {
    return {
      error: `the kit failed on ${req.f}: ${(err as Error).message} (a bug of the kit, please report it)`,
      part: "function",
    };
  }
}

/**
 * "Show the kit's derivation" of a derivation on the site: explain() of the same function with
 * the payload's variable, domain, name, definitions and TeX names, and the strategy its first
 * `differentiate` step names (quotient, chain or product rule; else "auto").
 *
 * @param subject the derivation's spec, seed and sample count (from its payload)
 * @returns as {@link explainFunction}
 */
export function explainSubject(subject: TrySubject): ExplainAnswer {
  const spec = subject.spec;
  return explainFunction({
    f: spec.f,
    wrt: spec.wrt,
    domain: spec.domain,
    strategy: strategyOfSteps(spec.steps),
    ...(spec.name ? { name: spec.name } : {}),
    ...(spec.defs ? { defs: spec.defs } : {}),
    ...(spec.texNames ? { texNames: spec.texNames } : {}),
  });
}

/** What `window.stepwiseVerifier` holds. */
export interface StepwiseVerifier {
  checkStep: typeof checkStep;
  checkAnswer: typeof checkAnswer;
  preview: typeof preview;
  hintStep: typeof hintStep;
  hintAnswer: typeof hintAnswer;
  verdictMath: typeof verdictMath;
  wordsHtml: typeof wordsHtml;
  explainFunction: typeof explainFunction;
  explainSubject: typeof explainSubject;
  variablesOf: typeof variablesOf;
  parseDomainText: typeof parseDomainText;
}

const api: StepwiseVerifier = {
  checkStep,
  checkAnswer,
  preview,
  hintStep,
  hintAnswer,
  verdictMath,
  wordsHtml,
  explainFunction,
  explainSubject,
  variablesOf,
  parseDomainText,
};
(globalThis as unknown as { stepwiseVerifier?: StepwiseVerifier }).stepwiseVerifier = api;
