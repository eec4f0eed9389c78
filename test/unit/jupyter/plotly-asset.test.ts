import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { PLOTLY_ASSET_URL } from "../../../lib/display";
import { installPlotlyAsset } from "../../../lib/jupyter";

const s = suite("installPlotlyAsset");
const version = String(require("plotly.js-dist/package.json").version);

s("should write plotly.js where chart outputs load it, with its version, and skip when it is there", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stepwise-asset-"));
  try {
    const first = installPlotlyAsset(dir);
    assert.is(first.written, true);
    assert.is(first.file, path.join(dir, `${PLOTLY_ASSET_URL}.js`));
    const code = readFileSync(first.file, "utf8");
    assert.ok(code.length > 1_000_000, `plotly.js is only ${code.length} characters`);
    assert.match(code, /newPlot/);
    assert.is(readFileSync(path.join(path.dirname(first.file), "VERSION"), "utf8").trim(), version);
    const mtime = statSync(first.file).mtimeMs;
    assert.is(installPlotlyAsset(dir).written, false);
    assert.is(statSync(first.file).mtimeMs, mtime);
    // another version recorded: written again
    writeFileSync(path.join(path.dirname(first.file), "VERSION"), "0.0.1\n");
    assert.is(installPlotlyAsset(dir).written, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

s("should name the folder it cannot write", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "stepwise-asset-"));
  const blocker = path.join(dir, "data");
  writeFileSync(blocker, "a file where a folder must go");
  try {
    assert.throws(
      () => installPlotlyAsset(blocker),
      (e: Error) =>
        e.message.includes(`cannot write plotly.js to ${path.join(blocker, "nbextensions", "stepwise-plotly")}`),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

s.run();
