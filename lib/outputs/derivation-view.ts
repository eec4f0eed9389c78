/**
 * The format-independent view of a verified derivation: per row a mark and
 * plain strings, and a summary. The HTML, Markdown and text renderers only lay
 * this out, so all three say the same thing. It lives beside the payload, below
 * lib/display and lib/site, which both lay it out.
 */
import type { StepResult } from "../derive/types";
import type { Certificate } from "../derive/types";
import type { DerivationPayload } from "./derivation-payload";
import { distinctValues, shortValue } from "./counterexample-values";
import { conditionTex, exprTex, numberTex, type TexNames } from "./derivation-tex";

/**
 * What a row's glyph means. "failed" (✗) is used only for a real, unexpected
 * failure; "rejected" (⊘) for a failure the caller expected (a wrong step shown
 * on purpose); "undecided" (⊘, with its own words and colour) for a step the verifier
 * could not decide within its time bound: neither ✓ nor ✗; "given" (•) for the
 * starting function, which is not checked.
 */
export type StepMark = "given" | "ok" | "failed" | "rejected" | "undecided";

/** The glyph of each mark: ✓ U+2713, ✗ U+2717, ⊘ U+2298, • U+2022. */
export const MARK_GLYPHS: Readonly<Record<StepMark, string>> = {
  given: "•",
  ok: "✓",
  failed: "✗",
  rejected: "⊘",
  undecided: "⊘",
};

/** Words shown next to (or as a tooltip of) each glyph. */
export const MARK_WORDS: Readonly<Record<StepMark, string>> = {
  given: "given",
  ok: "verified",
  failed: "failed",
  rejected: "rejected as expected",
  undecided: "undecided",
};

/** One displayed row: a step of the derivation or the final check. */
export interface DerivationRowView {
  mark: StepMark;
  /** "given", "step 3" or "final check". */
  label: string;
  /** What the row does: "rewrite" or "differentiate"; "" for the given function and the final check. */
  action: string;
  rule: string;
  note: string;
  /**
   * The row as one TeX equation: "lhs = tex" (e.g. "g(x) = \\frac{1}{1+e^{-x}}"), or
   * "= tex" for a rewrite, which continues the line above; "" when the step has no TeX.
   */
  math: string;
  /** The row's expression in mathjs syntax. */
  expr: string;
  /**
   * The left-hand side as TeX ("g(x)", "g'(x)"), "" for a rewrite, which continues the
   * chain with "=": a layout aligns the rows on that "=" (lhs right of it, rhs left).
   */
  lhs: string;
  /** The right-hand side (the step's expression) as TeX; "" when the step has no TeX. */
  rhs: string;
  /** "proved", "sampled: 64 points, 60 digits", or "" for the given function. */
  tier: string;
  /** What the row was compared with (mathjs syntax), shown for failures and the final check; else "". */
  against: string;
  /** {@link against} as TeX (lib/derive's printer); "" when against is "". */
  againstTex: string;
  /**
   * For a failure: "x = 0.5, t = 1" and both values as decimal strings (all the verifier's
   * digits), and the same as TeX with each value shortened to the digits that tell them apart.
   */
  counterexample?: {
    point: string;
    expected: string;
    actual: string;
    pointTex: string;
    expectedTex: string;
    actualTex: string;
  };
  /**
   * For a failure a known slip explains: the slip's id, the mistake in words, the right step
   * (mathjs syntax and TeX), the other slips' ids.
   */
  /** A diagnosed slip: `messageTex` is the message with its expressions as `$…$` TeX (the plain message when the payload has none). */
  diagnosis?: {
    id: string;
    message: string;
    messageTex: string;
    expected: string;
    expectedTex: string;
    others: string[];
  };
  /** For a proved step: both sides' normal forms and the side conditions the domain guarantees, as TeX. */
  certificate?: CertificateView;
  /** For an undecided step (mark "undecided"): why, e.g. "could not decide within 5 s: sampling …". */
  undecided?: string;
}

/** A certificate (lib/derive/types.ts) as TeX, for a reader who opens it. */
export interface CertificateView {
  /** The step's normal form ("" when {@link CertificateView.omitted}). */
  actual: string;
  /** The normal form of what it must equal ("" when {@link CertificateView.omitted}). */
  expected: string;
  /**
   * Present when the two forms together are longer than {@link CERTIFICATE_SHOWN_CHARS} characters
   * of mathjs text: their length. They stay in the JSON payload; typeset, they would make a
   * notebook's output several times larger than everything else in it.
   */
  omitted?: number;
  /** How the forms were compared, in words. */
  method: string;
  /** The side conditions, each as TeX. */
  conditions: string[];
  /** The pieces of a split domain (abs, max, min): each piece's condition as TeX and its certificate. */
  cases: { where: string; certificate: CertificateView }[];
}

/** The whole view: title, rows in order, and the summary line (glyph and text). */
export interface DerivationView {
  title: string;
  /** True when the derivation was shown as a deliberate mistake (see `expectFailure`). */
  expectFailure: boolean;
  rows: DerivationRowView[];
  /**
   * The summary line: glyph, text (naming a failed step's expression in mathjs syntax), and
   * brief, the same without the expression (for layouts that show the step typeset above it).
   */
  summary: { mark: StepMark; text: string; brief: string };
}

/**
 * Builds the view of a derivation from its payload (what display writes as
 * `application/vnd.stepwise.derivation+json`, and what the site reads back).
 * With `payload.expectFailure` (a wrong step shown on purpose) failing rows are
 * marked "rejected" (⊘), and a derivation with no failure is itself the failure
 * ("expected a rejection, but every step passed").
 *
 * A verifier result is turned into its payload first, with `derivationPayload(result, { expectFailure })`.
 *
 * @param payload the derivation payload (./derivation-payload.ts)
 * @returns the view
 * @throws TypeError when the payload has no verdicts array
 */
export function derivationView(payload: DerivationPayload): DerivationView {
  if (!Array.isArray(payload?.verdicts)) {
    throw new TypeError(`derivationView: payload.verdicts must be an array, got ${typeof payload?.verdicts}`);
  }
  const result = {
    title: payload.spec?.title ?? "",
    ok: payload.ok,
    samples: payload.samples,
    precision: payload.precision,
    steps: payload.verdicts,
    final: payload.final,
  };
  const names: TexNames = payload.spec?.texNames ?? {};
  const expected = payload.expectFailure === true;
  const fail: StepMark = expected ? "rejected" : "failed";
  const tierOf = (s: StepResult): string =>
    s.tier === null
      ? ""
      : s.tier === "sampled"
        ? `sampled: ${result.samples} points, ${result.precision} digits`
        : s.tier;
  const row = (s: StepResult, label: string, action: string, isFinal: boolean): DerivationRowView => ({
    mark: s.ok ? (s.kind === "given" && !isFinal ? "given" : "ok") : s.undecided ? "undecided" : fail,
    label,
    action,
    rule: s.rule ?? "",
    note: [s.note ?? "", s.ruleCheck?.note ?? ""].filter(Boolean).join(" "),
    math: s.tex ? (s.lhs ? `${s.lhs} = ${s.tex}` : `= ${s.tex}`) : "",
    expr: s.expr ?? "",
    lhs: s.tex ? (s.lhs ?? "") : "",
    rhs: s.tex ?? "",
    tier: tierOf(s),
    against: !s.ok || isFinal ? (s.against ?? "") : "",
    againstTex: (!s.ok || isFinal) && s.against ? exprTex(s.against, names) : "",
    ...(s.ok || !s.counterexample ? {} : { counterexample: counterexampleView(s.counterexample, names) }),
    ...(s.certificate ? { certificate: certificateView(s.certificate, names) } : {}),
    ...(!s.ok && s.undecided ? { undecided: s.undecided.reason } : {}),
    ...(s.ok || !s.diagnosis
      ? {}
      : {
          diagnosis: {
            id: s.diagnosis.id,
            message: s.diagnosis.message,
            messageTex: s.diagnosis.messageTex ?? s.diagnosis.message.replace(/\$/g, "\\$"),
            expected: s.diagnosis.expected,
            expectedTex: exprTex(s.diagnosis.expected, names),
            others: s.diagnosis.others.map((o) => o.id),
          },
        }),
  });
  const actionOf = (s: StepResult): string =>
    s.kind === "given" ? "" : s.kind === "rewrite" ? "rewrite" : "differentiate";
  const rows = result.steps.map((s) => row(s, s.kind === "given" ? "given" : `step ${s.index}`, actionOf(s), false));
  if (result.final) {
    const f = result.final;
    rows.push(row(f, "final check", f.rule ? "" : "last step against mathjs's derivative of the given function", true));
  }
  return { title: result.title ?? "", expectFailure: expected, rows, summary: summarise(result, expected) };
}

/**
 * A counterexample as text (every digit) and as TeX (values shortened until they differ).
 *
 * @param c the verdict's counterexample: the point and both values, as decimal strings
 * @param names TeX names of the variables (the spec's texNames)
 * @returns { point, expected, actual } as text and { pointTex, expectedTex, actualTex } as TeX
 */
export function counterexampleView(
  c: NonNullable<StepResult["counterexample"]>,
  names: TexNames,
): NonNullable<DerivationRowView["counterexample"]> {
  const [actual, expected] = distinctValues(c.actual, c.expected);
  return {
    point: Object.entries(c.point)
      .map(([k, v]) => `${k} = ${v}`)
      .join(", "),
    expected: c.expected,
    actual: c.actual,
    pointTex: Object.entries(c.point)
      .map(([k, v]) => `${exprTex(k, names)} = ${numberTex(shortValue(v))}`)
      .join(",\\; "),
    expectedTex: numberTex(expected),
    actualTex: numberTex(actual),
  };
}

/** The longest pair of normal forms (mathjs text, both together) a displayed certificate typesets. */
export const CERTIFICATE_SHOWN_CHARS = 400;

/** A certificate with every expression and condition as TeX; forms longer than {@link CERTIFICATE_SHOWN_CHARS} are left out. */
function certificateView(c: Certificate, names: TexNames): CertificateView {
  const length = c.actual.length + c.expected.length;
  const shown = length <= CERTIFICATE_SHOWN_CHARS;
  return {
    actual: shown ? exprTex(c.actual, names) : "",
    expected: shown ? exprTex(c.expected, names) : "",
    ...(shown ? {} : { omitted: length }),
    method: c.method,
    conditions: c.conditions.map((k) => conditionTex(k, names)),
    cases: (c.cases ?? []).map((k) => ({
      where: conditionTex(k.where, names),
      certificate: certificateView(k.certificate, names),
    })),
  };
}

/** The summary line: glyph, text and brief (see {@link DerivationView}). */
function summarise(
  result: { ok: boolean; steps: StepResult[]; final?: StepResult },
  expectFailure: boolean,
): DerivationView["summary"] {
  const checked = result.steps.filter((s) => s.kind !== "given").length;
  const firstFailed = result.steps.find((s) => !s.ok);
  const finalFailed = result.final && !result.final.ok ? result.final : undefined;
  const failed = !result.ok || firstFailed !== undefined || finalFailed !== undefined;
  const same = (mark: StepMark, text: string) => ({ mark, text, brief: text });
  if (!failed) {
    if (expectFailure) return same("failed", "expected a rejection, but every step passed");
    const final = result.final ? ", and the final check passed" : "";
    return same("ok", `all ${checked} step${checked === 1 ? "" : "s"} verified${final}`);
  }
  const what = firstFailed
    ? `step ${firstFailed.index}: ${firstFailed.expr}`
    : finalFailed
      ? `the final check: ${finalFailed.expr} is not the derivative`
      : "the derivation";
  const whatBrief = firstFailed ? `step ${firstFailed.index}` : finalFailed ? "the final check" : "the derivation";
  const undecided = firstFailed?.undecided ?? (firstFailed ? undefined : finalFailed?.undecided);
  if (undecided) {
    const who = firstFailed ? `step ${firstFailed.index}` : "the final check";
    return {
      mark: "undecided",
      text: `${who} undecided: ${undecided.reason}${firstFailed ? ` (${firstFailed.expr})` : ""}`,
      brief: `${who} undecided: ${undecided.reason}`,
    };
  }
  if (expectFailure) {
    return {
      mark: "rejected",
      text: `rejected as expected: the verifier caught ${what}`,
      brief: `rejected as expected: the verifier caught ${whatBrief}`,
    };
  }
  if (firstFailed) {
    return {
      mark: "failed",
      text: `step ${firstFailed.index} failed: ${firstFailed.expr}`,
      brief: `step ${firstFailed.index} failed`,
    };
  }
  if (finalFailed) {
    return {
      mark: "failed",
      text: `final check failed: ${finalFailed.expr} is not the derivative`,
      brief: "final check failed: the last step is not the derivative",
    };
  }
  return same("failed", "the derivation was not verified");
}
