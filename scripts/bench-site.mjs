// Page weight and time to the last chart of a built site, in Chromium (part of `npm run bench`).
//  - every file a page loads, raw and gzip (level 6, as a server would send it), and the total,
//    against the goal of 600 KiB gzip per page with everything it loads, charts included;
//  - the time from navigation start until the last chart is drawn (cold cache, loopback server;
//    the first chart is scrolled into view at once, since plotly.js loads when a chart nears the viewport);
//  - on pages with something to try: the same total once the verifier is loaded (the reader
//    reached for "Try a step" or an answer box, typed a step and checked it: the live preview
//    drew it), which no page loads at first paint; the heaviest page both ways at the end;
//  - the playground (playground.html, issue 19) with a shared URL (binary cross-entropy of σ(z) by z): its
//    weight once the derivation is made and verified in the page, and the time from navigation start to it;
//  - then with the search used too ("/", a query): the page's total with everything loaded (verifier,
//    search script and index), the index's size, and the first query's time (typing to results: the
//    script, the index's fetch and load, the query), with the index's load and one query alone.
// Alone, on a site already built (after `npm run build`): node scripts/bench-site.mjs SITE_DIR
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { openSite } from "./bench-browser.mjs";

const GOAL = 600 * 1024;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

/**
 * Prints each page's weight and time to its last chart.
 * @param {{ out: string, pages: { page: string, figures: number }[], serveSite: Function, chromium: import("playwright-core").BrowserType }} o
 *   out: the built site's folder; pages: its notebook pages (index.html is measured too)
 * @returns {Promise<{ atLoad: number, tried: number, all: number }>} the heaviest page's gzip bytes at load,
 *   with the verifier used, and with everything used (the verifier and the search)
 */
export async function benchSite({ out, pages, serveSite, chromium }) {
  const site = await openSite({ out, serveSite, chromium });
  const { server, browser } = site;
  const sizes = new Map();
  const sizeOf = (url) => {
    const file = path.join(out, decodeURIComponent(new URL(url).pathname));
    if (!sizes.has(file)) {
      const bytes = existsSync(file) && statSync(file).isFile() ? readFileSync(file) : Buffer.alloc(0);
      sizes.set(file, { raw: bytes.length, gzip: gzipSync(bytes).length });
    }
    return sizes.get(file);
  };
  const sum = (urls) =>
    urls
      .map((u) => ({ name: new URL(u).pathname.slice(1), ...sizeOf(u) }))
      .reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip, rows: [...a.rows, r] }), {
        raw: 0,
        gzip: 0,
        rows: [],
      });
  console.log(`3. page weight (every file the page loads, charts drawn; gzip level 6); goal ≤ ${kb(GOAL)} gzip`);
  console.log("4. time until the last chart is drawn (from navigation start), at the end of each page's line");
  let worst = 0;
  let worstTried = 0;
  let worstAll = 0;
  let worstAllPage = "";
  const firstQuery = [];
  const playground = existsSync(path.join(out, "playground.html"))
    ? `playground.html?${new URLSearchParams({ f: "-(t * log(sigma(z)) + (1 - t) * log(1 - sigma(z)))", wrt: "z", domain: "z: (-10, 10); t: [0, 1]", strategy: "auto" })}`
    : undefined;
  for (const page of ["index.html", ...(playground ? [playground] : []), ...pages.map((p) => p.page)]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    const loaded = [];
    // the network is quiet when no request of the page has been in flight for 500 ms (counted here:
    // Playwright's "networkidle" does not come back on the playground once its derivation is made)
    const inflight = new Set();
    tab.on("request", (r) => inflight.add(r));
    tab.on("requestfailed", (r) => inflight.delete(r));
    tab.on("requestfinished", (r) => inflight.delete(r));
    const quiet = async () => {
      const until = Date.now() + 180_000;
      for (let calm = 0; calm < 5 && Date.now() < until; ) {
        await new Promise((r) => setTimeout(r, 100));
        calm = inflight.size === 0 ? calm + 1 : 0;
      }
    };
    tab.on("requestfinished", (r) => {
      if (r.url().startsWith(server.url)) loaded.push(r.url());
    });
    await tab.goto(server.url + page, { waitUntil: "domcontentloaded" });
    const figures = pages.find((p) => p.page === page)?.figures ?? 0;
    let drawn = "no charts";
    if (figures > 0) {
      await tab.locator("[data-stepwise-figure]").first().scrollIntoViewIfNeeded();
      await tab.waitForSelector("html[data-charts-drawn]", { timeout: 60_000 });
      const ms = await tab.evaluate(() => performance.getEntriesByName("stepwise:charts-drawn")[0]?.startTime ?? NaN);
      drawn = `${figures} chart(s) drawn at ${ms.toFixed(0)} ms`;
    }
    if (page === playground) {
      await tab.waitForSelector("html[data-playground=done]", { timeout: 180_000 });
      const ms = await tab.evaluate(() => performance.now());
      drawn = `the derivation made and verified in the page at ${ms.toFixed(0)} ms (${await tab.locator("#pg-status").textContent()})`;
    }
    await quiet();
    const atLoad = sum(loaded);
    worst = Math.max(worst, atLoad.gzip);
    const verdict = atLoad.gzip <= GOAL ? "within the goal" : "OVER the goal";
    console.log(
      `   ${page === playground ? "playground.html (a shared URL)" : page}: ${kb(atLoad.raw)} raw, ${kb(atLoad.gzip)} gzip (${verdict}), ${atLoad.rows.length} files; ${drawn}`,
    );
    for (const r of atLoad.rows)
      console.log(`      ${r.name.padEnd(52)} ${kb(r.raw).padStart(12)} ${kb(r.gzip).padStart(12)}`);
    if ((await tab.locator(".stepwise-try-open, form.stepwise-answer").count()) > 0) {
      const open = tab.locator(".stepwise-try-open").first();
      if (await open.count()) await open.click();
      else await tab.locator("form.stepwise-answer input").first().focus();
      await tab.waitForSelector("html[data-verifier=ready]", { timeout: 60_000 });
      await quiet();
      // type into the field so that the live preview (KaTeX) runs too
      const field = tab.locator(".stepwise-try:not([hidden]) input, form.stepwise-answer input").first();
      if (await field.count()) {
        await field.fill("sigma(x) * (1 - sigma(x))");
        await field.press("Enter");
        await tab
          .waitForFunction(
            () =>
              Array.from(document.querySelectorAll(".stepwise-try-verdict")).some((v) =>
                /^[✓✗]/.test(v.textContent ?? ""),
              ),
            undefined,
            { timeout: 60_000 },
          )
          .catch(() => {});
      }
      await quiet();
      // the rest of what a reader can load in the form: "Hint" pressed twice (the rule, then the step) and
      // "Show the kit's derivation" (explain() made, verified and typeset in the page)
      const hint = tab
        .locator(".stepwise-try:not([hidden]) .stepwise-hint, form.stepwise-answer .stepwise-hint")
        .first();
      if (await hint.count()) {
        await hint.click();
        await hint.click();
        await tab.waitForSelector(".stepwise-hint-line[data-press='2']", { timeout: 60_000 }).catch(() => {});
      }
      const kit = tab.locator(".stepwise-try:not([hidden]) .stepwise-kit-open").first();
      if (await kit.count()) {
        await kit.click();
        await tab.waitForSelector(".stepwise-kit-status[data-ok]", { timeout: 120_000 }).catch(() => {});
      }
      await quiet();
      const tried = sum(loaded);
      worstTried = Math.max(worstTried, tried.gzip);
      console.log(
        `      after reaching for "Try a step" (a step typed and checked, Hint, the kit's derivation): ${kb(tried.gzip)} gzip with the verifier (+${kb(tried.gzip - atLoad.gzip)}, ${tried.gzip <= GOAL ? "within the goal" : "OVER the goal"})`,
      );
      for (const r of tried.rows.slice(atLoad.rows.length))
        console.log(`      + ${r.name.padEnd(50)} ${kb(r.raw).padStart(12)} ${kb(r.gzip).padStart(12)}`);
    }
    const before = sum(loaded).rows.length;
    await tab.keyboard.press("/");
    const t0 = Date.now();
    await tab.fill("#site-search-input", "quotient rule");
    await tab.waitForSelector("html[data-search-results]", { timeout: 60_000 });
    const typedToResults = Date.now() - t0;
    const inPage = await tab.evaluate(async () => {
      const search = await window.stepwiseSearch;
      const t = performance.now();
      const hits = search.search("Jacobian");
      return { loadMs: search.loadMs, queryMs: performance.now() - t, hits: hits.length };
    });
    await quiet();
    const all = sum(loaded);
    if (all.gzip > worstAll) worstAllPage = page === playground ? "playground.html" : page;
    worstAll = Math.max(worstAll, all.gzip);
    firstQuery.push(typedToResults);
    console.log(
      `      with the search used too: ${kb(all.gzip)} gzip, everything loaded (${all.gzip <= GOAL ? "within the goal" : "OVER the goal"}); first query ${typedToResults} ms from typing to results (index fetched and loaded in ${inPage.loadMs.toFixed(0)} ms, a query alone ${inPage.queryMs.toFixed(1)} ms, ${inPage.hits} hits for "Jacobian")`,
    );
    for (const r of all.rows.slice(before))
      console.log(`      + ${r.name.padEnd(50)} ${kb(r.raw).padStart(12)} ${kb(r.gzip).padStart(12)}`);
    await context.close();
  }
  console.log(`   heaviest page at load: ${kb(worst)} gzip, ${(worst / GOAL).toFixed(2)} of the goal`);
  console.log(
    `   heaviest page with the verifier loaded: ${kb(worstTried)} gzip, ${(worstTried / GOAL).toFixed(2)} of the goal`,
  );
  console.log(
    `   heaviest page with everything loaded (verifier with a step checked, Hint and the kit's derivation; search and its index): ${worstAllPage}, ${kb(worstAll)} gzip, ${(worstAll / GOAL).toFixed(2)} of the goal of ${kb(GOAL)} (${worstAll <= GOAL ? "within" : "OVER"})`,
  );
  const index = sizeOf(new URL("assets/search-index.json", server.url).href);
  const sorted = [...firstQuery].sort((a, b) => a - b);
  console.log(
    `   search index: ${kb(index.raw)} raw, ${kb(index.gzip)} gzip; first query from typing to results: median ${sorted[Math.floor(sorted.length / 2)]} ms, slowest ${sorted[sorted.length - 1]} ms over ${sorted.length} pages`,
  );
  await site.close();
  return { atLoad: worst, tried: worstTried, all: worstAll };
}

/**
 * A built site's notebook pages and how many charts each holds, read from its HTML (what the
 * build reports as `pages`), for running this bench alone.
 * @param {string} out the site's folder
 * @returns {{ page: string, figures: number }[]} site-relative page paths, sorted
 */
export function sitePages(out) {
  return readdirSync(out, { recursive: true })
    .map((f) => String(f).split(path.sep).join("/"))
    .filter((f) => f.endsWith(".html") && f !== "index.html" && f !== "playground.html" && !f.startsWith("assets/"))
    .sort()
    .map((page) => ({
      page,
      figures: (readFileSync(path.join(out, page), "utf8").match(/<div[^>]*\sdata-stepwise-figure[\s>]/g) ?? []).length,
    }));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out || !existsSync(path.join(out, "index.html"))) {
    console.error(`usage: node scripts/bench-site.mjs SITE_DIR (a built site; got ${JSON.stringify(out)})`);
    process.exit(2);
  }
  const require = createRequire(import.meta.url);
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
  const { serveSite } = require(path.join(root, "dist", "pipeline", "serve.js"));
  const { chromium } = require("playwright-core");
  await benchSite({ out: path.resolve(out), pages: sitePages(out), serveSite, chromium });
}
