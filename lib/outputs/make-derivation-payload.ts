import type { DerivationSpec } from "../derive/spec";
import type { DerivationResult, StepResult } from "../derive/types";
import { DERIVATION_PAYLOAD_VERSION, type DerivationPayload } from "./derivation-payload";

/** One verdict as payload data: every field the verifier gave, the tier as its own string, a certificate when present. */
function verdict(s: StepResult): StepResult {
  return {
    index: s.index,
    kind: s.kind,
    expr: s.expr ?? "",
    tex: s.tex ?? "",
    lhs: s.lhs ?? "",
    rule: s.rule ?? "",
    note: s.note ?? "",
    ok: s.ok === true,
    tier: s.tier ?? null,
    against: s.against ?? "",
    ...(s.counterexample
      ? {
          counterexample: {
            point: { ...s.counterexample.point },
            expected: s.counterexample.expected,
            actual: s.counterexample.actual,
          },
        }
      : {}),
    ...(s.undecided
      ? { undecided: { reason: s.undecided.reason, phase: s.undecided.phase, seconds: s.undecided.seconds } }
      : {}),
    ...(s.diagnosis
      ? {
          diagnosis: {
            id: s.diagnosis.id,
            message: s.diagnosis.message,
            ...(s.diagnosis.messageTex !== undefined ? { messageTex: s.diagnosis.messageTex } : {}),
            expected: s.diagnosis.expected,
            others: s.diagnosis.others.map((o) => ({ id: o.id, message: o.message })),
          },
        }
      : {}),
    ...(s.certificate !== undefined
      ? { certificate: JSON.parse(JSON.stringify(s.certificate)) as StepResult["certificate"] }
      : {}),
    ...(s.ruleCheck ? { ruleCheck: { ...s.ruleCheck } } : {}),
  };
}

/** The spec as written, or, for a bare result, what the result says of it (no domain). */
function specOf(result: DerivationResult, spec: DerivationSpec | undefined): DerivationSpec {
  if (spec) {
    return {
      title: spec.title,
      name: spec.name,
      f: spec.f,
      wrt: spec.wrt,
      domain: JSON.parse(JSON.stringify(spec.domain)) as DerivationSpec["domain"],
      ...(spec.defs ? { defs: { ...spec.defs } } : {}),
      ...(spec.texNames ? { texNames: { ...spec.texNames } } : {}),
      steps: spec.steps.map((s) => ({ kind: s.kind, expr: s.expr, rule: s.rule, note: s.note })),
    };
  }
  const [given, ...steps] = result.steps;
  return {
    title: result.title,
    name: result.name,
    f: given?.expr ?? "",
    wrt: result.wrt,
    domain: {},
    steps: steps.map((s) => ({
      kind: s.kind === "differentiate" ? "differentiate" : "rewrite",
      expr: s.expr,
      rule: s.rule,
      note: s.note,
    })),
  };
}

/**
 * A verified derivation as the data of `application/vnd.stepwise.derivation+json`
 * (./derivation-payload.ts, version 1): the spec as written and every
 * verdict of the verifier.
 *
 * @param result the verifier's result
 * @param opts spec: the derivation as written (`derivation.spec`; without it the spec is
 *   read back from the result and has an empty domain); expectFailure: the derivation
 *   holds a deliberately wrong step
 * @returns plain JSON data
 * @throws TypeError when result has no steps array
 */
export function derivationPayload(
  result: DerivationResult,
  opts: { spec?: DerivationSpec; expectFailure?: boolean } = {},
): DerivationPayload {
  if (!Array.isArray(result?.steps)) {
    throw new TypeError(`derivationPayload: result.steps must be an array, got ${typeof result?.steps}`);
  }
  return {
    version: DERIVATION_PAYLOAD_VERSION,
    spec: specOf(result, opts.spec),
    expectFailure: opts.expectFailure === true,
    ok: result.ok === true,
    samples: result.samples,
    precision: result.precision,
    seed: String(result.seed),
    verdicts: result.steps.map(verdict),
    ...(result.final ? { final: verdict(result.final) } : {}),
  };
}
