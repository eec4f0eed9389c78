import * as path from "node:path";
import type { Plugin } from "esbuild";

/**
 * The functions of gl-mat4 (4×4 matrices) plotly.js calls outside its WebGL traces: src/lib/dom.js
 * multiplies the page's CSS transforms (`multiply`) and src/lib/matrix.js inverts the result
 * (`invert`), so that hover and drag positions stay right on a scaled page. gl-mat4's index
 * requires all 30 of its functions; test/unit/site/plotly-gl-mat4.test.ts checks that plotly's
 * src/ calls no other through `require('gl-mat4')`.
 */
export const GL_MAT4_USED: readonly string[] = ["multiply", "invert"];

/**
 * The esbuild plugin that resolves `gl-mat4` (the package itself, not a file of it) to a module
 * exporting only {@link GL_MAT4_USED}, each from gl-mat4's own file: about 3 KiB gzip less in the
 * site's plotly.js.
 *
 * @param plotlyRoot the folder plotly.js resolves its packages from (its node_modules' parent)
 * @returns the plugin, named "stepwise-plotly-gl-mat4"
 * @throws Error (when the bundle builds) when gl-mat4 cannot be resolved from `plotlyRoot`
 */
export function plotlyGlMat4Plugin(plotlyRoot: string): Plugin {
  return {
    name: "stepwise-plotly-gl-mat4",
    setup(build) {
      build.onResolve({ filter: /^gl-mat4$/ }, () => ({ path: "gl-mat4", namespace: "stepwise-gl-mat4" }));
      build.onLoad({ filter: /.*/, namespace: "stepwise-gl-mat4" }, () => {
        const dir = path.dirname(require.resolve("gl-mat4/package.json", { paths: [plotlyRoot] }));
        return {
          contents: `module.exports = { ${GL_MAT4_USED.map((f) => `${f}: require(${JSON.stringify(`./${f}`)})`).join(", ")} };`,
          loader: "js",
          resolveDir: dir,
        };
      });
    },
  };
}
