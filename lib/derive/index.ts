export { derive, Derivation, type DeriveHead } from "./derive";
export { verifyDerivation, verifyStep, stepChecker, type VerifyOptions } from "./verify";
export { compare, expectation, formatPoint, PRECISION, TOLERANCE, ABSOLUTE_FLOOR, type Verdict } from "./compare";
export { parseDomain, samplePoints, type Domain, type DomainSpec } from "./domain";
export { toTex, DEFAULT_TEX_NAMES } from "./tex";
export { BUILTIN_DEFINITIONS } from "./expression";
export type { DerivationSpec, StepSpec } from "./spec";
export type * from "./types";
export { assertVerified, failureMessage, DerivationFailedError } from "./failure";
