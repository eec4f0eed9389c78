import * as path from "node:path";
import { browserSource } from "./browser-bundles";
import { cachedBundleAsync } from "./bundle-cache";
import { compactBundle } from "./compact-bundle";
import { PLOTLY_D3_KEY, plotlyD3Plugin } from "./plotly-d3";
import { plotlyDescriptionsPlugin, withoutDescriptions } from "./plotly-descriptions";
import { GL_MAT4_USED, plotlyGlMat4Plugin } from "./plotly-gl-mat4";
import { plotlyIconsPlugin, sitePlotIcons } from "./plotly-icons";

/**
 * The trace types and components the site's plotly.js registers: lib/charts draws only
 * scatter traces (lines and markers, on linear and log axes) with a legend, hover labels
 * and the mode bar (and shapes, which the legend needs). A figure that uses another trace type gets plotly's own error; one
 * that uses another component (annotations, shapes, sliders, …) is drawn without it.
 */
export const SITE_PLOTLY_MODULES: readonly string[] = [
  // plotly's own order: the legend's defaults read the shapes', hover's read the legend's
  "src/traces/scatter",
  "src/components/shapes",
  "src/components/legend",
  "src/components/fx",
  "src/components/modebar",
  "src/locale-en",
  "src/locale-en-us",
];

/**
 * The methods of plotly's plot API (src/plot_api/index.js) the site's plotly.js leaves out:
 * checking a figure against plotly's schema (`validate`) and making or checking a template
 * (`makeTemplate`, `validateTemplate`). The site draws only the figures lib/charts writes,
 * and nothing in plotly calls these; they bring plotly's schema walker (about 3 KiB gzip).
 */
export const PLOTLY_API_LEFT_OUT: readonly string[] = ["validate", "makeTemplate", "validateTemplate"];

// What plotly.js's own src/core.js does (the plot API, Plots.resize, its stylesheet), with only the modules above
// registered. The API is src/plot_api/index.js's without PLOTLY_API_LEFT_OUT: its plot_api.js methods, the image
// export the mode bar's camera button calls, and deleteActiveShape.
const ENTRY = `
var Registry = require("plotly.js/src/registry");
var main = require("plotly.js/src/plot_api/plot_api");
var plotApi = {};
Object.keys(main).forEach(function (name) { plotApi[name] = main[name]; });
plotApi.toImage = require("plotly.js/src/plot_api/to_image");
plotApi.downloadImage = require("plotly.js/src/snapshot/download");
var eraseActiveShape = require("plotly.js/src/components/shapes/draw").eraseActiveShape;
var getGraphDiv = require("plotly.js/src/lib/dom").getGraphDiv;
plotApi.deleteActiveShape = function (gd) { return eraseActiveShape(getGraphDiv(gd)); };
require("plotly.js/build/plotcss");
var Plotly = { version: require("plotly.js/src/version").version, register: Registry.register };
Object.keys(plotApi).forEach(function (name) {
  if (name.charAt(0) !== "_") Plotly[name] = plotApi[name];
  Registry.register({ moduleType: "apiMethod", name: name, fn: plotApi[name] });
});
Registry.register([${SITE_PLOTLY_MODULES.map((m) => `require("plotly.js/${m}")`).join(", ")}]);
var Plots = require("plotly.js/src/plots/plots");
Plotly.Plots = { resize: Plots.resize, graphJson: Plots.graphJson };
window.Plotly = Plotly;
`;

let built: Promise<string> | undefined;

/**
 * plotly.js for the site (assets/plotly.min.js): a bundle built by esbuild from the
 * plotly.js package's own modules (its documented way to a custom bundle: the core plus
 * the trace modules one needs), with {@link SITE_PLOTLY_MODULES} registered, culori (its
 * colour library) in the few colour spaces plotly's colour module uses (plotly-colors.ts,
 * about 18 KiB gzip less), and without the attributes' `description` texts, as plotly's own
 * minified bundles (plotly-descriptions.ts, about 32 KiB gzip less), and without the plot API's schema
 * validation and templates ({@link PLOTLY_API_LEFT_OUT}, about 3 KiB gzip less), and without the parts of d3
 * no plotly module calls (plotly-d3.ts, about 18 KiB gzip less), with the two functions of gl-mat4 it calls (plotly-gl-mat4.ts, 3 KiB
 * gzip less), without the mode bar icons of 3-D scenes and those nothing shows (plotly-icons.ts, about 2 KiB gzip less), then compacted by terser (`compactBundle`, about 13 KiB gzip less); about 247 KiB gzip,
 * against 389 KiB for plotly's smallest partial bundle (basic: scatter, bar, pie) and 1.4 MiB
 * for the whole plotly.js. Built once per process.
 *
 * @param cacheDir where to keep the bundle between builds (`cachedBundleAsync`); undefined: built once per process
 * @returns the minified script text, which sets `window.Plotly`
 * @throws Error when plotly.js or esbuild is not installed, or with esbuild's message
 */
export function sitePlotlyBundle(cacheDir?: string): Promise<string> {
  if (built !== undefined) return built;
  built = buildPlotly(cacheDir);
  // a failed build is not kept: the next call tries again
  built.catch(() => {
    built = undefined;
  });
  return built;
}

async function buildPlotly(cacheDir: string | undefined): Promise<string> {
  const root = path.dirname(path.dirname(require.resolve("plotly.js/package.json")));
  const version = (require("plotly.js/package.json") as { version: string }).version;
  const text = await cachedBundleAsync(
    "plotly",
    {
      stdin: { contents: ENTRY, resolveDir: root, sourcefile: "stepwise-plotly.js", loader: "js" },
      bundle: true,
      minify: true,
      format: "iife",
      platform: "browser",
      target: "es2018",
      write: false,
      legalComments: "none",
      logLevel: "silent",
      // as plotly.js's own build: `global` is the window; CSS files required by modules the site leaves out are dropped
      define: { global: "window", "define.amd": "false" },
      loader: { ".css": "empty" },
      // culori (a name and its subpaths) → plotly-colors.ts, which takes culori/fn under a name of its own
      alias: {
        culori: browserSource("site/bundles/plotly-colors.ts"),
        "culori-fn": require.resolve("culori/fn", { paths: [root] }),
      },
      absWorkingDir: root,
      // the icons first: esbuild loads a file with the first plugin that loads it
      plugins: [plotlyIconsPlugin(root), plotlyDescriptionsPlugin(), plotlyD3Plugin(), plotlyGlMat4Plugin(root)],
    },
    cacheDir,
    String(withoutDescriptions) +
      PLOTLY_D3_KEY +
      PLOTLY_API_LEFT_OUT.join() +
      GL_MAT4_USED.join() +
      String(sitePlotIcons),
  );
  return `/* plotly.js v${version} (MIT), for the stepwise site: ${SITE_PLOTLY_MODULES.map((m) => path.posix.basename(m)).join(", ")} */\n${compactBundle("plotly", text, cacheDir)}`;
}
