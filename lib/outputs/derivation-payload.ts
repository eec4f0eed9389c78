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

/** The version this module writes and reads. Bump it when a field changes meaning or is removed. */
export const DERIVATION_PAYLOAD_VERSION = 1;

/** A variable's interval as the derivation wrote it: "(0, 1)", "[0, 1]", [min, max] or { min, max, open? }. */
export type PayloadInterval = string | readonly [number, number] | { min: number; max: number; open?: boolean };

/** One hand-written step of the spec. */
export interface PayloadStep {
  /** "rewrite": equal to the previous expression; "differentiate": its derivative. */
  kind: "rewrite" | "differentiate";
  /** The expression in mathjs syntax. */
  expr: string;
  /** The rule applied, e.g. "quotient rule". */
  rule: string;
  /** A short explanation in words (may be ""). */
  note: string;
}

/** The derivation as written: enough to rebuild it with `derive(title, head)` and its steps. */
export interface PayloadSpec {
  title: string;
  /** Name of the function in the math, e.g. "g". */
  name: string;
  /** The function differentiated, mathjs syntax. */
  f: string;
  /** The differentiation variable. */
  wrt: string;
  /** Variable → interval. */
  domain: Readonly<Record<string, PayloadInterval>>;
  /** Extra definitions, e.g. { "h(u)": "u^2" } or { p1: "e^z1 / (e^z1 + e^z2)" }. */
  defs?: Readonly<Record<string, string>>;
  /** LaTeX for names. */
  texNames?: Readonly<Record<string, string>>;
  steps: PayloadStep[];
}

/** A point where both sides differ, with both values (decimal strings). */
export interface PayloadCounterexample {
  point: Record<string, string>;
  expected: string;
  actual: string;
}

/**
 * The slip that explains a rejected row (lib/derive/diagnose): its catalogue id, the mistake
 * in words naming the place, the right expression (mathjs syntax), and the other slips that
 * explain the row too.
 */
export interface PayloadDiagnosis {
  id: string;
  message: string;
  expected: string;
  others: { id: string; message: string }[];
}

/** The verifier's verdict on one row (the given function, a step, or the final check). */
export interface PayloadVerdict {
  /** 0 for the given function, then 1, 2, … */
  index: number;
  kind: "given" | "rewrite" | "differentiate";
  /** The expression as written (mathjs syntax). */
  expr: string;
  /** The expression as TeX: what KaTeX or MathJax typesets. */
  tex: string;
  /** TeX of the left-hand side ("g'(x)"), or "" for a rewrite, which continues the line above with "=". */
  lhs: string;
  rule: string;
  note: string;
  ok: boolean;
  /** The tier that decided the row, exactly as the verifier named it; null for the given function. */
  tier: string | null;
  /** What the row was compared with (mathjs syntax). */
  against: string;
  /** For a rejected row: where both sides differ. */
  counterexample?: PayloadCounterexample;
  /** A proof object of the verifier, carried as it gave it (JSON), when it gave one. */
  certificate?: unknown;
  /** The check of the rule a true differentiate step names (see StepResult.ruleCheck), when it names one. */
  ruleCheck?: { named: string; applied: string; agrees: boolean; note: string };
  /** For a rejected row that a known slip explains: which slip (optional; version 1 readers ignore it). */
  diagnosis?: PayloadDiagnosis;
}

/** The whole payload of one shown derivation. */
export interface DerivationPayload {
  version: typeof DERIVATION_PAYLOAD_VERSION;
  spec: PayloadSpec;
  /** The derivation holds a deliberately wrong step (shown with `expectFailure: true`). */
  expectFailure: boolean;
  /** Every step and the final check held. */
  ok: boolean;
  /** Sample points per comparison, decimal digits and seed of the numeric check. */
  samples: number;
  precision: number;
  seed: string;
  /** One verdict per row, the given function first. */
  verdicts: PayloadVerdict[];
  /** The closing check against mathjs's derivative, when the derivation has one. */
  final?: PayloadVerdict;
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
  need(v.kind === "given" || v.kind === "rewrite" || v.kind === "differentiate", where, 'kind must be "given", "rewrite" or "differentiate"', v.kind);
  need(typeof v.ok === "boolean", where, "ok must be a boolean", v.ok);
  need(v.tier === null || typeof v.tier === "string", where, "tier must be a string or null", v.tier);
  if (v.diagnosis !== undefined) {
    const d = v.diagnosis;
    need(isRecord(d) && typeof d.id === "string" && typeof d.message === "string" && typeof d.expected === "string" && Array.isArray(d.others),
      where, "diagnosis must be { id, message, expected, others } with strings and an array", d);
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
  const v: unknown = typeof value === "string" ? JSON.parse(value) : Array.isArray(value) && value.every((s) => typeof s === "string") ? JSON.parse(value.join("")) : value;
  need(isRecord(v), where, "the payload must be a JSON object", typeof v);
  if (v.version !== DERIVATION_PAYLOAD_VERSION) {
    throw new RangeError(`${where}: derivation payload version ${JSON.stringify(v.version)} is not supported (this kit reads version ${DERIVATION_PAYLOAD_VERSION})`);
  }
  const spec = v.spec;
  need(isRecord(spec), where, "spec must be an object", spec);
  for (const key of ["title", "name", "f", "wrt"] as const) need(typeof spec[key] === "string", where, `spec.${key} must be a string`, spec[key]);
  need(isRecord(spec.domain), where, "spec.domain must be an object", spec.domain);
  need(Array.isArray(spec.steps), where, "spec.steps must be an array", spec.steps);
  (spec.steps as unknown[]).forEach((s, i) => {
    need(isRecord(s) && (s.kind === "rewrite" || s.kind === "differentiate") && typeof s.expr === "string", `${where}, spec step ${i + 1}`, "a step needs kind rewrite|differentiate and an expr string", s);
  });
  need(Array.isArray(v.verdicts) && v.verdicts.length > 0, where, "verdicts must be a non-empty array", v.verdicts);
  (v.verdicts as unknown[]).forEach((r, i) => checkVerdict(r, `${where}, verdict ${i}`));
  if (v.final !== undefined) checkVerdict(v.final, `${where}, final check`);
  need(typeof v.ok === "boolean", where, "ok must be a boolean", v.ok);
  need(typeof v.expectFailure === "boolean", where, "expectFailure must be a boolean", v.expectFailure);
  return v as unknown as DerivationPayload;
}
