/**
 * A small model built on the derivatives of the tutorials: logistic regression
 * ŷ = σ(w·x + b) trained by full-batch gradient descent on the mean binary
 * cross-entropy, with seeded synthetic data, gradient checking and accuracy.
 */
export type { Dataset, LogisticRegressionParameters } from "./types";
export { makeBlobs, type MakeBlobsOptions } from "./make-blobs";
export {
  logits,
  logisticRegressionLoss,
  logisticRegressionGradient,
  type LogisticRegressionGradient,
} from "./logistic-regression";
export { logisticRegressionGradientCheck, type ParameterGradientCheck } from "./gradient-check";
export { accuracy, predictClasses } from "./accuracy";
export { quantile } from "./quantile";
export {
  trainLogisticRegression,
  type TrainLogisticRegressionOptions,
  type TrainingRecord,
  type TrainingResult,
  type SigmoidSlopeSummary,
} from "./train";
export { makeMoons, type MakeMoonsOptions } from "./make-moons";
export {
  initNetwork,
  networkForward,
  networkGradient,
  networkLoss,
  networkPredict,
  networkAccuracy,
  type Activation,
  type Network,
  type NetworkGradient,
  type ForwardPass,
} from "./network";
export {
  networkGradientCheck,
  trainNetwork,
  type NetworkParameterCheck,
  type NetworkTrainingRecord,
  type TrainNetworkOptions,
} from "./network-train";
