/**
 * The playground page (lib/site/playground/render-playground.ts) and where the site build puts it:
 * written and linked from the index on a site whose notebooks show a derivation, with its script
 * and the verifier; absent from a site without one.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { derive } from "../../../lib/derive";
import { derivationPayload } from "../../../lib/outputs/make-derivation-payload";
import { DERIVATION_MIME } from "../../../lib/outputs/mime-types";
import {
  PLAYGROUND_EXAMPLES,
  PLAYGROUND_PAGE,
  playgroundQuery,
  renderPlayground,
} from "../../../lib/site/playground/render-playground";
import { PLAYGROUND_TIME_LIMIT_MS } from "../../../lib/site/playground/time-limit";
import { renderIndex } from "../../../lib/site/render/render-index";
import { renderSite } from "../../../lib/site/render/render-site";
import { explainInPage, parseDomainText } from "../../../lib/site/try/explain-in-page";
import { code, md, notebook, tempDir } from "./helpers";

const s = suite("the playground page");

s("should lay out the form in the site's shell, with its script, a label for every field and no inline script", () => {
  const html = renderPlayground("My <site>");
  assert.ok(html.includes("<title>Derive any function · My &lt;site&gt;</title>"));
  assert.ok(html.includes('<header class="site-header"><a class="site-title" href="index.html">My &lt;site&gt;</a>'));
  assert.equal(html.match(/<script[^>]*>/g), [
    '<script src="assets/theme.js">',
    '<script defer src="assets/stepwise.js">',
    '<script defer src="assets/playground.js">',
  ]);
  for (const id of ["pg-f", "pg-wrt", "pg-domain", "pg-strategy"]) {
    assert.ok(html.includes(`<label for="${id}">`), `a label for #${id}`);
    assert.ok(html.includes(`id="${id}"`), `#${id}`);
  }
  assert.ok(/<form class="playground-form" id="playground" hidden/.test(html), "hidden until the script runs");
  assert.ok(html.includes("<noscript>"), "says why without JavaScript");
  // the time bound of a derivation in the worker, and the button that ends one
  assert.ok(html.includes(`data-time-limit-ms="${PLAYGROUND_TIME_LIMIT_MS}"`), "the time bound on the form");
  assert.ok(html.includes('<button type="button" class="playground-stop" id="pg-stop" hidden>Stop</button>'));
  assert.equal(
    [...html.matchAll(/<option value="(\w+)">/g)].map((m) => m[1]).filter((v) => v !== "x"),
    ["auto", "quotient", "chain", "product"],
  );
});

s("should give examples whose links carry their input, and each derives in the kit", () => {
  const html = renderPlayground("S");
  for (const e of PLAYGROUND_EXAMPLES) {
    const href = `${PLAYGROUND_PAGE}${playgroundQuery(e)}`.replace(/&/g, "&amp;");
    assert.ok(html.includes(`<a href="${href}">`), e.label);
    const back = new URLSearchParams(playgroundQuery(e).slice(1));
    assert.equal(
      { f: back.get("f"), wrt: back.get("wrt"), domain: back.get("domain"), strategy: back.get("strategy") },
      { f: e.f, wrt: e.wrt, domain: e.domain, strategy: e.strategy },
    );
    const a = explainInPage(
      { f: e.f, wrt: e.wrt, domain: parseDomainText(e.domain, e.wrt), strategy: e.strategy as never },
      (t) => t,
    );
    assert.ok(a.ok, `${e.label}: ${a.error}`);
  }
});

s("should link the playground from the index only when asked", () => {
  const entry = { href: "a.html", file: "a.ipynb", titleHtml: "A", summaryHtml: "", download: "notebooks/a.ipynb" };
  const linked = renderIndex("S", [entry], "", "Tutorial", PLAYGROUND_PAGE);
  assert.ok(linked.includes('<p class="index-playground"><a href="playground.html">Derive any function</a>'));
  assert.not.ok(renderIndex("S", [entry]).includes("playground"));
});

s(
  "should write playground.html, its script and the verifier on a site that shows a derivation, and not else",
  async () => {
    const d = derive("d", { f: "x^2", wrt: "x", domain: { x: "(-1, 1)" } }).differentiate("2 x", "power rule");
    const shows = notebook([
      md("# A"),
      code("showVerified(d)", [
        {
          output_type: "display_data",
          metadata: {},
          data: { [DERIVATION_MIME]: derivationPayload(d.verify(), { spec: d.spec }) as never, "text/plain": "d" },
        },
      ]),
    ]);
    const plain = notebook([md("# B"), code("1")]);
    const out = tempDir();
    // a notebook named like the playground keeps its own page
    const pages = await renderSite(
      [
        { file: "a.ipynb", source: plain, executed: plain },
        { file: "playground.ipynb", source: shows, executed: shows },
      ],
      out,
      { title: "T" },
    );
    assert.is(pages[1].page, "playground-2.html");
    assert.match(readFileSync(path.join(out, PLAYGROUND_PAGE), "utf8"), /<h1>Derive any function<\/h1>/);
    assert.ok(
      readFileSync(path.join(out, "index.html"), "utf8").includes('href="playground.html">Derive any function'),
    );
    for (const asset of ["assets/playground.js", "assets/playground-worker.js", "assets/verifier.js", "assets/try.js"])
      assert.ok(existsSync(path.join(out, asset)), asset);
    const script = readFileSync(path.join(out, "assets/playground.js"), "utf8");
    assert.ok(
      script.includes("pg-domain") && script.includes("verifier.js"),
      "the playground's script, which loads the verifier",
    );
    const worker = readFileSync(path.join(out, "assets/playground-worker.js"), "utf8");
    assert.ok(
      worker.includes('importScripts("verifier.js")') && worker.includes("explainFunction"),
      "the worker loads the verifier beside it and runs explain()",
    );
    // a build of only the plain page still links the playground (the site shows a derivation)
    await renderSite(
      [
        { file: "a.ipynb", source: plain, executed: plain },
        { file: "playground.ipynb", source: shows, executed: shows },
      ],
      out,
      { title: "T", only: new Set(["a.ipynb"]), assets: false },
    );
    assert.ok(readFileSync(path.join(out, "index.html"), "utf8").includes('href="playground.html"'));

    const none = tempDir();
    await renderSite([{ file: "a.ipynb", source: plain, executed: plain }], none, { title: "T" });
    assert.not.ok(existsSync(path.join(none, PLAYGROUND_PAGE)));
    assert.not.ok(readFileSync(path.join(none, "index.html"), "utf8").includes("playground"));
    assert.not.ok(existsSync(path.join(none, "assets/playground.js")));
    assert.not.ok(existsSync(path.join(none, "assets/playground-worker.js")));
    assert.not.ok(existsSync(path.join(none, "assets/verifier.js")));
  },
);

s.run();
