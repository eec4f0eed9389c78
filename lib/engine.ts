/**
 * stepwise/engine: everything behind the notebook API of "stepwise", for tools, tests
 * and advanced notebooks: the verifier's parts (domains, comparison, TeX, mutants and
 * the mutation harness), the input checks, chart internals, display bundles and sinks,
 * the output types and their readers.
 */
export * from "./functions";
export * from "./check";
export * from "./derive";
export { mutateExpression } from "./derive/mutate";
export { runMutationTest, type MutationReport, type MutationMiss } from "./derive/mutation-test";
export * from "./charts";
export * from "./display";
export * from "./models";
export * from "./outputs";
