import type { Page } from "playwright-core";

/**
 * Page-side helpers for the classic Notebook (6.x): open a notebook, run its
 * cells through the frontend's own `Jupyter.notebook` API, wait until the kernel
 * is idle and every cell has finished, and read what each code cell shows.
 * The functions passed to page.evaluate use only inline callbacks (no named
 * inner functions), so the test compiler adds no helpers the page lacks.
 */

/** The parts of the classic Notebook's page API these helpers use. */
interface JupyterCell {
  cell_type: string;
  element: ArrayLike<HTMLElement>;
  input_prompt_number?: number | string | null;
  get_text(): string;
  set_text(text: string): void;
  execute(): void;
}
interface JupyterPage {
  notebook?: {
    _fully_loaded?: boolean;
    kernel?: {
      id: string;
      name: string;
      is_connected(): boolean;
      kernel_info(callback: (reply: { content?: object }) => void): void;
      interrupt(): void;
    } | null;
    get_cells(): JupyterCell[];
    get_cell(i: number): JupyterCell;
    execute_all_cells(): void;
    clear_all_output(): void;
    set_autosave_interval(ms: number): void;
    restart_kernel(opts: { confirm: boolean }): Promise<unknown>;
    session?: { delete(): void } | null;
  };
}
type Win = Window & { Jupyter?: JupyterPage; MathJax?: { Hub: { Queue(cb: () => void): void } } };

/** What one code cell shows after a run. `index` is 1-based over all cells, as in the notebook file. */
export interface CellView {
  index: number;
  firstLine: string;
  /** True when the cell has no code (Jupyter does not run it). */
  empty: boolean;
  running: boolean;
  prompt: string;
  errors: string[];
  stderr: string[];
  derivations: {
    ok: string | null;
    expectFailure: boolean;
    marks: string[];
    title: string;
    maths: number;
    typeset: number;
    rawTex: number;
  }[];
  figures: number;
  drawn: number;
  /** Chart containers in which plotly.js built its SVG. */
  plotted: number;
  /** Scripts in the outputs as large as a library (outputs must never carry plotly.js). */
  loaders: number;
  placeholders: string[];
}

/** A short name for a cell in failure messages: "cell 9 (`showFigure(…`)". */
export const cellName = (c: CellView): string => `cell ${c.index} (\`${c.firstLine.slice(0, 60)}\`)`;

/**
 * Opens `url` (a /notebooks/… page with the token) and waits for its kernel;
 * see {@link waitForKernel}.
 *
 * @returns the kernel's name, e.g. "tslab"
 */
export async function openNotebook(page: Page, url: string, label: string, timeoutMs = 90_000): Promise<string> {
  await page.goto(url, { waitUntil: "load" });
  return waitForKernel(page, label, timeoutMs);
}

/**
 * Waits until the page's notebook is loaded and its kernel connected and idle,
 * then turns autosave off (it would write outputs into the notebook file).
 *
 * @returns the kernel's name, e.g. "tslab"
 * @throws Error naming the notebook (and any dialog shown, e.g. "Kernel not found") after timeoutMs
 */
export async function waitForKernel(page: Page, label: string, timeoutMs = 90_000): Promise<string> {
  try {
    await page.waitForFunction(
      () => {
        const nb = (window as Win).Jupyter?.notebook;
        const icon = document.querySelector("#kernel_indicator_icon");
        return (
          !!nb &&
          nb._fully_loaded === true &&
          !!nb.kernel &&
          nb.kernel.is_connected() &&
          !!icon &&
          icon.classList.contains("kernel_idle_icon")
        );
      },
      undefined,
      { timeout: timeoutMs, polling: 250 },
    );
  } catch (err) {
    const dialog = await page
      .locator(".modal-dialog")
      .allInnerTexts()
      .catch(() => [] as string[]);
    throw new Error(
      `${label}: the kernel was not connected and idle within ${timeoutMs / 1000} s${dialog.length ? `; dialog: ${dialog.join(" | ")}` : ""} (${String(err)})`,
    );
  }
  await page.evaluate(() => (window as Win).Jupyter?.notebook?.set_autosave_interval(0));
  return page.evaluate(() => (window as Win).Jupyter?.notebook?.kernel?.name ?? "");
}

/**
 * Waits until no code cell is queued or running and the kernel indicator has
 * shown idle on two checks 400 ms apart (outputs arrive on their own channel,
 * so a cell's reply can come before its last output).
 *
 * @throws Error naming the notebook and the cells still running after timeoutMs
 */
export async function waitUntilFinished(page: Page, label: string, timeoutMs = 120_000): Promise<void> {
  const settled = () =>
    page.evaluate(() => {
      const nb = (window as Win).Jupyter?.notebook;
      const running = (nb?.get_cells() ?? []).some(
        (c) => c.cell_type === "code" && (c.element[0].classList.contains("running") || c.input_prompt_number === "*"),
      );
      const icon = document.querySelector("#kernel_indicator_icon");
      return !running && !!icon && icon.classList.contains("kernel_idle_icon");
    });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await settled()) && (await new Promise((r) => setTimeout(r, 400)).then(() => settled()))) return;
    if (Date.now() > deadline) {
      const busy = (await cellViews(page)).filter((c) => c.running).map(cellName);
      throw new Error(
        `${label}: cells still running after ${timeoutMs / 1000} s: ${busy.join(", ") || "none (the kernel never went idle)"}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Runs every cell (Cell → Run All) and waits for the run to finish. */
export async function runAll(page: Page, label: string, timeoutMs = 120_000): Promise<void> {
  await page.evaluate(() => (window as Win).Jupyter?.notebook?.execute_all_cells());
  await waitUntilFinished(page, label, timeoutMs);
}

/**
 * Waits until every chart container in the page carries data-stepwise-drawn and
 * holds plotly.js's SVG.
 *
 * @throws Error naming the notebook and the cells whose charts were not drawn
 */
export async function waitForCharts(page: Page, label: string, timeoutMs = 60_000): Promise<void> {
  try {
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll("[data-stepwise-figure]")).every(
          (d) => d.hasAttribute("data-stepwise-drawn") && d.querySelector(".main-svg") !== null,
        ),
      undefined,
      { timeout: timeoutMs, polling: 250 },
    );
  } catch {
    const missing = (await cellViews(page))
      .filter((c) => c.drawn < c.figures || c.plotted < c.figures)
      .map((c) => `${cellName(c)}: ${c.placeholders.join(" ") || "not drawn"}`);
    throw new Error(`${label}: charts not drawn within ${timeoutMs / 1000} s: ${missing.join("; ")}`);
  }
}

/** Waits for MathJax (v2 in the classic Notebook) to finish everything queued so far. */
export async function waitForMathJax(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(() => !!(window as Win).MathJax?.Hub, undefined, { timeout: timeoutMs });
  await page.evaluate(() => new Promise<void>((resolve) => (window as Win).MathJax?.Hub.Queue(() => resolve())));
}

/** Reads every code cell's outputs: errors, stderr, derivations (marks, math), charts. */
export function cellViews(page: Page): Promise<CellView[]> {
  return page.evaluate(() =>
    ((window as Win).Jupyter?.notebook?.get_cells() ?? [])
      .map((cell, i) => ({ cell, i }))
      .filter(({ cell }) => cell.cell_type === "code")
      .map(({ cell, i }) => {
        const el = cell.element[0];
        return {
          index: i + 1,
          firstLine: cell.get_text().split("\n")[0] ?? "",
          empty: cell.get_text().trim() === "",
          running: el.classList.contains("running") || cell.input_prompt_number === "*",
          prompt: String(cell.input_prompt_number ?? ""),
          errors: Array.from(el.querySelectorAll<HTMLElement>(".output_error")).map((o) =>
            (o.innerText || "(empty error output)").slice(0, 600),
          ),
          stderr: Array.from(el.querySelectorAll<HTMLElement>(".output_stderr")).map((o) => o.innerText.slice(0, 600)),
          derivations: Array.from(el.querySelectorAll<HTMLElement>("[data-stepwise-derivation]")).map((d) => ({
            ok: d.getAttribute("data-ok"),
            expectFailure: d.getAttribute("data-expect-failure") === "true",
            marks: Array.from(d.querySelectorAll(".stepwise-mark")).map((m) => (m.textContent ?? "").trim().charAt(0)),
            title: (d.querySelector(".stepwise-derivation-title")?.textContent ?? "").trim(),
            maths: d.querySelectorAll(".stepwise-math").length,
            typeset: Array.from(d.querySelectorAll(".stepwise-math")).filter(
              (m) => m.querySelector(".MathJax_Display, .MathJax, mjx-container") !== null,
            ).length,
            // TeX delimiters (\\[ \\] \\( \\)) left as visible text mean MathJax did not typeset that formula.
            rawTex: Array.from(d.querySelectorAll(".stepwise-math")).filter((m) =>
              Array.from(m.childNodes).some((n) => n.nodeType === 3 && /\\[[\]()]/.test(n.textContent ?? "")),
            ).length,
          })),
          figures: Array.from(el.querySelectorAll<HTMLElement>("[data-stepwise-figure]")).length,
          drawn: Array.from(el.querySelectorAll<HTMLElement>("[data-stepwise-figure][data-stepwise-drawn]")).length,
          plotted: Array.from(el.querySelectorAll<HTMLElement>("[data-stepwise-figure]")).filter(
            (d) => d.querySelector(".main-svg") !== null,
          ).length,
          // a script in an output the size of a library (plotly.js is about 4.8 MB minified)
          loaders: Array.from(el.querySelectorAll<HTMLElement>(".output_area script")).filter(
            (x) => (x.textContent ?? "").length > 500_000,
          ).length,
          placeholders: Array.from(el.querySelectorAll<HTMLElement>(".stepwise-plot-placeholder")).map((p) =>
            (p.textContent ?? "").trim(),
          ),
        };
      }),
  );
}

/**
 * Waits until the page's kernel answers a kernel_info request on its shell
 * channel, and is the same kernel (same id) on two answers 1 s apart: the
 * classic Notebook may replace the session's first kernel while a new notebook
 * starts, and a request sent to the replaced kernel never gets a reply.
 *
 * @returns the kernel's id
 * @throws Error naming the notebook and the ids seen when the kernel did not settle within timeoutMs
 */
export async function waitForSteadyKernel(page: Page, label: string, timeoutMs = 60_000): Promise<string> {
  const answer = () =>
    page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const kernel = (window as Win).Jupyter?.notebook?.kernel;
          if (!kernel?.is_connected()) return resolve("");
          const id = kernel.id;
          const timer = setTimeout(() => resolve(""), 5000);
          kernel.kernel_info((reply) => {
            clearTimeout(timer);
            // tslab's kernel_info_reply carries no `status`; any reply proves the channel.
            resolve(reply?.content ? id : "");
          });
        }),
    );
  const deadline = Date.now() + timeoutMs;
  const seen: string[] = [];
  for (;;) {
    const first = await answer();
    await new Promise((r) => setTimeout(r, 1000));
    const second = await answer();
    seen.push(first || "(no answer)", second || "(no answer)");
    if (first && first === second) return first;
    if (Date.now() > deadline)
      throw new Error(
        `${label}: the kernel did not settle within ${timeoutMs / 1000} s (kernel ids seen: ${seen.join(", ")})`,
      );
  }
}

/** The id of the page's current kernel ("" when there is none). */
export const kernelId = (page: Page): Promise<string> =>
  page.evaluate(() => (window as Win).Jupyter?.notebook?.kernel?.id ?? "");

/** Runs one cell (by its 1-based index over all cells) and waits for it to finish. */
export async function runCell(page: Page, index: number, label: string, timeoutMs = 120_000): Promise<void> {
  await page.evaluate((i) => (window as Win).Jupyter?.notebook?.get_cell(i - 1).execute(), index);
  await waitUntilFinished(page, label, timeoutMs);
}

/** Restarts the kernel without the confirmation dialog and waits until it is ready and idle. */
export async function restartKernel(page: Page, label: string, timeoutMs = 90_000): Promise<void> {
  await page.evaluate(() =>
    (window as Win).Jupyter?.notebook?.restart_kernel({ confirm: false }).then(() => undefined),
  );
  await waitUntilFinished(page, `${label} (after the kernel restart)`, timeoutMs);
}

/** Clears every output in the page. */
export async function clearOutputs(page: Page): Promise<void> {
  await page.evaluate(() => (window as Win).Jupyter?.notebook?.clear_all_output());
}

/** Puts `code` into the cell with the given 1-based index (as if typed). */
export async function setCellText(page: Page, index: number, code: string): Promise<void> {
  await page.evaluate(([i, text]) => (window as Win).Jupyter?.notebook?.get_cell(i - 1).set_text(text), [
    index,
    code,
  ] as [number, string]);
}
