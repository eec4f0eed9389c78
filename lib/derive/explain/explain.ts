/**
 * explain(): the kit writes a derivation itself. The function is differentiated by one rule
 * application (rules.ts, through differentiate.ts) in one `differentiate` step, with the
 * parts a teacher works out separately (u′ and v′ of a quotient, the inner function of a
 * chain) as their own derivations shown before it; then simplified by named algebra moves
 * (algebra.ts), one per `rewrite` step; every step is verified before it is returned.
 */
import type { MathNode } from "mathjs";
import { Derivation } from "../derive";
import { cachedTexPrinter } from "../tex";
import type { DomainSpec } from "../domain";
import { expandDefinitions, parseDefinitions, parseExpression, shortened } from "../expression";
import type { DerivationSpec, StepSpec } from "../spec";
import type { DerivationResult } from "../types";
import { verifyDerivation } from "../verify";
import { type AlgebraStep, formSize, simplifySteps } from "./algebra";
import { absSigns, hasAbs, withoutAbs } from "./abs-sign";
import { parseDomain } from "../domain";
import { ruleTree, type RuleApplication } from "./differentiate";
import {
  call,
  dependsOn,
  isOp,
  keyOf,
  mul,
  nodeCount,
  pow,
  printed,
  releaseKeys,
  sameNode,
  sym,
  withoutParens,
} from "./nodes";
import { elementaryOf, theRule, type Parts } from "./rules";
import { checkDifferentiable, checkInput, checkTarget } from "./input";
import { checkDefinedOnDomain } from "./singularities";
import { checkHeadNames } from "../head-names";

/** The largest function explain() takes, in nodes (parentheses not counted). */
export const MAX_EXPLAIN_NODES = 300;

/** The route where there is a choice (see {@link ExplainHead.strategy}). */
export type ExplainStrategy = "quotient" | "chain" | "product" | "auto";

/** What explain() needs besides the function: derive()'s head, a strategy and a target. */
export interface ExplainHead {
  /** The differentiation variable, e.g. "x". */
  wrt: string;
  /** Where each variable lives, e.g. { x: "(-10, 10)" }. */
  domain: DomainSpec;
  /** Name of the function in the math (default "f"). */
  name?: string;
  /** Extra functions or named quantities, as derive()'s; they are expanded before differentiating. */
  defs?: Readonly<Record<string, string>>;
  /** LaTeX for names, as derive()'s. */
  texNames?: Readonly<Record<string, string>>;
  /**
   * The first rule where there is a choice. "quotient": a quotient u/v by the quotient rule
   * (the default for a quotient, as "auto"); "chain": c/v is first written c·v^(−1) and
   * differentiated by the chain rule with u = v; "product": u/v is first written u·v^(−1) and
   * differentiated by the product rule. A strategy that does not fit the function's top
   * node is ignored ("auto").
   */
  strategy?: ExplainStrategy;
  /**
   * A form to end at, e.g. "g(x) * (1 - g(x))" (it may call the function by its name): reached
   * by the algebra moves where they reach it, else by one rewrite step to it, verified.
   */
  target?: string;
  /** The title (default: "$<name>'(<wrt>)$ by the <rule>, derived by the kit", the name and variable in TeX). */
  title?: string;
}

/**
 * Sample points of explain()'s own check of the steps it generates (the verifier's minimum):
 * the exact tier proves most generated steps outright, and showVerified checks the derivation
 * again with the verifier's default of 64 points before it is shown.
 */
export const SELF_CHECK_SAMPLES = 16;

/**
 * explain()'s check of one derivation it generated (or of one of its parts): every step and the
 * closing check verified as verify() does, with {@link SELF_CHECK_SAMPLES} points, but only the
 * verdicts (VerifyOptions.verdictsOnly): explain() reads ok, tier, the counterexample and the
 * reason of an undecided step, not the TeX, the shown comparisons or the rule check a row shows
 * (showVerified verifies again, with them, before anything is shown).
 *
 * @param d a derivation explainSteps() generated, or one of its parts
 * @returns the verifier's result (steps' `tex` and differentiate steps' `against` are "")
 * @throws as verifyDerivation (RangeError for a part not finite on the domain)
 */
export function selfCheck(d: Derivation): DerivationResult {
  return verifyDerivation(d.spec, { samples: SELF_CHECK_SAMPLES, verdictsOnly: true });
}

/** Thrown when a step explain() generated is not accepted by the verifier: a bug of explain, never of the learner. */
export class ExplainInternalError extends Error {
  constructor(message: string) {
    super(`stepwise internal error in explain() (please report): ${message}`);
    this.name = "ExplainInternalError";
  }
}

/** The letters parts are named by, in order (the first two are the rules' own u and v). */
const PART_NAMES = ["u", "v", "w", "p", "q", "r", "s", "h", "k", "m"];

/** An application whose derivative a note can state in one line (no separate derivation). */
function isInline(app: RuleApplication): boolean {
  const count = (a: RuleApplication): number =>
    (a.path.endsWith(":outer") ? 0 : 1) + a.children.reduce((s, c) => s + count(c), 0);
  return !["product", "quotient", "general-power"].includes(app.rule.id) && count(app) <= 3;
}

/** The TeX printers by TeX-names table: explain()'s nodes never change, so each keeps its subtrees' TeX (cachedTexPrinter). */
const texPrinters = new WeakMap<Readonly<Record<string, string>>, (n: MathNode) => string>();
const NO_NAMES: Readonly<Record<string, string>> = Object.freeze({});

/** A node as TeX (the formulas' printer, lib/derive/tex.ts), with the derivation's TeX names. */
const tex = (n: MathNode, names: Readonly<Record<string, string>> = NO_NAMES): string => {
  let print = texPrinters.get(names);
  if (!print) texPrinters.set(names, (print = cachedTexPrinter(names)));
  return print(n);
};

/** A node as a note writes it: `$…$` around its TeX, typeset like the formulas. */
const show = (n: MathNode, names?: Readonly<Record<string, string>>): string => `$${tex(n, names)}$`;

/** A name (a part's letter, the function's name, the variable) in TeX, by the formulas' printer: u, u_{1}, \hat{y}. */
const nameTex = (name: string, names?: Readonly<Record<string, string>>): string => tex(sym(name), names);

/**
 * The title of a derivation of `name`′ with respect to `wrt` as TeX without its `$…$`: `v'(x)`.
 *
 * @param name the function's or part's name, e.g. "v" or "g"
 * @param wrt the variable
 * @param names the derivation's TeX names
 */
const primeTex = (name: string, wrt: string, names?: Readonly<Record<string, string>>): string =>
  `${nameTex(name, names)}'(${nameTex(wrt, names)})`;

/**
 * The title of a part's own derivation: `$v'(x)$ for $v = …$`, or, for a part whose mathjs text is
 * longer than 80 characters, `$v'(x)$ for the part $v$ on the first line` (the derivation's first line shows it).
 */
function partTitle(part: string, wrt: string, n: MathNode, names?: Readonly<Record<string, string>>): string {
  const head = `$${primeTex(part, wrt, names)}$`;
  return printed(n).length > 80
    ? `${head} for the part $${nameTex(part, names)}$ on the first line`
    : `${head} for $${nameTex(part, names)} = ${tex(n, names)}$`;
}

/** A variable's name as a note writes it, e.g. `$\hat{y}$` for yhat. */
const showVar = (name: string, names?: Readonly<Record<string, string>>): string => show(sym(name), names);

interface Built {
  /** The derivation of the part (or of f). */
  derivation: Derivation;
  /** Its last expression: the derivative in its final form. */
  final: MathNode;
}

interface Context {
  wrt: string;
  domain: DomainSpec;
  defs?: Readonly<Record<string, string>>;
  texNames?: Readonly<Record<string, string>>;
  names: string[];
  used: Set<string>;
}

/** Takes a part name that is still free. */
function claim(ctx: Context, name: string): string {
  ctx.used.add(name);
  return name;
}

/** The next free part name (not a variable of the function). */
function nextName(ctx: Context): string {
  const name = PART_NAMES.find((n) => !ctx.used.has(n)) ?? `u${ctx.used.size}`;
  ctx.used.add(name);
  return name;
}

/**
 * Builds the derivation of `node` (one rule application, then algebra moves), and the
 * derivations of its parts that need their own.
 */
function build(
  node: MathNode,
  name: string,
  title: string,
  ctx: Context,
  opts: { strategy: ExplainStrategy; target?: MathNode; parts: Derivation[]; top?: boolean },
): Built {
  const steps: StepSpec[] = [];
  let expr = node;
  const rewritten = strategyRewrite(expr, ctx.wrt, opts.strategy);
  if (rewritten) {
    steps.push({ kind: "rewrite", expr: printed(rewritten.expr), rule: rewritten.rule, note: rewritten.note });
    expr = rewritten.expr;
  }
  const tree = ruleTree(expr, ctx.wrt);
  // the parts' derivatives: stated in the note, or worked out as their own derivations
  const derivatives: Parts = {};
  const said: string[] = [];
  const letters = partLetters(tree);
  // a sum's terms and a constant multiple's factor are named by themselves, not by letters
  const byTerm = ["sum", "difference", "constant-multiple"].includes(tree.rule.id);
  const names = ctx.texNames;
  const state = (letter: string, n: MathNode, d: MathNode) =>
    byTerm
      ? `$\\left(${tex(n, names)}\\right)' = ${tex(d, names)}$`
      : `$${nameTex(letter, names)} = ${tex(n, names)}$, $${nameTex(letter, names)}' = ${tex(d, names)}$`;
  tree.children.forEach((child, i) => {
    const part = Object.keys(tree.derivatives)[i];
    const letter = letters[part] ?? part;
    if (child.path.endsWith(":outer")) {
      const d = finalOf(child.result);
      derivatives[part] = d;
      return;
    }
    if (isInline(child)) {
      const d = finalOf(child.result);
      derivatives[part] = d;
      said.push(
        `${state(letter, child.node, d)}${child.rule.id === "constant" || child.rule.id === "variable" ? "" : ` (${child.rule.name})`}`,
      );
      return;
    }
    const partName = ctx.used.has(letter) ? nextName(ctx) : claim(ctx, letter);
    const built = build(child.node, partName, partTitle(partName, ctx.wrt, child.node, names), ctx, {
      strategy: "auto",
      parts: opts.parts,
    });
    opts.parts.push(built.derivation);
    derivatives[part] = built.final;
    said.push(
      `${state(letter, child.node, built.final)}${partName === letter ? " (worked out above)" : ` (worked out above as $${nameTex(partName, names)}'$)`}`,
    );
  });
  const main = withoutParens(tree.rule.result(tree.parts, derivatives, ctx.wrt));
  const misfit = strategyMisfit(node, ctx.wrt, opts.strategy, rewritten !== undefined, tree, names);
  steps.push({
    kind: "differentiate",
    expr: printed(main),
    rule: tree.rule.name,
    note: `${misfit ? `${misfit} ` : ""}${ruleNote(tree, derivatives, said, names)}`,
  });
  let last = main;
  let simplified = simplifySteps(main, { stopAt: opts.target, final: opts.top });
  // |u| with u of one sign on the domain: |u| = ±u, taken where the form it ends at is smaller (in the
  // derivation of f only: a part's shorter form may make its parent's longer)
  const abs =
    opts.top && !opts.target && hasAbs(main)
      ? withoutAbs(main, absSigns(main, parseDomain(ctx.domain, "explain")), ctx.texNames)
      : undefined;
  if (abs) {
    const end = (from: MathNode, st: AlgebraStep[]) => formSize(st.length ? st[st.length - 1].expr : from);
    const plain = simplifySteps(abs.expr, { final: opts.top });
    if (end(abs.expr, plain) < end(main, simplified)) {
      steps.push({ kind: "rewrite", expr: printed(abs.expr), rule: "algebra: |u| on the domain", note: abs.note });
      last = abs.expr;
      simplified = plain;
    }
  }
  for (const s of simplified) {
    // the name of what the move did on the line above ("collect a power" for a cancel that cancelled nothing)
    const label = s.move.label?.(s.before ?? last) ?? s.move;
    steps.push({ kind: "rewrite", expr: printed(s.expr), rule: label.name, note: label.note });
    last = s.expr;
  }
  if (opts.target && !sameNode(last, opts.target)) {
    const named = recogniseFunction(last, node, name, ctx.wrt);
    if (named && sameNode(named, opts.target)) {
      steps.push({
        kind: "rewrite",
        expr: printed(named),
        rule: `recognise ${name}`,
        note: `$${name}(${tex(sym(ctx.wrt), names)}) = ${tex(node, names)}$.`,
      });
      last = named;
    }
  }
  if (opts.target && !sameNode(last, opts.target)) {
    steps.push({
      kind: "rewrite",
      expr: opts.target.toString(),
      rule: "algebra: the target form",
      note: "The form asked for, equal to the line above (the verifier proves it).",
    });
    last = opts.target;
  }
  const spec: DerivationSpec = {
    title,
    name,
    f: printed(node),
    wrt: ctx.wrt,
    domain: ctx.domain,
    defs: ctx.defs,
    texNames: ctx.texNames,
    steps,
  };
  return { derivation: new Derivation(spec), final: last };
}

/**
 * `expr` with every occurrence of the function `f` (as written, or in the form the algebra
 * moves recognise, e.g. σ(x) for 1/(1 + e^(−x))) replaced by name(wrt); undefined when none.
 */
function recogniseFunction(expr: MathNode, f: MathNode, name: string, wrt: string): MathNode | undefined {
  const forms = [f, ...simplifySteps(f).map((s) => s.expr)].map(keyOf);
  let found = false;
  const out = expr.transform((n) => {
    if (forms.includes(keyOf(n))) {
      found = true;
      return call(name, sym(wrt));
    }
    return n;
  });
  return found ? withoutParens(out) : undefined;
}

/** The final form of a part's derivative by the algebra moves. */
function finalOf(d: MathNode): MathNode {
  const s = simplifySteps(d);
  return s.length ? s[s.length - 1].expr : withoutParens(d);
}

/** The rule's own letters for its parts (u, v), or the chain rule's: u for the inner function. */
function partLetters(tree: RuleApplication): Record<string, string> {
  if (tree.rule.id === "chain")
    return { inner: (tree.parts.placeholder as unknown as { name: string }).name, outer: "g" };
  return {};
}

/** The note of the differentiate step: the rule in symbols and its parts. */
function ruleNote(
  tree: RuleApplication,
  derivatives: Parts,
  said: string[],
  names?: Readonly<Record<string, string>>,
): string {
  if (tree.rule.id === "chain") {
    const u = (tree.parts.placeholder as unknown as { name: string }).name;
    const inner = said[0] ?? "";
    const uTex = nameTex(u, names);
    return `${tree.rule.formula} with $${uTex} = ${tex(tree.parts.inner, names)}$: the outer function ${show(tree.parts.outer, names)} has derivative ${show(derivatives.outer, names)} with respect to $${uTex}$; ${inner}.`;
  }
  const parts = said.length
    ? ["sum", "difference", "constant-multiple"].includes(tree.rule.id)
      ? `: ${said.join("; ")}`
      : ` with ${said.join("; ")}`
    : "";
  // an elementary derivative states the formula of its own function: (a^x)′ = a^x·ln a for 2^x, not (e^x)′ = e^x
  const formula = (tree.children.length === 0 && elementaryOf(tree.node, tree.wrt)?.formula) || tree.rule.formula;
  return `${formula}${parts}.`;
}

/** The rewrite a strategy starts with, if any: c/v → c·v^(−1) (chain), u/v → u·v^(−1) (product). */
function strategyRewrite(
  node: MathNode,
  wrt: string,
  strategy: ExplainStrategy,
): { expr: MathNode; rule: string; note: string } | undefined {
  if (!isOp(node, "divide", 2) || !dependsOn(node.args[1], wrt)) return undefined;
  const [u, v] = node.args;
  if (strategy === "chain" && !dependsOn(u, wrt)) {
    const one = u.toString() === "1";
    return {
      expr: one ? pow(v.cloneDeep(), neg1()) : mul(u.cloneDeep(), pow(v.cloneDeep(), neg1())),
      rule: "algebra: a quotient as a negative power",
      note: "$1/a = a^{-1}$.",
    };
  }
  if (strategy === "product" && dependsOn(u, wrt)) {
    return {
      expr: mul(u.cloneDeep(), pow(v.cloneDeep(), neg1())),
      rule: "algebra: a quotient as a product",
      note: "$u/v = u \\cdot v^{-1}$.",
    };
  }
  return undefined;
}

/**
 * The sentence that opens the differentiate step's note when the strategy asked for does not fit
 * the function (it names the strategy, why, and the rule used instead), else undefined. "auto"
 * always fits; "quotient" fits when the quotient rule is the rule applied; "chain" and "product"
 * when their rewrite of the quotient was made (c/v with c constant, u/v with u depending on wrt).
 */
export function strategyMisfit(
  node: MathNode,
  wrt: string,
  strategy: ExplainStrategy,
  rewritten: boolean,
  tree: RuleApplication,
  names?: Readonly<Record<string, string>>,
): string | undefined {
  if (strategy === "auto" || (strategy === "quotient" ? tree.rule.id === "quotient" : rewritten)) return undefined;
  const quotient = isOp(node, "divide", 2) && dependsOn(node.args[1], wrt);
  const why = !quotient
    ? `${show(node, names)} is not a quotient with ${showVar(wrt, names)} in its denominator`
    : strategy === "chain"
      ? `its numerator ${show(node.args[0], names)} depends on ${showVar(wrt, names)} (the chain route needs a constant over a function)`
      : `its numerator ${show(node.args[0], names)} is a constant (the product route needs a function of ${showVar(wrt, names)} above the line)`;
  return `The ${strategy} strategy does not fit: ${why}; ${theRule(tree.rule.name)} is used.`;
}

const neg1 = (): MathNode => withoutParens(parseExpression("-1", "explain"));

/**
 * The kit's own derivation of a function: one rule application per `differentiate` step, the
 * parts a teacher works out separately as their own derivations (`.parts`, shown before it
 * by showVerified), then named algebra moves to a compact form (or to `head.target`).
 * Generates the steps without verifying them; {@link explain} verifies.
 *
 * @param f    the function, mathjs syntax, e.g. "x * sigma(x)"; at most {@link MAX_EXPLAIN_NODES} nodes
 * @param head wrt, domain, and optionally name, defs, texNames, strategy, target, title
 * @returns the derivation (a {@link Derivation}, as derive() returns), its parts in `.parts`
 * @throws SyntaxError naming f (or the target) when it does not parse
 * @throws RangeError naming the part: a function outside the verifier's list, a variable without
 *   a domain, f not depending on wrt, f larger than the bound, f not finite on the domain (log of
 *   something ≤ 0), |u| whose u changes sign on the domain, a function no rule differentiates
 */
export function explainSteps(f: string, head: ExplainHead): Derivation {
  if (typeof f !== "string")
    throw new TypeError(`explain(${typeof f}): f must be a string (mathjs syntax), got ${typeof f}`);
  // every error starts with the learner's call, then names the part that failed
  const where = `explain("${shortened(f)}")`;
  if (typeof head?.wrt !== "string") throw new TypeError(`${where}: wrt must be a string, got ${typeof head?.wrt}`);
  if (typeof head.domain !== "object" || head.domain === null)
    throw new TypeError(`${where}: domain must be an object such as { ${head.wrt}: "(-10, 10)" }`);
  checkHeadNames({ ...head, f }, where);
  const name = head.name ?? "f";
  releaseKeys(); // no key is held between two calls
  const parsed = withoutParens(parseExpression(f, `${where}: the function`, MAX_EXPLAIN_NODES));
  const size = nodeCount(parsed);
  if (size > MAX_EXPLAIN_NODES)
    throw new RangeError(`${where}: the function has ${size} nodes; explain takes at most ${MAX_EXPLAIN_NODES}`);
  const strategy = head.strategy ?? "auto";
  if (!["quotient", "chain", "product", "auto"].includes(strategy))
    throw new RangeError(
      `${where}: strategy must be "quotient", "chain", "product" or "auto", got "${String(strategy)}"`,
    );
  const domain = checkInput(parsed, head, where);
  // user definitions are expanded (the rules know sigma and softplus by name)
  const own = Object.fromEntries(
    Object.entries(head.defs ?? {}).filter(([k]) => !(k.replace(/\(.*$/, "").trim() in { sigma: 1, softplus: 1 })),
  );
  const node = Object.keys(own).length
    ? withoutParens(expandDefinitions(parsed, parseDefinitions(own), where))
    : parsed;
  if (!dependsOn(node, head.wrt))
    throw new RangeError(`${where}: the function does not contain the variable ${head.wrt}`);
  checkDifferentiable(node, domain, where);
  checkDefinedOnDomain(node, domain, where);
  let target: MathNode | undefined;
  if (head.target !== undefined) {
    if (typeof head.target !== "string")
      throw new TypeError(`${where}: target must be a string (mathjs syntax), got ${typeof head.target}`);
    const targetWhere = `${where}, the target "${shortened(head.target)}"`;
    target = withoutParens(parseExpression(head.target, targetWhere));
    checkTarget(target, name, head, domain, targetWhere);
  }
  const used = new Set<string>([...domain.keys(), name]);
  const ctx: Context = {
    wrt: head.wrt,
    domain: head.domain,
    defs: head.defs,
    texNames: head.texNames,
    names: [],
    used,
  };
  const parts: Derivation[] = [];
  let built: Built;
  try {
    built = build(node, name, head.title ?? "", ctx, { strategy, target, parts, top: true });
  } catch (err) {
    // a part no rule differentiates (max, sign, …): the rules' message, after the learner's call
    if (err instanceof RangeError && !err.message.startsWith("explain("))
      throw new RangeError(`${where}: ${err.message}`, { cause: err });
    throw err;
  }
  // the default title names the rule of the differentiate step (the rule tree is built once, in build)
  const rule = built.derivation.spec.steps.find((st) => st.kind === "differentiate")!.rule;
  built.derivation.spec.title =
    head.title ?? `$${primeTex(name, head.wrt, head.texNames)}$ by ${theRule(rule)}, derived by the kit`;
  built.derivation.spec.f = f;
  built.derivation.parts.push(...parts);
  return built.derivation;
}

/**
 * The kit's own derivation of a function (see {@link explainSteps}), every step verified.
 *
 * @example
 *   showVerified(explain("x * sigma(x)", { wrt: "x", domain: { x: "(-10, 10)" } }))
 * @returns the derivation; `.verify()` gives the verdicts (all ✓), `.parts` the parts' derivations
 * @throws as {@link explainSteps}; RangeError when `target` is not equal to the derivative
 *   (with a point where they differ)
 * @throws RangeError naming the call when a part of the function is not a finite real number
 *   on the domain, or when a generated step could not be verified within the verifier's time bound
 * @throws ExplainInternalError naming the function and the step when the verifier rejects a generated step
 */
export function explain(f: string, head: ExplainHead): Derivation {
  const d = explainSteps(f, head);
  for (const part of [...d.parts, d]) {
    let result: DerivationResult;
    try {
      result = selfCheck(part);
    } catch (err) {
      // a part that is not finite on the domain (e^(e^(e^x)) overflowing): named as the learner's call
      if (err instanceof RangeError) throw new RangeError(`explain("${shortened(f)}"): ${err.message}`, { cause: err });
      throw err;
    }
    if (result.ok) continue;
    const bad = result.steps.find((s) => !s.ok) ?? result.final!;
    if (bad.tier === "undecided")
      throw new RangeError(
        `explain("${shortened(f)}"): step ${bad.index} of derivation "${part.spec.title}" (${bad.rule}) could not be verified in time: ` +
          `${bad.undecided?.reason ?? "the time bound ran out"}; try a narrower domain or a smaller function`,
      );
    const isTarget =
      part === d &&
      head.target !== undefined &&
      bad.index === result.steps.length - 1 &&
      bad.rule === "algebra: the target form";
    const where = bad.counterexample
      ? ` (at ${Object.entries(bad.counterexample.point)
          .map(([k, v]) => `${k} = ${v}`)
          .join(", ")}: ${bad.counterexample.actual} against ${bad.counterexample.expected})`
      : "";
    if (isTarget)
      throw new RangeError(
        `explain("${shortened(f)}"): the target "${head.target}" is not equal to the derivative${where}`,
      );
    throw new ExplainInternalError(
      `explain("${shortened(f)}"), derivation "${part.spec.title}", step ${bad.index} (${bad.rule}: "${shortened(bad.expr)}") is not accepted by the verifier${where}`,
    );
  }
  return d;
}

/** The verdicts of an explained derivation and of its parts, parts first. */
export function verifyExplained(d: Derivation): DerivationResult[] {
  return [...d.parts, d].map((p) => p.verify());
}
