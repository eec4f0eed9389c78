import { checkOptions } from "../args/check-args";
/**
 * Shapes and checks shared by the training charts (plotTrainingLoss,
 * plotSigmoidSlopeHistory, plotDecisionBoundary): the records `trainLogisticRegression`
 * returns, but any objects with these fields will do.
 */
import type { ChartSample } from "./types";

/** The loss after `epoch` gradient steps, in nats. */
export interface LossRecord {
  epoch: number;
  loss: number;
}

/** Summary of σ′(zᵢ) over the training examples after `epoch` gradient steps. */
export interface SigmoidSlopeRecord {
  epoch: number;
  sigmoidSlope: { mean: number; p10: number; median: number; p90: number };
}

/** Titles of the training charts; every field has a default. */
export interface PlotTrainingOptions {
  title?: string;
}


/** Checks the options of a training chart (only a title). */
export function checkTrainingOptions(fn: string, opts: unknown): void {
  checkOptions(fn, "opts", opts, { title: { kind: "string", optional: true } });
}

/** Checks a non-empty history with finite epochs, then each record with `each`. */
export function checkHistory<R extends { epoch: number }>(fn: string, history: R[], each: (r: R, i: number) => void): R[] {
  if (!Array.isArray(history) || history.length === 0) {
    throw new TypeError(`${fn}: history must be a non-empty array of records, got ${JSON.stringify(history)}`);
  }
  history.forEach((r, i) => {
    checkField(fn, r?.epoch, `history[${i}].epoch`);
    each(r, i);
  });
  return history;
}

export function checkField(fn: string, value: unknown, name: string): void {
  if (typeof value !== "number" || Number.isNaN(value)) throw new TypeError(`${fn}: ${name} must be a number, got ${String(value)}`);
}

export function finite(v: number): ChartSample {
  return Number.isFinite(v) ? v : null;
}
