import { formatPoint } from "./compare";
import type { DerivationResult, StepResult } from "./types";

/** Thrown when a derivation that must hold has a step the verifier rejected. */
export class DerivationFailedError extends Error {
  constructor(
    readonly result: DerivationResult,
    message: string,
  ) {
    super(message);
    this.name = "DerivationFailedError";
  }
}

/**
 * Describes what failed in a verified derivation, in one line per failure: the
 * derivation, the step number, its expression, what it had to equal, and the
 * counterexample point with both values.
 *
 * @param result a verifier result
 * @returns the description, or null when every step (and the closing check) passed
 */
export function failureMessage(result: DerivationResult): string | null {
  const failed = [...result.steps, ...(result.final ? [result.final] : [])].filter((s) => !s.ok);
  if (failed.length === 0) return null;
  return failed.map((s) => `derivation "${result.title}": ${describeStep(s, result.final === s)}`).join("\n");
}

function describeStep(s: StepResult, isFinal: boolean): string {
  const what = isFinal ? "the closing check (last step against mathjs derivative())" : `step ${s.index}`;
  const must =
    s.kind === "differentiate" && !isFinal
      ? "the derivative of the previous expression"
      : isFinal
        ? "mathjs derivative() of the given function"
        : "the previous expression";
  const ce = s.counterexample;
  const at = ce
    ? `: at ${formatPoint(ce.point)} it is ${ce.actual}, but ${ce.expected} was expected${ce.reason ? ` (${ce.reason})` : ""}`
    : "";
  return `${what} failed: "${s.expr}" is not equal to ${must} ("${s.against}")${at}`;
}

/**
 * Throws unless every step of a derivation passed.
 *
 * @param result a verifier result
 * @returns the same result, for chaining
 * @throws DerivationFailedError whose message is {@link failureMessage}
 */
export function assertVerified(result: DerivationResult): DerivationResult {
  const message = failureMessage(result);
  if (message !== null) throw new DerivationFailedError(result, message);
  return result;
}
