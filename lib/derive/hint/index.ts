/** Hints: the next rule and the next step of a derivation (next-step.ts). */
export { hint, nextStep, ruleInWords, type NextStep } from "./next-step";
