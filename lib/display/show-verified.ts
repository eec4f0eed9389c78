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
 * @param derivation a derivation (verified here) or an already verified result
 * @param opts       expectFailure: the derivation contains a deliberately wrong step
 * @throws DerivationFailedError naming the derivation, the failing step number, its
 *         expression and the counterexample; or, with expectFailure, saying that no
 *         step was rejected
 */
export function showVerified(derivation: Derivation | DerivationResult, opts: { expectFailure?: boolean } = {}): void {
  const result = derivation instanceof Derivation ? derivation.verify() : derivation;
  const expectFailure = opts.expectFailure === true;
  showDerivation(result, { expectFailure });
  const message = failureMessage(result);
  if (!expectFailure && message !== null) throw new DerivationFailedError(result, message);
  if (expectFailure && message === null) {
    throw new DerivationFailedError(result, `derivation "${result.title}": a wrong step was expected to be rejected, but every step passed`);
  }
}
