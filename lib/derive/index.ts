export { derive, Derivation, type DeriveHead } from "./derive";
export { derivationFromSpec } from "./from-spec";
export { verifyDerivation, verifyStep, stepChecker, type VerifyOptions } from "./verify";
export {
  compare,
  expectation,
  formatPoint,
  PRECISION,
  PRECISION_BOUND,
  PRECISION_LEVELS,
  TOLERANCE,
  GUARD_DIGITS,
  type Verdict,
} from "./compare";
export { VerifierInternalError } from "./internal-error";
export { proveEqual, normalFormText, type ExactOutcome } from "./exact/prove";
export { parseDomain, samplePoints, contentSeed, DEFAULT_SAMPLES, type Domain, type DomainSpec } from "./domain";
export { toTex, DEFAULT_TEX_NAMES } from "./tex";
export { BUILTIN_DEFINITIONS } from "./expression";
export type { DerivationSpec, StepSpec } from "./spec";
export type * from "./types";
export { assertVerified, failureMessage, DerivationFailedError } from "./failure";
