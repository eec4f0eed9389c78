/**
 * Shared shapes of the derivation engine: what a derivation is made of and what
 * verifying it returns. The display and site code read these; only the engine
 * (derive/*.ts) creates them.
 */
import type { RuleCheck } from "./explain/rule-check";

/** A real interval a variable is sampled from; an open end excludes its bound, a closed one includes it. */
export interface Interval {
  /** Lower bound (finite). */
  min: number;
  /** Upper bound (finite, > min). */
  max: number;
  /**
   * Which ends exclude their bound: one boolean for both ends, or [lower, upper] for a
   * half-open interval (`[false, true]` is "[min, max)"); default true (both open).
   */
  open?: boolean | readonly [lower: boolean, upper: boolean];
}

/** How a step relates to the expression before it. */
export type StepKind =
  /** The starting expression: the function being differentiated. */
  | "given"
  /** The step is equal to the previous expression (an identity). */
  | "rewrite"
  /** The step is the derivative of the previous expression with respect to `wrt`. */
  | "differentiate";

/** Which tier of the verifier decided a step. */
export type Tier =
  /**
   * The exact tier brought both sides to one normal form (exact rational coefficients,
   * no rounding), with every side condition it needs guaranteed by the declared domain.
   */
  | "proved"
  /** Outside the exact tier's class: equal at every sample point, in 60-digit (or more) arithmetic. */
  | "sampled"
  /**
   * Neither tier decided the step: its time bound (VerifyOptions.deadline) ran out, or no sample
   * point could resolve the sides (both 0 to the most digits decimal.js supports). The step is
   * not accepted (ok is false) and carries {@link StepResult.undecided}, not a counterexample.
   */
  | "undecided";

/**
 * Why a step was left undecided: its time bound ran out, or it is below the resolution
 * (docs/verification.md, "The time bound").
 */
export interface Undecided {
  /** In words, naming the bound and what the verifier was doing: "could not decide within 5 s: sampling point 12 of 64 at 480 digits". */
  reason: string;
  /** What the verifier was doing when the time ran out, e.g. "sampling point 12 of 64 at 480 digits". */
  phase: string;
  /** The time bound in force, in seconds (also for a step below the resolution, which did not run out). */
  seconds: number;
}

/**
 * What a reader can inspect to check a "proved" step: both sides in the exact tier's normal
 * form (a quotient of polynomials in atoms such as x, e^(x), log(1 + e^(z))), and the
 * conditions the declared domain had to guarantee for the rewriting to hold.
 */
export interface Certificate {
  /** The step's normal form, e.g. "(1) / (1 + e^(-x))" (mathjs syntax). */
  actual: string;
  /** The normal form of what it must equal. */
  expected: string;
  /** Both normal forms are cross-multiplied: "N1·D2 − N2·D1 expands to 0". */
  method: string;
  /** Side conditions the domain guarantees, e.g. "1 + e^(-x) ≠ 0", "yhat > 0". */
  conditions: string[];
  /** When the domain was split (abs, max, min), one certificate per piece, with the piece. */
  cases?: { where: string; certificate: Certificate }[];
}

/** A point of the domain where two expressions were evaluated, and the values. */
export interface Counterexample {
  /** Variable name → value, as decimal strings (high precision). */
  point: Record<string, string>;
  /** Value of the expression the step must equal (previous step, or the derivative of it). */
  expected: string;
  /** Value of the step's own expression. */
  actual: string;
  /** Why the point rejects the step when the values alone do not say it (e.g. "precision bound hit: …"). */
  reason?: string;
}

/** The verdict on one step of a derivation. */
export interface StepResult {
  /** 0 for the given function, then 1, 2, … for the steps, in order. */
  index: number;
  kind: StepKind;
  /** The step's expression in mathjs syntax, as written. */
  expr: string;
  /** The step's expression as LaTeX (tidied mathjs toTex). */
  tex: string;
  /**
   * LaTeX of the left-hand side this step is equal to: "g(x)" for the given
   * function, "g'(x)" or "\\frac{\\partial L}{\\partial \\hat{y}}" after a
   * differentiate step; "" for a rewrite (it continues the line above with "=").
   */
  lhs: string;
  /** The rule the step applies, e.g. "quotient rule"; "" for the given function. */
  rule: string;
  /** A short explanation in words (may be ""). */
  note: string;
  /** True when the step was proven equal to what it must equal; always true for "given". */
  ok: boolean;
  /** The tier that decided the step; null for "given". */
  tier: Tier | null;
  /** What the step was compared with, in mathjs syntax: the previous expression, or mathjs's derivative of it tidied for reading (`tidyExpression`: no `log(e)`, `0 +` or `* 1`, the same value). */
  against: string;
  /** Present when ok is false and the step was decided: a point where both sides differ, with both values. */
  counterexample?: Counterexample;
  /** Present when tier is "undecided": the time bound ran out before either tier decided the step. */
  undecided?: Undecided;
  /** Present when tier is "proved": both sides' normal forms and the side conditions. */
  certificate?: Certificate;
  /**
   * Present for a true differentiate step whose rule names a rule of the vocabulary (quotient
   * rule, chain rule, …): whether the step is what that rule gives on the line above, and a
   * note naming the rule it is when it is another (explain/rule-check.ts). Never makes a step ✗.
   */
  ruleCheck?: RuleCheck;
  /** Present when ok is false and a known slip explains the step (lib/derive/diagnose). */
  diagnosis?: Diagnosis;
  /**
   * Present (true) when ok is false and the diagnosis ran out of its time budget
   * (DIAGNOSIS_BUDGET_MS) before it had tried every known slip: no slip is named, which does
   * not mean that none explains the step. Never in the derivation's JSON payload.
   */
  diagnosisOutOfTime?: true;
}

/**
 * The slip that explains a rejected step: what the previous expression becomes when one
 * known mistake is made at one place of it, the rest done right, equals the step.
 */
export interface Diagnosis {
  /** The slip's id in the catalogue, e.g. "chain-inner-missing" (lib/derive/diagnose/slips.ts). */
  id: string;
  /** The mistake in words, naming the place, e.g. "the derivative −1 of the inner function −x of e^(−x) is missing …". */
  message: string;
  /**
   * The same words for a page that typesets math: each expression the message quotes as
   * `$…$` TeX, e.g. "the derivative $-1$ of the inner function $-x$ of $e^{-x}$ is missing".
   */
  messageTex?: string;
  /** The right expression for the step, mathjs syntax. */
  expected: string;
  /** Other slips that explain the step as well, less specific ones (may be empty). */
  others: { id: string; message: string }[];
}

/** Everything verifying a derivation produced. */
export interface DerivationResult {
  /** Human title, e.g. "σ′(x) by the quotient rule". */
  title: string;
  /** The differentiation variable, e.g. "x". */
  wrt: string;
  /** Name used for the function in the math, e.g. "g" or "L". */
  name: string;
  /** Per-step verdicts; element 0 is the given function. */
  steps: StepResult[];
  /**
   * The closing check: the last step against mathjs's `derivative` of the given
   * function (present when the derivation differentiates once).
   */
  final?: StepResult;
  /** True when every step (and the final check) is ok. */
  ok: boolean;
  /** How many sample points the sampling tier used per comparison. */
  samples: number;
  /** Decimal digits of the sampling tier's first evaluation (it goes up to 480 where sides cancel). */
  precision: number;
  /** Seed of the sample points. */
  seed: string;
}
