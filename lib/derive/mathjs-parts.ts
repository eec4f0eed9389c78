/**
 * mathjs's `create` and its factory maps (`parseDependencies`, `expDependencies`, …),
 * loaded module by module in Node. `require("mathjs")` builds mathjs's whole default
 * instance while it loads (every function of every type: about 0.4 s of CPU), and a
 * kernel pays that on its first `import … from "stepwise"`, although lib/derive never
 * uses that instance; these modules of mathjs's CommonJS build only define factories.
 * The page's verifier bundle uses mathjs-parts.browser.ts instead (named imports from
 * "mathjs", which esbuild tree-shakes), swapped in by lib/site/try/verifier-bundle.ts.
 * mathjs is pinned (package.json); test/unit/derive/mathjs-parts.test.ts checks that
 * every map loaded here is the one mathjs itself exports.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { ConfigOptions, FactoryFunctionMap, MathJsInstance } from "mathjs";

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
  const usual = path.join(DIR, `dependencies${UPPERCASE[name] ?? name.charAt(0).toUpperCase() + name.slice(1)}.generated.js`);
  const load = (file: string | undefined) => (file && existsSync(file) ? (require(file) as Record<string, FactoryFunctionMap>)[key] : undefined);
  const indexed = () => exportIndex().get(key);
  const map = load(usual) ?? load(indexed() && path.join(DIR, indexed()!));
  if (!map) throw new Error(`mathjs-parts: mathjs has no factory for ${JSON.stringify(name)} (no module of ${DIR} exports ${key})`);
  return map;
}

/**
 * mathjs's `create`: a new instance from factory maps.
 *
 * @param factories `{ nameDependencies: map, … }`
 * @param config mathjs configuration, e.g. `{ number: "BigNumber", precision: 60 }`
 * @returns the instance
 */
export const create: (factories: Record<string, FactoryFunctionMap>, config?: ConfigOptions) => MathJsInstance = require(path.join(CJS, "core", "create.js")).create;
