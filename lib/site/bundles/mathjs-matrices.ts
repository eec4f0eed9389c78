import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { Plugin } from "esbuild";

/**
 * The files of mathjs's ES build (lib/esm/…) that the page's verifier carries only because the
 * factories it needs name them as dependencies for their matrix signatures (`divide` of two
 * matrices calls `inv`, `add` of a sparse matrix builds one, …): the matrix classes, the
 * matrix functions and the element-wise algorithms. The verifier never holds a matrix: its
 * expressions cannot write one (lib/derive/expression.ts refuses array, index and accessor
 * syntax and strings), its functions make none (none of these is a function the verifier knows,
 * lib/derive/math-functions.ts's VERIFIER_FUNCTIONS), and lib/derive calls none of them. So no
 * call reaches them, and the bundle carries each as a stub with the same factory name (so that
 * mathjs builds the same instance, every dependency met) that throws when called.
 * test/unit/site/mathjs-matrices.test.ts checks the page's verifier with them gives the
 * same verdicts, hints, previews and derivations as the kit in Node.
 */
export const MATRIX_FILES: readonly string[] = [
  "type/matrix/DenseMatrix.js",
  "type/matrix/SparseMatrix.js",
  "type/matrix/function/matrix.js",
  "function/matrix/concat.js",
  "function/matrix/det.js",
  "function/matrix/dot.js",
  "function/matrix/identity.js",
  "function/matrix/inv.js",
  "function/matrix/size.js",
  "function/matrix/subset.js",
  "function/matrix/zeros.js",
  ...[
    "01xDSid",
    "02xDS0",
    "03xDSf",
    "04xSidSid",
    "05xSfSf",
    "06xS0S0",
    "07xSSf",
    "10xSids",
    "11xS0s",
    "12xSfs",
    "13xDD",
    "14xDs",
  ].map((a) => `type/matrix/utils/matAlgo${a}.js`),
];

/**
 * The stub of one of {@link MATRIX_FILES}: a module exporting the file's factory (same export
 * name, same mathjs name, the class flag of a class) whose value throws an Error naming it when
 * called or constructed, and has no dependencies.
 *
 * @param file the file's path (its text is read for its factory's names)
 * @returns the module's source (an ES module importing mathjs's utils/factory.js)
 * @throws Error naming the file when it does not declare one factory in mathjs's way
 *   (`var name = '…'` and `export var create… = factory(`): mathjs changed, check the list
 */
export function matrixStub(file: string): string {
  const text = readFileSync(file, "utf8");
  const name = /^var name = '([\w$]+)';$/m.exec(text)?.[1];
  const exported = [...text.matchAll(/^export var (create[\w$]+) = \/\* #__PURE__ \*\/\s*factory\(/gm)].map(
    (m) => m[1],
  );
  if (!name || exported.length !== 1)
    throw new Error(`mathjs-matrices: ${file} does not declare one mathjs factory (name ${name}, exports ${exported})`);
  const isClass = /\bisClass: true\b/.test(text);
  const esm = file.slice(0, file.lastIndexOf(`${path.sep}lib${path.sep}esm${path.sep}`) + 9);
  const factoryFile = path.join(esm, "utils", "factory.js").split(path.sep).join("/");
  const message = JSON.stringify(`assets/verifier.js has no matrices: mathjs's ${name} was called`);
  const value = isClass
    ? `function ${name}() { throw new Error(${message}); }\n  ${name}.prototype.type = ${JSON.stringify(name)};\n  ${name}.prototype.is${name} = true;\n  ${name}.prototype.isMatrix = true;\n  return ${name};`
    : `return function ${name}() { throw new Error(${message}); };`;
  return `import { factory } from ${JSON.stringify(factoryFile)};
export var ${exported[0]} = /* #__PURE__ */ factory(${JSON.stringify(name)}, [], function () {
  ${value}
}${isClass ? ", { isClass: true }" : ""});
`;
}

/**
 * The esbuild plugin that loads each of {@link MATRIX_FILES} of mathjs's ES build as its
 * {@link matrixStub}: about 10 KiB gzip less in assets/verifier.js.
 *
 * @returns the plugin, named "stepwise-mathjs-matrices"
 * @throws Error (when the bundle builds) as {@link matrixStub}
 */
export function mathjsMatricesPlugin(): Plugin {
  const files = new Set(MATRIX_FILES.map((f) => path.join("mathjs", "lib", "esm", ...f.split("/"))));
  return {
    name: "stepwise-mathjs-matrices",
    setup(build) {
      build.onLoad({ filter: /[\\/]mathjs[\\/]lib[\\/]esm[\\/].*\.js$/ }, (args) => {
        const at = args.path.lastIndexOf(`${path.sep}mathjs${path.sep}`);
        if (!files.has(args.path.slice(at + 1))) return undefined;
        return { contents: matrixStub(args.path), loader: "js", resolveDir: path.dirname(args.path) };
      });
    },
  };
}
