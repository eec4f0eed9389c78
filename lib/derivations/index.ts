import type { Derivation } from "../derive/derive";
import { binaryCrossEntropyDerivative, crossEntropyFirstTerm, crossEntropySecondTerm } from "./binary-cross-entropy";
import { sigmoidByChainRule, sigmoidOuterDerivative } from "./sigmoid-chain-rule";
import { sigmoidByQuotientRule, sigmoidDenominatorDerivative, sigmoidNumeratorDerivative } from "./sigmoid-quotient-rule";
import { sigmoidCrossEntropyGradient, stableLogitsCrossEntropy } from "./sigmoid-with-cross-entropy";

export { simplifySigmoidDerivative } from "./sigmoid-simplification";

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
} satisfies Record<string, () => Derivation>;

/** The name of a derivation in {@link derivations}. */
export type DerivationName = keyof typeof derivations;
