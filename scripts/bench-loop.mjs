// The author's loop (issue 23): in `stepwise dev`, from saving a code edit to the reloaded page
// showing its output, with where the time goes. Called from scripts/bench-build.mjs with a running
// dev session (its log lines timestamped) and a Chromium page open on the notebook.
//
// Each of the three edits appends a code cell printing a marker, and is split into:
//   watch      save → dev's "rebuilding …" line (file watch, debounce, reading the notebooks)
//   kernel     the executor until the kernel answered (≈ 0 with a spare kernel ready; waiting for one still starting included)
//   cells      the notebook's code cells and the drain cell, as the executor timed them
//   executor   the rest of the execute phase: the request, the notebook read and written, the cache
//   render     writing the page and the index
//   reload     dev's "rebuilt" line → the page reloaded and showing the marker
// with the CPU seconds of the kernel for the cells and of this process (dev) for the whole edit, and
// the load average: on a shared machine the wall times above follow the load, the CPU times barely.
// and for comparison the same notebook in a kernel started for it (no spare), as `npm start` runs it.
import { readFileSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CHROMIUM_LAUNCH } from "./bench-browser.mjs";

/** Appends a code cell that prints `text` to a notebook file: a code edit, which the execution cache cannot serve. */
export function addCodeCell(file, text) {
  const nb = JSON.parse(readFileSync(file, "utf8"));
  nb.cells.push({
    cell_type: "code",
    metadata: {},
    execution_count: null,
    outputs: [],
    source: `console.log(${JSON.stringify(text)});`,
  });
  writeFileSync(file, JSON.stringify(nb, null, 1));
}

const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f = (x) => x.toFixed(2);

/**
 * Measures three code edits of one notebook in a running dev session and prints the goal line
 * `code-cell edit to reloaded page: N s (median of 3); nbconvert of that notebook: M s` with the
 * breakdown of each edit.
 *
 * @param {object} o
 * @param {{ last(): any }} o.dev the session (startDev)
 * @param {{ line: string, at: bigint }[]} o.lines dev's log lines as printed, with process.hrtime.bigint() times
 * @param {import("playwright-core").Page} o.page a page open on the notebook's page
 * @param {string} o.file the notebook's path (edited in place)
 * @param {() => { wall: number }} o.nbconvert runs nbconvert on the notebook, returns its wall time in seconds
 * @param {(file: string) => Promise<{ seconds: number, timings: { kernel: number, cells: number[] } }>} o.coldRun the notebook in a kernel started for it
 */
export async function benchLoop({ dev, lines, page, file, nbconvert, coldRun }) {
  const rows = [];
  for (let k = 1; k <= 3; k++) {
    // an author reads the page before the next edit: by then the spare kernel the last run started is up
    const waited = process.hrtime.bigint();
    await dev.sparesReady();
    const settle = Number(process.hrtime.bigint() - waited) / 1e9;
    const marker = `live-code-edit-${k}-${Date.now()}`;
    const reloaded = page.waitForEvent("load", { timeout: 120_000 });
    const from = lines.length;
    const t = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    addCodeCell(file, marker);
    try {
      await reloaded;
      await page.waitForFunction((m) => document.body.textContent.includes(m), marker, { timeout: 300_000 });
    } catch (err) {
      throw new Error(
        `edit ${k} of ${file} never showed on the page (${err.message}); dev printed:\n${lines.map((l) => l.line).join("\n")}`,
      );
    }
    const end = process.hrtime.bigint();
    const used = process.cpuUsage(cpu);
    const since = (at) => Number(at - t) / 1e9;
    const mine = lines.slice(from);
    const started = mine.find((l) => l.line.includes("rebuilding"));
    const rebuilt = mine.find((l) => l.line.includes("rebuilt"));
    const build = dev.last();
    const run = build.phases.runs.find((r) => file.endsWith(r.file));
    const cells = run ? sum(run.timings.cells) : Number.NaN;
    const kernel = run ? run.timings.kernel : Number.NaN;
    rows.push({
      total: since(end),
      watch: started ? since(started.at) : Number.NaN,
      kernel,
      spare: run?.timings.spare,
      cells,
      executor: build.phases.execute - kernel - cells,
      render: build.phases.render,
      settle,
      reload: rebuilt ? Number(end - rebuilt.at) / 1e9 : Number.NaN,
      cellsCpu: run?.timings.cellsCpu ?? Number.NaN,
      devCpu: (used.user + used.system) / 1e6,
      load: os.loadavg()[0],
    });
  }
  const one = nbconvert();
  const name = path.basename(file);
  console.log(
    `   code-cell edit to reloaded page: ${f(median(rows.map((r) => r.total)))} s (median of 3); nbconvert of that notebook: ${f(one.wall)} s   (${name}; runs ${rows.map((r) => f(r.total)).join(", ")} s; goal N ≤ 3 s)`,
  );
  console.log(
    "     where each edit's time went (s):  total   watch  kernel   cells executor  render  reload | CPU: cells (kernel)  dev | load  spare (ready after waiting s)",
  );
  for (const [i, r] of rows.entries())
    console.log(
      `     edit ${i + 1}                            ${[r.total, r.watch, r.kernel, r.cells, r.executor, r.render, r.reload].map((x) => f(x).padStart(7)).join(" ")} | ${f(r.cellsCpu).padStart(17)} ${f(r.devCpu).padStart(4)} | ${r.load.toFixed(1).padStart(4)}  ${r.spare ? "yes" : "no"} (${f(r.settle)})`,
    );
  console.log(
    `     (wall times on ${os.cpus().length} cores under the load average shown; CPU: the kernel's for the cells, and this process's (dev: watch, executor client, render, server) for the whole edit)`,
  );
  const cold = await coldRun(file);
  console.log(
    `     the same notebook in a kernel started for it (as npm start runs it): ${f(cold.seconds)} s = kernel start ${f(cold.timings.kernel)} s (Node, tslab, TypeScript's lib parsed) + cells ${f(sum(cold.timings.cells))} s, ${f(cold.timings.cellsCpu ?? Number.NaN)} s of CPU (first cell ${f(cold.timings.cells[0])} s: "stepwise" loaded and its types checked)\n`,
  );
}

// `node scripts/bench-loop.mjs [NOTEBOOK]` (after `npm run build`): this measurement alone, on a copy of
// one notebook (default notebooks/01-sigmoid.ipynb) in a scratch folder of the kit, nbconvert aside.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { cpSync, mkdirSync, mkdtempSync, rmSync } = await import("node:fs");
  const { createRequire } = await import("node:module");
  const { fileURLToPath } = await import("node:url");
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
  const require = createRequire(import.meta.url);
  const { startDev } = require(path.join(root, "dist", "pipeline", "dev.js"));
  const { NotebookExecutor } = require(path.join(root, "dist", "pipeline", "execute-notebook.js"));
  const source = path.resolve(process.argv[2] ?? path.join(root, "notebooks", "01-sigmoid.ipynb"));
  mkdirSync(path.join(root, "test-artifacts"), { recursive: true });
  const work = mkdtempSync(path.join(root, "test-artifacts", "bench-loop-"));
  const file = path.join(work, "notebooks", path.basename(source));
  mkdirSync(path.dirname(file));
  cpSync(source, file);
  const lines = [];
  const dev = await startDev({
    notebooksDir: path.dirname(file),
    out: path.join(work, "site"),
    port: 0,
    libDir: null,
    cacheDir: path.join(work, "cache"),
    log: (line) => lines.push({ line, at: process.hrtime.bigint() }),
  });
  const browser = await require("playwright-core").chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage();
    await page.goto(dev.url + path.basename(file).replace(/\.ipynb$/, ".html"));
    console.log(`stepwise dev, the author's loop on ${path.relative(root, source)}`);
    await benchLoop({
      dev,
      lines,
      page,
      file,
      nbconvert: () => ({ wall: Number.NaN }),
      coldRun: async (f) => {
        const executor = new NotebookExecutor();
        try {
          return await executor.run(f, path.join(work, "cold.ipynb"));
        } finally {
          await executor.close();
        }
      },
    });
  } finally {
    await browser.close();
    await dev.close();
    rmSync(work, { recursive: true, force: true });
  }
}
