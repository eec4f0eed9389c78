import MiniSearch from "minisearch";
import seedrandom from "seedrandom";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { compactSearchIndex, expandSearchIndex } from "../../../lib/site/browser/search-index-codec";
import { SEARCH_OPTIONS, type SearchSection } from "../../../lib/site/browser/search-options";

const OPTIONS = { ...SEARCH_OPTIONS, fields: [...SEARCH_OPTIONS.fields], storeFields: [...SEARCH_OPTIONS.storeFields] };
const WORDS = [
  "sigmoid",
  "σ′",
  "quotient",
  "Jacobian",
  "e^{-x}",
  "0.25",
  "∂L/∂z",
  "ŷ",
  "chain",
  "rule",
  "softmax",
  "x_1",
  "naïve",
  "log",
];

/** A site of random sections (seeded): words of the tutorials, TeX, numbers, non-ASCII, empty fields. */
function corpus(seed: string, n: number): SearchSection[] {
  const rng = seedrandom(seed);
  const pick = (k: number) => Array.from({ length: k }, () => WORDS[Math.floor(rng() * WORDS.length)]).join(" ");
  return Array.from({ length: n }, (_, id) => ({
    id,
    url: `p${id % 7}.html#s${id}`,
    page: `Page ${id % 7}`,
    section: pick(1 + Math.floor(rng() * 3)),
    text: pick(Math.floor(rng() * 40)),
    tex: pick(Math.floor(rng() * 5)),
    code: pick(Math.floor(rng() * 8)),
  }));
}

test("compactSearchIndex then expandSearchIndex should give back MiniSearch's own serialised index, and the same hits", () => {
  for (let i = 0; i < 40; i++) {
    const sections = corpus(`codec-${i}`, 1 + (i % 13) * 5);
    const index = new MiniSearch<SearchSection>(OPTIONS);
    index.addAll(sections);
    // documents taken out (discard): short ids with gaps and a dirt count, as an index edited in place has
    if (i % 3 === 0) for (const s of sections.filter((s) => s.id % 4 === 1)) index.discard(s.id);
    const js = index.toJSON();
    const wire = JSON.stringify(compactSearchIndex(js));
    assert.is(JSON.stringify(expandSearchIndex(JSON.parse(wire))), JSON.stringify(js), `corpus ${i}`);
    const loaded = MiniSearch.loadJS<SearchSection>(expandSearchIndex(JSON.parse(wire)), OPTIONS);
    for (const q of ["sigmoid", "quotent", "jacob", "σ′", "0.25 chain", "naive"])
      assert.equal(
        loaded.search(q).map((r) => [r.id, r.score, r.url]),
        index.search(q).map((r) => [r.id, r.score, r.url]),
        `corpus ${i}, query ${q}`,
      );
  }
});

test("the compact form should be smaller than MiniSearch's JSON, gzip too", () => {
  const index = new MiniSearch<SearchSection>(OPTIONS);
  index.addAll(corpus("size", 200));
  const { gzipSync } = require("node:zlib") as typeof import("node:zlib");
  const plain = JSON.stringify(index);
  const compact = JSON.stringify(compactSearchIndex(index.toJSON()));
  assert.ok(compact.length < 0.8 * plain.length, `${compact.length} vs ${plain.length}`);
  assert.ok(gzipSync(compact).length < gzipSync(plain).length, "gzip");
});

test("expandSearchIndex should refuse another format, naming what it got; compactSearchIndex a term with a line break", () => {
  const index = new MiniSearch<SearchSection>(OPTIONS);
  index.addAll(corpus("errors", 3));
  const c = compactSearchIndex(index.toJSON());
  assert.throws(() => expandSearchIndex({ ...c, format: 2 as 1 }), /not a compact index of format 1 \(format 2,/);
  assert.throws(() => expandSearchIndex({ ...c, postings: c.postings.slice(1) }), /terms, \d+ postings/);
  const js = index.toJSON();
  assert.throws(
    () => compactSearchIndex({ ...js, index: [["a\nb", {}], ...js.index] }),
    /the term "a\\nb" holds a line break/,
  );
});

test.run();
