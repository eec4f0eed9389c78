/**
 * What a derivation's row says a differentiate step was compared with, in the learner's terms:
 * the kit's own rule result for the line above (the rule table of lib/derive/explain, the
 * result explain() writes as its differentiate step), tidied, with σ, softplus and tanh kept as
 * written, never mathjs's derivative with σ written out as 1/(1 + e^(−x)). The verifier still
 * compares the step with mathjs's derivative; this changes only the text shown, and only when
 * the two agree at the derivation's own sample points.
 */
import type { MathNode } from "mathjs";
import { derivationSeed } from "./context";
import { DEFAULT_SAMPLES, parseDomain, samplePoints } from "./domain";
import { calledFunctions, expandDefinitions, math, parseDefinitions, parseExpression } from "./expression";
import { ruleTree } from "./explain/differentiate";
import { mayEqual, quickValues } from "./diagnose/screen";
import { readableExpression, readableText } from "./readable";
import type { DerivationSpec } from "./spec";
import type { DerivationResult, StepResult } from "./types";

/** Points the rule result is checked at against mathjs's derivative before it is shown. */
const CHECK_POINTS = 8;

/**
 * The derivative of an expression of a derivation by the kit's rule table, in readable text.
 *
 * @param spec the derivation (its variable, domain, name and defs)
 * @param previous the expression to differentiate, as the derivation writes it (the given
 *   function or a step); the derivation's own name and defs are written out, sigma and
 *   softplus stay
 * @param mathjs what the verifier compared with (mathjs's derivative, every definition
 *   expanded, mathjs syntax): the rule result is used only when it has the same values at
 *   the derivation's sample points
 * @returns e.g. "sigma(x) + x * sigma(x) * (1 - sigma(x))"; undefined when no rule
 *   differentiates the expression (a max, an unknown function) or the values disagree
 */
export function ruleDerivativeText(spec: DerivationSpec, previous: string, mathjs: string): string | undefined {
  const where = `derivation "${spec.title}", the comparison`;
  try {
    const own: Record<string, string> = Object.fromEntries(
      Object.entries(spec.defs ?? {}).filter(([k]) => !/^\s*(sigma|softplus)\s*\(/.test(k)),
    );
    const parsed = parseExpression(previous, where);
    if (calledFunctions(parsed).has(spec.name) && !(spec.name in own)) own[`${spec.name}(${spec.wrt})`] = spec.f;
    const node = Object.keys(own).length ? expandDefinitions(parsed, parseDefinitions(own), where) : parsed;
    const result: MathNode = ruleTree(node, spec.wrt).result;
    const scopes = samplePoints(parseDomain(spec.domain, where), DEFAULT_SAMPLES, derivationSeed(spec))
      .slice(0, CHECK_POINTS)
      .map((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Number(v)])));
    if (!mayEqual(quickValues(result, scopes), quickValues(math.parse(mathjs), scopes))) return undefined;
    return readableText(result);
  } catch {
    return undefined;
  }
}

/**
 * What a step was compared with, as a derivation's row or the page's "Try a step" shows it:
 * for a differentiate step the kit's rule result for the line above
 * ({@link ruleDerivativeText}), or, where the rule table gives none, the verifier's
 * comparison made readable ({@link readableExpression}); for a rewrite step the line above
 * as written (the verifier's own `against`). The one code path of the kernel's rows
 * ({@link withLearnerComparisons}) and of the page (lib/site/try/browser-entry.ts).
 *
 * @param spec the derivation the step belongs to
 * @param step the verifier's result for the step (its `kind` and `against`)
 * @param previous the line above the step as written: the given function for step 1
 * @returns mathjs syntax, e.g. "sigma(x) * (1 - sigma(x))"; "" when the step was compared
 *   with nothing (its `against` is "")
 */
export function stepComparison(
  spec: DerivationSpec,
  step: Pick<StepResult, "kind" | "against">,
  previous: string,
): string {
  if (step.kind !== "differentiate" || step.against === "") return step.against;
  return ruleDerivativeText(spec, previous, step.against) ?? readableExpression(step.against);
}

/**
 * A verified derivation with each shown comparison in the learner's terms: a rejected
 * differentiate step's `against`, and the closing check's when the derivation differentiates
 * once, become {@link ruleDerivativeText} of the line above (the given function for the
 * closing check); any other `against` that is mathjs's derivative is made readable
 * ({@link readableExpression}). A rewrite step's `against` (the line above, as written) is
 * kept. The verdicts are not touched.
 *
 * @param result the verifier's result for `spec`
 * @param spec the derivation verified
 * @returns a new result (the input is not modified)
 */
export function withLearnerComparisons(result: DerivationResult, spec: DerivationSpec): DerivationResult {
  const steps = result.steps.map((s, i) => {
    if (s.kind !== "differentiate" || s.against === "") return s;
    // a true step's comparison is not shown: only a rejected one needs the rule result
    const against = s.ok ? readableExpression(s.against) : stepComparison(spec, s, result.steps[i - 1].expr);
    return { ...s, against };
  });
  const order = spec.steps.filter((s) => s.kind === "differentiate").length;
  const final = result.final && {
    ...result.final,
    against:
      order === 1
        ? stepComparison(spec, { kind: "differentiate", against: result.final.against }, spec.f)
        : readableExpression(result.final.against),
  };
  return { ...result, steps, ...(final ? { final } : {}) };
}
