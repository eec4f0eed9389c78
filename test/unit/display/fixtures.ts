/** Hand-written DerivationResult fixtures (the shapes of lib/derive/types.ts) for the display suites. */
import type { DerivationResult, StepResult } from "../../../lib/derive/types";

const given: StepResult = {
  index: 0,
  kind: "given",
  expr: "1 / (1 + e^(-x))",
  tex: "\\frac{1}{1+e^{-x}}",
  lhs: "g(x)",
  rule: "",
  note: "the sigmoid",
  ok: true,
  tier: null,
  against: "",
};

const quotient: StepResult = {
  index: 1,
  kind: "differentiate",
  expr: "(0 * (1 + e^(-x)) - 1 * (-e^(-x))) / (1 + e^(-x))^2",
  tex: "\\frac{0\\cdot(1+e^{-x})-1\\cdot(-e^{-x})}{(1+e^{-x})^{2}}",
  lhs: "g'(x)",
  rule: "quotient rule",
  note: "u = 1, v = 1 + e^(-x)",
  ok: true,
  tier: "proved",
  against: "e^(-x) / (1 + e^(-x))^2",
};

/** A correct three-step derivation of σ′ with a passing final check. */
export function goodResult(): DerivationResult {
  const steps: StepResult[] = [
    given,
    quotient,
    {
      ...quotient,
      index: 2,
      kind: "rewrite",
      expr: "e^(-x) / (1 + e^(-x))^2",
      tex: "\\frac{e^{-x}}{(1+e^{-x})^{2}}",
      lhs: "",
      rule: "simplify the numerator",
      note: "",
      against: quotient.expr,
    },
    {
      ...quotient,
      index: 3,
      kind: "rewrite",
      expr: "g(x) * (1 - g(x))",
      tex: "g(x)\\cdot(1-g(x))",
      lhs: "",
      rule: "recognise g",
      note: "factor",
      tier: "sampled",
      against: "e^(-x) / (1 + e^(-x))^2",
    },
  ];
  const final: StepResult = {
    ...steps[3],
    index: 4,
    kind: "differentiate",
    lhs: "g'(x)",
    rule: "closing check",
    note: "the last step against mathjs derivative()",
    tier: "sampled",
    against: "e^(-x) / (1 + e^(-x))^2",
  };
  return {
    title: "σ′(x) by the quotient rule",
    wrt: "x",
    name: "g",
    steps,
    final,
    ok: true,
    samples: 24,
    precision: 50,
    seed: "stepwise",
  };
}

/**
 * Step 2 drops the square of the denominator (wrong); step 3 rewrites that wrong
 * expression correctly; the final check then fails too. The values are σ(0.5)(1 − σ(0.5))
 * and 1 − σ(0.5), so the counterexample is a real one.
 */
export function badResult(): DerivationResult {
  const r = goodResult();
  r.steps[2] = {
    ...r.steps[2],
    expr: "e^(-x) / (1 + e^(-x))",
    tex: "\\frac{e^{-x}}{1+e^{-x}}",
    ok: false,
    tier: "sampled",
    counterexample: { point: { x: "0.5" }, expected: "0.2350037122015945", actual: "0.3775406687981454" },
  };
  r.steps[3] = { ...r.steps[3], expr: "1 - g(x)", tex: "1-g(x)", against: "e^(-x) / (1 + e^(-x))" };
  r.final = {
    ...r.steps[3],
    ok: false,
    counterexample: { point: { x: "-1.25" }, expected: "0.17000340156854793", actual: "0.7772998611746911" },
  };
  r.ok = false;
  return r;
}

/** A correct derivation whose title, notes, rules and TeX carry markup that must be escaped. */
export function hostileResult(): DerivationResult {
  const r = goodResult();
  r.title = "<img src=x onerror=alert(1)> & title";
  r.steps[1] = { ...r.steps[1], note: "<script>alert(1)</script>", rule: "**bold** $x$ [link](javascript:alert(1))" };
  r.steps[2] = { ...r.steps[2], tex: "x < 0 \\land y > 1" };
  return r;
}

/** Occurrences of `needle` in `text`. */
export function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
