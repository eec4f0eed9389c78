import type { Page } from "playwright-core";

/**
 * Page-side helpers for JupyterLab 4 (and its Notebook 7 sibling), driven through
 * the application object JupyterLab exposes as window.jupyterapp when started with
 * `--LabApp.expose_app_in_browser=True`: open a notebook, run it with the same
 * commands as the menus, wait until the kernel is idle and every cell has run,
 * and read what each code cell shows — errors and stderr from the output model,
 * derivations and charts from what the page rendered (✓ marks, MathJax's
 * <mjx-container>, plotly's SVG), not from the kit's HTML internals.
 * The functions passed to page.evaluate use only inline callbacks, so the test
 * compiler adds no helpers the page lacks.
 */

/** The parts of JupyterLab's API these helpers use (loosely typed: the page's objects). */
interface LabCell {
  model: {
    type: string;
    sharedModel: { getSource(): string; setSource(s: string): void };
    executionCount?: number | null;
    outputs?: {
      toJSON(): { output_type: string; name?: string; text?: string | string[]; ename?: string; evalue?: string }[];
    };
  };
  node: HTMLElement;
}
interface LabPanel {
  context: { path: string; ready: Promise<void>; save(): Promise<void> };
  sessionContext: {
    ready: Promise<void>;
    session?: { kernel?: { name: string; status: string } | null } | null;
    kernelDisplayStatus: string;
    restartKernel(): Promise<void>;
  };
  content: { widgets: readonly LabCell[]; activeCellIndex: number };
}
interface LabApp {
  started: Promise<void>;
  restored: Promise<void>;
  commands: { execute(id: string, args?: unknown): Promise<unknown> };
  shell: { currentWidget: unknown };
}
type Win = Window & { jupyterapp?: LabApp };

/** What one code cell shows after a run. `index` is 1-based over all cells, as in the notebook file. */
export interface LabCellView {
  index: number;
  firstLine: string;
  empty: boolean;
  prompt: string;
  errors: string[];
  stderr: string[];
  /** Outputs that look like a derivation: a ✓, ✗ or ⊘ mark in rendered HTML with math. */
  derivations: { marks: string[]; maths: number; typeset: number; rawTex: number; text: string }[];
  /** Charts plotly drew as interactive charts (its .main-svg). */
  plotted: number;
  /**
   * Charts shown as the PNG that plotly's JupyterLab renderer saves beside the figure
   * (it shows that image for saved outputs and draws the interactive chart on hover).
   */
  images: number;
  /** Chart containers showing neither. */
  undrawn: number;
  /** Placeholder texts of the kit's HTML chart fallback, if it is shown instead of plotly's renderer. */
  placeholders: string[];
}

/** A short name for a cell in failure messages: "cell 9 (`showFigure(…`)". */
export const labCellName = (c: LabCellView): string => `cell ${c.index} (\`${c.firstLine.slice(0, 60)}\`)`;

/**
 * Opens a notebook in JupyterLab in its own workspace (so pages do not share
 * layouts) and waits until the app is restored, the notebook is the current
 * widget and its kernel is connected and idle.
 *
 * @param url JupyterLab's base URL, e.g. "http://127.0.0.1:19000/"
 * @param notebookPath path relative to the server's folder
 * @returns the kernel's name, e.g. "tslab"
 * @throws Error naming the notebook when it does not get there within timeoutMs
 */
export async function openLabNotebook(
  page: Page,
  base: string,
  token: string,
  notebookPath: string,
  workspace: string,
  timeoutMs = 120_000,
): Promise<string> {
  await page.goto(
    `${base}lab/workspaces/${encodeURIComponent(workspace)}/tree/${notebookPath.split("/").map(encodeURIComponent).join("/")}?token=${token}`,
    { waitUntil: "load" },
  );
  return waitForLabKernel(page, notebookPath, timeoutMs);
}

/**
 * Waits until JupyterLab's current widget is the notebook at `notebookPath`
 * with its kernel connected and idle.
 *
 * @returns the kernel's name
 */
export async function waitForLabKernel(page: Page, notebookPath: string, timeoutMs = 120_000): Promise<string> {
  try {
    await page.waitForFunction(
      (p) => {
        const app = (window as Win).jupyterapp;
        const w = app?.shell.currentWidget as LabPanel | null | undefined;
        return (
          !!w &&
          !!w.context &&
          w.context.path === p &&
          !!w.sessionContext?.session?.kernel &&
          w.sessionContext.kernelDisplayStatus === "idle"
        );
      },
      notebookPath,
      { timeout: timeoutMs, polling: 250 },
    );
  } catch (err) {
    const dialog = await page
      .locator(".jp-Dialog")
      .allInnerTexts()
      .catch(() => [] as string[]);
    throw new Error(
      `${notebookPath}: JupyterLab did not show the notebook with an idle kernel within ${timeoutMs / 1000} s${dialog.length ? `; dialog: ${dialog.join(" | ")}` : ""} (${String(err).split("\n")[0]})`,
    );
  }
  return page.evaluate(
    () => ((window as Win).jupyterapp!.shell.currentWidget as LabPanel).sessionContext.session!.kernel!.name,
  );
}

/** Runs one of JupyterLab's commands, e.g. "notebook:run-all-cells", on the current widget. */
export async function labCommand(page: Page, id: string, args?: Record<string, unknown>): Promise<void> {
  await page.evaluate(([i, a]) => (window as Win).jupyterapp!.commands.execute(i as string, a).then(() => undefined), [
    id,
    args ?? {},
  ] as [string, unknown]);
}

/**
 * Waits until no code cell of the current notebook is queued or running ("[*]")
 * and the kernel showed idle on two checks 400 ms apart (outputs arrive on their
 * own channel, so a reply can come before its last output).
 *
 * @throws Error naming the notebook and the cells still running after timeoutMs
 */
export async function waitUntilLabIdle(page: Page, label: string, timeoutMs = 180_000): Promise<void> {
  const settled = () =>
    page.evaluate(() => {
      const w = (window as Win).jupyterapp!.shell.currentWidget as LabPanel;
      const busy = w.content.widgets.some(
        (c) => c.model.type === "code" && /\*/.test(c.node.querySelector(".jp-InputPrompt")?.textContent ?? ""),
      );
      return !busy && w.sessionContext.kernelDisplayStatus === "idle";
    });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await settled()) && (await new Promise((r) => setTimeout(r, 400)).then(() => settled()))) return;
    if (Date.now() > deadline) {
      const busy = (await labCellViews(page)).filter((c) => c.prompt.includes("*")).map(labCellName);
      throw new Error(
        `${label}: cells still running after ${timeoutMs / 1000} s: ${busy.join(", ") || "none (the kernel never went idle)"}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Runs every cell (Run → Run All Cells) and waits for the run to finish. */
export async function labRunAll(page: Page, label: string, timeoutMs = 180_000): Promise<void> {
  await labCommand(page, "notebook:run-all-cells");
  await waitUntilLabIdle(page, label, timeoutMs);
}

/** Makes the cell with the given 1-based index active, runs it (Shift-Enter's command without moving on) and waits. */
export async function labRunCell(page: Page, index: number, label: string, timeoutMs = 120_000): Promise<void> {
  await page.evaluate((i) => {
    ((window as Win).jupyterapp!.shell.currentWidget as LabPanel).content.activeCellIndex = i - 1;
  }, index);
  await labCommand(page, "notebook:run-cell");
  await waitUntilLabIdle(page, label, timeoutMs);
}

/** Puts `code` into the cell with the given 1-based index (as if typed). */
export async function setLabCellText(page: Page, index: number, code: string): Promise<void> {
  await page.evaluate(
    ([i, text]) =>
      ((window as Win).jupyterapp!.shell.currentWidget as LabPanel).content.widgets[i - 1].model.sharedModel.setSource(
        text,
      ),
    [index, code] as [number, string],
  );
}

/** Restarts the current notebook's kernel without the confirmation dialog and waits until it is idle. */
export async function labRestartKernel(page: Page, label: string, timeoutMs = 120_000): Promise<void> {
  await page.evaluate(() =>
    ((window as Win).jupyterapp!.shell.currentWidget as LabPanel).sessionContext.restartKernel(),
  );
  await waitUntilLabIdle(page, `${label} (after the kernel restart)`, timeoutMs);
}

/** Saves the current notebook (File → Save) and waits for the write. */
export async function labSave(page: Page): Promise<void> {
  await page.evaluate(() => ((window as Win).jupyterapp!.shell.currentWidget as LabPanel).context.save());
}

/**
 * Waits until every chart container plotly's renderer (or the kit's HTML fallback)
 * put in the current notebook holds plotly's SVG (or, with `imagesToo`, the PNG
 * plotly's renderer shows for saved outputs), and at least `atLeast` exist.
 *
 * @throws Error naming the cells whose charts were not drawn
 */
export async function waitForLabCharts(
  page: Page,
  label: string,
  atLeast: number,
  imagesToo = false,
  timeoutMs = 60_000,
): Promise<void> {
  try {
    await page.waitForFunction(
      ([n, images]) => {
        const w = (window as Win).jupyterapp!.shell.currentWidget as LabPanel;
        const plots = Array.from(
          w.content.widgets.map((c) =>
            Array.from(
              c.node.querySelectorAll(
                ".jp-OutputArea-output.jp-RenderedPlotly, .jp-OutputArea-output [data-stepwise-figure]",
              ),
            ),
          ),
        ).flat();
        return (
          plots.length >= n &&
          plots.every((p) => {
            if (p.querySelector(".main-svg") !== null) return true;
            const img = p.querySelector<HTMLImageElement>("img.plot-img");
            return images && !!img && img.src.startsWith("data:image/png") && img.complete && img.naturalWidth > 0;
          })
        );
      },
      [atLeast, imagesToo] as [number, boolean],
      { timeout: timeoutMs, polling: 250 },
    );
  } catch {
    const missing = (await labCellViews(page))
      .filter((c) => c.undrawn > 0)
      .map((c) => `${labCellName(c)}: ${c.placeholders.join(" ") || "not drawn"}`);
    throw new Error(
      `${label}: charts not drawn within ${timeoutMs / 1000} s (want at least ${atLeast}): ${missing.join("; ") || "no chart in the page"}`,
    );
  }
}

/**
 * Waits until MathJax typeset every formula in the outputs: no output shows TeX
 * delimiters (\[ \] \( \) $$) as text any more.
 *
 * @throws Error naming the cells with untypeset math
 */
export async function waitForLabMath(page: Page, label: string, timeoutMs = 60_000): Promise<void> {
  try {
    await page.waitForFunction(
      () => {
        const w = (window as Win).jupyterapp!.shell.currentWidget as LabPanel;
        return w.content.widgets.every((c) =>
          Array.from(c.node.querySelectorAll(".jp-OutputArea-output.jp-RenderedHTMLCommon")).every((o) => {
            const walker = document.createTreeWalker(o, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              if (n.parentElement?.closest("mjx-container, script, style, code, pre")) continue;
              if (/\\\[|\\\]|\\\(|\\\)|\$\$/.test(n.textContent ?? "")) return false;
            }
            return true;
          }),
        );
      },
      undefined,
      { timeout: timeoutMs, polling: 250 },
    );
  } catch {
    const raw = (await labCellViews(page)).filter((c) => c.derivations.some((d) => d.rawTex > 0)).map(labCellName);
    throw new Error(
      `${label}: MathJax left TeX as text within ${timeoutMs / 1000} s in ${raw.join(", ") || "some output"}`,
    );
  }
}

/** Reads every code cell of the current notebook: its prompt, errors and stderr (from the model), derivations and charts (from the page). */
export function labCellViews(page: Page): Promise<LabCellView[]> {
  return page.evaluate(() => {
    const w = (window as Win).jupyterapp!.shell.currentWidget as LabPanel;
    return w.content.widgets
      .map((cell, i) => ({ cell, i }))
      .filter(({ cell }) => cell.model.type === "code")
      .map(({ cell, i }) => {
        const source = cell.model.sharedModel.getSource();
        const outputs = cell.model.outputs?.toJSON() ?? [];
        const htmls = Array.from(
          cell.node.querySelectorAll<HTMLElement>(".jp-OutputArea-output.jp-RenderedHTMLCommon"),
        );
        const plots = Array.from(
          cell.node.querySelectorAll<HTMLElement>(
            ".jp-OutputArea-output.jp-RenderedPlotly, .jp-OutputArea-output [data-stepwise-figure]",
          ),
        );
        return {
          index: i + 1,
          firstLine: source.split("\n")[0] ?? "",
          empty: source.trim() === "",
          prompt: (cell.node.querySelector(".jp-InputPrompt")?.textContent ?? "").trim(),
          errors: outputs.filter((o) => o.output_type === "error").map((o) => `${o.ename}: ${o.evalue}`.slice(0, 600)),
          stderr: outputs
            .filter((o) => o.output_type === "stream" && o.name === "stderr")
            .map((o) => (Array.isArray(o.text) ? o.text.join("") : (o.text ?? "")).slice(0, 600)),
          derivations: htmls
            .filter(
              (o) =>
                /[✓✗⊘]/.test(o.textContent ?? "") &&
                (o.querySelector("mjx-container") !== null || /\\\[|\\\(/.test(o.textContent ?? "")),
            )
            .map((o) => {
              const walker = document.createTreeWalker(o, NodeFilter.SHOW_TEXT);
              let rawTex = 0;
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                if (n.parentElement?.closest("mjx-container, script, style, code, pre")) continue;
                if (/\\\[|\\\]|\\\(|\\\)|\$\$/.test(n.textContent ?? "")) rawTex++;
              }
              return {
                // textContent, not innerText: JupyterLab skips rendering cells out of view (content-visibility)
                marks: Array.from((o.textContent ?? "").matchAll(/[✓✗⊘]/g)).map((m) => m[0]),
                maths: o.querySelectorAll("mjx-container").length + rawTex,
                typeset: o.querySelectorAll("mjx-container").length,
                rawTex,
                text: (o.textContent ?? "").trim().slice(0, 200),
              };
            }),
          plotted: plots.filter((p) => p.querySelector(".main-svg") !== null).length,
          images: plots.filter((p) => {
            const img = p.querySelector<HTMLImageElement>("img.plot-img");
            return (
              p.querySelector(".main-svg") === null &&
              !!img &&
              img.src.startsWith("data:image/png") &&
              img.style.display !== "none" &&
              img.complete &&
              img.naturalWidth > 0
            );
          }).length,
          undrawn: plots.filter((p) => {
            const img = p.querySelector<HTMLImageElement>("img.plot-img");
            return (
              p.querySelector(".main-svg") === null &&
              !(img?.src.startsWith("data:image/png") && img.complete && img.naturalWidth > 0)
            );
          }).length,
          placeholders: Array.from(cell.node.querySelectorAll<HTMLElement>(".stepwise-plot-placeholder")).map((p) =>
            (p.textContent ?? "").trim(),
          ),
        };
      });
  });
}
