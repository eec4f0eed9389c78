import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { PLOTLY_ASSET_PATH } from "../display/plotly-loader";
import { plotlyBundle } from "../site/bundles/write-assets";

/**
 * Puts plotly.js where a Jupyter server serves it to chart outputs that have no
 * plotly renderer (see lib/display/plotly-loader): the minified build of
 * plotly's basic partial bundle (`plotlyBundle`: scatter, bar, pie; the site ships a smaller one) at
 * `<dataDir>/nbextensions/stepwise-plotly/plotly.min.js`, beside a VERSION file
 * holding plotly.js's version. Does nothing when that version is already there.
 * `dataDir` must be a folder on JUPYTER_PATH (the project's jupyter/), which the
 * classic Notebook serves at `<base_url>nbextensions/`.
 *
 * @param dataDir a Jupyter data folder, e.g. "<project>/jupyter"
 * @returns the file's path and whether it was (re)written
 * @throws Error naming the folder when it cannot be written, or when plotly.js-dist is not installed
 */
export function installPlotlyAsset(dataDir: string): { file: string; written: boolean } {
  const file = path.join(dataDir, ...PLOTLY_ASSET_PATH);
  const stamp = path.join(path.dirname(file), "VERSION");
  const version = String((require("plotly.js-dist/package.json") as { version: unknown }).version);
  if (existsSync(file) && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === version)
    return { file, written: false };
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, plotlyBundle().code);
    renameSync(tmp, file);
    writeFileSync(stamp, `${version}\n`);
  } catch (err) {
    throw new Error(`cannot write plotly.js to ${path.dirname(file)}: ${(err as Error).message}`);
  }
  return { file, written: true };
}
