import * as path from "node:path";
import type { Page } from "playwright-core";
import * as assert from "uvu/assert";
import { ARTIFACTS, type Promised } from "./helpers";
import { cellName, type CellView } from "./notebook-page";
import { labCellName, type LabCellView } from "./lab-page";

/**
 * Asserts what every code cell of one run shows, against what the notebook's
 * source promises: each cell ran (a number in its prompt) with no error output
 * and nothing on stderr; a cell calling showFigure shows exactly one chart, drawn
 * by plotly.js (data-stepwise-drawn and plotly's SVG), other cells none; a cell
 * calling showVerified shows a derivation; every derivation is verified
 * (data-ok="true", a ✓, no ✗) with all its formulas typeset by MathJax; and no
 * output carries plotly.js itself (every chart loads the server's static file).
 *
 * @param label the notebook (and run) named in failure messages
 * @throws uvu's Assertion naming the notebook, the cell and what is wrong
 */
export function checkCells(label: string, cells: CellView[], promised: Promised): void {
  let typeset = 0;
  let loaders = 0;
  for (const c of cells) {
    const where = `${label}, ${cellName(c)}`;
    if (c.empty) continue;
    assert.ok(/^\d+$/.test(c.prompt), `${where} did not run (prompt "${c.prompt}")`);
    assert.equal(c.errors, [], `${where} shows an error`);
    assert.equal(c.stderr, [], `${where} wrote to stderr`);
    const wantCharts = promised.charts.has(c.index) ? 1 : 0;
    assert.is(c.figures, wantCharts, `${where} shows ${c.figures} charts, its source promises ${wantCharts}`);
    assert.is(c.drawn, c.figures, `${where}: ${c.figures - c.drawn} chart(s) without data-stepwise-drawn`);
    assert.is(c.plotted, c.figures, `${where}: ${c.figures - c.plotted} chart(s) without plotly's SVG`);
    if (promised.derivations.has(c.index))
      assert.ok(c.derivations.length > 0, `${where} calls showVerified but shows no derivation`);
    c.derivations.forEach((d, k) => {
      const dw = `${where}, derivation ${k + 1} "${d.title}"`;
      if (d.expectFailure) {
        // A wrong step shown on purpose: rejected as expected (⊘), never ✗.
        assert.ok(d.marks.includes("⊘"), `${dw} is an expected rejection but shows no ⊘ (marks: ${d.marks.join(" ")})`);
      } else {
        assert.is(d.ok, "true", `${dw} is not verified (data-ok="${d.ok}")`);
        assert.ok(d.marks.includes("✓"), `${dw} shows no ✓ (marks: ${d.marks.join(" ")})`);
      }
      assert.not.ok(d.marks.includes("✗"), `${dw} shows ✗ (marks: ${d.marks.join(" ")})`);
      assert.is(d.rawTex, 0, `${dw}: ${d.rawTex} formula(s) left as raw \\[ … \\] text`);
      assert.is(d.typeset, d.maths, `${dw}: MathJax typeset ${d.typeset} of ${d.maths} formulas`);
      typeset += d.typeset;
    });
    loaders += c.loaders;
  }
  if (promised.derivations.size > 0) assert.ok(typeset > 0, `${label}: MathJax typeset no formula in the derivations`);
  assert.is(loaders, 0, `${label}: outputs that carry plotly.js inline`);
}

/**
 * Saves PNGs to test-artifacts/frontend/: `<stem>-chart-N.png` for each chart,
 * `<stem>-derivation-1.png` for the first derivation, `<stem>.png` for the top of the page.
 */
export async function screenshots(page: Page, stem: string): Promise<void> {
  const charts = page.locator("[data-stepwise-figure]");
  for (let i = 0; i < (await charts.count()); i++)
    await charts.nth(i).screenshot({ path: path.join(ARTIFACTS, `${stem}-chart-${i + 1}.png`) });
  const derivation = page.locator("[data-stepwise-derivation]").first();
  if ((await derivation.count()) > 0)
    await derivation.screenshot({ path: path.join(ARTIFACTS, `${stem}-derivation-1.png`) });
  await page.evaluate(() => document.querySelector("#site")?.scrollTo(0, 0));
  await page.screenshot({ path: path.join(ARTIFACTS, `${stem}.png`) });
}

/**
 * Asserts what every code cell of one JupyterLab run shows, against what the
 * notebook's source promises: each cell ran (a number in its prompt) with no
 * error output and nothing on stderr; a cell calling showFigure shows exactly one
 * chart drawn by plotly (its SVG), other cells none; a cell calling showVerified
 * shows a derivation, verified (✓, no ✗; an expected rejection ⊘), with every
 * formula typeset by MathJax and none left as TeX text.
 *
 * @param label the notebook (and run) named in failure messages
 * @throws uvu's Assertion naming the notebook, the cell and what is wrong
 */
export function checkLabCells(label: string, cells: LabCellView[], promised: Promised): void {
  let typeset = 0;
  for (const c of cells) {
    const where = `${label}, ${labCellName(c)}`;
    if (c.empty) continue;
    assert.ok(/^\[\d+\]:?$/.test(c.prompt), `${where} did not run (prompt "${c.prompt}")`);
    assert.equal(c.errors, [], `${where} shows an error`);
    assert.equal(c.stderr, [], `${where} wrote to stderr`);
    const wantCharts = promised.charts.has(c.index) ? 1 : 0;
    assert.is(
      c.plotted + c.images + c.undrawn,
      wantCharts,
      `${where} shows ${c.plotted + c.undrawn} charts, its source promises ${wantCharts}`,
    );
    assert.is(
      c.plotted,
      wantCharts,
      `${where}: ${wantCharts - c.plotted} chart(s) not drawn as interactive plotly charts ${c.placeholders.join(" ")}`,
    );
    if (promised.derivations.has(c.index))
      assert.ok(c.derivations.length > 0, `${where} calls showVerified but shows no derivation with marks and math`);
    c.derivations.forEach((d, k) => {
      const dw = `${where}, derivation ${k + 1} ("${d.text.split("\n")[0]}")`;
      assert.not.ok(d.marks.includes("✗"), `${dw} shows ✗ (marks: ${d.marks.join(" ")})`);
      assert.ok(
        d.marks.includes("✓") || d.marks.includes("⊘"),
        `${dw} shows neither ✓ nor an expected rejection ⊘ (marks: ${d.marks.join(" ")})`,
      );
      assert.is(d.rawTex, 0, `${dw}: ${d.rawTex} formula(s) left as TeX text`);
      assert.ok(d.typeset > 0, `${dw}: no formula typeset by MathJax`);
      typeset += d.typeset;
    });
  }
  if (promised.derivations.size > 0) assert.ok(typeset > 0, `${label}: MathJax typeset no formula in the derivations`);
}
