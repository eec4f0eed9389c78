/**
 * The browser's mathjs-parts (see mathjs-parts.ts, which Node uses): the verifier's mathjs
 * factories themselves (`createParse`, `createExp`, …, re-exported by
 * mathjs-page-factories.ts), not their `…Dependencies` maps, so that esbuild keeps only
 * these. The maps would bring mathjs's Unit type too (SymbolNode's map lists it for its
 * optional `?Unit`), which the verifier never uses: mathjs-parts.ts's LEFT_OUT.
 * package.json's "browser" field swaps this file in for mathjs-parts when
 * lib/site/try/verifier-bundle.ts bundles the verifier. The set is exactly Node's
 * `factories(VERIFIER_FACTORIES)` (test/unit/derive/mathjs-parts.test.ts).
 */
import {
  type ConfigOptions,
  type FactoryFunction,
  type FactoryFunctionMap,
  type MathJsInstance,
  create as mathCreate,
} from "mathjs";
import * as PAGE from "./mathjs-page-factories";

/** Factory name (`createParse`, …) → factory: every factory this bundle carries. */
const FACTORIES: Readonly<Record<string, FactoryFunction<unknown>>> = Object.fromEntries(
  Object.entries(PAGE as Record<string, unknown>).filter(([k]) => k.startsWith("create")) as [
    string,
    FactoryFunction<unknown>,
  ][],
);

/** The mathjs names (`fn` of each factory: "parse", "exp", "E", "SymbolNode", …) this bundle has factories for. */
const NAMES: ReadonlySet<string> = new Set(Object.values(FACTORIES).map((f) => (f as unknown as { fn: string }).fn));

/**
 * The factories of the page's verifier, for `create`. The bundle carries one set, made for
 * math-functions.ts's VERIFIER_FACTORIES, and returns all of it for any names it covers.
 *
 * @param names mathjs names ("parse", "exp", "pi", "E", …)
 * @returns factory name (`createParse`, …) → factory
 * @throws Error naming the first name this bundle has no factory for
 */
export function factories(names: readonly string[]): Record<string, FactoryFunction<unknown>> {
  const missing = names.find((n) => !NAMES.has(n));
  if (missing !== undefined)
    throw new Error(`mathjs-parts.browser: the page's verifier has no mathjs factory for ${JSON.stringify(missing)}`);
  return { ...FACTORIES };
}

/** mathjs's `create`. */
export const create = mathCreate as (
  factories: Record<string, FactoryFunction<unknown> | FactoryFunctionMap>,
  config?: ConfigOptions,
) => MathJsInstance;
