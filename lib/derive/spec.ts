import type { DomainSpec } from "./domain";

/** One hand-derived step: an expression and how it follows from the one before. */
export interface StepSpec {
  /** "rewrite": equal to the previous expression; "differentiate": its derivative. */
  kind: "rewrite" | "differentiate";
  /** The expression in mathjs syntax, e.g. "e^(-x) / (1 + e^(-x))^2". */
  expr: string;
  /** The rule applied, e.g. "quotient rule", "chain rule", "algebra". */
  rule: string;
  /** A short explanation in words. */
  note: string;
}

/** Everything needed to verify a derivation: plain data, JSON-serialisable. */
export interface DerivationSpec {
  /** Title shown above the steps, e.g. "σ′(x) by the quotient rule". */
  title: string;
  /** Name of the function in the math (e.g. "g", "L"); steps may call it, e.g. "g(x) * (1 - g(x))". */
  name: string;
  /** The function being differentiated, in mathjs syntax. */
  f: string;
  /** The differentiation variable. */
  wrt: string;
  /** Where every variable lives, e.g. { x: "(-10, 10)" } or { yhat: "(0, 1)", t: "[0, 1]" }. */
  domain: DomainSpec;
  /** Extra functions the steps may call, e.g. { "h(u)": "u^2" }; sigma(u) and softplus(u) are built in. */
  defs?: Readonly<Record<string, string>>;
  /** LaTeX for names, e.g. { w: "\\omega" }; yhat prints as \hat{y} by default. */
  texNames?: Readonly<Record<string, string>>;
  /** The steps, in order. */
  steps: StepSpec[];
}
