/**
 * Loading ESM-only packages (shiki 3, ansi_up 6, entities) from this CommonJS-compiled
 * code: tsc rewrites `import()` into `require()`, so the call is built with the
 * Function constructor, which keeps a real dynamic import.
 */
const dynamicImport = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<unknown>;

/**
 * Imports an ES module by specifier, resolved from this project's node_modules.
 *
 * @param specifier a package name such as "shiki"
 * @returns the module namespace
 * @throws Error (rejection) when the package is not installed
 */
export function importEsm<T>(specifier: string): Promise<T> {
  return dynamicImport(specifier) as Promise<T>;
}
