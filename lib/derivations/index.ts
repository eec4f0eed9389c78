import type { Derivation } from "../derive/derive";
import { binaryCrossEntropyDerivative, crossEntropyFirstTerm, crossEntropySecondTerm } from "./binary-cross-entropy";
import { sigmoidByChainRule, sigmoidOuterDerivative } from "./sigmoid-chain-rule";
import { sigmoidByQuotientRule, sigmoidDenominatorDerivative, sigmoidNumeratorDerivative } from "./sigmoid-quotient-rule";
import { sigmoidCrossEntropyGradient, stableLogitsCrossEntropy } from "./sigmoid-with-cross-entropy";
import { logisticRegressionBiasGradient, logisticRegressionWeightGradient } from "./logistic-regression";
import { categoricalCrossEntropyGradient, softmaxJacobianEntry, twoClassSoftmaxIsSigmoid } from "./softmax-cross-entropy";
import { meanSquaredErrorGradient, softplusDerivative, tanhDerivative } from "./tanh-mse-softplus";

export { simplifySigmoidDerivative } from "./sigmoid-simplification";
export { softmaxJacobianEntry } from "./softmax-cross-entropy";

/**
 * The derivations the tutorials show, by name. Each entry builds a fresh,
 * unverified {@link Derivation}; call `.verify()` on it.
 */
export const derivations = {
  sigmoidNumeratorDerivative,
  sigmoidDenominatorDerivative,
  sigmoidByQuotientRule,
  sigmoidOuterDerivative,
  sigmoidByChainRule,
  crossEntropyFirstTerm,
  crossEntropySecondTerm,
  binaryCrossEntropyDerivative,
  sigmoidCrossEntropyGradient,
  stableLogitsCrossEntropy,
  logisticRegressionWeightGradient,
  logisticRegressionBiasGradient,
  categoricalCrossEntropyGradient,
  twoClassSoftmaxIsSigmoid,
  tanhDerivative,
  meanSquaredErrorGradient,
  softplusDerivative,
} satisfies Record<string, () => Derivation>;

/** The name of a derivation in {@link derivations}. */
export type DerivationName = keyof typeof derivations;

/**
 * Every derivation the tutorials show: the entries of {@link derivations} and the nine
 * entries ∂pᵢ/∂zⱼ of the three-class softmax Jacobian. What `npm run mutants` tests.
 * @returns fresh, unverified derivations
 */
export function allTutorialDerivations(): Derivation[] {
  const jacobian = [1, 2, 3].flatMap((i) => [1, 2, 3].map((j) => softmaxJacobianEntry(i, j)));
  return [...Object.values(derivations).map((make) => make()), ...jacobian];
}
