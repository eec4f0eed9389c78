import * as path from "node:path";
import type { Plugin } from "esbuild";

/**
 * The icons of plotly.js's src/fonts/ploticon.js (the mode bar's SVG paths) that the site's
 * plotly.js leaves out: those no module of plotly's src/ refers to (undo, camera-retro,
 * plotlylogo, disk, pencil), and those only the mode bar buttons of 3-D scenes show
 * (orbitRotation, tableRotation, resetCameraLastSave3d), which plotly adds only to a figure
 * with a gl3d subplot, a type the site's bundle does not register (plotly-bundle.ts's
 * SITE_PLOTLY_MODULES). test/unit/site/plotly-icons.test.ts checks both against plotly's
 * source. A button whose icon is missing would get plotly's own fallback (`Icons.question`,
 * modebar.js), never an error.
 */
export const PLOTLY_ICONS_LEFT_OUT: readonly string[] = [
  "undo",
  "camera-retro",
  "plotlylogo",
  "disk",
  "pencil",
  "3d_rotate",
  "z-axis",
  "movie",
];

/**
 * plotly.js's mode bar icons without {@link PLOTLY_ICONS_LEFT_OUT}, as the text of a CommonJS
 * module: the object of ploticon.js, its other icons exactly as they are.
 *
 * @param plotlyRoot the folder plotly.js resolves from (its node_modules' parent)
 * @returns the module's source
 * @throws Error when plotly.js's ploticon.js cannot be loaded, or names an icon of
 *   PLOTLY_ICONS_LEFT_OUT no more (plotly changed: the list must be checked again)
 */
export function sitePlotIcons(plotlyRoot: string): string {
  const file = require.resolve("plotly.js/src/fonts/ploticon.js", { paths: [plotlyRoot] });
  const icons = require(file) as Record<string, unknown>;
  const gone = PLOTLY_ICONS_LEFT_OUT.filter((name) => !(name in icons));
  if (gone.length > 0)
    throw new Error(`plotly.js's ${path.basename(file)} has no icon ${gone.join(", ")}: check PLOTLY_ICONS_LEFT_OUT`);
  const kept = Object.fromEntries(Object.entries(icons).filter(([name]) => !PLOTLY_ICONS_LEFT_OUT.includes(name)));
  return `"use strict";\nmodule.exports = ${JSON.stringify(kept)};\n`;
}

/**
 * The esbuild plugin that loads plotly.js's src/fonts/ploticon.js as {@link sitePlotIcons}:
 * about 2 KiB gzip less in the site's plotly.js. It must come before any other plugin that
 * loads plotly's source files (plotly-descriptions.ts), since esbuild takes the first.
 *
 * @param plotlyRoot the folder plotly.js resolves from (its node_modules' parent)
 * @returns the plugin, named "stepwise-plotly-icons"
 * @throws Error (when the bundle builds) as {@link sitePlotIcons}
 */
export function plotlyIconsPlugin(plotlyRoot: string): Plugin {
  return {
    name: "stepwise-plotly-icons",
    setup(build) {
      build.onLoad({ filter: /[\\/]plotly\.js[\\/]src[\\/]fonts[\\/]ploticon\.js$/ }, () => ({
        contents: sitePlotIcons(plotlyRoot),
        loader: "js",
      }));
    },
  };
}
