/**
 * Numeric functions of stepwise: the sigmoid family, binary and categorical
 * cross-entropy (from probabilities and from logits) with their derivatives,
 * softmax and its Jacobian, and the input checks they share.
 */
export { sigmoid, sigmoidDerivative, logSigmoid } from "./sigmoid";
export {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  binaryCrossEntropyDerivative,
  binaryCrossEntropyGradientLogit,
} from "./binary-cross-entropy";
export {
  softmax,
  categoricalCrossEntropy,
  categoricalCrossEntropyWithLogits,
  categoricalCrossEntropyGradient,
  softmaxJacobian,
} from "./softmax";
export {
  PROBABILITY_SUM_TOLERANCE,
  describeValue,
  checkNumber,
  checkFinite,
  checkUnitInterval,
  checkEpsilon,
  checkArray,
  checkVector,
  checkSameLength,
  checkDistribution,
} from "./check";
export { centralDifference, centralDifferenceStep, gradientCheck, type GradientCheckRow } from "./gradient-check";
