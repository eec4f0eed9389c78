#!/usr/bin/env node
// npm run bench [-- NOTEBOOKS_DIR]: figures for the static-site pipeline, from one run, no assertions.
//  1. wall time of the execute and render phases of the build that `npm start` runs (dist/pipeline/build.js);
//  2. the same notebooks through `jupyter nbconvert --execute --to html` (one process, JUPYTER_PATH=jupyter/), and the ratio;
//  3. each page's weight, raw and gzip, with every file it loads (recorded in Chromium);
//  4. the time from navigation start until the last chart is drawn (cold cache, loopback server);
//  8. "Try a step" at 390×844: Enter to the verdict of a diagnosed wrong step, CPU throttling off and ×4 (scripts/bench-try-step.mjs);
//  5.–7. JupyterLab (scripts/bench-lab.mjs): nbclient CPU, venv against Debian; `npm run lab` until usable; Run All per tutorial.
// Needs a compiled dist/ (the npm script runs `npm run build` first).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { buildSite, listNotebooks } = require(path.join(root, "dist", "pipeline", "build.js"));
const { serveSite } = require(path.join(root, "dist", "pipeline", "serve.js"));
const { jupyterEnv } = require(path.join(root, "dist", "pipeline", "jupyter-env.js"));
const { chromium } = require("playwright-core");

const arg = process.argv[2];
const fallback = path.join(root, "test", "fixtures", "site");
const dir = arg
  ? path.resolve(arg)
  : existsSync(path.join(root, "notebooks")) &&
      readdirSync(path.join(root, "notebooks")).some((f) => f.endsWith(".ipynb"))
    ? path.join(root, "notebooks")
    : fallback;
const files = listNotebooks(dir);
const work = mkdtempSync(path.join(os.tmpdir(), "stepwise-bench-"));
const out = path.join(work, "site");
const s = (x) => `${x.toFixed(2)} s`;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const rel = (p) => path.relative(process.cwd(), p) || ".";

console.log(
  `stepwise bench: ${files.length} notebooks from ${rel(dir)}/, ${os.availableParallelism?.() ?? os.cpus().length} cores, Node ${process.version}\n`,
);

// 1. the pipeline
const t0 = process.hrtime.bigint();
const result = await buildSite({ notebooksDir: dir, out, title: "bench", cache: false });
const pipelineWall = Number(process.hrtime.bigint() - t0) / 1e9;
console.log("1. stepwise build (npm start without `npm run build`)");
for (const r of result.runs) console.log(`   ${r.file.padEnd(48)} ${s(r.seconds)}`);
console.log(`   execute phase (parallel):  ${s(result.executeSeconds)}`);
console.log(`   render phase:              ${s(result.renderSeconds)}`);
console.log(`   total:                     ${s(pipelineWall)}\n`);

// 2. nbconvert for comparison
const nbOut = path.join(work, "nbconvert");
const converter = (await import("./bench-build.mjs")).nbconvertCommand();
const t1 = process.hrtime.bigint();
const nb = converter
  ? spawnSync(
      converter.command,
      [...converter.args, "--execute", "--to", "html", "--output-dir", nbOut, ...files.map((f) => path.join(dir, f))],
      { env: jupyterEnv(), encoding: "utf8" },
    )
  : { status: null, stderr: "no nbconvert: neither the build's Python nor Debian's jupyter-nbconvert has one" };
const nbWall = Number(process.hrtime.bigint() - t1) / 1e9;
console.log(
  `2. jupyter nbconvert --execute --to html (same notebooks, one process, sequential)${converter ? `: ${converter.label}` : ""}`,
);
if (nb.status !== 0) {
  console.log(`   failed (exit ${nb.status}): ${(nb.stderr ?? "").trim().split("\n").slice(-3).join(" | ")}\n`);
} else {
  console.log(`   wall time:                 ${s(nbWall)}`);
  console.log(
    `   ratio nbconvert / stepwise: ${(nbWall / pipelineWall).toFixed(2)}  (stepwise executes in parallel and renders with KaTeX, shiki)`,
  );
  for (const f of readdirSync(nbOut).sort()) {
    const bytes = readFileSync(path.join(nbOut, f));
    console.log(
      `   ${f.padEnd(48)} ${kb(bytes.length).padStart(12)} raw  ${kb(gzipSync(bytes).length).padStart(12)} gzip (single file, plotly inlined if the notebook charts)`,
    );
  }
  console.log("");
}

await (await import("./bench-build.mjs")).benchBuild(dir); // cold and warm builds, CPU, live preview (issue 13)

// 3 and 4. page weight and time to the last chart, in Chromium
await (await import("./bench-site.mjs")).benchSite({ out, pages: result.pages, serveSite, chromium });
rmSync(work, { recursive: true, force: true });

// 8. "Try a step": Enter to the verdict of a diagnosed wrong step at 390×844, throttling off and ×4 (issue 20)
await (await import("./bench-try-step.mjs")).benchTryStep({ root, serveSite, chromium });

// 5.–7. JupyterLab: nbclient CPU venv vs Debian, npm run lab until usable, Run All per tutorial.
await (await import("./bench-lab.mjs")).benchLab({ root, dir, files });
