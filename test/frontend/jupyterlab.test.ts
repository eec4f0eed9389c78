// The tutorials in JupyterLab 4, as users run them: the server is started with the
// project's command (scripts/lab.mjs, i.e. `npm run lab`) from the project's .venv,
// and driven by Debian's Chromium (headless) through playwright-core. Every tutorial
// is opened, run with Run All under the project's tslab kernel, and checked in the
// page: no error, every derivation ✓ with its math typeset by MathJax, every chart
// drawn by plotly; it is then saved, and the saved file must stay under 1 MB. Then the
// cases users hit: reload the page (kernel still running) and re-run a chart cell, a
// second tab, a kernel restart and Run All, save and reopen, a new notebook on the
// TypeScript kernel importing "stepwise". Nothing may be requested outside the server.
// Screenshots go to test-artifacts/frontend/lab-*.png.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkLabCells } from "./checks";
import { ARTIFACTS, buildLibOnce, launchChromium, NOTEBOOKS, promisedBy, ROOT, tutorialNames } from "./helpers";
import {
  labCellViews,
  labCommand,
  labRestartKernel,
  labRunAll,
  labRunCell,
  labSave,
  openLabNotebook,
  setLabCellText,
  waitForLabCharts,
  waitForLabKernel,
  waitForLabMath,
} from "./lab-page";
import { keepOrClose, shutDownAndCheck, startNotebookServer, type FrontendState } from "./notebook-server";

const MAX_SAVED_BYTES = 1_000_000;
const PLOTLY_MIME = "application/vnd.plotly.v1+json";

type State = FrontendState;

const s = suite<State>("JupyterLab 4", { foreign: [], pageErrors: [] });
// STEPWISE_FRONTEND_NOTEBOOKS="01-sigmoid.ipynb,…" narrows the run while debugging a test.
const only = (process.env.STEPWISE_FRONTEND_NOTEBOOKS ?? "").split(",").filter(Boolean);
const names = tutorialNames().filter((n) => only.length === 0 || only.includes(n));
const replayName = names.find((n) => promisedBy(path.join(NOTEBOOKS, n)).charts.size > 0);
const timings: string[] = [];
let workspaces = 0;
const workspace = () => `stepwise-test-${++workspaces}`;
const stem = (name: string) => `lab-${name.replace(/\.ipynb$/, "")}`;

async function newPage(st: State, label: string): Promise<Page> {
  const page = await st.context!.newPage();
  page.on("pageerror", (e) => {
    // JupyterLab's debugger asks each new kernel for a debug session; tslab has none.
    if (/^No active debugger session$/.test(e.message)) return;
    st.pageErrors.push(`${label}: ${e.message}`);
  });
  return page;
}

const open = (st: State, page: Page, name: string) =>
  openLabNotebook(page, st.server!.base, st.server!.token, name, workspace());

/** The outputs of a saved notebook file: its size and its code cells' output MIME types. */
function saved(st: State, name: string): { bytes: number; mimes: string[][]; text: string } {
  const file = path.join(st.work!, name);
  const text = readFileSync(file, "utf8");
  const nb = JSON.parse(text) as { cells: { cell_type: string; outputs?: { data?: Record<string, unknown> }[] }[] };
  const mimes = nb.cells
    .filter((c) => c.cell_type === "code")
    .map((c) => (c.outputs ?? []).flatMap((o) => Object.keys(o.data ?? {})));
  return { bytes: statSync(file).size, mimes, text };
}

s.before(async (st) => {
  try {
    await setUp(st);
  } catch (err) {
    st.setupError = err instanceof Error ? err : new Error(String(err));
  }
});
s.before.each((st) => {
  if (st.setupError) throw st.setupError;
});

async function setUp(st: State): Promise<void> {
  if (!existsSync("/usr/bin/chromium"))
    throw new Error(
      "/usr/bin/chromium is missing: install Debian's chromium (`node scripts/setup.mjs --browser` does it as root)",
    );
  if (!existsSync(path.join(ROOT, ".venv", "bin", "jupyter-lab")))
    throw new Error(
      ".venv has no JupyterLab: run `node scripts/setup.mjs`, which installs jupyter/requirements.txt into .venv",
    );
  buildLibOnce();
  mkdirSync(ARTIFACTS, { recursive: true });
  st.work = mkdtempSync(path.join(ARTIFACTS, "lab-notebooks-"));
  for (const n of names) copyFileSync(path.join(NOTEBOOKS, n), path.join(st.work, n));
  st.server = await startNotebookServer(st.work, "lab", ["--LabApp.expose_app_in_browser=True"], {
    // Files change only when a test saves them; no pop-up asking to fetch news.
    "@jupyterlab/docmanager-extension:plugin": { autosave: false },
    "@jupyterlab/apputils-extension:notification": { fetchNews: "false", checkForUpdates: false },
  });
  st.browser = await launchChromium();
  st.context = await st.browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const base = st.server.base;
  st.context.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith(base.replace("http:", "ws:")) && !/^(data|blob|about):/.test(u))
      st.foreign.push(u);
  });
}

s.after(async (st) => {
  await st.context?.close().catch(() => undefined);
  await st.browser?.close().catch(() => undefined);
  await st.server?.stop();
  if (st.work) rmSync(st.work, { recursive: true, force: true });
  if (timings.length) console.log(`\n  JupyterLab timings: ${timings.join(", ")}`);
});

s("should list the project's kernels, TypeScript and JavaScript", async (st) => {
  const r = await fetch(`${st.server!.base}api/kernelspecs`, {
    headers: { Authorization: `token ${st.server!.token}` },
  });
  const specs = (await r.json()) as { kernelspecs: Record<string, { spec: { display_name: string } }> };
  assert.is(specs.kernelspecs.tslab?.spec.display_name, "TypeScript (stepwise tslab)");
  assert.ok(specs.kernelspecs.jslab, `no kernelspec "jslab"; found: ${Object.keys(specs.kernelspecs).join(", ")}`);
});

for (const name of names) {
  s(
    `should run ${name} in JupyterLab: no error, every derivation ✓ with typeset math, every chart drawn, saved under 1 MB`,
    async (st) => {
      const t0 = Date.now();
      const seen = st.pageErrors.length;
      const promised = promisedBy(path.join(NOTEBOOKS, name));
      const page = await newPage(st, name);
      const kernel = await open(st, page, name);
      assert.is(kernel, "tslab", `${name} runs on kernel "${kernel}"`);
      await labRunAll(page, name);
      await waitForLabCharts(page, name, promised.charts.size);
      await waitForLabMath(page, name);
      checkLabCells(name, await labCellViews(page), promised);
      await page.evaluate(() =>
        document.querySelectorAll(".jp-WindowedPanel-outer").forEach((el) => el.scrollTo(0, 0)),
      );
      await page.screenshot({ path: path.join(ARTIFACTS, `${stem(name)}.png`) });
      const charts = page.locator(".jp-OutputArea-output.js-plotly-plot");
      if ((await charts.count()) > 0) {
        await charts.first().scrollIntoViewIfNeeded();
        await charts.first().screenshot({ path: path.join(ARTIFACTS, `${stem(name)}-chart-1.png`) });
      }
      await labSave(page);
      const file = saved(st, name);
      assert.ok(
        file.bytes < MAX_SAVED_BYTES,
        `${name} saved after Run All is ${file.bytes} bytes (limit ${MAX_SAVED_BYTES})`,
      );
      assert.is(
        file.mimes.filter((m) => m.includes(PLOTLY_MIME)).length,
        promised.charts.size,
        `${name}: saved outputs of plotly's type`,
      );
      assert.not.match(file.text, /Plotly\.register|plotly\.js v\d/i, `${name}: the saved notebook carries plotly.js`);
      assert.equal(st.pageErrors.slice(seen), [], `uncaught exceptions in the page of ${name}`);
      timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      await keepOrClose(st, { name, page, promised }, replayName);
    },
  );
}

s("should draw a re-run chart cell after a page reload while the kernel keeps running", async (st) => {
  assert.ok(st.replay, `the page of ${replayName} is not open (its run failed above)`);
  const { name, page, promised } = st.replay;
  const index = [...promised.charts][0];
  const label = `${name}, re-run of cell ${index} after a reload`;
  await page.reload({ waitUntil: "load" });
  await waitForLabKernel(page, name);
  // the saved outputs come back with the page: plotly's renderer shows their saved PNGs
  await waitForLabCharts(page, `${name} after a reload`, promised.charts.size, true);
  await page.evaluate(() =>
    document
      .querySelectorAll(".jp-OutputArea-output.jp-RenderedPlotly")
      .forEach((d) => d.setAttribute("data-test-old", "")),
  );
  await labRunCell(page, index, label);
  await waitForLabCharts(page, label, promised.charts.size, true);
  const cell = (await labCellViews(page)).find((c) => c.index === index)!;
  assert.equal(cell.errors, [], `${label} shows an error`);
  assert.is(cell.plotted, 1, `${label}: the new chart was not drawn`);
  assert.is(
    await page.locator("[data-test-old]").count(),
    promised.charts.size - 1,
    `${label}: the re-run cell's old chart is still in the page`,
  );
  await page
    .locator(".jp-OutputArea-output.js-plotly-plot")
    .first()
    .screenshot({ path: path.join(ARTIFACTS, `${stem(name)}-reload-rerun-chart.png`) });
});

s("should draw the charts in a second tab on the same kernel, and a chart cell re-run there", async (st) => {
  assert.ok(st.replay, `the page of ${replayName} is not open (its run failed above)`);
  const { name, promised } = st.replay;
  const seen = st.pageErrors.length;
  const tab = await newPage(st, `${name} (second tab)`);
  await open(st, tab, name);
  await waitForLabCharts(tab, `${name} in a second tab`, promised.charts.size, true);
  const index = [...promised.charts].at(-1)!;
  await labRunCell(tab, index, `${name}, cell ${index} in a second tab`);
  await waitForLabCharts(tab, `${name}, cell ${index} re-run in a second tab`, promised.charts.size, true);
  const cell = (await labCellViews(tab)).find((c) => c.index === index)!;
  assert.equal(cell.errors, [], "the re-run cell in the second tab shows an error");
  assert.is(cell.plotted, 1, "the chart re-run in the second tab was not drawn");
  await tab.screenshot({ path: path.join(ARTIFACTS, `${stem(name)}-second-tab.png`) });
  await tab.close();
  assert.equal(st.pageErrors.slice(seen), [], "uncaught exceptions in the second tab");
});

s("should draw every chart again after a kernel restart and Run All", async (st) => {
  assert.ok(st.replay, `the page of ${replayName} is not open (its run failed above)`);
  const { name, page, promised } = st.replay;
  const label = `${name} after a kernel restart`;
  const t0 = Date.now();
  const seen = st.pageErrors.length;
  await labRestartKernel(page, name);
  await labCommand(page, "notebook:clear-all-cell-outputs");
  await labRunAll(page, label);
  await waitForLabCharts(page, label, promised.charts.size);
  await waitForLabMath(page, label);
  checkLabCells(label, await labCellViews(page), promised);
  await page.screenshot({ path: path.join(ARTIFACTS, `${stem(name)}-restarted.png`) });
  assert.equal(st.pageErrors.slice(seen), [], `uncaught exceptions in the page of ${label}`);
  timings.push(`restart + run all ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await labSave(page);
  await page.close();
  await st.server!.closeSession(name);
});

s("should reopen a saved run notebook with its charts and derivations drawn, without a kernel run", async (st) => {
  assert.ok(st.replay, `the page of ${replayName} was not run (its test failed above)`);
  const { name, promised } = st.replay;
  const page = await newPage(st, `${name} reopened`);
  await open(st, page, name);
  await waitForLabCharts(page, `${name} reopened`, promised.charts.size, true);
  await waitForLabMath(page, `${name} reopened`);
  const cells = await labCellViews(page);
  assert.is(
    cells.reduce((n, c) => n + c.plotted + c.images, 0),
    promised.charts.size,
    `${name} reopened: charts shown from the saved outputs`,
  );
  assert.is(
    cells.reduce((n, c) => n + c.undrawn, 0),
    0,
    `${name} reopened: charts shown neither as a chart nor as its image`,
  );
  // plotly's renderer turns a saved chart into the interactive one under the mouse
  const first = page.locator(".jp-OutputArea-output.jp-RenderedPlotly").first();
  await first.scrollIntoViewIfNeeded();
  await first.hover();
  await first.locator(".main-svg").first().waitFor({ timeout: 30_000 });
  for (const i of promised.derivations) {
    const c = cells.find((x) => x.index === i)!;
    assert.ok(
      c.derivations.length > 0 && c.derivations.every((d) => d.typeset > 0 && !d.marks.includes("✗")),
      `${name} reopened, cell ${i}: derivation not shown with typeset math`,
    );
  }
  await page.screenshot({ path: path.join(ARTIFACTS, `${stem(name)}-reopened.png`) });
  await page.close();
  await st.server!.closeSession(name);
  st.replay = undefined;
});

s("should create a new notebook on the TypeScript kernel, which imports stepwise at once", async (st) => {
  const seen = st.pageErrors.length;
  const page = await newPage(st, "new notebook");
  await page.goto(`${st.server!.base}lab/workspaces/${workspace()}?token=${st.server!.token}`, { waitUntil: "load" });
  const card = page.locator('.jp-LauncherCard[title="TypeScript (stepwise tslab)"]').first();
  await card.waitFor({ timeout: 60_000 });
  const before = new Set(readdirSync(st.work!));
  await card.click();
  const created = await (async () => {
    for (let i = 0; i < 120; i++) {
      const found = readdirSync(st.work!).filter((f) => f.endsWith(".ipynb") && !before.has(f));
      if (found.length) return found;
      await new Promise((r) => setTimeout(r, 250));
    }
    return [];
  })();
  assert.is(created.length, 1, `new notebook files in the folder: ${created.join(", ")}`);
  const kernel = await waitForLabKernel(page, created[0]);
  assert.is(kernel, "tslab", "the new notebook's kernel");
  await setLabCellText(page, 1, 'import { sigmoid } from "stepwise";\nsigmoid(0)');
  await labRunCell(page, 1, "new notebook");
  const [cell] = await labCellViews(page);
  assert.equal(cell.errors, [], "the new notebook's cell shows an error");
  assert.equal(cell.stderr, [], "the new notebook's cell wrote to stderr");
  const shown = (await page.locator(".jp-Notebook .jp-Cell").first().locator(".jp-OutputArea-output").allInnerTexts())
    .join("")
    .trim();
  assert.is(shown, "0.5", "sigmoid(0) in a new notebook");
  await page.screenshot({ path: path.join(ARTIFACTS, "lab-new-notebook.png") });
  await page.close();
  await st.server!.closeSession(created[0]);
  assert.equal(st.pageErrors.slice(seen), [], "uncaught exceptions in the new notebook's page");
});

s("should load nothing from outside the local server", (st) => {
  assert.equal(st.foreign, []);
});

s("should shut the server and its kernels down and leave no process behind", async (st) => {
  await shutDownAndCheck(st);
});

s.run();
