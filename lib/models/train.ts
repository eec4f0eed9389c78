import {
  checkFeatures,
  checkFinite,
  checkLabels,
  checkNumber,
  checkOptions,
  checkParameters,
  describeValue,
} from "../check";
import { sigmoidDerivative } from "../functions/sigmoid";
import { unsafeAccuracy } from "./accuracy";
import { unsafeGradient } from "./logistic-regression";
import { quantile } from "./quantile";
import type { Dataset, LogisticRegressionParameters } from "./types";

/** Options of {@link trainLogisticRegression}. */
export interface TrainLogisticRegressionOptions {
  /** Step size η of gradient descent, finite and > 0 (units: parameter per nat-per-parameter). */
  learningRate: number;
  /** Number of full-batch gradient steps, an integer ≥ 0. */
  epochs: number;
  /** Starting parameters; default w = 0 (every weight), b = 0. */
  init?: LogisticRegressionParameters;
}

/** Summary of σ′(zᵢ) over the examples at one epoch: how far from saturation the logits are. */
export interface SigmoidSlopeSummary {
  /** Mean of σ′(zᵢ), in (0, 0.25]. */
  mean: number;
  /** 10th percentile of σ′(zᵢ) (examples whose logits are most saturated). */
  p10: number;
  /** Median of σ′(zᵢ). */
  median: number;
  /** 90th percentile of σ′(zᵢ). */
  p90: number;
}

/** The state of training after `epoch` gradient steps. */
export interface TrainingRecord {
  /** Number of gradient steps taken, 0 (the start) … epochs. */
  epoch: number;
  /** Mean binary cross-entropy on the training data, in nats. */
  loss: number;
  /** Training accuracy, a fraction in [0, 1]. */
  accuracy: number;
  /** σ′ of the training logits (see {@link SigmoidSlopeSummary}). */
  sigmoidSlope: SigmoidSlopeSummary;
}

/** Most epochs one call trains: a bound that keeps a typo such as 1e9 from hanging the kernel. */
export const MAX_EPOCHS = 1_000_000;

/** The trained parameters and the history of training. */
export interface TrainingResult extends LogisticRegressionParameters {
  /** epochs + 1 records: history[k] describes the parameters after k steps. */
  history: TrainingRecord[];
}

/**
 * Trains a logistic regression by full-batch gradient descent on the mean binary
 * cross-entropy: each epoch computes the gradient on all examples
 * ({@link logisticRegressionGradient}: ∂J/∂w = Xᵀ(ŷ − t)/n, ∂J/∂b = mean(ŷ − t))
 * and steps w ← w − η·∂J/∂w, b ← b − η·∂J/∂b. Deterministic: no randomness
 * is involved, so the same data and options give bit-identical results. The loss is
 * convex in (w, b); with η small enough (η ≤ 4/λ_max of the second-moment matrix of
 * the features with a column of ones) it decreases at every step.
 *
 * @param data `{ X, t }`: X n×d finite features, t n labels each 0 or 1 (e.g. from makeBlobs)
 * @param opts learning rate, epochs and optional starting parameters
 * @returns the final `{ w, b }` and `history` (epochs + 1 records, loss measured before
 *   each step and once after the last)
 * @throws TypeError / RangeError naming data.X, data.t, learningRate, epochs, init.w or init.b
 * Source: gradient descent (Cauchy 1847); the gradient of notebook 05 in vectorised form.
 */
export function trainLogisticRegression(data: Dataset, opts: TrainLogisticRegressionOptions): TrainingResult {
  const fn = "trainLogisticRegression";
  if (data === null || typeof data !== "object")
    throw new TypeError(`${fn}: data must be { X, t }, got ${describeValue(data)}`);
  const d = checkFeatures(fn, data.X, "data.");
  checkLabels(fn, data.t, data.X.length, "data.");
  checkOptions(fn, "opts", opts, {
    learningRate: { kind: "number", finite: false },
    epochs: { kind: "number", integer: true, min: 0, max: MAX_EPOCHS },
    init: { kind: "object", optional: true },
  });
  const eta = checkFinite(fn, "learningRate", opts.learningRate);
  if (!(eta > 0)) throw new RangeError(`${fn}: learningRate must be > 0, got ${describeValue(eta)}`);
  const epochs = checkNumber(fn, "epochs", opts.epochs);
  if (!Number.isInteger(epochs) || epochs < 0)
    throw new RangeError(`${fn}: epochs must be an integer ≥ 0, got ${describeValue(epochs)}`);
  const init = opts.init ?? { w: new Array<number>(d).fill(0), b: 0 };
  checkParameters(fn, init?.w, init?.b, d, "init.");

  const { X, t } = data;
  let w = [...init.w];
  let b = init.b;
  const history: TrainingRecord[] = [];
  for (let epoch = 0; ; epoch++) {
    const g = unsafeGradient(w, b, X, t);
    history.push({
      epoch,
      loss: g.loss,
      accuracy: unsafeAccuracy(g.z, t),
      sigmoidSlope: summarise(g.z.map(sigmoidDerivative)),
    });
    if (epoch === epochs) break;
    w = w.map((wj, j) => wj - eta * g.dw[j]);
    b -= eta * g.db;
  }
  return { w, b, history };
}

function summarise(slopes: number[]): SigmoidSlopeSummary {
  const mean = slopes.reduce((s, v) => s + v, 0) / slopes.length;
  return { mean, p10: quantile(slopes, 0.1), median: quantile(slopes, 0.5), p90: quantile(slopes, 0.9) };
}
