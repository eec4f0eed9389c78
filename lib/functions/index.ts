/**
 * Numeric functions of stepwise: the sigmoid family, binary and categorical
 * cross-entropy (from probabilities and from logits) with their derivatives,
 * softmax and its Jacobian, finite differences and gradient checks. Their
 * argument checks live in lib/check.
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
export { centralDifference, centralDifferenceStep, gradientCheck, type GradientCheckRow } from "./gradient-check";
