import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { renderSite } from "../../../lib/site/render/render-site";
import { code, md, notebook, plotlyOutput, tempDir } from "./helpers";

const executed = (title: string, outputs: Parameters<typeof code>[1] = []) =>
  notebook([md(`# ${title}\n\nAbout ${title}.\n\n## Part`), code("1", outputs)]);

const s = suite("renderSite");

s("should write index, pages in order with prev/next links, downloads without outputs, and assets", async () => {
  const out = tempDir();
  const a = executed("Alpha", [{ output_type: "stream", name: "stdout", text: "1\n" }]);
  const b = executed("Beta $\\beta$", [plotlyOutput()]);
  const pages = await renderSite(
    [
      { file: "01-alpha.ipynb", source: a, executed: a },
      { file: "02 beta.ipynb", source: b, executed: b },
    ],
    out,
    { title: "Course", introMarkdown: "Welcome to *the* course." },
  );
  assert.equal(
    pages.map((p) => [p.file, p.page, p.title, p.figures]),
    [
      ["01-alpha.ipynb", "01-alpha.html", "Alpha", 0],
      ["02 beta.ipynb", "02-beta.html", "Beta \\beta", 1],
    ],
  );
  const index = readFileSync(path.join(out, "index.html"), "utf8");
  assert.ok(index.indexOf('href="01-alpha.html"') < index.indexOf('href="02-beta.html"'));
  assert.ok(index.includes("<p>Welcome to <em>the</em> course.</p>"));
  assert.ok(index.includes('<p class="tutorial-summary">About Alpha.</p>'));
  assert.ok(index.includes('href="notebooks/02%20beta.ipynb" download'));

  const first = readFileSync(path.join(out, "01-alpha.html"), "utf8");
  assert.ok(first.includes('<a class="pager-next" rel="next" href="02-beta.html">'));
  assert.not.ok(first.includes('rel="prev"'));
  assert.not.ok(first.includes("plotly.min.js"), "no charts, no plotly");
  assert.ok(first.includes('<li class="toc-h2"><a href="#part">Part</a></li>'));
  const second = readFileSync(path.join(out, "02-beta.html"), "utf8");
  assert.ok(second.includes('<a class="pager-prev" rel="prev" href="01-alpha.html">'));
  assert.ok(second.includes("data-stepwise-figure"), "the chart container");
  assert.not.ok(
    second.includes('src="assets/plotly.min.js"'),
    "plotly.js is loaded by the site script when a chart nears the viewport",
  );

  const download = JSON.parse(readFileSync(path.join(out, "notebooks", "01-alpha.ipynb"), "utf8"));
  assert.equal(download.cells[1].outputs, []);
  assert.is(download.cells[1].execution_count, null);
  for (const asset of [
    "assets/site.css",
    "assets/stepwise.js",
    "assets/katex/katex.min.css",
    "assets/katex/fonts/KaTeX_Main-Regular.woff2",
    "assets/plotly.min.js",
  ]) {
    assert.ok(existsSync(path.join(out, asset)), asset);
  }
});

s(
  "should subset KaTeX's fonts to the characters the formulas of every page (the index too) draw, and leave them whole when the assets are not written",
  async () => {
    const out = tempDir();
    const a = notebook([md("# Alpha $\\kappa$\n\nIt is $x^{7}$.")]);
    const b = notebook([md("# Beta\n\n$$\\mathbf{w} = 3$$")]);
    await renderSite(
      [
        { file: "a.ipynb", source: a, executed: a },
        { file: "b.ipynb", source: b, executed: b },
      ],
      out,
      { title: "T", introMarkdown: "Also $\\zeta$." },
    );
    const css = readFileSync(path.join(out, "assets/katex/katex.min.css"), "utf8");
    const range = (font: string) =>
      new RegExp(`url\\(fonts/${font}\\.[0-9a-f]{8}\\.woff2\\)[^}]*unicode-range:([^;}]*)`).exec(css)?.[1];
    // κ in a title, x on page a, ζ on the index only: Math italic; 7 and 3 and =: Main; w: Main bold
    assert.is(range("KaTeX_Math-Italic"), "U+78,U+3B6,U+3BA");
    assert.is(range("KaTeX_Main-Regular"), "U+33,U+37,U+3D");
    assert.is(range("KaTeX_Main-Bold"), "U+77");
    assert.is(range("KaTeX_AMS-Regular"), undefined, "a face no formula uses has no subset");
    const again = tempDir();
    await renderSite([{ file: "a.ipynb", source: a, executed: a }], again, { title: "T", assets: false });
    assert.not.ok(existsSync(path.join(again, "assets")), "no assets, no fonts");
  },
);

s(
  "should serve pages and the index without KaTeX's TeX annotations, and still index the formulas' TeX for the search",
  async () => {
    const out = tempDir();
    const a = notebook([
      md("# Alpha\n\n## Gradient\n\nThe slope $\\frac{\\partial L}{\\partial w} = \\hat{y} - t$ here."),
    ]);
    await renderSite([{ file: "a.ipynb", source: a, executed: a }], out, {
      title: "T",
      introMarkdown: "Also $\\zeta$.",
    });
    for (const page of ["a.html", "index.html"]) {
      const html = readFileSync(path.join(out, page), "utf8");
      assert.ok(html.includes('<math xmlns="http://www.w3.org/1998/Math/MathML">'), `${page}: the MathML is kept`);
      assert.ok(html.includes('<span class="katex-html" aria-hidden="true">'), `${page}: KaTeX's HTML is kept`);
      assert.not.ok(html.includes("<annotation"), `${page}: no TeX annotation`);
    }
    assert.ok(readFileSync(path.join(out, "a.html"), "utf8").includes("<mi>L</mi>"));
    const index = readFileSync(path.join(out, "assets/search-index.json"), "utf8");
    // the index holds the formula's TeX words (MiniSearch's terms, lower-cased)
    for (const term of ["partial", "hat", "frac"]) assert.ok(index.includes(term), `the search index has "${term}"`);
  },
);

s("should not write plotly.js when no page has a chart", async () => {
  const out = tempDir();
  const a = executed("Alpha");
  await renderSite([{ file: "a.ipynb", source: a, executed: a }], out, { title: "T" });
  assert.not.ok(existsSync(path.join(out, "assets", "plotly.min.js")));
});

s("should copy images that markdown cells reference by relative path", async () => {
  const src = tempDir();
  mkdirSync(path.join(src, "img"));
  writeFileSync(path.join(src, "img", "dot.png"), "PNG");
  const out = tempDir();
  const a = notebook([md("# A\n\n![dot](img/dot.png) ![gone](img/missing.png)")]);
  await renderSite([{ file: "a.ipynb", source: a, executed: a }], out, { title: "T", sourceDir: src });
  assert.is(readFileSync(path.join(out, "img", "dot.png"), "utf8"), "PNG");
  assert.not.ok(existsSync(path.join(out, "img", "missing.png")));
});

s("should not give a page the name of the index", async () => {
  const out = tempDir();
  const a = executed("Alpha");
  const pages = await renderSite([{ file: "index.ipynb", source: a, executed: a }], out, { title: "T" });
  assert.is(pages[0].page, "index-2.html");
});

s.run();
