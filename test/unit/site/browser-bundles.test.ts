import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import {
  browserSource,
  liveClientScript,
  searchScript,
  siteScript,
  siteStylesheet,
  themeScript,
  tryScript,
} from "../../../lib/site/bundles/browser-bundles";
import { SITE_FIGURE_ATTR, TRY_ATTR } from "../../../lib/site/browser/markers";

const test = suite("browser bundles");

const scripts = { siteScript, tryScript, liveClientScript, themeScript, searchScript };

for (const [name, build] of Object.entries(scripts)) {
  test(`${name} should be one self-contained browser script: an IIFE with no module syntax left`, () => {
    const code = build();
    assert.match(code, /^"use strict";\(\(\)=>\{[\s\S]*\}\)\(\);\s*$/, code.slice(0, 80));
    assert.not.match(code, /\brequire\(|\bimport\s*[{(*"]|\bexport\s|module\.exports/, "no require, import or export");
    assert.not.match(code, /["'`]node:|process\.env/, "nothing from Node (no node: module name, no process.env)");
  });
}

test("the site script should find charts by the attribute the HTML writes and load plotly.js next to itself", () => {
  const code = siteScript();
  assert.ok(code.includes(JSON.stringify(SITE_FIGURE_ATTR)), `names ${SITE_FIGURE_ATTR}`);
  assert.ok(code.includes("plotly.min.js") && code.includes("stepwise:charts-drawn"));
});

test("the widget should find subjects by the attribute the HTML writes and load the verifier next to itself", () => {
  const code = tryScript();
  assert.ok(code.includes(JSON.stringify(TRY_ATTR)), `names ${TRY_ATTR}`);
  assert.ok(code.includes("verifier.js") && code.includes("Try a step"));
  // types only from the verifier: neither mathjs nor KaTeX comes along
  assert.ok(code.length < 20_000, `${code.length} characters`);
});

test("the theme script should be tiny (it blocks the first paint) and read the reader's stored scheme", () => {
  const code = themeScript();
  assert.ok(code.length < 400, `${code.length} characters`);
  assert.ok(code.includes("stepwise-theme") && code.includes("data-theme"));
});

test("the search script should carry MiniSearch and fetch the index next to itself", () => {
  const code = searchScript();
  assert.ok(code.includes("search-index.json") && code.includes("loadJS"));
  assert.ok(code.length < 60_000, `${code.length} characters`);
});

test("the live client should listen to the dev server's event stream", () => {
  const code = liveClientScript();
  assert.ok(code.includes("/__stepwise/events") && code.includes("stepwise-live-error"));
});

test("the stylesheet should hold the page's rules and then the widget's, minified", () => {
  const css = siteStylesheet();
  const page = css.indexOf(".site-header{");
  const widget = css.indexOf(".stepwise-try-open{");
  assert.ok(page >= 0 && widget > page, `page rules at ${page}, widget rules at ${widget}`);
  assert.not.match(css, /@import/);
  // every rule of both sources made it (minified: fewer characters than the sources)
  const sources = ["site/browser/page.css", "site/try/widget.css"].map((r) => readFileSync(browserSource(r), "utf8"));
  const selectors =
    sources
      .join("\n")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .match(/^\.[\w-]+/gm) ?? [];
  assert.ok(selectors.length > 40, `${selectors.length} class selectors in the sources`);
  for (const s of selectors) assert.ok(css.includes(s), `${s} is in the bundle`);
  assert.ok(css.length < sources.join("").length);
});

test("browserSource should name the file and both places it looked when a source is missing", () => {
  assert.throws(
    () => browserSource("site/browser/nothing.ts"),
    (e: Error) =>
      /site\/browser\/nothing\.ts is missing \(looked for .*lib.*nothing\.ts and .*dist.*nothing\.js\)/.test(e.message),
  );
});

test.run();
