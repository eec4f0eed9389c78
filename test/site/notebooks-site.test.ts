import { existsSync, readdirSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildLibOnce, visit } from "./helpers";
import { NOTEBOOKS } from "../shared";
import { buildAndServe, checkAllPages, checkIndexOrder, close, type BuiltSite } from "./site-check";

const present = existsSync(NOTEBOOKS) && readdirSync(NOTEBOOKS).some((f) => f.toLowerCase().endsWith(".ipynb") && !f.startsWith("."));
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

  s("should render every tutorial without errors, with math, charts and derivations drawn", async () => {
    await checkAllPages(site!, "notebooks");
  });

  s("should fold the code of a derivation cell behind show code, with its steps in view, and keep other code open", async () => {
    const page = await site!.browser.newPage();
    const quotient = site!.result.pages.find((p) => p.file.startsWith("02-"))!;
    await visit(page, `${site!.server.url}${quotient.page}`, site!.server.url);
    const toggles = page.locator("details.cell-input-toggle");
    assert.ok((await toggles.count()) >= 3, `${await toggles.count()} toggles`);
    const first = toggles.first();
    assert.is(await first.getAttribute("open"), null, "folded at first");
    assert.not.ok(await first.locator(".cell-input").isVisible(), "code hidden");
    const cell = page.locator("section.cell-code", { has: first });
    assert.ok(await cell.locator("[data-stepwise-derivation] .stepwise-math .katex").first().isVisible(), "steps in view");
    await first.locator("summary").click();
    assert.ok(await first.locator(".cell-input").isVisible(), "code shown after a click");
    const openCode = page.locator("section.cell-code:not(:has(details)) .cell-input");
    assert.ok(await openCode.first().isVisible(), "the first code cell (a table) stays open");
    await page.close();
  });
}

s.run();
