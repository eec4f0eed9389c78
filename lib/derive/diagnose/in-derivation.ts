/**
 * The diagnosis of one step of a derivation spec, outside the verifier's run (the bench and
 * tools): prepares the derivation's domain, points and definitions as the verifier does and
 * calls {@link diagnoseStep}.
 */
import { prepare, type VerifyOptions } from "../context";
import { shortened } from "../expression";
import type { DerivationSpec } from "../spec";
import type { Diagnosis } from "../types";
import { diagnoseStep, type DiagnoseInput } from "./diagnose";

/**
 * Prepares a derivation once and returns a function that diagnoses step `index` (1-based)
 * with any expression in its place. Only meaningful for a step the verifier rejected: a
 * right step may equal a slip that changes nothing at its place.
 *
 * @param spec    the derivation
 * @param index   1-based step number
 * @param options seed and sample count, as for the verifier
 * @returns (expr?, extra?) => the diagnosis, or undefined when no slip explains the step;
 *   `extra` passes a time budget and a stats object on to {@link diagnoseStep}
 * @throws RangeError when index is not a step number; as verifyDerivation for a bad spec or step
 */
export function stepDiagnoser(
  spec: DerivationSpec,
  index: number,
  options: VerifyOptions = {},
): (expr?: string, extra?: Pick<DiagnoseInput, "budgetMs" | "stats">) => Diagnosis | undefined {
  const ctx = prepare(spec, options);
  if (!Number.isInteger(index) || index < 1 || index > spec.steps.length) {
    throw new RangeError(`${ctx.where}: there is no step ${index} (it has ${spec.steps.length})`);
  }
  const own = spec.steps[index - 1];
  const previousText = index === 1 ? spec.f : spec.steps[index - 2].expr;
  const previous = ctx.prepareForRules(previousText, index === 1 ? "the given function" : `step ${index - 1}`);
  return (expr = own.expr, extra = {}) =>
    diagnoseStep({
      ...extra,
      kind: own.kind,
      previous,
      wrt: ctx.wrt,
      step: ctx.prepare(expr, `step ${index}`),
      expand: (n) => ctx.prepare(n.toString(), `step ${index}, a slip`),
      points: ctx.points,
      domain: ctx.domain,
      where: `${ctx.where}, step ${index} ("${shortened(expr)}")`,
    });
}
