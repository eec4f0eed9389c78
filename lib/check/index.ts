/**
 * The argument checks of every public function of stepwise, in one place. Each error
 * names the function, the argument (down to the entry or option, e.g. `X[3][1]`,
 * `opts.points`) and what it got, quoted by describeValue; a wrong type is a
 * TypeError, a right type out of range a RangeError.
 *
 * - numbers.ts: numbers, probabilities, ε, number vectors, probability vectors
 * - schema.ts: checkArg / checkOptions, a small schema per argument or option
 * - model-inputs.ts: feature matrix X, labels t, parameters w and b
 * - training-history.ts: the training charts' options and history records
 *
 * This folder imports nothing else from lib/, so every folder may import it.
 */
export { describeValue } from "./describe-value";
export {
  PROBABILITY_SUM_TOLERANCE,
  checkNumber,
  checkFinite,
  checkUnitInterval,
  checkEpsilon,
  checkArray,
  checkVector,
  checkSameLength,
  checkDistribution,
} from "./numbers";
export { checkArg, checkOptions, type ArgCheck, type OptionsSchema } from "./schema";
export { checkFeatures, checkLabels, checkParameters, checkModelInputs } from "./model-inputs";
export { checkTrainingOptions, checkHistory, checkField } from "./training-history";
