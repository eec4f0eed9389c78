import { suite } from "uvu";
import * as assert from "uvu/assert";
import { CONTENT_SECURITY_POLICY, pageShell } from "../../../lib/site/render/layout";
import { renderIndex } from "../../../lib/site/render/render-index";
import { renderPage, type PageOptions } from "../../../lib/site/render/render-page";

const shell = suite("pageShell");

shell("should declare the viewport, the CSP and an empty favicon, and run no inline script", () => {
  const html = pageShell({ title: "A <b>", siteTitle: "Site", body: "<p>x</p>", charts: false });
  assert.ok(html.startsWith("<!doctype html>"));
  assert.ok(html.includes('<meta name="viewport" content="width=device-width, initial-scale=1">'));
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`));
  assert.ok(html.includes("<title>A &lt;b&gt; · Site</title>"));
  assert.ok(html.includes('<link rel="icon" href="data:,">'));
  // the colour-scheme script first and not deferred (the reader's scheme before the first paint), then the site's
  assert.equal(html.match(/<script[^>]*>/g), [
    '<script src="assets/theme.js">',
    '<script defer src="assets/stepwise.js">',
  ]);
  assert.ok(html.indexOf("assets/theme.js") < html.indexOf('rel="stylesheet"'), "before the stylesheets");
  assert.match(CONTENT_SECURITY_POLICY, /script-src 'self';/);
});

shell(
  "should not put plotly.js in the head (the site script loads it near the first chart), and add the widget only where something can be tried",
  () => {
    const html = pageShell({ title: "A", siteTitle: "S", body: "", charts: true });
    // the colour-scheme script first and not deferred (the reader's scheme before the first paint), then the site's
    assert.equal(html.match(/<script[^>]*>/g), [
      '<script src="assets/theme.js">',
      '<script defer src="assets/stepwise.js">',
    ]);
    assert.ok(html.indexOf("assets/theme.js") < html.indexOf('rel="stylesheet"'), "before the stylesheets");
    const tryable = pageShell({
      title: "A",
      siteTitle: "S",
      body: '<script type="application/json" data-stepwise-try="derivation">{}</script>',
      charts: false,
    });
    assert.equal(tryable.match(/<script defer[^>]*>/g), [
      '<script defer src="assets/stepwise.js">',
      '<script defer src="assets/try.js">',
    ]);
  },
);

const page = suite("renderPage");
const base: PageOptions = {
  siteTitle: "S",
  title: "T",
  body: "<section>cells</section>",
  headings: [
    { level: 1, id: "t", text: "T", html: "T" },
    { level: 2, id: "a", text: "A", html: "A" },
    { level: 4, id: "deep", text: "deep", html: "deep" },
    { level: 3, id: "b", text: "B", html: "<em>B</em>" },
  ],
  position: 2,
  total: 3,
  prev: { href: "1.html", titleHtml: "One" },
  next: { href: "3.html", titleHtml: "Three" },
  download: "notebooks/2.ipynb",
  figures: 0,
};

page("should list levels 2–3 in the contents, leaving out the title and deeper levels", () => {
  const html = renderPage(base);
  assert.ok(
    html.includes('<li class="toc-h2"><a href="#a">A</a></li>\n<li class="toc-h3"><a href="#b"><em>B</em></a></li>'),
  );
  assert.not.ok(html.includes('href="#t"'));
  assert.not.ok(html.includes('href="#deep"'));
});

page(
  "should call a page 'Notebook N of M' by default and 'Tutorial N of M' for the kit's tutorials, in the position and the pager",
  () => {
    const neutral = renderPage(base);
    assert.ok(neutral.includes('<span class="site-position">Notebook 2 of 3</span>'));
    assert.ok(neutral.includes('<nav class="pager" aria-label="Notebooks">'));
    assert.not.ok(
      /tutorial/i.test(neutral.replace(/class="[^"]*"/g, "")),
      "no 'tutorial' in the words of a neutral page",
    );
    const tutorial = renderPage({ ...base, noun: "Tutorial" });
    assert.ok(tutorial.includes('<span class="site-position">Tutorial 2 of 3</span>'));
    assert.ok(tutorial.includes('<nav class="pager" aria-label="Tutorials">'));
  },
);

page("should show the position, the download link and both neighbours", () => {
  const html = renderPage(base);
  assert.ok(html.includes('<span class="site-position">Notebook 2 of 3</span>'));
  assert.ok(html.includes('<a class="download" href="notebooks/2.ipynb" download>'));
  assert.ok(html.includes('rel="prev" href="1.html"'));
  assert.ok(html.includes('rel="next" href="3.html"'));
});

page("should leave out the contents when there is nothing but the title", () => {
  const html = renderPage({ ...base, headings: [base.headings[0]] });
  assert.not.ok(html.includes('class="toc"'));
  // the two-column layout is only for pages with contents, or the text would sit in the narrow column
  assert.ok(html.includes('<div class="page">'));
  assert.ok(renderPage(base).includes('<div class="page with-toc">'));
});

const index = suite("renderIndex");

index("should list the tutorials in the given order with summaries and downloads", () => {
  const html = renderIndex("Course", [
    { href: "b.html", file: "b.ipynb", titleHtml: "B", summaryHtml: "", download: "notebooks/b.ipynb" },
    { href: "a.html", file: "a.ipynb", titleHtml: "A", summaryHtml: "About A.", download: "notebooks/a.ipynb" },
  ]);
  assert.ok(html.indexOf('href="b.html"') < html.indexOf('href="a.html"'));
  assert.ok(html.includes('<p class="tutorial-summary">About A.</p>'));
  assert.ok(html.includes("<h1>Course</h1>"));
  assert.is((html.match(/class="tutorial-summary"/g) ?? []).length, 1);
});

index("should not number titles that carry their own numbers", () => {
  const entry = (t: string) => ({
    href: "a.html",
    file: "a.ipynb",
    titleHtml: t,
    summaryHtml: "",
    download: "notebooks/a.ipynb",
  });
  assert.ok(renderIndex("C", [entry("1. One"), entry("2) Two")]).includes('<ol class="tutorials self-numbered">'));
  assert.ok(renderIndex("C", [entry("1. One"), entry("Two")]).includes('<ol class="tutorials">'));
});

shell.run();
page.run();
index.run();
