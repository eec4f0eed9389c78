/**
 * The payload of `application/vnd.stepwise.derivation+json` (DERIVATION_MIME): a
 * verified derivation as data. lib/display writes it next to the text/html,
 * text/markdown and text/plain forms of a derivation; lib/site renders the page
 * from it; `npm run mutants` and the tests rebuild the tutorials' derivations from
 * the `spec` of the payloads of the executed notebooks.
 *
 * Versioned: a reader accepts the versions it knows ({@link DERIVATION_PAYLOAD_VERSION})
 * and rejects the others with an error naming the version it got.
 */
import type { DerivationSpec } from "../derive/spec";
import type { DerivationResult, StepResult } from "../derive/types";

/** The version this module writes and reads. Bump it when a field changes meaning or is removed. */
export const DERIVATION_PAYLOAD_VERSION = 1;

/**
 * The derivation as written (the engine's {@link DerivationSpec}, as JSON): enough to
 * rebuild it with `derive(title, head)` and its steps.
 */
export type PayloadSpec = DerivationSpec;

/** The verifier's verdict on one row (the given function, a step, or the final check): the engine's {@link StepResult}. */
export type PayloadVerdict = StepResult;

/**
 * The whole payload of one shown derivation: the engine's result (its summary fields and
 * per-row verdicts, each with its TeX) plus the payload's version, the spec as written and
 * whether the wrong step was shown on purpose.
 */
export interface DerivationPayload extends Pick<DerivationResult, "ok" | "samples" | "precision" | "seed"> {
  version: typeof DERIVATION_PAYLOAD_VERSION;
  spec: DerivationSpec;
  /** The derivation holds a deliberately wrong step (shown with `expectFailure: true`). */
  expectFailure: boolean;
  /** One verdict per row, the given function first (the result's `steps`). */
  verdicts: StepResult[];
  /** The closing check against mathjs's derivative, when the derivation has one. */
  final?: StepResult;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function need(cond: boolean, where: string, what: string, got: unknown): asserts cond {
  if (!cond) throw new TypeError(`${where}: ${what}, got ${JSON.stringify(got) ?? String(got)}`);
}

function checkVerdict(v: unknown, where: string): void {
  need(isRecord(v), where, "a verdict must be an object", v);
  for (const key of ["expr", "tex", "lhs", "rule", "note", "against"] as const) {
    need(typeof v[key] === "string", where, `${key} must be a string`, v[key]);
  }
  need(typeof v.index === "number", where, "index must be a number", v.index);
  need(
    v.kind === "given" || v.kind === "rewrite" || v.kind === "differentiate",
    where,
    'kind must be "given", "rewrite" or "differentiate"',
    v.kind,
  );
  need(typeof v.ok === "boolean", where, "ok must be a boolean", v.ok);
  need(v.tier === null || typeof v.tier === "string", where, "tier must be a string or null", v.tier);
  if (v.diagnosis !== undefined) {
    const d = v.diagnosis;
    need(
      isRecord(d) &&
        typeof d.id === "string" &&
        typeof d.message === "string" &&
        typeof d.expected === "string" &&
        (d.messageTex === undefined || typeof d.messageTex === "string") &&
        Array.isArray(d.others),
      where,
      "diagnosis must be { id, message, messageTex?, expected, others } with strings and an array",
      d,
    );
  }
}

/**
 * Checks that a value is a derivation payload this module can read, and returns it typed.
 * A notebook saved by a kernel that could only send strings may hold the JSON as text:
 * a string is parsed first.
 *
 * @param value the `application/vnd.stepwise.derivation+json` value of an output
 * @param where what holds it, for errors (e.g. "02-….ipynb, cell 5")
 * @returns the payload
 * @throws TypeError naming the field that is missing or malformed and what it holds;
 *   RangeError naming the version when it is not {@link DERIVATION_PAYLOAD_VERSION}
 */
export function readDerivationPayload(value: unknown, where = "derivation payload"): DerivationPayload {
  const v: unknown =
    typeof value === "string"
      ? JSON.parse(value)
      : Array.isArray(value) && value.every((s) => typeof s === "string")
        ? JSON.parse(value.join(""))
        : value;
  need(isRecord(v), where, "the payload must be a JSON object", typeof v);
  if (v.version !== DERIVATION_PAYLOAD_VERSION) {
    throw new RangeError(
      `${where}: derivation payload version ${JSON.stringify(v.version)} is not supported (this kit reads version ${DERIVATION_PAYLOAD_VERSION})`,
    );
  }
  const spec = v.spec;
  need(isRecord(spec), where, "spec must be an object", spec);
  for (const key of ["title", "name", "f", "wrt"] as const)
    need(typeof spec[key] === "string", where, `spec.${key} must be a string`, spec[key]);
  need(isRecord(spec.domain), where, "spec.domain must be an object", spec.domain);
  need(Array.isArray(spec.steps), where, "spec.steps must be an array", spec.steps);
  (spec.steps as unknown[]).forEach((s, i) => {
    need(
      isRecord(s) && (s.kind === "rewrite" || s.kind === "differentiate") && typeof s.expr === "string",
      `${where}, spec step ${i + 1}`,
      "a step needs kind rewrite|differentiate and an expr string",
      s,
    );
  });
  need(Array.isArray(v.verdicts) && v.verdicts.length > 0, where, "verdicts must be a non-empty array", v.verdicts);
  (v.verdicts as unknown[]).forEach((r, i) => checkVerdict(r, `${where}, verdict ${i}`));
  if (v.final !== undefined) checkVerdict(v.final, `${where}, final check`);
  need(typeof v.ok === "boolean", where, "ok must be a boolean", v.ok);
  need(typeof v.expectFailure === "boolean", where, "expectFailure must be a boolean", v.expectFailure);
  return v as unknown as DerivationPayload;
}
