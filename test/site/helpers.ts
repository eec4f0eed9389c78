import { mkdirSync, readFileSync } from "node:fs";
import { tempFolder } from "../temp-folders";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
export { buildLibOnce, launchChromium, ROOT } from "../shared";
import { ROOT } from "../shared";
import * as assert from "uvu/assert";
import { axeViolations, openTryForms } from "./axe";
import { derivationLinesTooWide } from "./derivation-lines";

export const ARTIFACTS = path.join(ROOT, "test-artifacts", "site");
/** Full-page screenshots of every checked page, only on request (STEPWISE_SCREENSHOTS=1). */
const SCREENSHOTS = process.env.STEPWISE_SCREENSHOTS === "1";

/** A fresh temporary folder, removed when the test process exits. */
export function tempDir(prefix: string): string {
  return tempFolder(prefix);
}

/** What a page must show, computed from the executed notebook (not from the site). */
export interface Expectation {
  /** Charts: outputs of plotly's JSON type. */
  figures: number;
  /** True when a markdown cell or a rich output holds TeX delimiters. */
  math: boolean;
  /** Derivations: outputs of the kit's derivation JSON type. */
  derivations: number;
}

const text = (v: unknown): string => (Array.isArray(v) ? v.join("") : typeof v === "string" ? v : "");

/**
 * Reads an executed notebook and counts what its page must show: charts (outputs
 * carrying application/vnd.plotly.v1+json) and derivations (outputs carrying
 * application/vnd.stepwise.derivation+json): the site draws both from these JSON
 * types alone; and whether any markdown cell or output has TeX.
 */
export function expectationOf(executedFile: string): Expectation {
  const nb = JSON.parse(readFileSync(executedFile, "utf8")) as {
    cells: { cell_type: string; source: unknown; outputs?: { data?: Record<string, unknown> }[] }[];
  };
  let figures = 0;
  let derivations = 0;
  let math = false;
  const tex = /\$[^$\s]|\\\[|\\\(|\\begin\{/;
  for (const cell of nb.cells) {
    if (cell.cell_type === "markdown" && tex.test(text(cell.source))) math = true;
    for (const o of cell.outputs ?? []) {
      const html = text(o.data?.["text/html"]);
      if (o.data?.["application/vnd.plotly.v1+json"] !== undefined) figures += 1;
      if (o.data?.["application/vnd.stepwise.derivation+json"] !== undefined) {
        derivations += 1;
        math = true;
      }
      const rich = html || text(o.data?.["text/latex"]) || text(o.data?.["text/markdown"]);
      if (rich && tex.test(rich.replace(/<script[\s\S]*?<\/script>/g, ""))) math = true;
    }
  }
  return { figures, math, derivations };
}

/** What happened while a page loaded. */
export interface Visit {
  consoleErrors: string[];
  foreignRequests: string[];
}

/**
 * Opens a URL in a page that records console errors, uncaught exceptions and
 * every request outside the site's origin, and waits for the network to settle.
 */
export async function visit(page: Page, url: string, origin: string): Promise<Visit> {
  const v: Visit = { consoleErrors: [], foreignRequests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") v.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => v.consoleErrors.push(`uncaught: ${e.message}`));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith("data:")) v.foreignRequests.push(u);
  });
  await page.goto(url, { waitUntil: "networkidle" });
  return v;
}

/**
 * Brings the first chart of a page into view (plotly.js loads when a chart nears the
 * viewport) and waits until every chart is drawn (`data-charts-drawn` on <html>).
 */
export async function drawCharts(page: Page): Promise<void> {
  await page.locator("[data-stepwise-figure]").first().scrollIntoViewIfNeeded();
  await page.waitForSelector("html[data-charts-drawn]", { timeout: 30_000 });
}

/** Text on the page outside code, KaTeX and scripts that still looks like TeX delimiters. */
export function leftoverTex(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest("pre, code, script, style, textarea, .katex")) continue;
      const t = n.textContent ?? "";
      const m = t.match(/\$\$|\\\[|\\\]|\\\(|\\\)|\$[^$\s]*\\[A-Za-z]+|\\begin\{/);
      if (m) found.push(t.slice(Math.max(0, (m.index ?? 0) - 20), (m.index ?? 0) + 30));
    }
    return found;
  });
}

/**
 * Checks one page of a built site in Chromium: no console error, no request
 * outside the site, math rendered (KaTeX present where the notebook has TeX,
 * no leftover delimiters, no .katex-error), every chart drawn, derivations with
 * their ✓ and tier, no notebook script run, no sideways scrolling at phone
 * width (the page, nor a box in a derivation unless a formula in it is wider than the derivation, nor any line of
 * a derivation unless one piece of it KaTeX cannot break is wider than the screen), no chart
 * title past its chart's edges, and no violation axe-core finds (any impact) with the "Try a step" forms open,
 * in the light and the dark scheme. With STEPWISE_SCREENSHOTS=1 it also saves full-page
 * screenshots (desktop and phone, light and dark) to test-artifacts/site/: they assert nothing
 * and cost about a second each on a long page, so `npm test` skips them.
 */
export async function checkPage(
  browser: Browser,
  base: string,
  pageFile: string,
  expected: Expectation,
  shotName: string,
): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const [label, width] of [
    ["desktop", 1280],
    ["phone", 390],
  ] as const) {
    const context = await browser.newContext({ viewport: { width, height: 860 } });
    const page = await context.newPage();
    const v = await visit(page, base + pageFile, base);
    if (expected.figures > 0) await drawCharts(page);
    const where = `${pageFile} (${label})`;
    assert.equal(v.consoleErrors, [], `console errors on ${where}`);
    assert.equal(v.foreignRequests, [], `requests outside the site from ${where}`);
    const dom = await page.evaluate(() => ({
      katex: document.querySelectorAll(".katex").length,
      katexErrors: document.querySelectorAll(".katex-error").length,
      plots: document.querySelectorAll(".stepwise-plot.js-plotly-plot").length,
      svgPlots: new Set(
        Array.from(document.querySelectorAll(".stepwise-plot .main-svg")).map((s) => s.closest(".stepwise-plot")),
      ).size,
      drawn: document.documentElement.getAttribute("data-charts-drawn"),
      derivations: Array.from(document.querySelectorAll("[data-stepwise-derivation]")).map((d) => ({
        ok: d.getAttribute("data-ok"),
        marks: Array.from(d.querySelectorAll(".stepwise-mark")).map((m) => m.textContent ?? ""),
        tiers: d.querySelectorAll(".stepwise-tier").length,
      })),
      notebookScriptsRan: [
        "__stepwisePwned",
        "__stepwiseLoaderRan",
        "__stepwiseFigureScriptRan",
        "__stepwiseScriptOnly",
      ].filter((k) => k in window),
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      // chart titles past their chart's left or right edge (plotly draws a title on one line and clips it)
      titlesOutside: Array.from(document.querySelectorAll(".stepwise-plot")).flatMap((p) => {
        const box = p.getBoundingClientRect();
        return Array.from(p.querySelectorAll(".gtitle"))
          .map((t) => ({ t, r: t.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5))
          .map(
            ({ t, r }) =>
              `"${t.textContent}" spans ${r.left.toFixed(0)}–${r.right.toFixed(0)} px, its chart ${box.left.toFixed(0)}–${box.right.toFixed(0)} px`,
          );
      }),
      // a box inside a derivation that scrolls sideways, though no formula in it is wider than the derivation's own width
      // (an unbreakable piece of a formula: a KaTeX .base; KaTeX's hidden MathML is left aside)
      needlessScroll: Array.from(document.querySelectorAll("[data-stepwise-derivation]")).flatMap((d) => {
        const style = getComputedStyle(d);
        const room = d.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return Array.from(d.querySelectorAll<HTMLElement>("*"))
          .filter(
            (e) =>
              e.clientWidth > 1 &&
              e.scrollWidth > e.clientWidth &&
              !e.closest(".katex-mathml") &&
              ["auto", "scroll"].includes(getComputedStyle(e).overflowX),
          )
          .filter((e) =>
            Array.from(e.querySelectorAll(".katex-html > .base")).every((b) => b.getBoundingClientRect().width <= room),
          )
          .map(
            (e) =>
              `${e.className} ${e.clientWidth}/${e.scrollWidth}px in a derivation with ${room.toFixed(0)}px of room: ${e.querySelector("annotation")?.textContent?.slice(0, 60) ?? e.textContent?.slice(0, 60)}`,
          );
      }),
    }));
    assert.equal(dom.katexErrors, 0, `.katex-error on ${where}`);
    if (expected.math) assert.ok(dom.katex > 0, `no KaTeX on ${where} although the notebook has TeX`);
    assert.equal(await leftoverTex(page), [], `leftover TeX delimiters on ${where}`);
    assert.is(dom.plots, expected.figures, `plotly charts on ${where}`);
    assert.is(dom.svgPlots, expected.figures, `charts with an SVG on ${where}`);
    if (expected.figures > 0) assert.is(dom.drawn, String(expected.figures), `data-charts-drawn on ${where}`);
    assert.is(dom.derivations.length, expected.derivations, `derivations on ${where}`);
    for (const d of dom.derivations) {
      if (d.ok === "true") {
        assert.ok(d.marks.includes("✓"), `a verified derivation without ✓ on ${where}`);
        assert.ok(d.tiers > 0, `a verified derivation without its tier on ${where}`);
      }
    }
    assert.equal(dom.notebookScriptsRan, [], `notebook scripts ran on ${where}`);
    assert.ok(dom.overflow <= 0, `${where} scrolls sideways by ${dom.overflow}px`);
    assert.equal(dom.titlesOutside, [], `${where}: chart titles cut off at the chart's edge`);
    // issue 22's rule, at phone width (on a desktop, page 06's widest formula is still 2px wider than its column of the chain)
    if (label === "phone")
      assert.equal(
        dom.needlessScroll,
        [],
        `${where}: derivation boxes that scroll sideways with no formula too wide for them`,
      );
    // issue 22: at 390 px no line of a derivation scrolls unless one unbreakable piece alone is wider than the screen
    if (label === "phone")
      assert.equal(
        await page.evaluate(derivationLinesTooWide),
        [],
        `${where}: derivation lines wider than their column`,
      );
    if (SCREENSHOTS) await page.screenshot({ path: path.join(ARTIFACTS, `${shotName}-${label}.png`), fullPage: true });
    // accessibility, as a reader finds the page: "Try a step" forms open, answer boxes shown, in both colour schemes
    await openTryForms(page);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const violations = await axeViolations(page);
      assert.equal(violations, [], `axe-core on ${where}, ${scheme} scheme: ${JSON.stringify(violations, null, 1)}`);
    }
    if (SCREENSHOTS)
      await page.screenshot({ path: path.join(ARTIFACTS, `${shotName}-${label}-dark.png`), fullPage: true });
    await context.close();
  }
}

/**
 * A verdict as a reader hears it, each formula as `$TeX$` (from KaTeX's MathML annotation);
 * fails if anything in it is math left as text (mathjs's `^(`, `*`) outside a formula.
 */
export async function verdictText(page: Page, selector: string): Promise<string> {
  const text = await page.locator(selector).evaluate((node) => {
    const copy = node.cloneNode(true) as HTMLElement;
    for (const k of Array.from(copy.querySelectorAll(".katex")))
      k.replaceWith(`$${k.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? "?"}$`);
    return copy.textContent ?? "";
  });
  // the words around the formulas, an exercise's own hint aside (its author's words, $…$ typeset
  // when written so), and a hint's step as the reader types it (mathjs syntax on purpose)
  const words = await page.locator(selector).evaluate((node) => {
    const copy = node.cloneNode(true) as HTMLElement;
    for (const k of Array.from(copy.querySelectorAll(".katex, .stepwise-try-hint, .stepwise-hint-typed"))) k.remove();
    return copy.textContent ?? "";
  });
  assert.not.match(words, /\^\(|\w \* \w|e\^/, `math left as text in the verdict: ${text}`);
  return text;
}

/** A number KaTeX shows (`numberTex`: "1.5", "-2.5 \times 10^{-14}") as a JavaScript number. */
export const texNumber = (tex: string): number =>
  Number(tex.replace(/\s*\\times\s*10\^\{(-?\d+)\}/, "e$1").replace(/\s+/g, ""));
