import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ROOT, buildLibOnce, drawCharts, visit } from "./helpers";
import { buildAndServe, checkAllPages, checkIndexOrder, close, type BuiltSite } from "./site-check";

const FIXTURES = path.join(ROOT, "test", "fixtures", "site");
let site: BuiltSite | undefined;

const s = suite("site built from the fixture notebooks");
s.before(async () => {
  buildLibOnce();
  site = await buildAndServe(FIXTURES, "fixtures");
});
s.after(() => close(site));

s("should list every notebook on the index in file-name order", () => {
  checkIndexOrder(site!, FIXTURES);
});

s("should render every page without errors, with math, charts and derivations drawn", async () => {
  await checkAllPages(site!, "fixtures");
});

s("should keep the fixtures' special cases: escaped scripts shown as text, ANSI colours, hidden input", async () => {
  const page = await site!.browser.newPage();
  await visit(page, `${site!.server.url}01-markdown-and-math.html`, site!.server.url);
  const text = await page.locator("main").innerText();
  assert.ok(text.includes("<script>window.__stepwisePwned = 'text'</script> is plain text"));
  assert.ok(text.includes("costs $5 and $6, and $7 is escaped"));
  const green = page.locator(".output-stdout span", { hasText: "green" });
  assert.is(await green.getAttribute("class"), "ansi-green-fg");
  // the page's AA-contrast green of the light scheme (#116329), not ansi_up's #00bb00
  assert.is(await green.evaluate((e) => getComputedStyle(e).color), "rgb(17, 99, 41)");
  assert.not.ok(text.includes("tag remove-input"), "the input of the remove-input cell is hidden");
  assert.ok(text.includes("only the output is shown"));
  await page.close();
});

s("should link previous and next pages and offer each notebook without outputs", async () => {
  const page = await site!.browser.newPage();
  await visit(page, `${site!.server.url}02-charts-and-derivations.html`, site!.server.url);
  assert.is(await page.getAttribute("a[rel=prev]", "href"), "01-markdown-and-math.html");
  assert.is(await page.getAttribute("a[rel=next]", "href"), "03-stepwise-library.html");
  const href = await page.getAttribute("a.download", "href");
  const res = await page.request.get(new URL(href!, page.url()).href);
  assert.is(res.status(), 200);
  const nb = (await res.json()) as { cells: { outputs?: unknown[] }[] };
  assert.ok(nb.cells.every((c) => (c.outputs ?? []).length === 0));
  await page.close();
});

s(
  "should draw the colours of every notation charts use with the site's plotly.js (its colour library cut to rgb and hsl)",
  async () => {
    const page = await site!.browser.newPage();
    await visit(page, `${site!.server.url}03-stepwise-library.html`, site!.server.url);
    await drawCharts(page);
    const drawn = await page.evaluate(async () => {
      const div = document.createElement("div");
      document.body.appendChild(div);
      const colors = [
        "#0072B2",
        "#d55e00",
        "rgba(0, 158, 115, 0.5)",
        "rgb(230,159,0)",
        "hsl(120, 100%, 25%)",
        "crimson",
      ];
      const plotly = (window as unknown as { Plotly: { newPlot: (...a: unknown[]) => Promise<unknown> } }).Plotly;
      await plotly.newPlot(
        div,
        colors.map((c, i) => ({ x: [0, 1], y: [i, i + 1], mode: "lines", line: { color: c } })),
        { paper_bgcolor: "#123456", plot_bgcolor: "rgba(255, 255, 255, 0.25)", showlegend: true },
      );
      const lines = Array.from(div.querySelectorAll(".scatterlayer .js-line")).map((p) => [
        (p as SVGElement).style.stroke,
        (p as SVGElement).style.strokeOpacity,
      ]);
      const paper = (div.querySelector(".main-svg") as SVGElement).style.background;
      div.remove();
      return { lines, paper };
    });
    assert.equal(drawn.lines, [
      ["rgb(0, 114, 178)", "1"],
      ["rgb(213, 94, 0)", "1"],
      ["rgb(0, 158, 115)", "0.5"],
      ["rgb(230, 159, 0)", "1"],
      ["rgb(0, 128, 0)", "1"],
      ["rgb(220, 20, 60)", "1"],
    ]);
    assert.is(drawn.paper, "rgb(18, 52, 86)");
    await page.close();
  },
);

s("should reach search results with the arrow keys and follow one with Enter", async () => {
  const page = await site!.browser.newPage();
  await visit(page, `${site!.server.url}01-markdown-and-math.html`, site!.server.url);
  await page.keyboard.press("/");
  await page.keyboard.type("derivation");
  await page.waitForSelector("html[data-search-results]");
  const hrefs = await page.$$eval("#site-search-results a", (as) => as.map((a) => (a as HTMLAnchorElement).href));
  assert.ok(hrefs.length >= 2, `${hrefs.length} results for "derivation"`);
  const focused = () =>
    page.evaluate(() => {
      const a = document.activeElement;
      return a instanceof HTMLAnchorElement ? a.href : (a?.id ?? "");
    });
  await page.keyboard.press("ArrowDown");
  assert.is(await focused(), hrefs[0], "↓ from the field: the first result");
  await page.keyboard.press("ArrowDown");
  assert.is(await focused(), hrefs[1], "↓ again: the second");
  await page.keyboard.press("ArrowUp");
  assert.is(await focused(), hrefs[0], "↑: back to the first");
  await page.keyboard.press("ArrowUp");
  assert.is(await focused(), "site-search-input", "↑ from the first: the field");
  await page.keyboard.press("ArrowDown");
  await Promise.all([page.waitForURL(hrefs[0]), page.keyboard.press("Enter")]);
  assert.is(page.url(), hrefs[0], "Enter follows the result");
  await page.close();
});

s("should hide navigation and keep charts when printed", async () => {
  const page = await site!.browser.newPage();
  await visit(page, `${site!.server.url}03-stepwise-library.html`, site!.server.url);
  await drawCharts(page);
  await page.emulateMedia({ media: "print" });
  const shown = await page.evaluate(() =>
    [".site-header", ".toc", ".pager", ".stepwise-plot"].map((sel) => {
      const el = document.querySelector(sel);
      return el ? getComputedStyle(el).display !== "none" : null;
    }),
  );
  assert.equal(shown, [false, false, false, true]);
  await page.pdf({ path: path.join(ROOT, "test-artifacts", "site", "fixtures-03-print.pdf"), format: "A4" });
  await page.close();
});

s.run();
