/**
 * stepwise: what a notebook author imports (`import { … } from "stepwise"`).
 *
 * - numeric functions: the sigmoid, binary and categorical cross-entropy (from
 *   probabilities and from logits) and their derivatives, softmax and its Jacobian,
 *   finite differences and gradient checks; numerically stable
 * - derivations: `derive(…)` to write one step by step, `explain(…)` for the kit's own,
 *   `showVerified` to check and show it
 * - charts: plotly figures as plain `{ data, layout }`, shown with `showFigure`
 * - tables: `showTable`
 * - the logistic regression of notebook 06: data, loss, gradient, training, accuracy
 * - the one-hidden-layer network of notebook 09 and the autodiff `Value` of notebook 10
 *
 * The engine behind them (the verifier's parts, the argument checks, display sinks,
 * MIME bundles, payload readers, the pipeline's helpers) is importable from
 * "stepwise/engine".
 */
export {
  sigmoid,
  sigmoidDerivative,
  logSigmoid,
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  binaryCrossEntropyDerivative,
  binaryCrossEntropyGradientLogit,
  softmax,
  softmaxJacobian,
  categoricalCrossEntropy,
  categoricalCrossEntropyWithLogits,
  categoricalCrossEntropyGradient,
  centralDifference,
  gradientCheck,
  type GradientCheckRow,
} from "./functions";
export { derive, type Derivation, type DeriveHead, type DerivationResult, type StepResult } from "./derive";
export { explain, type ExplainHead, type ExplainStrategy } from "./derive/explain";
export { hint } from "./derive/hint";
export {
  plotFunctions,
  plotLossCurves,
  plotErrorVsStep,
  plotTrainingLoss,
  plotDecisionBoundary,
  plotSigmoidSlopeHistory,
  plotDecisionRegions,
  plotComputationGraph,
  type Figure,
  type NamedFunction,
  type PlotFunctionsOptions,
  type LossFunctions,
  type StepErrorSeries,
  type BoundaryLine,
} from "./charts";
export { showVerified, showDerivation, showFigure, showTable, type Table } from "./display";
export {
  makeBlobs,
  logisticRegressionLoss,
  logisticRegressionGradient,
  logisticRegressionGradientCheck,
  trainLogisticRegression,
  accuracy,
  predictClasses,
  type Dataset,
  makeMoons,
  initNetwork,
  networkGradient,
  networkPredict,
  networkGradientCheck,
  trainNetwork,
  type Network,
} from "./models";
export { Value, LOCAL_RULES } from "./autodiff";
