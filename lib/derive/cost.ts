/**
 * The expected cost of one decimal.js call at a high precision, so that the verifier does not
 * start a call it cannot finish within the step's time bound (deadline.ts): a call cannot be
 * interrupted once started, and some take seconds (atan and asin at 1000 digits, about 2 s
 * each on a loaded 2-core machine; a non-integer power 0.3 s; ln 0.2 s).
 *
 * Model: a call of function f at P digits costs about c_f · (P / 1000)³ milliseconds
 * (decimal.js's series for atan, ln, exp need O(P) terms of O(P²) multiplications at this
 * size; measured from 240 to 1000 digits the growth is P^3 to P^3.3). c_f starts from a
 * prior measured on the development machine and is replaced by what this process observes:
 * after each call above {@link COST_FROM} digits, c_f becomes the observed time scaled to
 * 1000 digits (the largest of the last observation and a quarter of the prior, so one fast
 * call on a small argument does not make the model reckless).
 */
import { checkAffordable, clockMs } from "./deadline";

/** Below this precision a call is cheap (under a millisecond) and is neither checked nor timed. */
export const COST_FROM = 100;

/** Milliseconds of CPU at 1000 digits, measured on the development machine (2 cores, loaded). */
const PRIOR_MS_AT_1000: Readonly<Record<string, number>> = {
  atan: 2000,
  asin: 1800,
  acos: 1800,
  asinh: 160,
  acosh: 160,
  atanh: 160,
  log: 180,
  log10: 180,
  log2: 180,
  log1p: 180,
  pow: 270,
  exp: 70,
  expm1: 70,
  // σ and softplus evaluated without overflow (cancellation.ts): an exponential, and for softplus a log too
  _logistic: 70,
  _softplus: 250,
  tanh: 70,
  sinh: 70,
  cosh: 70,
  sech: 70,
  csch: 70,
  coth: 140,
  sin: 100,
  cos: 100,
  tan: 200,
  sec: 100,
  csc: 100,
  cot: 200,
};

const learned = new Map<string, number>();
/** Forgets the costs observed, back to the priors (process-state.ts). */
export function forgetCosts(): void {
  learned.clear();
}

/** The expected milliseconds of one call of `name` at `digits` digits (0 for a cheap operation). */
export function expectedMs(name: string, digits: number): number {
  const prior = PRIOR_MS_AT_1000[name];
  if (prior === undefined || digits < COST_FROM) return 0;
  return (learned.get(name) ?? prior) * (digits / 1000) ** 3;
}

/**
 * Runs one decimal.js call of `name` at `digits` digits if it is expected to end within the
 * step's time bound, and learns its cost.
 *
 * @param name   the function (atan, log, pow, …); others are run without a check
 * @param digits the precision of the call
 * @param phase  what the call is, in words, for the reason of an "undecided" verdict
 * @param call   the call
 * @returns what `call` returns
 * @throws StepUndecided (deadline.ts) when the call is expected to take longer than the time left
 */
export function affordable<T>(name: string, digits: number, phase: () => string, call: () => T): T {
  const expected = expectedMs(name, digits);
  if (expected === 0) return call();
  checkAffordable(expected, phase);
  const t0 = clockMs();
  const out = call();
  const ms = clockMs() - t0;
  const prior = PRIOR_MS_AT_1000[name];
  learned.set(name, Math.max(ms / (digits / 1000) ** 3, prior / 4));
  return out;
}

/**
 * The expected milliseconds of evaluating a whole expression at `digits` digits, from the
 * time one evaluation took at `from` digits (mathjs evaluates expressions the verifier has no
 * plan for, such as asin or conditionals, in one call): the same cubic growth.
 */
export function scaledMs(msAt: number, from: number, digits: number): number {
  return msAt * Math.max(1, digits / from) ** 3;
}
