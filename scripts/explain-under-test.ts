/**
 * explain() and its self-check as a learner's notebook runs them, for the benches that time them:
 * the compiled package (dist/, what `import { explain } from "stepwise"` loads), not lib/'s
 * TypeScript through tsx. tsx's esbuild transform keeps function names by wrapping every function
 * and closure it creates in a `__name()` call (an Object.defineProperty each time a closure is made),
 * which the compiled package does not pay; lib/ is compiled first when dist/ is not up to date with it
 * (scripts/tsc.mjs skips a build whose sources are unchanged).
 */
import type * as Explain from "../lib/derive/explain/explain";
import { compileLibSync } from "../lib/pipeline/compile-lib";

compileLibSync();
const compiled = require("../dist/derive/explain/explain.js") as typeof Explain;

/** explainSteps of the compiled package (lib/derive/explain/explain.ts). */
export const explainSteps: typeof Explain.explainSteps = compiled.explainSteps;
/** selfCheck of the compiled package (lib/derive/explain/explain.ts). */
export const selfCheck: typeof Explain.selfCheck = compiled.selfCheck;
