import type { DerivationSpec } from "../derive/spec";
import type { DerivationResult } from "../derive/types";
import { DERIVATION_MIME } from "../outputs/mime-types";
import { derivationHtml } from "../outputs/derivation-html";
import { derivationMarkdown } from "./derivation-markdown";
import { derivationText } from "./derivation-text";
import { derivationPayload } from "../outputs/make-derivation-payload";
import { derivationView } from "../outputs/derivation-view";
import type { JsonValue, MimeBundle } from "./types";

/** Options of {@link derivationBundle} and `showDerivation`. */
export interface DerivationDisplayOptions {
  /**
   * The derivation contains a wrong step on purpose (teaching what the verifier
   * catches): failing steps are shown as "⊘ rejected as expected" and no ✗ appears;
   * if every step passes, that is the failure, shown with ✗. Default false.
   */
  expectFailure?: boolean;
  /** The derivation as written (`derivation.spec`), carried in the JSON payload; without it the payload's spec is read back from the result (no domain). */
  spec?: DerivationSpec;
}

/**
 * The MIME bundle of a verified derivation, without sending it: the derivation
 * as data (`application/vnd.stepwise.derivation+json`, see lib/outputs), and
 * text/html, text/markdown and text/plain renderings of the same content. Per row: the
 * glyph (✓ verified, ✗ failed, ⊘ rejected as expected, • given), the step
 * number, what it does (rewrite or d/dx), the rule, the tier that decided it
 * ("symbolic", or "numeric: N points, D digits"), the note, the step as display
 * math "lhs = tex" from `step.lhs` and `step.tex` ("= tex" for a rewrite, which
 * continues the line above), and for a failure what it was compared with and
 * the counterexample point with both values; the final check (last step
 * against mathjs's derivative) is the last row. Then the summary: "✓ all N steps
 * verified", "✗ step K failed: <expr>", or, with expectFailure, "⊘ rejected as
 * expected: the verifier caught step K: <expr>" / "✗ expected a rejection, but
 * every step passed". Notes, rules and titles are escaped in HTML and Markdown.
 *
 * @param result the verifier's result (lib/derive/types.ts)
 * @param opts expectFailure, spec
 * @returns `{ "application/vnd.stepwise.derivation+json", "text/html", "text/markdown", "text/plain" }`
 * @throws TypeError when result has no steps array
 */
export function derivationBundle(result: DerivationResult, opts: DerivationDisplayOptions = {}): MimeBundle {
  const payload = derivationPayload(result, { spec: opts.spec, expectFailure: opts.expectFailure === true });
  const view = derivationView(payload);
  return {
    [DERIVATION_MIME]: payload as unknown as JsonValue,
    "text/html": derivationHtml(view),
    "text/markdown": derivationMarkdown(view),
    "text/plain": derivationText(view),
  };
}
