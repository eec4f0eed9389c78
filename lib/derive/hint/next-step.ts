/**
 * Hints: what to do next in a derivation, in two presses. The first names the rule to apply
 * next to the current expression (the last step, or the function) and the part it applies
 * to ("the quotient rule, with $u = 1$ and $v = 1+ e^{-x}$"); the second shows the next step
 * itself, as the kit's own derivation (explain) would write it. Before the derivative is
 * taken, the next step is a `differentiate` step (the rule at the top of the expression's
 * rule tree); after it, a `rewrite` step (the first of explain's algebra moves).
 */
import type { MathNode } from "mathjs";
import type { Derivation } from "../derive";
import { expandDefinitions, parseDefinitions, parseExpression, shortened } from "../expression";
import { ruleTree, type RuleApplication } from "../explain/differentiate";
import { simplifySteps } from "../explain/algebra";
import { theRule } from "../explain/rules";
import { explainSteps } from "../explain/explain";
import { calledFunctions } from "../expression";
import { withoutParens } from "../explain/nodes";
import type { DerivationSpec, StepSpec } from "../spec";
import { derivationSeed } from "../context";
import { DEFAULT_SAMPLES, parseDomain, samplePoints } from "../domain";
import { resolvePieces } from "../piecewise";
import { builtinMeaning } from "../head-names";
import { toTex } from "../tex";
import { tidyExpression } from "../tidy";

/**
 * An expression as a hint writes it: `$…$` around its TeX, like notes, titles and diagnoses
 * (issue 22), with the derivation's TeX names (ŷ for yhat).
 *
 * @param node a mathjs expression (not modified)
 * @param texNames the derivation's TeX names (default: none beyond the kit's own)
 * @param tidy tidy it first (drop `0 +`, `* 1`; default false: a part as the rule tree has it)
 * @returns e.g. "$1+ e^{-x}$"
 */
function texOf(node: MathNode, texNames: Readonly<Record<string, string>> = {}, tidy = false): string {
  return `$${toTex(tidy ? tidyExpression(node) : node, texNames).trim()}$`;
}

/**
 * The expression with each max(…) and min(…) in `wrt` written as the argument it equals on the
 * whole domain (ReLU's max(0, x) is x on x > 0), decided at the points the verifier samples the
 * derivation at; undefined when the expression has neither. (An abs alone keeps its own rule,
 * |u|′ on a domain of one sign; next to a max or min, resolvePieces writes it out too.)
 * @throws RangeError (from resolvePieces) when the pieces change inside the domain: there the
 *   function has a kink and no rule gives a next step
 */
function piecesOnDomain(node: MathNode, spec: DerivationSpec, where: string): MathNode | undefined {
  const called = calledFunctions(node);
  if (!called.has("max") && !called.has("min")) return undefined;
  const points = samplePoints(parseDomain(spec.domain, where), DEFAULT_SAMPLES, derivationSeed(spec));
  const piece = withoutParens(resolvePieces(node, spec.wrt, points, where));
  return piece.toString() === node.toString() ? undefined : piece;
}

/**
 * explain()'s derivation of an expression of a derivation, for a hint. The expression has the
 * derivation's defs (and its own name) written out already, so defs are not passed again: a
 * name that defs also defines (notebook 07's p1 with f "p1" and defs { p1: … }), which derive()
 * accepts, would otherwise be refused by explain() for a function that is not that definition.
 * An error of explain() is the hint's, not a call the learner made: it names the hint, never
 * `explain("…")`.
 *
 * @param node the expression, defs expanded
 * @param spec the derivation's spec (variable, domain, name, TeX names)
 * @param where the hint, for errors, e.g. `hint for "σ′"`
 * @returns the generated derivation (not verified)
 * @throws RangeError naming the hint and the part when no rule differentiates the expression
 */
function kitDerivation(node: MathNode, spec: DerivationSpec, where: string): ReturnType<typeof explainSteps> {
  try {
    return explainSteps(node.toString(), {
      wrt: spec.wrt,
      domain: spec.domain,
      texNames: spec.texNames,
      ...(spec.name === undefined ? {} : { name: spec.name }),
    });
  } catch (err) {
    if (!(err instanceof Error) || !/^explain\(/.test(err.message)) throw err;
    const rest = err.message.replace(/^explain\("(?:[^"\\]|\\.)*"\)(?:, the function)?:\s*/, "");
    const Kind = err instanceof RangeError ? RangeError : err instanceof SyntaxError ? SyntaxError : Error;
    throw new Kind(`${where}: ${rest}`, { cause: err });
  }
}

/** The next step of a derivation, for a hint. */
export interface NextStep {
  /** First press: the rule and the part it applies to, in words, its math as `$…$` TeX. */
  rule: string;
  /** Second press: the next step (kind, mathjs expression to type in, rule, note). */
  step: StepSpec;
  /**
   * The second press in words: "next step (quotient rule): $…$ — note", the step whole as `$…$`
   * TeX (the derivation's TeX names), like notes and titles (issue 22); `step.expr` is the same
   * step in mathjs syntax.
   */
  shown: string;
}

/**
 * The rule at the top of a rule tree, with its parts, in words; each part as `$…$` TeX.
 *
 * @param app the rule application (ruleTree of lib/derive/explain/differentiate.ts)
 * @param texNames TeX names of the derivation's variables (default: the kit's own)
 * @returns e.g. "the quotient rule, with $u = 1$ and $v = 1+ e^{-x}$"
 */
export function ruleInWords(app: RuleApplication, texNames: Readonly<Record<string, string>> = {}): string {
  const p = app.parts;
  const s = (n: MathNode): string => toTex(n, texNames).trim();
  const t = (n: MathNode): string => texOf(n, texNames);
  switch (app.rule.id) {
    case "quotient":
    case "product":
      return `the ${app.rule.name}, with $u = ${s(p.u)}$ and $v = ${s(p.v)}$`;
    case "sum":
    case "difference":
      return `the ${app.rule.name}: differentiate ${t(p.u)} and ${t(p.v)} one term at a time`;
    case "constant-multiple":
      return `the ${app.rule.name}, with the constant $c = ${s(p.c)}$ and $u = ${s(p.u)}$`;
    case "chain":
      return `the ${app.rule.name}, with the inner function $u = ${s(p.inner)}$ of ${t(app.node)}`;
    case "constant":
      return `the ${app.rule.name}: ${t(app.node)} does not depend on ${texOf(parseExpression(app.wrt, "hint"), texNames)}`;
    default:
      return `${theRule(app.rule.name)} on ${t(app.node)}`;
  }
}

/**
 * The next step of a derivation (see the module comment).
 *
 * @param spec a derivation's spec (`derivation.spec`), with or without steps
 * @param phase "differentiate" or "simplify" to say what comes next (default: simplify once a
 *   differentiate step is there; an exercise that asks for an equal form passes "simplify")
 * @returns the rule in words and the next step; undefined when the derivative is taken and no
 *   algebra move makes the last expression smaller (the derivation is done)
 * @throws SyntaxError when the last expression does not parse; RangeError from explain when
 *   no rule differentiates it (a function outside the rule table), naming the part
 */
export function nextStep(spec: DerivationSpec, phase?: "differentiate" | "simplify"): NextStep | undefined {
  const last = spec.steps.length === 0 ? spec.f : spec.steps[spec.steps.length - 1].expr;
  const where = `hint for "${spec.title}"`;
  const differentiated =
    phase === undefined ? spec.steps.some((st) => st.kind === "differentiate") : phase === "simplify";
  const parsed = parseExpression(last, `${where}, the last expression`);
  // the derivation's own name (g(x)) and its defs are written out; sigma and softplus stay
  const own: Record<string, string> = Object.fromEntries(
    Object.entries(spec.defs ?? {}).filter(([k]) => !/^\s*(sigma|softplus)\s*\(/.test(k)),
  );
  // …unless defs define it already (notebook 07's p1) or it is a built-in naming itself (notebook
  // 10's "log" for log(u)): written out, it would call itself
  const defined =
    Object.keys(own).some((k) => k.replace(/\(.*$/, "").trim() === spec.name) ||
    builtinMeaning(spec.name) !== undefined;
  if (calledFunctions(parsed).has(spec.name) && !defined) own[`${spec.name}(${spec.wrt})`] = spec.f;
  const tex = spec.texNames ?? {};
  const node = withoutParens(
    Object.keys(own).length ? expandDefinitions(parsed, parseDefinitions(own), where) : parsed,
  );
  if (!differentiated) {
    const piece = piecesOnDomain(node, spec, where);
    if (piece) {
      const equal = `$${toTex(node, tex).trim()} = ${toTex(piece, tex).trim()}$`;
      const note = `On the domain each max/min equals one of its arguments, so ${equal} there; the rules then apply to that.`;
      const step: StepSpec = { kind: "rewrite", expr: piece.toString(), rule: "max/min on the domain", note };
      return {
        rule: `write each max/min as the argument it equals on the domain: ${equal}`,
        step,
        shown: `next step (${step.rule}): ${texOf(piece, tex)}`,
      };
    }
    const tree = ruleTree(node, spec.wrt);
    if (tree.rule.id === "constant") {
      // explain() takes functions of the variable only: a constant's derivative is written here
      const step: StepSpec = { kind: "differentiate", expr: "0", rule: tree.rule.name, note: "" };
      return { rule: `apply ${ruleInWords(tree, tex)}`, step, shown: `next step (${step.rule}): $0$` };
    }
    const d = kitDerivation(node, spec, where);
    const first = d.spec.steps.find((st) => st.kind === "differentiate") ?? d.spec.steps[0];
    // explain's note points at the parts' own derivations ("worked out above"), which a hint does not show
    const note = first.note.replace(/ \(worked out above(?: as [^)]*)?\)/g, "");
    const step = { kind: first.kind, expr: first.expr, rule: first.rule, note };
    return {
      rule: `apply ${ruleInWords(tree, tex)}`,
      step,
      shown: `next step (${step.rule}): ${texOf(parseExpression(step.expr, where), tex)}${step.note ? ` — ${step.note}` : ""}`,
    };
  }
  const [move] = simplifySteps(node, { maxSteps: 1 });
  if (!move) return undefined;
  // the step's own name and note, as explain() writes them (the definitions the step uses, not all the move knows)
  const label = move.move.label?.(move.before ?? node) ?? move.move;
  const step: StepSpec = { kind: "rewrite", expr: move.expr.toString(), rule: label.name, note: label.note };
  return {
    rule: `${label.name.replace(/^algebra: /, "simplify: ")} (${label.note.replace(/\.$/, "")})`,
    step,
    shown: `next step (${step.rule}): ${texOf(move.expr, tex)}`,
  };
}

const presses = new WeakMap<Derivation, { steps: number; presses: number }>();

/**
 * The verdict hint() last had for each derivation, with the derivation's content it was for
 * (its steps, function, variable and domain as JSON): a second press, or a press after nothing
 * changed, does not verify the derivation again; a step added (or any change) does.
 */
const verdicts = new WeakMap<Derivation, { key: string; result: ReturnType<Derivation["verify"]> }>();

/** The derivation's verdict, verified once per content (see {@link verdicts}). */
function verdictOf(derivation: Derivation): ReturnType<Derivation["verify"]> {
  const key = JSON.stringify(derivation.spec);
  const seen = verdicts.get(derivation);
  if (seen && seen.key === key) return seen.result;
  const result = derivation.verify();
  verdicts.set(derivation, { key, result });
  return result;
}

/**
 * A hint for a derivation under construction, in two presses: the first call names the rule
 * to apply next and the part it applies to; a second call, with no step added in between,
 * shows the next step. Adding a step starts over. When a step does not hold, the hint is
 * about that step: the first press says which step and, where a known slip explains it, the
 * mistake; the second shows what to write instead, the next step from the last line that holds.
 *
 * @example
 *   const d = derive("σ′", { name: "g", f: "1 / (1 + e^(-x))", wrt: "x", domain: { x: "(-10, 10)" } });
 *   hint(d)  // "apply the quotient rule, with $u = 1$ and $v = 1+ e^{-x}$"
 *   hint(d)  // "next step (quotient rule): $\frac{…}{…}$ — …"
 *   d.differentiate("e^(-x) / (1 + e^(-x))^2 * -1", "quotient rule");
 *   hint(d)  // "step 1 does not hold: … start again from the function"
 * @param derivation the derivation (derive() or explain())
 * @param press 1 or 2 to ask for that press directly (default: the next press)
 * @returns the hint in words; "done: …" when nothing is left to do; "no hint from here: …" naming
 *   the part when no rule gives a next step (a kink of max/min inside the domain, a function
 *   outside the rule table)
 * @throws TypeError when derivation is not a derivation; SyntaxError when the last expression
 *   does not parse; RangeError when press is not 1 or 2
 */
export function hint(derivation: Derivation, press?: 1 | 2): string {
  const spec = (derivation as { spec?: DerivationSpec } | null | undefined)?.spec;
  if (typeof derivation !== "object" || !spec || !Array.isArray(spec.steps))
    throw new TypeError(
      `hint: derivation must be a derivation from derive() or explain(), got ${typeof derivation === "string" ? `the text "${shortened(derivation)}"` : String(derivation)}`,
    );
  if (press !== undefined && press !== 1 && press !== 2)
    throw new RangeError(`hint: press must be 1 or 2, got ${String(press)}`);
  const state = presses.get(derivation);
  const n = spec.steps.length;
  const count = press ?? (state && state.steps === n ? Math.min(state.presses + 1, 2) : 1);
  presses.set(derivation, { steps: n, presses: count });
  try {
    return pressed(derivation, spec, count);
  } catch (e) {
    // a function outside the rule table (a kink of max inside the domain, a function no rule
    // differentiates): the hint says so, in words, instead of failing the learner's cell
    if (!(e instanceof RangeError)) throw e;
    return `no hint from here: ${e.message}`;
  }
}

/** The hint of press `count` (see {@link hint}). */
function pressed(derivation: Derivation, spec: DerivationSpec, count: number): string {
  const n = spec.steps.length;
  const wrong = n === 0 ? undefined : verdictOf(derivation).steps.find((st) => !st.ok);
  if (wrong) {
    const k = wrong.index;
    const from = k === 1 ? "the function" : `step ${k - 1}`;
    if (count === 1)
      return `step ${k} does not hold${wrong.diagnosis ? `: ${(wrong.diagnosis.messageTex ?? wrong.diagnosis.message).replace(/\.$/, "")}` : ""}; start again from ${from}`;
    const held = { ...spec, steps: spec.steps.slice(0, k - 1) };
    // a wrong rewrite before the derivative is taken, where no algebra move applies: the next
    // step from the last line that holds is the derivative's
    const next =
      nextStep(held, wrong.kind === "differentiate" ? "differentiate" : "simplify") ??
      (held.steps.some((st) => st.kind === "differentiate") ? undefined : nextStep(held, "differentiate"));
    if (!next) return `step ${k} does not hold; ${from} needs no further step: remove step ${k}`;
    return `instead of step ${k}, ${next.shown}`;
  }
  const next = nextStep(spec);
  if (!next) return "done: the derivative is taken and no algebra move makes it simpler";
  return count === 1 ? next.rule : next.shown;
}
