/**
 * mathjs's `create` and its factory maps (`parseDependencies`, `expDependencies`, …),
 * loaded module by module in Node. `require("mathjs")` builds mathjs's whole default
 * instance while it loads (every function of every type: about 0.4 s of CPU), and a
 * kernel pays that on its first `import … from "stepwise"`, although lib/derive never
 * uses that instance; these modules of mathjs's CommonJS build only define factories.
 * `factories` turns the maps into the set of factories an instance is made of, leaving
 * out mathjs's Unit type (LEFT_OUT). The page's verifier bundle uses
 * mathjs-parts.browser.ts instead (the same factories as named imports from "mathjs",
 * which esbuild tree-shakes), swapped in by lib/site/try/verifier-bundle.ts.
 * mathjs is pinned (package.json); test/unit/derive/mathjs-parts.test.ts checks that
 * every map loaded here is the one mathjs itself exports, and that the page's factories
 * are the ones `factories` gives here.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { ConfigOptions, FactoryFunction, FactoryFunctionMap, MathJsInstance } from "mathjs";

const CJS = path.join(path.dirname(require.resolve("mathjs/package.json")), "lib", "cjs");
const DIR = path.join(CJS, "entry", "dependenciesAny");

/** File names of the factory maps whose names differ from their function's only in case. */
const UPPERCASE: Record<string, string> = { E: "UppercaseE", PI: "UppercasePi" };

let index: Map<string, string> | undefined;

/** Export name → file of every factory-map module (read once, without loading any). */
function exportIndex(): Map<string, string> {
  if (!index) {
    index = new Map();
    for (const file of readdirSync(DIR)) {
      const m = /exports\.(\w+Dependencies) =/.exec(readFileSync(path.join(DIR, file), "utf8"));
      if (m) index.set(m[1], file);
    }
  }
  return index;
}

/**
 * The factory map of one mathjs function, constant or type, e.g. `dependencies("exp")`
 * is mathjs's `expDependencies`.
 *
 * @param name a mathjs name ("parse", "exp", "pi", "E", "BigNumber", …)
 * @returns its `…Dependencies` map, for `create`
 * @throws Error naming the function when mathjs has no such factory
 */
export function dependencies(name: string): FactoryFunctionMap {
  const key = `${name}Dependencies`;
  // the usual file name first; the index of every module's export when that is not it
  const usual = path.join(
    DIR,
    `dependencies${UPPERCASE[name] ?? name.charAt(0).toUpperCase() + name.slice(1)}.generated.js`,
  );
  const load = (file: string | undefined) =>
    file && existsSync(file) ? (require(file) as Record<string, FactoryFunctionMap>)[key] : undefined;
  const indexed = () => exportIndex().get(key);
  const map = load(usual) ?? load(indexed() && path.join(DIR, indexed()!));
  if (!map)
    throw new Error(
      `mathjs-parts: mathjs has no factory for ${JSON.stringify(name)} (no module of ${DIR} exports ${key})`,
    );
  return map;
}

/**
 * The optional dependencies {@link factories} does not follow: mathjs's Unit type, which
 * SymbolNode takes when it is there (`?Unit`) to read an undefined name such as `cm` as a
 * unit. The verifier never meets one (it refuses a variable without a declared domain
 * before anything is evaluated), and Unit with what only it needs (format, fix, floor,
 * ceil, isNumeric) is about 13 KiB gzip of the page's verifier (199 → 186 KiB).
 */
export const LEFT_OUT: ReadonlySet<string> = new Set(["Unit"]);

/** mathjs's test for a factory (utils/factory.js's isFactory): a function with `fn` and `dependencies`. */
function isFactory(v: unknown): v is FactoryFunction<unknown> & { fn: string; dependencies: string[] } {
  return (
    typeof v === "function" &&
    typeof (v as { fn?: unknown }).fn === "string" &&
    Array.isArray((v as { dependencies?: unknown }).dependencies)
  );
}

/**
 * The factories an instance of these mathjs names is made of: each name's own factory and,
 * transitively, those of its dependencies, as their `…Dependencies` maps list them, except
 * an optional dependency in {@link LEFT_OUT} (and what only it needs). The result is what
 * mathjs's `create` takes; mathjs-parts.browser.ts carries the same set for the page
 * (test/unit/derive/mathjs-parts.test.ts compares them).
 *
 * @param names mathjs names ("parse", "exp", "pi", "E", …), as for {@link dependencies}
 * @returns factory name (`createParse`, `createSymbolNode`, …) → factory
 * @throws Error naming the function when mathjs has no factory for a name, or when a
 *   factory needs a name of LEFT_OUT without which it cannot work (not `?Unit` but `Unit`)
 */
export function factories(names: readonly string[]): Record<string, FactoryFunction<unknown>> {
  const byName = new Map<string, string[]>(); // a factory's `fn` → the keys (createX) that make it
  const all = new Map<string, FactoryFunction<unknown> & { fn: string; dependencies: string[] }>();
  const roots: string[] = [];
  const collect = (map: FactoryFunctionMap, root: boolean): void => {
    for (const [key, value] of Object.entries(map as Record<string, unknown>)) {
      if (isFactory(value)) {
        if (root) roots.push(key);
        if (!all.has(key)) byName.set(value.fn, [...(byName.get(value.fn) ?? []), key]);
        all.set(key, value);
      } else collect(value as FactoryFunctionMap, false);
    }
  };
  for (const name of names) collect(dependencies(name), true);
  const out: Record<string, FactoryFunction<unknown>> = {};
  const add = (key: string): void => {
    if (key in out) return;
    const f = all.get(key)!;
    out[key] = f;
    for (const dep of f.dependencies) {
      const name = dep.replace(/^\?/, "");
      if (LEFT_OUT.has(name)) {
        if (!dep.startsWith("?"))
          throw new Error(
            `mathjs-parts: ${key} needs ${name} (dependency "${dep}"), which the verifier leaves out; only an optional "?${name}" can be`,
          );
        continue;
      }
      // names no map lists (math, config, on, …) are ones `create` provides itself
      for (const k of byName.get(name) ?? []) add(k);
    }
  };
  for (const key of roots) add(key);
  return out;
}

/**
 * mathjs's `create`: a new instance from factory maps.
 *
 * @param factories `{ nameDependencies: map, … }` or `{ createName: factory, … }` ({@link factories})
 * @param config mathjs configuration, e.g. `{ number: "BigNumber", precision: 60 }`
 * @returns the instance
 */
export const create: (
  factories: Record<string, FactoryFunction<unknown> | FactoryFunctionMap>,
  config?: ConfigOptions,
) => MathJsInstance = require(path.join(CJS, "core", "create.js")).create;
