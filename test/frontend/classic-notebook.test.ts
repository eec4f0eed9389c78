// The fallback frontend: the classic Notebook (Debian's 6.4, which has no plotly
// renderer, so charts come from the kit's text/html, which loads plotly.js from the
// static file the server serves), started with the project's command
// (`npm run lab -- --classic`) and driven by Debian's Chromium through playwright-core.
// One tutorial with charts is opened, run with Run All under the project's tslab
// kernel, and checked in the page: no error, every derivation verified (✓, no ✗),
// every chart drawn by plotly.js, the math typeset by MathJax. Then a chart cell is
// re-run, the page reloaded (kernel still running) and a chart cell re-run, the kernel
// restarted, a new notebook created with the TypeScript kernel, and the server shut
// down. Screenshots go to test-artifacts/frontend/.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkCells, screenshots } from "./checks";
import { ARTIFACTS, buildLibOnce, launchChromium, NOTEBOOKS, promisedBy, tutorialNames } from "./helpers";
import {
  cellViews,
  clearOutputs,
  openNotebook,
  restartKernel,
  runAll,
  runCell,
  setCellText,
  waitForCharts,
  waitForKernel,
  waitForMathJax,
  waitForSteadyKernel,
  kernelId,
} from "./notebook-page";
import {
  keepOrClose,
  shutDownAndCheck,
  startNotebookServer,
  type FrontendState,
  type NotebookServer,
} from "./notebook-server";

const KERNEL_NAME = "tslab";
const KERNEL_DISPLAY_NAME = "TypeScript (stepwise tslab)";

type State = FrontendState;

const s = suite<State>("classic Jupyter Notebook", { foreign: [], pageErrors: [] });
// One tutorial with charts keeps this fallback honest; JupyterLab's test runs them all.
const replayName = tutorialNames().find((n) => promisedBy(path.join(NOTEBOOKS, n)).charts.size > 0);
const names = replayName ? [replayName] : [];
const timings: string[] = [];

async function newPage(st: State, label: string): Promise<Page> {
  const page = await st.context!.newPage();
  page.on("pageerror", (e) => st.pageErrors.push(`${label}: ${e.message}`));
  return page;
}

const notebookUrl = (server: NotebookServer, name: string) =>
  `${server.base}notebooks/${encodeURIComponent(name)}?token=${server.token}`;

// uvu reports nothing when a `before` hook throws, so the error is kept and thrown by every test.
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
  for (const [file, pkg] of [
    ["/usr/bin/jupyter-notebook", "jupyter-notebook"],
    ["/usr/bin/chromium", "chromium"],
  ] as const) {
    if (!existsSync(file))
      throw new Error(
        `${file} is missing: install Debian's ${pkg} (\`node scripts/setup.mjs --browser\` does it as root)`,
      );
  }
  buildLibOnce();
  mkdirSync(ARTIFACTS, { recursive: true });
  st.work = mkdtempSync(path.join(ARTIFACTS, "notebooks-"));
  for (const n of names) copyFileSync(path.join(NOTEBOOKS, n), path.join(st.work, n));
  st.server = await startNotebookServer(st.work, "classic");
  st.browser = await launchChromium();
  st.context = await st.browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const base = st.server.base;
  st.context.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !/^(data|blob|about):/.test(u)) st.foreign.push(u);
  });
}

s.after(async (st) => {
  await st.context?.close().catch(() => undefined);
  await st.browser?.close().catch(() => undefined);
  await st.server?.stop();
  if (st.work) rmSync(st.work, { recursive: true, force: true });
  if (timings.length) console.log(`\n  frontend timings: ${timings.join(", ")}`);
});

s("should list the project's kernel as 'TypeScript (stepwise tslab)'", async (st) => {
  const r = await fetch(`${st.server!.base}api/kernelspecs`, {
    headers: { Authorization: `token ${st.server!.token}` },
  });
  const specs = (await r.json()) as { kernelspecs: Record<string, { spec: { display_name: string } }> };
  assert.ok(
    specs.kernelspecs[KERNEL_NAME],
    `no kernelspec "${KERNEL_NAME}" on JUPYTER_PATH; found: ${Object.keys(specs.kernelspecs).join(", ")}`,
  );
  assert.is(specs.kernelspecs[KERNEL_NAME].spec.display_name, KERNEL_DISPLAY_NAME);
});

for (const name of names) {
  s(`should run ${name} with no error, every derivation ✓, every chart drawn and the math typeset`, async (st) => {
    const t0 = Date.now();
    const seen = st.pageErrors.length;
    const promised = promisedBy(path.join(NOTEBOOKS, name));
    const page = await newPage(st, name);
    const kernel = await openNotebook(page, notebookUrl(st.server!, name), name);
    assert.is(kernel, KERNEL_NAME, `${name} runs on kernel "${kernel}"`);
    await runAll(page, name);
    await waitForCharts(page, name);
    await waitForMathJax(page);
    checkCells(name, await cellViews(page), promised);
    await screenshots(page, name.replace(/\.ipynb$/, ""));
    assert.equal(st.pageErrors.slice(seen), [], `uncaught exceptions in the page of ${name}`);
    timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await keepOrClose(st, { name, page, promised }, replayName);
  });
}

s("should draw a chart again when its cell is re-run", async (st) => {
  assert.ok(st.replay, `the page of ${replayName} is not open (its run failed above)`);
  const { name, page, promised } = st.replay;
  const index = [...promised.charts][0];
  const label = `${name}, re-run of cell ${index}`;
  await page.evaluate(() =>
    document.querySelectorAll("[data-stepwise-figure]").forEach((d) => d.setAttribute("data-test-old", "")),
  );
  await runCell(page, index, label);
  await waitForCharts(page, label);
  const cell = (await cellViews(page)).find((c) => c.index === index)!;
  assert.is(await page.locator("[data-test-old]").count(), 0, `${label}: the old chart is still in the page`);
  assert.equal(cell.errors, [], `${label} shows an error`);
  assert.is(cell.figures, 1, `${label}: charts in the cell`);
  assert.is(cell.plotted, 1, `${label}: the new chart was not drawn`);
  await page
    .locator("[data-stepwise-figure]")
    .first()
    .screenshot({ path: path.join(ARTIFACTS, `${name.replace(/\.ipynb$/, "")}-rerun-chart.png`) });
});

s("should draw a re-run chart cell after a page reload while the kernel keeps running", async (st) => {
  assert.ok(st.replay, `the page of ${replayName} is not open (its run failed above)`);
  const { name, page, promised } = st.replay;
  const index = [...promised.charts].at(-1)!;
  const label = `${name}, re-run of cell ${index} after a reload`;
  await page.reload({ waitUntil: "load" });
  await waitForKernel(page, `${name} after a reload`);
  await runCell(page, index, label);
  await waitForCharts(page, label);
  const cell = (await cellViews(page)).find((c) => c.index === index)!;
  assert.equal(cell.errors, [], `${label} shows an error`);
  assert.is(cell.figures, 1, `${label}: charts in the cell`);
  assert.is(cell.plotted, 1, `${label}: the chart was not drawn (${cell.placeholders.join(" ")})`);
  await page
    .locator(`[data-stepwise-figure]`)
    .last()
    .screenshot({ path: path.join(ARTIFACTS, `${name.replace(/\.ipynb$/, "")}-reload-rerun-chart.png`) });
});

s("should draw every chart again after a kernel restart and Run All", async (st) => {
  assert.ok(st.replay, `the page of ${replayName} is not open (its run failed above)`);
  const { name, page, promised } = st.replay;
  const label = `${name} after a kernel restart`;
  const t0 = Date.now();
  const seen = st.pageErrors.length;
  await restartKernel(page, name);
  await clearOutputs(page);
  await runAll(page, label);
  await waitForCharts(page, label);
  await waitForMathJax(page);
  checkCells(label, await cellViews(page), promised);
  await screenshots(page, `${name.replace(/\.ipynb$/, "")}-restarted`);
  assert.equal(st.pageErrors.slice(seen), [], `uncaught exceptions in the page of ${label}`);
  timings.push(`restart + run all ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await page.close();
  await st.server!.closeSession(name);
  st.replay = undefined;
});

s("should offer the TypeScript kernel for a new notebook, which imports stepwise at once", async (st) => {
  const seen = st.pageErrors.length;
  const page = await newPage(st, "new notebook");
  await page.goto(`${st.server!.base}tree?token=${st.server!.token}`, { waitUntil: "load" });
  await page.locator("#new-dropdown-button").click();
  const item = page.locator(`#new-menu li#kernel-${KERNEL_NAME} a`);
  await item.waitFor({ timeout: 30_000 });
  assert.is((await item.innerText()).trim(), KERNEL_DISPLAY_NAME, "the New menu's entry for the tslab kernel");
  const [nbPage] = await Promise.all([st.context!.waitForEvent("page", { timeout: 30_000 }), item.click()]);
  nbPage.on("pageerror", (e) => st.pageErrors.push(`new notebook: ${e.message}`));
  const kernel = await waitForKernel(nbPage, "new notebook");
  assert.is(kernel, KERNEL_NAME, "the new notebook's kernel");
  const steady = await waitForSteadyKernel(nbPage, "new notebook");
  await setCellText(nbPage, 1, 'import { sigmoid } from "stepwise";\nsigmoid(0)');
  try {
    await runCell(nbPage, 1, "new notebook");
  } catch (err) {
    // Notebook 6 can replace a new notebook's kernel after it first reports idle; the
    // request then went to a kernel that is gone. Only that case is retried, once, and said.
    const now = await kernelId(nbPage);
    if (now === steady) throw new Error(`${String(err)} (the same kernel ${steady} throughout)`);
    timings.push(`new notebook: kernel ${steady} was replaced by ${now || "none"} during the first run; run again`);
    await waitForSteadyKernel(nbPage, "new notebook, after its kernel was replaced");
    await runCell(nbPage, 1, "new notebook, second run after its kernel was replaced");
  }
  const [cell] = await cellViews(nbPage);
  assert.equal(cell.errors, [], "the new notebook's cell shows an error");
  assert.equal(cell.stderr, [], "the new notebook's cell wrote to stderr");
  const shown = (await nbPage.locator(".cell").first().locator(".output_subarea").allInnerTexts()).join("").trim();
  assert.is(shown, "0.5", "sigmoid(0) in a new notebook");
  await nbPage.screenshot({ path: path.join(ARTIFACTS, "new-notebook.png") });
  const created = readdirSync(st.work!).filter((f) => f.endsWith(".ipynb") && !names.includes(f));
  await nbPage.close();
  await page.close();
  for (const f of created) await st.server!.closeSession(f);
  assert.is(created.length, 1, `new notebook files in the notebook folder: ${created.join(", ")}`);
  assert.equal(st.pageErrors.slice(seen), [], "uncaught exceptions in the new notebook's pages");
});

s("should load nothing from outside the local server (MathJax and plotly.js included)", (st) => {
  assert.equal(st.foreign, []);
});

s("should shut the server and its kernels down and leave no process behind", async (st) => {
  await shutDownAndCheck(st);
  if (st.work) rmSync(st.work, { recursive: true, force: true });
  assert.not.ok(existsSync(st.work!), "the temporary notebook folder was not removed");
});

s.run();
