/**
 * scripts/compare-sites.mjs, the check that a restructuring changed no page: its
 * normalisation hides content hashes only, and the comparison names the pages that differ
 * and the element that changed. (The full run builds two commits: see docs/build.md.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const s = suite("compare-sites");
/** The script's exports (a .mjs file without declarations). */
interface Compare {
  normaliseHtml(html: string): string;
  compareSites(
    a: string,
    b: string,
  ): { onlyA: string[]; onlyB: string[]; differ: { page: string; lines: string[] }[]; same: number };
}
const SCRIPT = path.resolve(__dirname, "..", "..", "..", "scripts", "compare-sites.mjs");
const load = (): Promise<Compare> => import(SCRIPT);

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "stepwise-compare-test-"));
  for (const [rel, html] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), html);
  }
  return dir;
}

s("should hide content-hashed asset names and ?v= hashes, and nothing else", async () => {
  const { normaliseHtml } = await load();
  assert.is(
    normaliseHtml(
      '<link href="assets/katex/KaTeX_Main-Regular.1a2b3c4d.woff2"><script src="site.js?v=0123abcdef"></script>',
    ),
    '<link href="assets/katex/KaTeX_Main-Regular.HASH.woff2"><script src="site.js?v=HASH"></script>',
  );
  assert.is(normaliseHtml("<p>σ(z) = 0.12345678.</p>"), "<p>σ(z) = 0.12345678.</p>", "a number is not a hash");
  assert.is(normaliseHtml('<a href="01-sigmoid.html">'), '<a href="01-sigmoid.html">');
});

s("should report equal pages, a changed element, and pages on one side only", async () => {
  const { compareSites } = await load();
  const a = site({
    "index.html": '<html><link href="a.11111111.css"><p>same</p></html>',
    "nb/01.html": "<p>ŷ = σ(z)</p><p>step 1 ✓</p>",
    "old.html": "<p>gone</p>",
  });
  const b = site({
    "index.html": '<html><link href="a.22222222.css"><p>same</p></html>',
    "nb/01.html": "<p>ŷ = σ(z)</p><p>step 1 ✗</p>",
    "new.html": "<p>added</p>",
  });
  try {
    const r = compareSites(a, b);
    assert.is(r.same, 1);
    assert.equal(r.onlyA, ["old.html"]);
    assert.equal(r.onlyB, ["new.html"]);
    assert.equal(
      r.differ.map((d) => d.page),
      [path.join("nb", "01.html")],
    );
    assert.equal(r.differ[0].lines, ["  #3 - step 1 ✓</p>", "  #3 + step 1 ✗</p>"]);
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

s.run();
