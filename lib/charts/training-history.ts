/**
 * Shapes shared by the training charts (plotTrainingLoss,
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

/** A chart sample: the value when finite, else null (a gap in the line). */
export function finite(v: number): ChartSample {
  return Number.isFinite(v) ? v : null;
}
