import type { DerivationResult } from "../derive/types";
import { derivationBundle, type DerivationDisplayOptions } from "./derivation-bundle";
import { sendBundle } from "./send";

/**
 * Shows a verified derivation in the notebook, step by step with ✓/✗ marks and
 * typeset math (see `derivationBundle` for the content); outside a kernel it
 * prints the plain-text form.
 *
 * @param result the verifier's result (lib/derive/types.ts)
 * @param opts `{ expectFailure: true }` for a derivation with a wrong step shown on purpose
 * @throws TypeError when result has no steps array
 */
export function showDerivation(result: DerivationResult, opts: DerivationDisplayOptions = {}): void {
  sendBundle(derivationBundle(result, opts));
}
