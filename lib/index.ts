/**
 * stepwise: derive the sigmoid and cross-entropy derivatives one step at a time,
 * verify every step by machine, and show the result in tslab notebooks.
 *
 * - functions: sigmoid, binary and categorical cross-entropy, their gradients (numerically stable)
 * - derive: write a derivation as steps and verify each one (symbolic, then 60-digit numeric)
 * - derivations: the derivations the tutorials show
 * - charts: plotly figures as plain data
 * - display: show derivations, figures and tables in a tslab notebook
 * - models: the logistic regression of notebook 06 (data, gradient, training)
 */
export * from "./functions";
export * from "./derive";
export * from "./derivations";
export * from "./charts";
export * from "./display";
export * from "./models";
