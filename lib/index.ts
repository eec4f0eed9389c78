/**
 * stepwise: derive the sigmoid and cross-entropy derivatives one step at a time,
 * verify every step by machine, and show the result in tslab notebooks.
 *
 * - functions: sigmoid, binary and categorical cross-entropy, their gradients (numerically stable)
 * - derive: write a derivation as steps and verify each one (symbolic, then 50-digit numeric)
 * - derivations: the derivations the tutorials show
 */
export * from "./functions";
export * from "./derive";
export * from "./derivations";
