/**
 * Thrown when the verifier contradicts itself: the exact tier proved two sides equal
 * but a sample point shows them different. It is a bug of the verifier, never of the
 * derivation, so nothing catches it (the mutation test re-throws it too).
 */
export class VerifierInternalError extends Error {
  constructor(message: string) {
    super(`stepwise internal error (please report): ${message}`);
    this.name = "VerifierInternalError";
  }
}
