import { formatPoint } from "./compare";
import { readableExpression } from "./readable";
import type { DerivationResult, StepResult } from "./types";

/**
 * Thrown when a derivation that must hold has a step the verifier rejected (or, with
 * `expectFailure`, when none was). The message is {@link failureMessage} (one line per
 * failure); `result` carries the verifier's result.
 *
 * Its `stack` is two short lines, not a JavaScript stack trace: the first line of the
 * message, then one "at" line naming the step, its rule and the derivation, e.g.
 *
 *     DerivationFailedError: derivation "σ′": step 2 failed: "e^(x)" is not equal to …
 *         at step 2 (algebra) of derivation "σ′"
 *
 * A notebook kernel prints an error's stack (tslab: `console.error(error)`, i.e.
 * `util.inspect`); a rejected step is the reader's mistake, not a bug of the kit, so the
 * cell ends with the verdict above it and this, not ~45 lines of kernel frames and the
 * whole result. The "at" line keeps the shape "error line, stack line" by which the
 * pipeline recognises an error on stderr (lib/notebook/errors.ts). The stack ignores
 * being assigned (Node's vm prepends the source line of the throw to it otherwise), and
 * `result` is not enumerable, so `util.inspect` does not print it.
 */
export class DerivationFailedError extends Error {
  declare readonly result: DerivationResult;

  /**
   * @param result the verifier's result the message describes
   * @param message what failed ({@link failureMessage}, or the expected-failure message)
   */
  constructor(result: DerivationResult, message: string) {
    super(message);
    Object.defineProperty(this, "name", {
      value: "DerivationFailedError",
      enumerable: false,
      writable: true,
      configurable: true,
    });
    Object.defineProperty(this, "result", { value: result, enumerable: false, writable: false, configurable: true });
    const short = shortStack(result, message);
    Object.defineProperty(this, "stack", {
      get: () => short,
      set: () => {},
      enumerable: false,
      configurable: true,
    });
  }
}

/**
 * The two-line stack of a {@link DerivationFailedError}: "DerivationFailedError: " and the
 * message's first line, then "    at step N (rule) of derivation "title"" for the first
 * rejected step (or "the closing check"), or "    at derivation "title"" when no step was
 * rejected (an expected failure that did not happen).
 */
function shortStack(result: DerivationResult, message: string): string {
  const steps = Array.isArray(result?.steps) ? result.steps : [];
  const failed = steps.find((s) => !s.ok) ?? (result?.final && !result.final.ok ? result.final : undefined);
  const title = `derivation "${result?.title ?? ""}"`;
  const where =
    failed === undefined
      ? title
      : `${failed === result.final ? "the closing check" : `step ${failed.index}`}${failed.rule && failed !== result.final ? ` (${failed.rule})` : ""} of ${title}`;
  const first = message.split("\n")[0];
  return `DerivationFailedError: ${first}\n    at ${where}`;
}

/**
 * Describes what failed in a verified derivation, in one line per failure: the
 * derivation, the step (number and rule), its expression as the learner wrote it, what it
 * had to equal (the previous line as written; a derivative in readable form, see
 * {@link readableExpression}), the counterexample point with both values, and the slip
 * that explains the step when the verifier found one (its id, message and the right step).
 * A step left undecided by its time bound says so, with the reason ("could not decide within 5 s: …").
 *
 * @param result a verifier result
 * @returns the description, or null when every step (and the closing check) passed
 */
export function failureMessage(result: DerivationResult): string | null {
  const failed = [...result.steps, ...(result.final ? [result.final] : [])].filter((s) => !s.ok);
  if (failed.length === 0) return null;
  return failed.map((s) => `derivation "${result.title}": ${describeStep(result, s, result.final === s)}`).join("\n");
}

function describeStep(result: DerivationResult, s: StepResult, isFinal: boolean): string {
  // the learner's lines as written; what the kit computed (a derivative, a slip's right step) readable
  const quote = (text: string) => `"${readableExpression(text)}"`;
  const asWritten = (text: string) => `"${text}"`;
  const previous = result.steps[s.index - 1];
  let what: string;
  let must: string;
  if (isFinal) {
    what = "the closing check (last step against mathjs derivative())";
    const f = result.steps[0];
    must = `mathjs derivative() of the given function${f ? ` ${asWritten(f.expr)}` : ""} (that is ${quote(s.against)})`;
  } else {
    what = `step ${s.index}${s.rule ? ` (${s.rule})` : ""}`;
    const prev = previous ? ` ${asWritten(previous.expr)}` : "";
    must =
      s.kind === "differentiate"
        ? `the derivative of the previous expression${prev} (that is ${quote(s.against)})`
        : `the previous expression${prev || ` ${quote(s.against)}`}`;
  }
  // a step left undecided by its time bound is not called wrong: it says what was not decided, and why
  if (s.undecided)
    return `${what} undecided: ${asWritten(s.expr)} was not shown equal to ${must}: ${s.undecided.reason}`;
  const ce = s.counterexample;
  const at = ce
    ? `: at ${formatPoint(ce.point)} it is ${ce.actual}, but ${ce.expected} was expected${ce.reason ? ` (${ce.reason})` : ""}`
    : "";
  const d = s.diagnosis;
  const slip =
    d && !isFinal
      ? `; the slip (${d.id}): ${d.message.replace(/\.$/, "")}${d.expected ? `; the step should be ${quote(d.expected)}` : ""}`
      : "";
  return `${what} failed: ${asWritten(s.expr)} is not equal to ${must}${at}${slip}`;
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
