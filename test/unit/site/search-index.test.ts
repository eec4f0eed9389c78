import MiniSearch from "minisearch";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import katex from "katex";
import { buildSearchIndex, pageSections } from "../../../lib/site/render/search-index";
import {
  indexTerms,
  queryWords,
  SEARCH_OPTIONS,
  type SearchSection,
  searchQuery,
} from "../../../lib/site/browser/search-options";
import { expandSearchIndex } from "../../../lib/site/browser/search-index-codec";

const test = suite("search index");

const formula = (tex: string): string => katex.renderToString(tex, { displayMode: true, output: "htmlAndMathml" });

function page(title: string, body: string): string {
  return `<!doctype html><html><head><title>${title}</title><script>var notIndexed = 1;</script></head><body>
<header class="site-header"><a href="index.html">site</a></header><nav class="toc" aria-label="Contents"><a href="#x">Contents entry</a></nav>
<main id="content"><article><h1 id="top">${title}</h1><p>Opening words.</p>${body}</article><nav class="pager"><a href="next.html">Next page</a></nav></main>
<footer>Built with stepwise</footer></body></html>`;
}

const QUOTIENT = page(
  "2. The quotient rule",
  `<h2 id="the-rule">The rule</h2><p>Differentiate a quotient of two functions.</p>${formula("\\left(\\frac{u}{v}\\right)' = \\frac{u'v - uv'}{v^2}")}
<section class="cell cell-code"><div class="cell-input"><div class="cell-prompt">[3]</div><pre class="shiki"><code><span>derive("σ′", { f: "1 / (1 + e^(-x))" })</span></code></pre></div>
<div class="cell-outputs"><pre class="output">printed output 0.25</pre></div></section>
<h3 id="a-check">A check</h3><p>Agrees with finite differences.</p>`,
);

test("pageSections should cut main at every heading with its prose, its formulas' TeX and its code, and skip navigation, KaTeX's glyphs and scripts", () => {
  const sections = pageSections(QUOTIENT, "02-q.html", "2. The quotient rule", 10);
  assert.equal(
    sections.map((s) => [s.id, s.url, s.section]),
    [
      [10, "02-q.html#top", "2. The quotient rule"],
      [11, "02-q.html#the-rule", "The rule"],
      [12, "02-q.html#a-check", "A check"],
    ],
  );
  const rule = sections[1];
  assert.is(rule.text, "Differentiate a quotient of two functions. printed output 0.25");
  assert.is(rule.tex, "\\left(\\frac{u}{v}\\right)' = \\frac{u'v - uv'}{v^2}");
  assert.is(rule.code, 'derive("σ′", { f: "1 / (1 + e^(-x))" })');
  const all = JSON.stringify(sections);
  for (const left of ["Contents entry", "Next page", "Built with stepwise", "notIndexed", "[3]"])
    assert.not.ok(all.includes(left), `${left} is not indexed`);
});

test("pageSections should name the page when it has no <main>", () => {
  assert.throws(
    () => pageSections("<p>no main</p>", "x.html", "x", 0),
    /search index: the page x\.html has no <main> element/,
  );
});

test("buildSearchIndex should load in MiniSearch with the page's options and find sections by heading, prose, TeX and code", () => {
  const other = page("7. Softmax", `<h2 id="jac">The Jacobian</h2><p>Entry by entry.</p>`);
  const json = buildSearchIndex([
    { html: QUOTIENT, url: "02-q.html", title: "2. The quotient rule" },
    { html: other, url: "sub/07-s.html", title: "7. Softmax" },
  ]);
  const index = MiniSearch.loadJS<SearchSection>(expandSearchIndex(JSON.parse(json)), {
    ...SEARCH_OPTIONS,
    fields: [...SEARCH_OPTIONS.fields],
    storeFields: [...SEARCH_OPTIONS.storeFields],
  });
  const first = (q: string): unknown => index.search(q)[0]?.url;
  assert.is(first("jacobian"), "sub/07-s.html#jac");
  assert.is(first("finite differences"), "02-q.html#a-check");
  assert.is(first("frac"), "02-q.html#the-rule", "TeX source");
  assert.is(first("derive"), "02-q.html#the-rule", "code");
  assert.is(first("quotent"), "02-q.html#top", "a typo still finds the page (fuzzy), its title first");
  assert.equal(index.search("zebra"), []);
  const hit = index.search("jacobian")[0];
  assert.equal([hit.page, hit.section], ["7. Softmax", "The Jacobian"]);
});

test("a hyphenated name is indexed as its words and as one term; a query's words are its words", () => {
  assert.equal(indexTerms("the log-sum-exp, and cross‑entropy."), [
    "the",
    "log",
    "sum",
    "exp",
    "logsumexp",
    "and",
    "cross",
    "entropy",
    "crossentropy",
  ]);
  assert.equal(queryWords("  log-sum-exp  σ′(x) "), ["log", "sum", "exp", "σ", "x"]);
  assert.equal(searchQuery("chain rule"), { queries: ["chain rule"], combineWith: "AND" });
  assert.equal(searchQuery("log-sum-exp"), {
    queries: [{ queries: ["log-sum-exp"], combineWith: "AND" }, "logsumexp"],
    combineWith: "OR",
  });
});

test("a page's search ranks the section using a hyphenated name first, and reads a prefix only in the last word", () => {
  const json = buildSearchIndex([
    {
      html: page(
        "4. Losses",
        `<h2 id="words">Scattered words</h2><p>The log of a sum of exp terms, a logistic summary that expands.</p>
<h2 id="prefixes">Only prefixes</h2><p>A logistic summary that expands, and a logarithm.</p>`,
      ),
      url: "04.html",
      title: "4. Losses",
    },
    {
      html: page(
        "7. Softmax",
        `<h2 id="lse">The loss</h2><p>The loss is a log-sum-exp of the logits minus one logit.</p>`,
      ),
      url: "07.html",
      title: "7. Softmax",
    },
  ]);
  const index = MiniSearch.loadJS<SearchSection>(expandSearchIndex(JSON.parse(json)), {
    ...SEARCH_OPTIONS,
    fields: [...SEARCH_OPTIONS.fields],
    storeFields: [...SEARCH_OPTIONS.storeFields],
  });
  const urls = (q: string): unknown[] =>
    index.search(searchQuery(q) as Parameters<typeof index.search>[0]).map((r) => r.url);
  assert.equal(
    urls("log-sum-exp"),
    ["07.html#lse", "04.html#words"],
    "the name first; prefixes of the first words do not match",
  );
  assert.equal(urls("logsumexp"), ["07.html#lse"]);
  assert.equal(urls("summary exp"), ["04.html#words", "04.html#prefixes"], "the last word is a prefix (of expands)");
  assert.equal(urls("exp summary"), ["04.html#words"], "an earlier word is not");
});

test.run();
