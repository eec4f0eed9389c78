import type { MathNode } from "mathjs";
import { parseDomain, samplePoints } from "./domain";
import { mutateExpression } from "./mutate";
import type { DerivationSpec } from "./spec";
import { expandInDerivation, stepChecker } from "./verify";

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
 * Mutants equal to the step are discarded first by an independent test: ordinary
 * double-precision evaluation at 64 points of the domain drawn with another seed
 * (equal within 1e-9 relative at every point, and undefined at the same points).
 *
 * @param specs the derivations (plain data)
 * @returns the totals, with the survivors and false alarms named
 */
export function runMutationTest(specs: readonly DerivationSpec[]): MutationReport {
  const report: MutationReport = { mutants: 0, rejected: 0, trueSteps: 0, accepted: 0, equivalent: 0, survivors: [], falseAlarms: [] };
  for (const spec of specs) {
    const points = samplePoints(parseDomain(spec.domain, spec.title), 64, "mutation-filter");
    const variables = Object.keys(spec.domain);
    spec.steps.forEach((step, i) => {
      report.trueSteps++;
      const check = stepChecker(spec, i + 1);
      if (check().ok) report.accepted++;
      else report.falseAlarms.push({ derivation: spec.title, step: i + 1, expr: step.expr });
      const reference = expandInDerivation(spec, step.expr).compile();
      for (const mutant of mutateExpression(step.expr, variables)) {
        if (sameEverywhere(reference, expandInDerivation(spec, mutant).compile(), points)) {
          report.equivalent++;
          continue;
        }
        report.mutants++;
        let ok: boolean;
        try {
          ok = check(mutant).ok;
        } catch {
          ok = false;
        }
        if (ok) report.survivors.push({ derivation: spec.title, step: i + 1, expr: mutant });
        else report.rejected++;
      }
    });
  }
  return report;
}

type Compiled = ReturnType<MathNode["compile"]>;

function sameEverywhere(a: Compiled, b: Compiled, points: Record<string, string>[]): boolean {
  for (const p of points) {
    const scope = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Number(v)]));
    const x = realValue(a, scope);
    const y = realValue(b, scope);
    if (Number.isNaN(x) !== Number.isNaN(y)) return false;
    if (!Number.isNaN(x) && Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(y))) return false;
  }
  return true;
}

function realValue(c: Compiled, scope: Record<string, number>): number {
  try {
    const v = c.evaluate(scope);
    return typeof v === "number" && Number.isFinite(v) ? v : NaN;
  } catch {
    return NaN;
  }
}
