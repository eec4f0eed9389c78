import type { DomainSpec } from "./domain";
import type { DerivationSpec, StepSpec } from "./spec";
import type { DerivationResult } from "./types";
import { verifyDerivation, type VerifyOptions } from "./verify";
import { withLearnerComparisons } from "./comparison";
import { checkHeadNames } from "./head-names";

/** What `derive` needs besides the title. */
export interface DeriveHead {
  /** Name of the function in the math, e.g. "g" (default "f"). */
  name?: string;
  /** The function to differentiate, in mathjs syntax, e.g. "1 / (1 + e^(-x))". */
  f: string;
  /** The differentiation variable, e.g. "x". */
  wrt: string;
  /** Where each variable lives, e.g. { x: "(-10, 10)" }. */
  domain: DomainSpec;
  defs?: Readonly<Record<string, string>>;
  texNames?: Readonly<Record<string, string>>;
}

/**
 * A derivation under construction: chain `.differentiate(…)` and `.rewrite(…)`
 * steps, then `.verify()`. Each call returns the same object, so a derivation
 * reads top to bottom like the hand-written one.
 */
export class Derivation {
  /** The derivation as plain data (what {@link verifyDerivation} takes). */
  readonly spec: DerivationSpec;
  /**
   * Derivations of parts worked out on their own (u′ and v′ of a quotient, say), shown
   * before this one by showVerified; explain() fills it, derive() leaves it empty.
   */
  readonly parts: Derivation[] = [];

  constructor(spec: DerivationSpec) {
    this.spec = spec;
  }

  /**
   * Adds a step that is the derivative of the previous expression with respect to `wrt`.
   * @param expr the derivative as written by hand, mathjs syntax
   * @param rule the rule applied, e.g. "quotient rule"
   * @param note a short explanation
   * @throws TypeError when an argument is not a string (naming the step)
   */
  differentiate(expr: string, rule: string, note = ""): this {
    return this.add({ kind: "differentiate", expr, rule, note });
  }

  /**
   * Adds a step that is equal to the previous expression.
   * @param expr the rewritten expression, mathjs syntax
   * @param rule what justifies it, e.g. "algebra: split the fraction"
   * @param note a short explanation
   * @throws TypeError when an argument is not a string (naming the step)
   */
  rewrite(expr: string, rule: string, note = ""): this {
    return this.add({ kind: "rewrite", expr, rule, note });
  }

  /**
   * Verifies every step; see {@link verifyDerivation}. What a rejected step was compared with
   * is shown in the learner's terms ({@link withLearnerComparisons}).
   */
  verify(options?: VerifyOptions): DerivationResult {
    return withLearnerComparisons(verifyDerivation(this.spec, options), this.spec);
  }

  /**
   * @throws TypeError naming the step and the argument when expr or rule is not a string, or the
   *   note is not one (a JavaScript kernel has no type check to catch a missing rule)
   */
  private add(step: StepSpec): this {
    const where = `derivation "${this.spec.title}", step ${this.spec.steps.length + 1} (.${step.kind}(…))`;
    if (typeof step.expr !== "string")
      throw new TypeError(`${where}: the expression must be a string (mathjs syntax), got ${typeof step.expr}`);
    if (typeof step.rule !== "string")
      throw new TypeError(
        `${where}: the rule must be a string naming what was applied, e.g. "chain rule" (or "" for none), got ${typeof step.rule}`,
      );
    if (typeof step.note !== "string")
      throw new TypeError(`${where}: the note must be a string, got ${typeof step.note}`);
    this.spec.steps.push(step);
    return this;
  }
}

/**
 * Starts a derivation.
 *
 * @example
 *   derive("v′(x)", { name: "v", f: "1 + e^(-x)", wrt: "x", domain: { x: "(-10, 10)" } })
 *     .differentiate("-e^(-x)", "sum rule, exponential rule, chain rule")
 *     .verify().ok   // → true
 * @param title shown above the steps
 * @param head  the function, variable and domain
 * @returns a {@link Derivation} with no steps yet
 * @throws TypeError naming the field when title, f or wrt is not a string, or domain is not an object
 * @throws RangeError naming the field when name or a defs entry is a built-in function or
 *   constant of the verifier or a variable of the domain (see checkHeadNames); at `.verify()`,
 *   when name is a built-in function of one argument (sigma, log …) and f is not that function
 *   of wrt (σ(x) = x²), naming a point where they differ
 */
export function derive(title: string, head: DeriveHead): Derivation {
  if (typeof title !== "string") throw new TypeError(`derive: title must be a string, got ${typeof title}`);
  for (const key of ["f", "wrt"] as const) {
    if (typeof head?.[key] !== "string")
      throw new TypeError(`derive("${title}"): ${key} must be a string (mathjs syntax), got ${typeof head?.[key]}`);
  }
  if (typeof head.domain !== "object" || head.domain === null) {
    throw new TypeError(
      `derive("${title}"): domain must be an object such as { ${head.wrt}: "(-10, 10)" }, got ${head.domain === null ? "null" : typeof head.domain}`,
    );
  }
  checkHeadNames(head, `derive("${title}")`);
  return new Derivation({
    title,
    name: head.name ?? "f",
    f: head.f,
    wrt: head.wrt,
    domain: head.domain,
    defs: head.defs,
    texNames: head.texNames,
    steps: [],
  });
}
