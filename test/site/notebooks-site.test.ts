import { existsSync, readdirSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildLibOnce, drawCharts, texNumber, verdictText, visit } from "./helpers";
import { NOTEBOOKS } from "../shared";

/** Binary cross-entropy of one prediction, whose ∂L/∂ŷ tutorial 04 asks for in an exercise. */
const BCE = "-(t * log(yhat) + (1 - t) * log(1 - yhat))";
import { buildAndServe, checkAllPages, checkIndexOrder, close, type BuiltSite } from "./site-check";
import { PAGE_WEIGHT_GOAL, pageWeight } from "./page-weight";
import { derivationFromSpec } from "../../lib/derive/from-spec";
import type { DerivationSpec } from "../../lib/derive/spec";
import { DEFAULT_TEX_NAMES } from "../../lib/derive/tex";
import { exprTex } from "../../lib/outputs/derivation-tex";
import { TRY_ATTR } from "../../lib/site/browser/markers";

const present =
  existsSync(NOTEBOOKS) && readdirSync(NOTEBOOKS).some((f) => f.toLowerCase().endsWith(".ipynb") && !f.startsWith("."));
let site: BuiltSite | undefined;

// The tutorials' own site, built like `npm start` does; only when notebooks/ has notebooks.
const s = suite("site built from notebooks/");
s.before(async () => {
  if (!present) return;
  buildLibOnce();
  site = await buildAndServe(NOTEBOOKS, "notebooks");
});
s.after(() => close(site));

if (present) {
  s("should list every tutorial on the index in file-name order", () => {
    checkIndexOrder(site!, NOTEBOOKS);
  });

  s("should keep every page, with everything a reader can load on it, within 600 KiB gzip", () => {
    const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    const pages = ["index.html", "playground.html", ...site!.result.pages.map((p) => p.page)];
    const weights = pages.map((page) => ({ page, ...pageWeight(site!.result.out, page) }));
    // the charts' plotly.js, the verifier and the search are each counted where a reader can load them
    const files = (page: string) => weights.find((w) => w.page === page)!.rows.map((r) => r.file);
    assert.ok(files("playground.html").includes("assets/verifier.js"), "the playground counts the verifier");
    const charted = site!.result.pages.find((p) => p.figures > 0)!.page;
    assert.ok(files(charted).includes("assets/plotly.min.js"), `${charted} counts plotly.js`);
    for (const w of weights) {
      assert.ok(files(w.page).includes("assets/search-index.json"), `${w.page} counts the search index`);
      const heaviest = [...w.rows].sort((a, b) => b.gzip - a.gzip).slice(0, 4);
      assert.ok(
        w.total <= PAGE_WEIGHT_GOAL,
        `${w.page}: ${kib(w.total)} gzip with everything loaded, over ${kib(PAGE_WEIGHT_GOAL)}; heaviest: ${heaviest.map((r) => `${r.file} ${kib(r.gzip)}`).join(", ")}`,
      );
    }
  });

  s("should render every tutorial without errors, with math, charts and derivations drawn", async () => {
    await checkAllPages(site!, "notebooks");
  });

  s(
    "should fold the code of a derivation cell behind show code, with its steps in view, and keep other code open",
    async () => {
      const page = await site!.browser.newPage();
      const quotient = site!.result.pages.find((p) => p.file.startsWith("02-"))!;
      await visit(page, `${site!.server.url}${quotient.page}`, site!.server.url);
      const toggles = page.locator("details.cell-input-toggle");
      assert.ok((await toggles.count()) >= 3, `${await toggles.count()} toggles`);
      const first = toggles.first();
      assert.is(await first.getAttribute("open"), null, "folded at first");
      assert.not.ok(await first.locator(".cell-input").isVisible(), "code hidden");
      const cell = page.locator("section.cell-code", { has: first });
      assert.ok(
        await cell.locator("[data-stepwise-derivation] .stepwise-math .katex").first().isVisible(),
        "steps in view",
      );
      assert.is((await first.locator("summary").innerText()).trim(), "show code");
      await first.locator("summary").click();
      assert.ok(await first.locator(".cell-input").isVisible(), "code shown after a click");
      assert.is(
        (await first.locator("summary").innerText()).trim(),
        "hide code",
        "the toggle says what a click does now",
      );
      const openCode = page.locator("section.cell-code:not(:has(details)) .cell-input");
      assert.ok(await openCode.first().isVisible(), "the first code cell (a table) stays open");
      await page.close();
    },
  );
  s(
    "should check real exercises in the page: a right answer ✓, a known slip ✗ with its point, both values and its hint",
    async () => {
      const bce = site!.result.pages.find((p) => p.file.startsWith("04-"))!;
      const page = await site!.browser.newPage();
      const v = await visit(page, `${site!.server.url}${bce.page}`, site!.server.url);
      // the answer box of ∂L/∂ŷ of binary cross-entropy, found by its exercise's function (not by its position)
      const index = await page.evaluate(
        (f) =>
          Array.from(document.querySelectorAll("form.stepwise-answer")).findIndex(
            (form) => JSON.parse(form.querySelector("script")?.textContent ?? "{}").f === f,
          ),
        BCE,
      );
      assert.ok(index >= 0, "the page has an answer box for ∂L/∂ŷ");
      const form = page.locator("form.stepwise-answer").nth(index);
      assert.ok(await form.isVisible(), "the answer box is shown");
      const check = async (expr: string): Promise<string> => {
        await form.locator("input").fill(expr);
        await form.locator("input").press("Enter");
        await page.waitForFunction(
          (i) =>
            /^[✓✗]/.test(document.querySelectorAll("form.stepwise-answer .stepwise-try-verdict")[i]?.textContent ?? ""),
          index,
          { timeout: 60_000 },
        );
        return verdictText(page, `form.stepwise-answer >> nth=${index} >> .stepwise-try-verdict`);
      };
      assert.match(await check("(yhat - t) / (yhat * (1 - yhat))"), /^✓ your answer holds \(tier: \w+\)/);
      // the slip of the issue: the chain-rule factor −1 of ln(1 − ŷ) dropped
      const wrong = await check("-t / yhat - (1 - t) / (1 - yhat)");
      // every formula typeset: the point, both values (as `$TeX$` here, from KaTeX's MathML)
      const m =
        /^✗ your answer does not hold: at \$([^$]+)\$ it gives \$([^$]+)\$, but it must equal \$([^$]+)\$Hint: (.*)$/.exec(
          wrong,
        );
      assert.ok(m, wrong);
      const point = Object.fromEntries(
        m![1]
          .split(",\\;")
          .map((kv) => kv.split("="))
          .map(([k, x]) => [k.trim() === "\\hat{y}" ? "yhat" : k.trim(), texNumber(x)]),
      );
      assert.equal(Object.keys(point).sort(), ["t", "yhat"]);
      const { t, yhat } = point;
      assert.ok(yhat > 0 && yhat < 1 && t >= 0 && t <= 1, `the point lies in the domain: ${m![1]}`);
      // both values computed here from the point shown: the reader's slip and the true ∂L/∂ŷ
      const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
      assert.ok(close(texNumber(m![2]), -t / yhat - (1 - t) / (1 - yhat)), `the slip's value ${m![2]} at ${m![1]}`);
      assert.ok(close(texNumber(m![3]), (yhat - t) / (yhat * (1 - yhat))), `∂L/∂ŷ ${m![3]} at ${m![1]}`);
      assert.match(m![4], /chain-rule factor −1 of ln\(1 − ŷ\) is missing/);
      // a wrong answer that is no known slip: ✗ with a point, no hint
      const other = await check("(yhat - t) / yhat");
      assert.match(
        other,
        /^✗ your answer does not hold: at \$[^$]+\$ it gives \$[^$]+\$, but it must equal \$[^$]+\$$/,
      );
      assert.not.match(other, /Hint/);
      assert.equal(v.foreignRequests, [], "no request leaves the site");
      assert.equal(v.consoleErrors, []);
      await page.close();
    },
  );

  s(
    "should show with a tried step what it was compared with, as the kernel does: the kit's rule result, typeset, σ kept",
    async () => {
      const chain = site!.result.pages.find((p) => p.file.startsWith("03-"))!;
      const page = await site!.browser.newPage();
      const v = await visit(page, `${site!.server.url}${chain.page}`, site!.server.url);
      // the derivation of exercise 1 on page 03, found by its title (not by its position)
      const title = "$\\frac{d}{dx}\\log \\sigma(x)$";
      const found = await page.evaluate(
        ([attr, t]) => {
          const script = Array.from(document.querySelectorAll(`script[${attr}="derivation"]`)).find(
            (e) => JSON.parse(e.textContent ?? "{}").spec?.title === t,
          );
          (script?.parentNode as Element | null)?.setAttribute("data-test-derivation", "");
          return script ? JSON.parse(script.textContent ?? "{}") : null;
        },
        [TRY_ATTR, title],
      );
      assert.ok(found, `page 03 has the derivation "${title}"`);
      const spec = found.spec as DerivationSpec;
      const host = page.locator("[data-test-derivation]");
      await host.locator(".stepwise-try-open").click();
      const form = host.locator("form.stepwise-try");
      await form.locator("select").selectOption("1");
      const verdict = form.locator(".stepwise-try-verdict");
      const check = async (expr: string): Promise<string> => {
        await form.locator("input").fill(expr);
        await form.locator("input").press("Enter");
        await page.waitForFunction(
          () => /^[✓✗]/.test(document.querySelector("[data-test-derivation] .stepwise-try-verdict")?.textContent ?? ""),
          undefined,
          { timeout: 60_000 },
        );
        return verdictText(page, "[data-test-derivation] .stepwise-try-verdict");
      };
      // what the kernel's row shows for the same wrong step: the kit's rule result for log(σ(x)), σ kept
      const kernel = derivationFromSpec({ ...spec, steps: [{ ...spec.steps[0], expr: "sigma(x)" }] }).verify({
        seed: found.seed,
        samples: found.samples,
      }).steps[1];
      assert.is(kernel.ok, false);
      const tex = exprTex(kernel.against, { ...DEFAULT_TEX_NAMES, ...spec.texNames });
      assert.match(tex, /\\sigma/, `the comparison keeps σ: ${tex}`);
      assert.not.match(tex, /e\^/, `σ is not written out: ${tex}`);
      const shown = (text: string) => /compared with \$([^$]+)\$/.exec(text)?.[1];
      // a true step (the step's own last line, 1 − σ(x)): ✓, compared with the kernel's comparison
      const right = await check("1 - sigma(x)");
      assert.match(right, /^✓ step 1 holds \(tier: \w+\)compared with \$/);
      assert.is(shown(right), tex, right);
      // a wrong one: ✗ with the point, both values and the same comparison
      const wrong = await check("sigma(x)");
      assert.match(
        wrong,
        /^✗ step 1 does not hold: at \$x = [^$]+\$ it gives \$[^$]+\$, but it must equal \$[^$]+\$compared with \$/,
      );
      assert.is(shown(wrong), tex, wrong);
      assert.is(await verdict.locator(".stepwise-try-against .katex .katex-mathml math").count(), 1, "typeset once");
      assert.equal(v.foreignRequests, [], "no request leaves the site");
      assert.equal(v.consoleErrors, []);
      await page.close();
    },
  );

  s("should keep every try form and answer box within a 390 px wide phone screen", async () => {
    const context = await site!.browser.newContext({ viewport: { width: 390, height: 844 } });
    let checked = 0;
    for (const p of site!.result.pages) {
      const page = await context.newPage();
      await visit(page, `${site!.server.url}${p.page}`, site!.server.url);
      const buttons = page.locator(".stepwise-try-open");
      const n = await buttons.count();
      if (n === 0) {
        await page.close();
        continue;
      }
      for (let i = 0; i < n; i++) await buttons.nth(i).click();
      const form = page.locator("form.stepwise-try:not([hidden])").first();
      await form
        .locator("input")
        .fill("e^(-x) / (1 + e^(-x))^2 + 1 / (1 + e^(-x)) * (1 - 1 / (1 + e^(-x))) * 1234567.891");
      await page.waitForSelector("form.stepwise-try:not([hidden]) .stepwise-try-preview .katex", { timeout: 60_000 });
      await form.locator("input").press("Enter");
      await page.waitForFunction(
        () =>
          /^[✓✗]/.test(
            document.querySelector("form.stepwise-try:not([hidden]) .stepwise-try-verdict")?.textContent ?? "",
          ),
        undefined,
        { timeout: 60_000 },
      );
      const layout = await page.evaluate(() => {
        const outside: string[] = [];
        const forms = Array.from(
          document.querySelectorAll("form.stepwise-try:not([hidden]), form.stepwise-answer:not([hidden])"),
        );
        const selects: number[] = [];
        for (const f of forms) {
          const box = f.getBoundingClientRect();
          if (box.left < 0 || box.right > window.innerWidth)
            outside.push(`form#${f.id} ${box.left.toFixed(0)}–${box.right.toFixed(0)}`);
          for (const e of Array.from(
            f.querySelectorAll("label, input, select, button, .stepwise-try-verdict, .stepwise-try-preview"),
          )) {
            const r = e.getBoundingClientRect();
            if (r.width > 0 && (r.left < box.left || r.right > box.right))
              outside.push(
                `#${f.id} ${e.tagName.toLowerCase()} ${r.left.toFixed(0)}–${r.right.toFixed(0)} in ${box.left.toFixed(0)}–${box.right.toFixed(0)}`,
              );
            if (e.tagName === "SELECT") selects.push(r.width);
          }
        }
        return {
          forms: forms.length,
          selects,
          outside,
          scroll: document.documentElement.scrollWidth,
          width: window.innerWidth,
        };
      });
      assert.ok(layout.forms >= n, `${p.page}: ${n} try forms open`);
      assert.equal(layout.outside, [], `${p.page}: controls past their form's or the screen's edge at 390 px`);
      assert.ok(
        layout.scroll <= layout.width,
        `${p.page}: the page scrolls sideways (${layout.scroll} px wide at ${layout.width})`,
      );
      assert.ok(
        layout.selects.every((w) => w >= 80),
        `${p.page}: a step list is too narrow to read: ${layout.selects}`,
      );
      checked += n;
      await page.close();
    }
    assert.ok(checked >= 10, `${checked} try forms checked`);
    await context.close();
  });

  s(
    "should keep the charts interactive: hover labels, a legend entry hides its trace, the mode bar zooms",
    async () => {
      const softmax = site!.result.pages.find((p) => p.file.startsWith("07-"))!;
      const page = await site!.browser.newPage({ viewport: { width: 1280, height: 900 } });
      const v = await visit(page, `${site!.server.url}${softmax.page}`, site!.server.url);
      await drawCharts(page);
      const plot = page.locator(".stepwise-plot.js-plotly-plot").first();
      await plot.scrollIntoViewIfNeeded();
      const drag = plot.locator(".nsewdrag").first();
      const box = (await drag.boundingBox())!;
      let hovered = 0;
      for (let f = 0.3; f <= 0.7 && hovered === 0; f += 0.1) {
        await page.mouse.move(box.x + box.width * f, box.y + box.height / 2);
        hovered = await page.waitForSelector(".stepwise-plot .hoverlayer .hovertext", { timeout: 2000 }).then(
          () => 1,
          () => 0,
        );
      }
      assert.is(hovered, 1, "a hover label appears over the chart");
      const traces = () => plot.locator(".scatterlayer .trace").count();
      const before = await traces();
      assert.ok(before >= 3, `${before} traces drawn`);
      await plot.locator(".legend .traces").first().click();
      await page
        .waitForFunction(
          (n) => document.querySelectorAll(".stepwise-plot.js-plotly-plot .scatterlayer .trace").length < n,
          before,
          { timeout: 5000 },
        )
        .catch(() => {});
      assert.is(await traces(), before - 1, "clicking a legend entry hides its trace");
      assert.ok((await plot.locator(".modebar-btn").count()) >= 3, "the mode bar has its buttons");
      const range = () =>
        page.evaluate(() =>
          (
            document.querySelector(".stepwise-plot.js-plotly-plot") as unknown as {
              _fullLayout: { xaxis: { range: number[] } };
            }
          )._fullLayout.xaxis.range.slice(),
        );
      const full = await range();
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.7, { steps: 5 });
      await page.mouse.up();
      await page
        .waitForFunction(
          (r) => {
            const x = (
              document.querySelector(".stepwise-plot.js-plotly-plot") as unknown as {
                _fullLayout: { xaxis: { range: number[] } };
              }
            )._fullLayout.xaxis.range;
            return x[0] !== r[0] || x[1] !== r[1];
          },
          full,
          { timeout: 5000 },
        )
        .catch(() => {});
      const zoomed = await range();
      assert.ok(zoomed[1] - zoomed[0] < (full[1] - full[0]) / 2, `dragging zooms in: ${full} -> ${zoomed}`);
      assert.equal(v.consoleErrors, []);
      await page.close();
    },
  );

  s(
    "should search every page offline from the header: '/' focuses the box, 'quotient' finds page 02's section, 'Jacobian' page 07's",
    async () => {
      const context = await site!.browser.newContext({ viewport: { width: 1280, height: 860 } });
      const page = await context.newPage();
      const requested: string[] = [];
      page.on("request", (r) => requested.push(r.url()));
      const first = site!.result.pages.find((p) => p.file.startsWith("05-"))!;
      const v = await visit(page, `${site!.server.url}${first.page}`, site!.server.url);
      assert.not.ok(
        requested.some((u) => /search(\.js|-index\.json)/.test(u)),
        "nothing of the search loads at first paint",
      );
      await page.keyboard.press("/");
      assert.is(await page.evaluate(() => document.activeElement?.id), "site-search-input");
      const results = async (query: string): Promise<string[]> => {
        await page.fill("#site-search-input", query);
        await page.waitForFunction(
          (q) => (document.querySelector("#site-search-status")?.textContent ?? "").includes(q),
          query,
          { timeout: 30_000 },
        );
        return page.$$eval("#site-search-results a", (as) => as.map((a) => (a as HTMLAnchorElement).href));
      };
      const quotient = await results("quotient");
      assert.match(quotient[0] ?? "", /\/02-[^/]*\.html#[\w-]+$/, quotient.join(", "));
      const jacobian = await results("Jacobian");
      assert.match(jacobian[0] ?? "", /\/07-[^/]*\.html#[\w-]+$/, jacobian.join(", "));
      // the link leads to that section
      await page.click("#site-search-results a >> nth=0");
      await page.waitForURL(/07-.*#/);
      const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
      assert.ok(await page.locator(`[id="${id}"]`).isVisible(), `the section ${id} is on the page`);
      assert.equal(v.consoleErrors, []);
      await context.close();
    },
  );
}

s.run();
