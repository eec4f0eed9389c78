/**
 * A small scalar reverse-mode automatic differentiation (notebook 10): values that record
 * the operations applied to them, backward in reverse topological order, the local
 * derivative rules each operation uses, and the computation graph as data.
 */
export { Value, topologicalOrder, type NodeKind, type ValueLike } from "./value";
export { LOCAL_RULES, type LocalRule, type Operation } from "./local-derivatives";
export { computationGraph, type GraphNode } from "./graph";
