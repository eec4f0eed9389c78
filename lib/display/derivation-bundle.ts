import type { DerivationResult } from "../derive/types";
import { derivationHtml } from "./derivation-html";
import { derivationMarkdown } from "./derivation-markdown";
import { derivationText } from "./derivation-text";
import { derivationView } from "./derivation-view";
import type { MimeBundle } from "./types";

/** Options of {@link derivationBundle} and `showDerivation`. */
export interface DerivationDisplayOptions {
  /**
   * The derivation contains a wrong step on purpose (teaching what the verifier
   * catches): failing steps are shown as "⊘ rejected as expected" and no ✗ appears;
   * if every step passes, that is the failure, shown with ✗. Default false.
   */
  expectFailure?: boolean;
}

/**
 * The MIME bundle of a verified derivation, without sending it: text/html,
 * text/markdown and text/plain renderings of the same content. Per row: the
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
 * @param opts expectFailure
 * @returns `{ "text/html", "text/markdown", "text/plain" }`
 * @throws TypeError when result has no steps array
 */
export function derivationBundle(result: DerivationResult, opts: DerivationDisplayOptions = {}): MimeBundle {
  const view = derivationView(result, opts.expectFailure === true);
  return {
    "text/html": derivationHtml(view),
    "text/markdown": derivationMarkdown(view),
    "text/plain": derivationText(view),
  };
}
