/**
 * KaTeX's fonts on the tutorials' site (built like `npm start` does; only when notebooks/ has
 * notebooks): every formula drawn from the font subsets alone, in the same fonts and sizes as
 * with KaTeX's full fonts, and a character no formula uses drawn from the full font. Read from
 * DevTools once the page's fonts are quiet, so that the reading does not depend on how fast the
 * machine fetches and decodes the faces.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { NOTEBOOKS } from "../shared";
import { buildLibOnce, visit } from "./helpers";
import { buildAndServe, close, type BuiltSite } from "./site-check";

const present =
  existsSync(NOTEBOOKS) && readdirSync(NOTEBOOKS).some((f) => f.toLowerCase().endsWith(".ipynb") && !f.startsWith("."));
let site: BuiltSite | undefined;

const s = suite("KaTeX's font subsets on the site built from notebooks/");
s.before(async () => {
  if (!present) return;
  buildLibOnce();
  site = await buildAndServe(NOTEBOOKS, "fonts");
});
s.after(() => close(site));

if (present) {
  /**
   * Waits until the page's fonts are quiet: the page laid out (so that every face its text needs has been
   * requested), no face loading and fonts.ready resolved, twice in a row two frames apart. One fonts.ready is
   * not enough: a face requested after it resolved (by a layout it caused: an opened disclosure, the narrow
   * forms fitLines shows on "loadingdone") is still loading when the page is read, and Chromium lays out a
   * text whose face is loading in a fallback font and reports that font.
   */
  const fontsQuiet = (page: Page): Promise<void> =>
    page.evaluate(async () => {
      // (no named function in here: the test's transpiler would wrap it in a helper the page does not have)
      for (let quiet = 0, round = 0; quiet < 2 && round < 200; round++) {
        void document.body.offsetHeight;
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        await document.fonts.ready;
        let loading = false;
        document.fonts.forEach((f) => {
          loading ||= f.status === "loading";
        });
        quiet = loading || document.fonts.status !== "loaded" ? 0 : quiet + 1;
      }
    });

  /** For each text-holding element of the page's formulas: the fonts Chromium drew it with and how many glyphs of each (DevTools' CSS.getPlatformFontsForNode). */
  const drawnFontsOnce = async (page: Page, selector: string): Promise<string[]> => {
    const count = await page.evaluate((sel) => {
      // the probes of an earlier reading go first
      for (const e of Array.from(document.querySelectorAll("[data-font-probe]"))) e.removeAttribute("data-font-probe");
      let n = 0;
      for (const e of Array.from(document.querySelectorAll(sel))) {
        // text that draws something: zero-width characters (the U+200B of KaTeX's vlist-s struts) need no glyph of any font
        if (
          Array.from(e.childNodes).some(
            (c) => c.nodeType === 3 && /[^\s\u200b-\u200d\u2060\ufeff]/.test(c.textContent ?? ""),
          )
        )
          e.setAttribute("data-font-probe", String(n++));
      }
      return n;
    }, selector);
    const cdp = await page.context().newCDPSession(page);
    try {
      await cdp.send("DOM.enable");
      await cdp.send("CSS.enable");
      const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
      const { nodeIds } = await cdp.send("DOM.querySelectorAll", {
        nodeId: root.nodeId,
        selector: "[data-font-probe]",
      });
      assert.is(nodeIds.length, count);
      // all asked at once: DevTools answers in order, and the reading takes one round trip, not one per element
      const answers = await Promise.all(nodeIds.map((nodeId) => cdp.send("CSS.getPlatformFontsForNode", { nodeId })));
      return answers.map((r) =>
        r.fonts
          .map((f) => `${f.familyName}${f.isCustomFont ? "" : " (system)"} ×${f.glyphCount}`)
          .sort()
          .join(", "),
      );
    } finally {
      await cdp.detach();
    }
  };

  /**
   * {@link drawnFontsOnce} once the page's fonts are quiet ({@link fontsQuiet}), read until two readings in a row
   * agree (at most 6): a reading is kept only when nothing changed under it, so what it reports no longer depends on
   * how fast the machine fetched and decoded the faces.
   */
  const drawnFonts = async (page: Page, selector: string): Promise<string[]> => {
    await fontsQuiet(page);
    let last = await drawnFontsOnce(page, selector);
    for (let reading = 1; reading < 6; reading++) {
      await fontsQuiet(page);
      const again = await drawnFontsOnce(page, selector);
      if (again.join("\n") === last.join("\n")) return again;
      last = again;
    }
    return last;
  };

  s(
    "should draw every formula from the KaTeX font subsets alone, in the same fonts and sizes as with KaTeX's full fonts",
    async () => {
      const original = readFileSync(
        path.join(path.dirname(require.resolve("katex/package.json")), "dist", "katex.min.css"),
        "utf8",
      );
      const look = async (pageFile: string, full: boolean) => {
        const context = await site!.browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        const fonts: string[] = [];
        page.on("requestfinished", (r) => {
          if (/\.(woff2?|ttf)$/.test(r.url())) fonts.push(r.url().split("/").pop()!);
        });
        // KaTeX's own stylesheet instead of the site's: every face from its full font
        if (full)
          await page.route("**/assets/katex/katex.min.css", (route) =>
            route.fulfill({ contentType: "text/css", body: original }),
          );
        await visit(page, `${site!.server.url}${pageFile}`, site!.server.url);
        // every disclosure open (a derivation's details hold formulas too): a closed one draws nothing
        // (drawnFonts waits for the faces the opened contents need)
        await page.evaluate(() => {
          for (const d of Array.from(document.querySelectorAll("details"))) d.open = true;
        });
        // KaTeX's HTML (its MathML copy is drawn in the browser's math font, whatever the stylesheet)
        const drawn = await drawnFonts(page, ".katex-html *");
        const boxes = await page.evaluate(() =>
          // sizes of the formulas in the page's flow (an opened disclosure's width follows its loading)
          Array.from(document.querySelectorAll(".katex"))
            .filter((e) => !e.closest("details"))
            .map((e) => {
              const r = e.getBoundingClientRect();
              return `${r.width.toFixed(2)}×${r.height.toFixed(2)}`;
            }),
        );
        await context.close();
        return { fonts, drawn, boxes };
      };
      let formulas = 0;
      for (const p of [{ page: "index.html" }, ...site!.result.pages]) {
        const subset = await look(p.page, false);
        const full = await look(p.page, true);
        if (full.boxes.length === 0) continue;
        formulas += full.boxes.length;
        assert.ok(subset.fonts.length > 0, `${p.page}: loads fonts`);
        assert.equal(
          subset.fonts.filter((f) => !/\.[0-9a-f]{8}\.woff2$/.test(f)),
          [],
          `${p.page}: only subsets load`,
        );
        // an element that drew no glyph in one of the two loads (hidden: a derivation line's narrow
        // form where the line fits) has nothing to compare; every element drawn in both must use the
        // same fonts, and those must be at least half of them
        assert.is(subset.drawn.length, full.drawn.length, `${p.page}: formula elements`);
        const both = full.drawn.flatMap((f, i) => (f !== "" && subset.drawn[i] !== "" ? [i] : []));
        assert.ok(
          both.length >= 0.5 * full.drawn.length,
          `${p.page}: only ${both.length} of ${full.drawn.length} formula elements drawn in both loads`,
        );
        assert.equal(
          both.map((i) => subset.drawn[i]),
          both.map((i) => full.drawn[i]),
          `${p.page}: the fonts each formula element is drawn with`,
        );
        assert.not.ok(
          full.drawn.some((f) => f.includes("(system)")),
          `${p.page}: no formula falls back to a system font`,
        );
        assert.equal(subset.boxes, full.boxes, `${p.page}: each formula's size`);
      }
      assert.ok(formulas >= 300, `${formulas} formulas compared`);
    },
  );

  s(
    "should load KaTeX's full font for a character typed in the live preview that no page's formula uses, and draw it in that font",
    async () => {
      const logistic = site!.result.pages.find((p) => p.file.startsWith("06-"))!;
      const css = readFileSync(path.join(site!.result.out, "assets/katex/katex.min.css"), "utf8");
      // the characters the Math italic subset holds, from its unicode-range
      const subsetRule = /@font-face\{[^}]*KaTeX_Math-Italic\.[0-9a-f]{8}\.woff2[^}]*\}/.exec(css)?.[0] ?? "";
      const range = /unicode-range:([^;}]*)/.exec(subsetRule)?.[1] ?? "";
      assert.ok(range, "the Math italic face has a subset");
      const inSubset = (ch: string) =>
        range.split(",").some((r) => {
          const [a, b] = r
            .replace("U+", "")
            .split("-")
            .map((h) => parseInt(h, 16));
          const c = ch.codePointAt(0)!;
          return c >= a && c <= (b ?? a);
        });
      const greek: Record<string, string> = { omega: "ω", kappa: "κ", zeta: "ζ", xi: "ξ", psi: "ψ", chi: "χ" };
      const name = Object.keys(greek).find((k) => !inSubset(greek[k]));
      assert.ok(name, "a Greek letter the site's formulas do not use");
      const page = await site!.browser.newPage({ viewport: { width: 1280, height: 900 } });
      const fonts: string[] = [];
      page.on("requestfinished", (r) => {
        if (/\.(woff2?|ttf)$/.test(r.url())) fonts.push(r.url().split("/").pop()!);
      });
      const v = await visit(page, `${site!.server.url}${logistic.page}`, site!.server.url);
      assert.not.ok(fonts.includes("KaTeX_Math-Italic.woff2"), "the full font is not loaded at first");
      await page.locator(".stepwise-try-open").first().click();
      const form = page.locator("form.stepwise-try:not([hidden])").first();
      await form.locator("input").fill(`${name} * x + 1`);
      await page.waitForSelector("form.stepwise-try:not([hidden]) .stepwise-try-preview .katex", { timeout: 60_000 });
      await page
        .waitForFunction((f) => document.fonts.check(`16px KaTeX_Math`, f), greek[name!], { timeout: 10_000 })
        .catch(() => {});
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.waitForTimeout(200);
      assert.ok(
        fonts.includes("KaTeX_Math-Italic.woff2"),
        `the full Math italic font is loaded for ${greek[name!]}: ${fonts.join(", ")}`,
      );
      const drawn = await drawnFonts(page, "form.stepwise-try:not([hidden]) .stepwise-try-preview .katex-html *");
      assert.ok(drawn.length > 0 && drawn.every((f) => f !== "" && !f.includes("(system)")), drawn.join(" | "));
      assert.equal(v.foreignRequests, []);
      await page.close();
    },
  );
}

s.run();
