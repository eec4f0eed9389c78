/**
 * Checks of the training charts' inputs (plotTrainingLoss, plotSigmoidSlopeHistory,
 * plotDecisionBoundary): their options and the history records trainLogisticRegression
 * returns (any objects with the fields will do).
 */
import { checkOptions } from "./schema";

/**
 * Checks the options of a training chart (only a title).
 * @throws TypeError naming opts or opts.title when either has the wrong type
 */
export function checkTrainingOptions(fn: string, opts: unknown): void {
  checkOptions(fn, "opts", opts, { title: { kind: "string", optional: true } });
}

/**
 * Checks a non-empty history whose records carry a numeric epoch, then each record with `each`.
 * @param history records in training order, e.g. trainLogisticRegression's history
 * @param each the check of one record's other fields (it throws)
 * @returns the history
 * @throws TypeError when history is not a non-empty array, or a record's epoch is not a number
 */
export function checkHistory<R extends { epoch: number }>(
  fn: string,
  history: R[],
  each: (r: R, i: number) => void,
): R[] {
  if (!Array.isArray(history) || history.length === 0) {
    throw new TypeError(`${fn}: history must be a non-empty array of records, got ${JSON.stringify(history)}`);
  }
  history.forEach((r, i) => {
    checkField(fn, r?.epoch, `history[${i}].epoch`);
    each(r, i);
  });
  return history;
}

/**
 * Checks one numeric field of a history record.
 * @param fn the chart, for the message
 * @param value what the record holds
 * @param name the field as the reader sees it, e.g. "history[3].loss"
 * @throws TypeError when the value is not a number or is NaN
 */
export function checkField(fn: string, value: unknown, name: string): void {
  if (typeof value !== "number" || Number.isNaN(value))
    throw new TypeError(`${fn}: ${name} must be a number, got ${String(value)}`);
}
