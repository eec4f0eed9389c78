import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { compile as compileSelector } from "css-select";
import { parse as parseSelector } from "css-what";
import { type AnyNode, type Element, isTag, isText } from "domhandler";
import { parseDocument } from "htmlparser2";
import postcss, { type AtRule, type Root } from "postcss";
import { sha256 as sha, writeFileAtomic } from "../bundles/cache-file";
import { importEsm } from "../render/import-esm";
import { ASSET_URLS } from "../render/layout";

/** A face of KaTeX's stylesheet, as CSS matches fonts: family, weight and style. */
export interface FaceKey {
  family: string;
  /** 400 or 700 */
  weight: number;
  /** "normal" or "italic" */
  style: string;
}

/** Which characters (code points) the formulas draw in each of KaTeX's faces, keyed by `faceId`. */
export type FaceGlyphs = Map<string, Set<number>>;

/** The key of a face in a {@link FaceGlyphs} map, e.g. "KaTeX_Main 400 normal". */
export const faceId = (f: FaceKey): string => `${f.family} ${f.weight} ${f.style}`;

interface StyleRule {
  match: (el: Element) => boolean;
  /** [ids, classes and attributes, types], as CSS compares specificity */
  specificity: [number, number, number];
  order: number;
  family?: string;
  weight?: number;
  style?: string;
}

interface KatexStylesheet {
  root: Root;
  rules: StyleRule[];
  faces: { key: FaceKey; rule: AtRule; woff2: string }[];
}

const katexDist = (): string => path.join(path.dirname(require.resolve("katex/package.json")), "dist");

let sheet: KatexStylesheet | undefined;

const weightOf = (v: string): number => (v === "bold" || v === "bolder" || Number(v) >= 600 ? 700 : 400);
const firstFamily = (v: string): string =>
  v
    .split(",")[0]
    .trim()
    .replace(/^["']|["']$/g, "");

/** The selector's specificity, from css-what's tokens (pseudo-classes count as classes). */
function specificityOf(selector: string): [number, number, number] {
  const s: [number, number, number] = [0, 0, 0];
  for (const token of parseSelector(selector)[0] ?? []) {
    if (token.type === "attribute") s[token.name === "id" && token.action === "equals" ? 0 : 1]++;
    else if (token.type === "pseudo") s[1]++;
    else if (token.type === "tag" || token.type === "pseudo-element") s[2]++;
  }
  return s;
}

/** KaTeX's stylesheet, read once: its font rules (which element draws in which face) and its @font-face rules. */
function katexStylesheet(): KatexStylesheet {
  if (sheet) return sheet;
  const root = postcss.parse(readFileSync(path.join(katexDist(), "katex.min.css"), "utf8"));
  const rules: StyleRule[] = [];
  const faces: KatexStylesheet["faces"] = [];
  root.walkAtRules("font-face", (rule) => {
    const decl = (name: string) =>
      rule.nodes?.find((n) => n.type === "decl" && n.prop === name) as { value: string } | undefined;
    const woff2 = /url\(([^)]+\.woff2)\)/.exec(decl("src")?.value ?? "")?.[1];
    if (!woff2) return;
    faces.push({
      key: {
        family: firstFamily(decl("font-family")!.value),
        weight: weightOf(decl("font-weight")?.value ?? "400"),
        style: decl("font-style")?.value ?? "normal",
      },
      rule,
      woff2,
    });
  });
  root.walkRules((rule) => {
    if (rule.parent?.type === "atrule") return; // @media print, @keyframes …: not how the page draws its formulas
    const props: Pick<StyleRule, "family" | "weight" | "style"> = {};
    rule.walkDecls((d) => {
      if (d.prop === "font-family") props.family = firstFamily(d.value);
      else if (d.prop === "font-weight") props.weight = weightOf(d.value);
      else if (d.prop === "font-style") props.style = d.value === "normal" ? "normal" : "italic";
      else if (d.prop === "font") {
        // shorthand: [style] [weight] size[/line-height] family, …; it resets what it leaves out
        const m = /^(.*?)\s*([\d.]+[a-z%]*)(?:\/\S+)?\s+(.+)$/.exec(d.value);
        if (!m) return;
        const words = m[1].split(/\s+/);
        props.family = firstFamily(m[3]);
        props.style = words.includes("italic") || words.includes("oblique") ? "italic" : "normal";
        props.weight = weightOf(words.find((w) => /^(bold|bolder|\d{3})$/.test(w)) ?? "400");
      }
    });
    if (props.family === undefined && props.weight === undefined && props.style === undefined) return;
    for (const selector of rule.selectors) {
      rules.push({
        match: compileSelector<AnyNode, Element>(selector),
        specificity: specificityOf(selector),
        order: rules.length,
        ...props,
      });
    }
  });
  sheet = { root, rules, faces };
  return sheet;
}

const wins = (a: StyleRule, b: StyleRule | undefined): boolean => {
  if (!b) return true;
  for (let i = 0; i < 3; i++) if (a.specificity[i] !== b.specificity[i]) return a.specificity[i] > b.specificity[i];
  return a.order > b.order;
};

/** The face the browser takes for a computed style: the family's face of that style and nearest weight. */
function faceFor(style: FaceKey, faces: KatexStylesheet["faces"]): FaceKey | undefined {
  const family = faces.filter((f) => f.key.family === style.family);
  const sameStyle = family.filter((f) => f.key.style === style.style);
  const pool = sameStyle.length > 0 ? sameStyle : family;
  return pool.sort((a, b) => Math.abs(a.key.weight - style.weight) - Math.abs(b.key.weight - style.weight))[0]?.key;
}

/** The characters one formula draws, per face id, as strings. */
type FormulaGlyphs = Record<string, string>;

/** The characters of one KaTeX formula's HTML, by face: KaTeX's stylesheet cascaded over its elements. */
function formulaGlyphs(fragment: string): FormulaGlyphs {
  const { rules, faces } = katexStylesheet();
  const found = new Map<string, Set<string>>();
  const visit = (node: AnyNode, inherited: FaceKey | undefined): void => {
    if (isText(node)) {
      const face = inherited && faceFor(inherited, faces);
      if (!face) return;
      const id = faceId(face);
      const set = found.get(id) ?? new Set<string>();
      for (const ch of node.data) set.add(ch);
      found.set(id, set);
      return;
    }
    if (!isTag(node)) return;
    // MathML: browsers draw it in their math font (MathML Core's user-agent sheet: math { font-family: math }), never in KaTeX's
    if (node.name === "math" || node.name === "script" || node.name === "style") return;
    let family: StyleRule | undefined, weight: StyleRule | undefined, fstyle: StyleRule | undefined;
    for (const rule of rules) {
      if (!rule.match(node)) continue;
      if (rule.family !== undefined && wins(rule, family)) family = rule;
      if (rule.weight !== undefined && wins(rule, weight)) weight = rule;
      if (rule.style !== undefined && wins(rule, fstyle)) fstyle = rule;
    }
    const style = {
      family: family?.family ?? inherited?.family ?? "",
      weight: weight?.weight ?? inherited?.weight ?? 400,
      style: fstyle?.style ?? inherited?.style ?? "normal",
    };
    for (const child of node.children) visit(child, style);
  };
  for (const node of parseDocument(fragment).children) visit(node, undefined);
  return Object.fromEntries([...found].map(([id, set]) => [id, [...set].sort().join("")]));
}

/** Where each KaTeX formula of a page starts and ends: an element of class "katex" and its nested spans. */
export function katexFormulas(html: string): string[] {
  const formulas: string[] = [];
  const open = /<span\b[^>]*\bclass="(?:[^"]*\s)?katex(?:\s[^"]*)?"[^>]*>/g;
  const tag = /<span\b|<\/span>/g;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    let depth = 1;
    tag.lastIndex = m.index + m[0].length;
    let t: RegExpExecArray | null;
    while (depth > 0 && (t = tag.exec(html))) depth += t[0] === "</span>" ? -1 : 1;
    const end = depth === 0 ? tag.lastIndex : html.length;
    formulas.push(html.slice(m.index, end));
    open.lastIndex = end;
  }
  return formulas;
}

/**
 * The characters a site's formulas draw in each of KaTeX's faces, gathered page by page:
 * every text of KaTeX's HTML inside an element of class `katex`, with the face KaTeX's own
 * stylesheet gives it (its rules matched by css-select and ranked by specificity and order,
 * inherited from the parent, as CSS cascades). KaTeX's MathML copy is skipped: browsers
 * draw `math` in their own math font (MathML Core's `math { font-family: math }`), and its
 * annotation (the TeX source) is never drawn. Each formula is analysed
 * once: the result is kept by the formula's hash, in `cacheDir` between builds.
 */
export class KatexGlyphs {
  /** face id ("KaTeX_Main 400 normal") → code points */
  readonly faces: FaceGlyphs = new Map();
  private readonly file: string | undefined;
  private readonly known = new Map<string, FormulaGlyphs>();
  private readonly used = new Map<string, FormulaGlyphs>();

  /**
   * @param cacheDir the build's cache folder, e.g. `.stepwise-cache/`; undefined: nothing kept
   */
  constructor(cacheDir?: string) {
    const version = (require("katex/package.json") as { version: string }).version;
    this.file = cacheDir ? path.join(cacheDir, "katex-fonts", `formulas-${version}.json`) : undefined;
    try {
      if (this.file && existsSync(this.file))
        for (const [k, v] of Object.entries(
          JSON.parse(readFileSync(this.file, "utf8")) as Record<string, FormulaGlyphs>,
        ))
          this.known.set(k, v);
    } catch {
      // an unreadable cache is an empty one
    }
  }

  /**
   * Adds the characters of a page's formulas.
   *
   * @param html a page, or any HTML fragment, holding KaTeX output
   */
  add(html: string): void {
    for (const formula of katexFormulas(html)) {
      const key = sha(formula).slice(0, 24);
      const glyphs = this.used.get(key) ?? this.known.get(key) ?? formulaGlyphs(formula);
      this.used.set(key, glyphs);
      for (const [id, chars] of Object.entries(glyphs)) {
        const set = this.faces.get(id) ?? new Set<number>();
        for (const ch of chars) set.add(ch.codePointAt(0)!);
        this.faces.set(id, set);
      }
    }
  }

  /** Stores the analyses of the formulas added (only those) in the cache folder; a cache that cannot be written is skipped. */
  save(): void {
    if (!this.file) return;
    const same = this.used.size === this.known.size && [...this.used.keys()].every((k) => this.known.has(k));
    if (same) return;
    try {
      writeFileAtomic(this.file, JSON.stringify(Object.fromEntries(this.used)));
    } catch {
      // not cached
    }
  }
}

/** Code points as a CSS unicode-range value: "U+20-7E,U+3C3". */
export function unicodeRange(points: Iterable<number>): string {
  const sorted = [...new Set(points)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const hex = (n: number) => n.toString(16).toUpperCase();
    parts.push(j > i ? `U+${hex(sorted[i])}-${hex(sorted[j])}` : `U+${hex(sorted[i])}`);
    i = j;
  }
  return parts.join(",");
}

/** Reads a cache entry, or makes and stores it; a cache that cannot be written only costs a remake. */
async function cached(
  cacheDir: string | undefined,
  name: string,
  make: () => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const file = cacheDir ? path.join(cacheDir, "katex-fonts", name) : undefined;
  if (file && existsSync(file)) return new Uint8Array(readFileSync(file));
  const data = await make();
  if (file) {
    try {
      writeFileAtomic(file, data);
    } catch {
      // not cached
    }
  }
  return data;
}

/**
 * The characters a font file maps (its cmap), read with HarfBuzz (harfbuzzjs) after
 * fontverter has unpacked WOFF/WOFF2.
 *
 * @param font a TrueType/OpenType, WOFF or WOFF2 file's bytes
 * @returns its code points, ascending
 * @throws Error (rejection) from fontverter when the bytes are no font
 */
export async function fontCodePoints(font: Uint8Array): Promise<number[]> {
  const fontverter = require("fontverter") as { convert(b: Buffer, to: string): Promise<Uint8Array> };
  const hb = await importEsm<typeof import("harfbuzzjs")>("harfbuzzjs");
  const face = new hb.Face(new hb.Blob(await fontverter.convert(Buffer.from(font), "sfnt")), 0);
  return [...face.collectUnicodes()].sort((a, b) => a - b);
}

/**
 * Writes KaTeX's stylesheet (`ASSET_URLS.katexCss`), its fonts and font subsets into a site folder, with each face the
 * site's formulas use split in two by `unicode-range`: a subset of just the characters they
 * draw in it (WOFF2, made with subset-font, i.e. HarfBuzz's subsetter, without hinting;
 * named by its content's hash) and KaTeX's full font for the rest of its characters. A
 * browser downloads a face only for characters in its range, so a page loads the small
 * subsets, and a formula typed in the page (the live preview) that needs another character
 * loads the full font. Faces no formula uses keep KaTeX's own rule. Subsets and font
 * character maps are kept in `cacheDir` (by the font's and the characters' hash).
 *
 * @param outDir the site folder
 * @param glyphs face id → code points, `KatexGlyphs.faces` over every page
 * @param cacheDir where to keep subsets between builds; undefined: made every time
 * @returns the site-relative paths of the subsets written (the stylesheet and KaTeX's fonts/ folder are always written)
 * @throws Error when katex, subset-font or harfbuzzjs is missing, or on a file-system error
 */
export async function writeKatexAssets(outDir: string, glyphs: FaceGlyphs, cacheDir?: string): Promise<string[]> {
  const dist = katexDist();
  const { root, faces } = katexStylesheet();
  const css = root.clone();
  const cssDir = path.posix.dirname(ASSET_URLS.katexCss);
  const outFonts = path.join(outDir, cssDir, "fonts");
  // KaTeX's full fonts: the faces no formula uses, and the rest of each face that one uses
  cpSync(path.join(dist, "fonts"), outFonts, { recursive: true });
  const written: string[] = [];
  const byRule = new Map<string, { key: FaceKey; woff2: string }>(faces.map((f) => [f.rule.toString(), f]));
  const pending: (() => Promise<void>)[] = [];
  css.walkAtRules("font-face", (rule) => {
    const face = byRule.get(rule.toString());
    const used = face && glyphs.get(faceId(face.key));
    if (!face || !used || used.size === 0) return;
    const failed = (err: Error): never => {
      // fontverter's and HarfBuzz's messages may quote the whole font's bytes
      throw new Error(
        `KaTeX fonts: cannot subset ${face.woff2} to the ${used.size} characters the formulas draw in ${faceId(face.key)}: ${err.message.slice(0, 200)}`,
      );
    };
    pending.push(() => split().catch(failed));
    const split = async (): Promise<void> => {
      const font = new Uint8Array(readFileSync(path.join(dist, face.woff2)));
      const fontHash = sha(font).slice(0, 16);
      const cmap = JSON.parse(
        Buffer.from(
          await cached(cacheDir, `cmap-${fontHash}.json`, async () => {
            const points = await fontCodePoints(font);
            if (points.length === 0) throw new Error("HarfBuzz found no characters in it");
            return new TextEncoder().encode(JSON.stringify(points));
          }),
        ).toString("utf8"),
      ) as number[];
      const mapped = new Set(cmap);
      const inFont = [...used].filter((p) => mapped.has(p)).sort((a, b) => a - b);
      if (inFont.length === 0) return;
      // the subset's range holds every character drawn in this face, those the font lacks too (the zero-width
      // space of KaTeX's vlist-s): a browser then takes this face for them, as it takes the full font without a range
      const range = [...used].sort((a, b) => a - b);
      const text = String.fromCodePoint(...inFont);
      const subset = await cached(cacheDir, `${fontHash}-${sha(text).slice(0, 16)}.woff2`, async () => {
        const subsetFont = require("subset-font") as (font: Buffer, text: string, options: object) => Promise<Buffer>;
        return new Uint8Array(await subsetFont(Buffer.from(font), text, { targetFormat: "woff2", noHinting: true }));
      });
      const name = `${path.posix.basename(face.woff2, ".woff2")}.${sha(subset).slice(0, 8)}.woff2`;
      writeFileSync(path.join(outFonts, name), subset);
      written.push(`${cssDir}/fonts/${name}`);
      const part = rule.clone();
      part.walkDecls("src", (d) => {
        d.value = `url(fonts/${name}) format("woff2")`;
      });
      part.append({ prop: "unicode-range", value: unicodeRange(range) });
      rule.before(part);
      const rest = cmap.filter((p) => !used.has(p));
      if (rest.length > 0) rule.append({ prop: "unicode-range", value: unicodeRange(rest) });
      else rule.remove();
    };
  });
  // one face at a time: fontverter's WOFF2 decoder does not survive calls running at once (their fonts came back empty)
  for (const job of pending) await job();
  writeFileSync(path.join(outDir, ASSET_URLS.katexCss), css.toString());
  return written;
}
