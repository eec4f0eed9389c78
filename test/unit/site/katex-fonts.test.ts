import { existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { renderTex } from "../../../lib/site/tex/katex";
import {
  fontCodePoints,
  KatexGlyphs,
  katexFormulas,
  unicodeRange,
  writeKatexAssets,
  type FaceGlyphs,
} from "../../../lib/site/tex/katex-fonts";
import { tempDir } from "./helpers";

const KATEX_DIST = path.join(path.dirname(require.resolve("katex/package.json")), "dist");
const chars = (faces: FaceGlyphs, id: string): string =>
  String.fromCodePoint(...[...(faces.get(id) ?? [])].sort((a, b) => a - b));
const MAIN = "KaTeX_Main 400 normal";
const MATH = "KaTeX_Math 400 italic";

const formulas = suite("katexFormulas");

formulas("should cut out each element of class katex with all its nested spans, and nothing around it", () => {
  const a = renderTex("\\frac{a}{b}", false, {});
  const b = renderTex("\\left(x^2\\right)", true, {});
  const html = `<p>before <span class="note">n</span>${a} middle</p>${b}<span>after</span>`;
  const found = katexFormulas(html);
  assert.equal(found, [a, b.slice(b.indexOf('<span class="katex">'), b.lastIndexOf("</span>"))]);
  assert.equal(katexFormulas("<p>no math</p>"), []);
  // an unclosed formula runs to the end of the text
  assert.equal(katexFormulas('<span class="katex"><span>x'), ['<span class="katex"><span>x']);
});

const ranges = suite("unicodeRange");

ranges("should write code points as CSS unicode-range, runs as ranges, in order, without repeats", () => {
  assert.is(unicodeRange([0x41, 0x42, 0x43, 0x3c3, 0x20, 0x42]), "U+20,U+41-43,U+3C3");
  assert.is(unicodeRange([0x1d465]), "U+1D465");
  assert.is(unicodeRange([]), "");
});

const glyphs = suite("KatexGlyphs");

glyphs("should give each character the face KaTeX's stylesheet draws it in", () => {
  const g = new KatexGlyphs();
  g.add(renderTex("x^2 + \\sigma(z) = \\mathbf{w} \\cdot \\left(\\frac{a}{b}\\right) + \\sum_i i", true, {}));
  // variables in KaTeX_Math italic; digits, operators and parentheses in KaTeX_Main
  for (const ch of "xσzab") assert.ok(chars(g.faces, MATH).includes(ch), `${ch} in ${MATH}: ${chars(g.faces, MATH)}`);
  for (const ch of "2+=()⋅") assert.ok(chars(g.faces, MAIN).includes(ch), `${ch} in ${MAIN}: ${chars(g.faces, MAIN)}`);
  assert.ok(!chars(g.faces, MATH).includes("2"), "2 is not drawn in italic");
  assert.is(chars(g.faces, "KaTeX_Main 700 normal"), "w", "\\mathbf");
  // \left( \right) around a fraction: a larger delimiter font; \sum in display: KaTeX_Size2
  assert.ok(
    chars(g.faces, "KaTeX_Size1 400 normal").includes("(") || chars(g.faces, "KaTeX_Size2 400 normal").includes("("),
    [...g.faces.keys()].join(", "),
  );
  assert.ok(chars(g.faces, "KaTeX_Size2 400 normal").includes("∑"), chars(g.faces, "KaTeX_Size2 400 normal"));
});

glyphs(
  "should skip KaTeX's MathML copy, which browsers draw in their math font, and its TeX source, which is never drawn",
  () => {
    const g = new KatexGlyphs();
    g.add(renderTex("\\alpha", false, {}));
    assert.equal([...g.faces.keys()], [MATH]);
    assert.is(chars(g.faces, MATH), "α");
    // the HTML part alone: the same formula without its <math> element gives the same characters
    const html = renderTex("\\log x", false, {});
    const withMath = new KatexGlyphs();
    withMath.add(html);
    const without = new KatexGlyphs();
    without.add(html.replace(/<span class="katex-mathml">[\s\S]*?<\/math><\/span>/, ""));
    assert.equal(withMath.faces, without.faces);
    assert.is(chars(withMath.faces, MAIN), "glo");
  },
);

glyphs(
  "should keep each formula's analysis in the cache folder, use it in a later build, and store only the formulas of that build",
  () => {
    const cache = tempDir("katex-glyphs-");
    const x = renderTex("x", false, {});
    const y = renderTex("y", false, {});
    const first = new KatexGlyphs(cache);
    first.add(x);
    first.add(y);
    first.save();
    const version = (require("katex/package.json") as { version: string }).version;
    const file = path.join(cache, "katex-fonts", `formulas-${version}.json`);
    const stored = JSON.parse(readFileSync(file, "utf8")) as Record<string, Record<string, string>>;
    assert.is(Object.keys(stored).length, 2);
    // an entry changed by hand is what a later build reads: it does not analyse the formula again
    const [key] = Object.keys(stored).filter((k) => stored[k][MATH] === "x");
    stored[key] = { [MATH]: "q" };
    writeFileSync(file, JSON.stringify(stored));
    const second = new KatexGlyphs(cache);
    second.add(x);
    assert.is(chars(second.faces, MATH), "q");
    second.save();
    assert.equal(Object.keys(JSON.parse(readFileSync(file, "utf8"))), [key], "y, not in this build, is dropped");
    // no cache folder: nothing is written, the formula is analysed
    const none = new KatexGlyphs();
    none.add(x);
    assert.is(chars(none.faces, MATH), "x");
  },
);

const assets = suite("writeKatexAssets");

const fontFace = (css: string, file: string): string[] =>
  [...css.matchAll(/@font-face\{[^}]*\}/g)].map((m) => m[0]).filter((r) => r.includes(file));

assets(
  "should split each used face into a subset of exactly its characters and the full font for the rest, and leave the others as KaTeX has them",
  async () => {
    const out = tempDir("katex-assets-");
    const faces: FaceGlyphs = new Map([[MATH, new Set([..."xyσ"].map((c) => c.codePointAt(0)!).concat([0x200b]))]]);
    const written = await writeKatexAssets(out, faces);
    assert.is(written.length, 1);
    assert.match(written[0], /^assets\/katex\/fonts\/KaTeX_Math-Italic\.[0-9a-f]{8}\.woff2$/);
    const subset = new Uint8Array(readFileSync(path.join(out, written[0])));
    assert.equal(
      await fontCodePoints(subset),
      [..."xyσ"].map((c) => c.codePointAt(0)!).sort((a, b) => a - b),
      "the subset maps x, y and σ only (U+200B is not in the font)",
    );
    const css = readFileSync(path.join(out, "assets/katex/katex.min.css"), "utf8");
    const [part, rest] = fontFace(css, "KaTeX_Math-Italic");
    assert.ok(part.includes(`url(fonts/${path.basename(written[0])}) format("woff2")`), part);
    // its range: every character drawn in the face, the zero-width space the font lacks too
    assert.ok(part.endsWith(";unicode-range:U+78-79,U+3C3,U+200B}"), part);
    assert.ok(rest.includes("url(fonts/KaTeX_Math-Italic.woff2)"), rest);
    const full = await fontCodePoints(
      new Uint8Array(readFileSync(path.join(KATEX_DIST, "fonts/KaTeX_Math-Italic.woff2"))),
    );
    assert.is(
      /unicode-range:([^;}]*)/.exec(rest)![1],
      unicodeRange(full.filter((p) => ![0x78, 0x79, 0x3c3].includes(p))),
    );
    // a face no formula uses: KaTeX's own rule, without a range
    const original = readFileSync(path.join(KATEX_DIST, "katex.min.css"), "utf8");
    assert.equal(fontFace(css, "KaTeX_Main-Regular"), fontFace(original, "KaTeX_Main-Regular"));
  },
);

assets(
  "should write KaTeX's stylesheet unchanged when no formula is given, and keep subsets in the cache folder",
  async () => {
    const out = tempDir("katex-assets-");
    assert.equal(await writeKatexAssets(out, new Map()), []);
    assert.is(
      readFileSync(path.join(out, "assets/katex/katex.min.css"), "utf8"),
      readFileSync(path.join(KATEX_DIST, "katex.min.css"), "utf8"),
    );
    const cache = tempDir("katex-cache-");
    const faces: FaceGlyphs = new Map([[MAIN, new Set([0x31, 0x32])]]);
    const [first] = await writeKatexAssets(tempDir("katex-assets-"), faces, cache);
    const entries = () =>
      existsSync(path.join(cache, "katex-fonts"))
        ? require("node:fs").readdirSync(path.join(cache, "katex-fonts")).sort()
        : [];
    const kept = entries();
    assert.is(kept.filter((f: string) => f.endsWith(".woff2")).length, 1, kept.join(", "));
    assert.is(kept.filter((f: string) => f.startsWith("cmap-")).length, 1, kept.join(", "));
    const [again] = await writeKatexAssets(tempDir("katex-assets-"), faces, cache);
    assert.is(again, first, "the same subset, by name (its hash)");
    assert.equal(entries(), kept);
  },
);

formulas.run();
ranges.run();
glyphs.run();
assets.run();
