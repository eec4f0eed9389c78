import { parseDomain, samplePoints } from "../../lib/derive/domain";
import { evaluator, type Evaluator } from "../../lib/derive/evaluate";
import { VerifierInternalError } from "../../lib/derive/internal-error";
import { mutateExpression } from "./mutate";
import type { DerivationSpec } from "../../lib/derive/spec";
import { expandInDerivation, stepChecker } from "../../lib/derive/verify";

/** One mutant the verifier accepted (a soundness failure), or one true step it rejected. */
export interface MutationMiss {
  derivation: string;
  step: number;
  expr: string;
}

/** Totals of a mutation test; sound and complete when rejected = mutants and accepted = trueSteps. */
export interface MutationReport {
  mutants: number;
  rejected: number;
  trueSteps: number;
  accepted: number;
  /** True steps the exact tier proved (the rest were accepted by sampling, or rejected). */
  proved: number;
  /** Mutants dropped before testing because they equal the step everywhere (double-precision check). */
  equivalent: number;
  /** Mutants the verifier accepted. */
  survivors: MutationMiss[];
  /** True steps the verifier rejected. */
  falseAlarms: MutationMiss[];
}

/**
 * Measures the verifier's soundness and completeness on derivations: every true step
 * must be accepted, and every non-equivalent single-change mutant of a step (see
 * {@link mutateExpression}), put in place of that step, must be rejected.
 *
 * Mutants equal to the step are discarded first by an independent test: evaluation with
 * 100 digits at 64 points of the domain drawn with another seed (equal within 1e-80
 * relative at every point, and undefined at the same points); so a constant off in its
 * 17th digit, or a term of 1e-40, counts as a mutant. Steps are judged with no time bound
 * (VerifyOptions.deadline Infinity): an undecided step is neither accepted nor rejected.
 *
 * @param specs the derivations (plain data)
 * @returns the totals, with the survivors and false alarms named
 */
export function runMutationTest(specs: readonly DerivationSpec[]): MutationReport {
  const report: MutationReport = {
    mutants: 0,
    rejected: 0,
    trueSteps: 0,
    accepted: 0,
    proved: 0,
    equivalent: 0,
    survivors: [],
    falseAlarms: [],
  };
  for (const spec of specs) {
    const domain = parseDomain(spec.domain, spec.title);
    const points = samplePoints(domain, 64, "mutation-filter");
    const variables = Object.keys(spec.domain);
    spec.steps.forEach((step, i) => {
      report.trueSteps++;
      // no time bound: an undecided mutant would count as rejected, and soundness must not depend on the machine's load
      const check = stepChecker(spec, i + 1, { deadline: Infinity });
      const own = check();
      if (own.ok) report.accepted++;
      else report.falseAlarms.push({ derivation: spec.title, step: i + 1, expr: step.expr });
      if (own.ok && own.tier === "proved") report.proved++;
      const reference = evaluator(expandInDerivation(spec, step.expr).toString(), points);
      for (const mutant of mutateExpression(step.expr, variables, domain)) {
        if (sameEverywhere(reference, evaluator(expandInDerivation(spec, mutant).toString(), points), points.length)) {
          report.equivalent++;
          continue;
        }
        report.mutants++;
        let ok: boolean;
        try {
          ok = check(mutant).ok;
        } catch (err) {
          if (err instanceof VerifierInternalError) throw err;
          ok = false;
        }
        if (ok) report.survivors.push({ derivation: spec.title, step: i + 1, expr: mutant });
        else report.rejected++;
      }
    });
  }
  return report;
}

/** Equal to 1e-80 relative at every point (100-digit evaluation), and undefined at the same points. */
function sameEverywhere(a: Evaluator, b: Evaluator, count: number): boolean {
  for (let i = 0; i < count; i++) {
    const x = a.at(i, 100);
    const y = b.at(i, 100);
    if ((typeof x === "string") !== (typeof y === "string")) return false;
    if (typeof x === "string" || typeof y === "string") continue;
    const scale = x.abs().gt(y.abs()) ? x.abs() : y.abs();
    if (x.minus(y).abs().gt(scale.times("1e-80"))) return false;
  }
  return true;
}
