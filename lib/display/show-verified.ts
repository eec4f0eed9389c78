import { Derivation } from "../derive/derive";
import { DerivationFailedError, failureMessage } from "../derive/failure";
import type { DerivationResult } from "../derive/types";
import { showDerivation } from "./show-derivation";

/**
 * Verifies a derivation, shows it step by step (✓/✗ and the deciding tier), and
 * stops the notebook if it does not hold: the cell fails with an error naming the
 * step and its expression, so a notebook run never goes past a wrong step.
 * With `expectFailure` (for teaching what a rejection looks like) the failing step
 * is shown as "⊘ rejected as expected", and the error is thrown when every step
 * passes instead.
 *
 * @param derivation a derivation built with `derive(…)`, verified here (its spec travels
 *        in the output's JSON); an already verified result is accepted too, but its
 *        JSON then has no domain, so tests and `npm run mutants` cannot rebuild it
 * @param opts       expectFailure: the derivation contains a deliberately wrong step
 * @throws TypeError when derivation is neither
 * @throws DerivationFailedError naming the derivation, the failing step number, its
 *         expression and the counterexample; or, with expectFailure, saying that no
 *         step was rejected
 */
export function showVerified(derivation: Derivation | DerivationResult, opts: { expectFailure?: boolean } = {}): void {
  const isDerivation = derivation instanceof Derivation;
  if (!isDerivation && !Array.isArray((derivation as DerivationResult | undefined)?.steps)) {
    throw new TypeError(
      `showVerified: derivation must be a derivation built with derive(…) (or a verified result), got ${derivation === null ? "null" : typeof derivation}`,
    );
  }
  if (isDerivation) for (const part of derivation.parts) showVerified(part);
  const result = isDerivation ? derivation.verify() : derivation;
  const expectFailure = opts.expectFailure === true;
  showDerivation(result, { expectFailure, ...(isDerivation ? { spec: derivation.spec } : {}) });
  const message = failureMessage(result);
  if (!expectFailure && message !== null) throw new DerivationFailedError(result, message);
  if (expectFailure && message === null) {
    throw new DerivationFailedError(
      result,
      `derivation "${result.title}": a wrong step was expected to be rejected, but every step passed`,
    );
  }
}
