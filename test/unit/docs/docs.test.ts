/**
 * The README and docs/ stay true to the tree: README.md is short, every relative link
 * (and its #anchor) leads somewhere, every repository path and npm script the pages name
 * exists, and every STEPWISE_* variable the code reads is documented.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const s = suite("docs");

const PAGES = [
  "README.md",
  ...readdirSync(path.join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];
const read = (rel: string) => readFileSync(path.join(ROOT, rel), "utf8");
/** The page's text without fenced code blocks. */
const prose = (text: string) => text.replace(/^```[\s\S]*?^```/gm, "");

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as "-". */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchors(rel: string): Set<string> {
  const found = new Set<string>();
  for (const m of prose(read(rel)).matchAll(/^#{1,6}\s+(.+)$/gm)) found.add(headingAnchor(m[1]));
  return found;
}

/** Every file below a folder, relative to the root (node_modules, dist and dot-folders skipped). */
function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(path.join(ROOT, dir))) {
    if (name.startsWith(".") || name === "node_modules" || name === "dist") continue;
    const rel = dir ? `${dir}/${name}` : name;
    if (statSync(path.join(ROOT, rel)).isDirectory()) walk(rel, out);
    else out.push(rel);
  }
  return out;
}

s("should keep README.md at most 150 lines and link every page of docs/", () => {
  const readme = read("README.md");
  const lines = readme.split("\n").length - (readme.endsWith("\n") ? 1 : 0);
  assert.ok(lines <= 150, `README.md has ${lines} lines`);
  for (const page of PAGES.filter((p) => p.startsWith("docs/"))) {
    assert.ok(readme.includes(`](${page})`), `README.md does not link ${page}`);
  }
});

s("should compute GitHub's anchors the way the docs link them", () => {
  assert.is(headingAnchor("Measuring soundness: `npm run mutants`"), "measuring-soundness-npm-run-mutants");
  assert.is(headingAnchor("1. The exact tier: proved"), "1-the-exact-tier-proved");
  assert.is(headingAnchor("tslab's quirks"), "tslabs-quirks");
});

s("should resolve every relative link and its anchor", () => {
  let links = 0;
  for (const page of PAGES) {
    for (const m of prose(read(page)).matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1];
      if (/^[a-z]+:/.test(target)) continue;
      links++;
      const [file, anchor] = target.split("#");
      const rel = file ? path.posix.normalize(path.posix.join(path.posix.dirname(page), file)) : page;
      assert.ok(existsSync(path.join(ROOT, rel)), `${page}: link ${target} leads to a missing file ${rel}`);
      if (anchor)
        assert.ok(anchors(rel).has(anchor), `${page}: link ${target}: no heading with anchor #${anchor} in ${rel}`);
    }
  }
  assert.ok(links >= 20, `only ${links} relative links found`);
});

s("should name only repository paths that exist", () => {
  const roots = /^(lib|scripts|test|jupyter|bin|notebooks|docs)\//;
  let paths = 0;
  for (const page of PAGES) {
    for (const m of read(page).matchAll(/`([^`\s]+)`/g)) {
      const p = m[1].replace(/[,.;:]$/, "");
      if (!roots.test(p) || /[<>{}*]/.test(p)) continue;
      paths++;
      assert.ok(existsSync(path.join(ROOT, p)), `${page} names ${p}, which does not exist`);
    }
  }
  assert.ok(paths >= 15, `only ${paths} repository paths found`);
});

s("should name only npm scripts that package.json defines", () => {
  const scripts = Object.keys(JSON.parse(read("package.json")).scripts);
  for (const page of PAGES) {
    for (const m of read(page).matchAll(/npm run (?:--silent )?([a-z][\w:-]*)/g)) {
      assert.ok(scripts.includes(m[1]), `${page} names npm run ${m[1]}, not a script of package.json`);
    }
  }
});

s("should document every STEPWISE_* variable the code reads", () => {
  const setup = read("docs/setup.md");
  const sources = ["lib", "scripts", "bin", "test"].flatMap((d) => walk(d)).filter((f) => /\.(ts|mjs|js|py)$/.test(f));
  const read_ = new Set<string>();
  for (const f of sources) {
    for (const m of read(f).matchAll(/(?:process\.env\.|os\.environ(?:\.get\()?\[?["'])(STEPWISE_[A-Z_]+)/g))
      read_.add(m[1]);
  }
  assert.ok(read_.has("STEPWISE_PYTHON") && read_.has("STEPWISE_NO_VENV"), `found only ${[...read_].join(", ")}`);
  for (const name of read_) assert.ok(setup.includes(`\`${name}`), `docs/setup.md does not document ${name}`);
});

s("docs/diagnose.md: each hint(d) line's quoted answer is what hint() prints for its derivation", () => {
  const { derive, hint } = require("../../../lib/index") as typeof import("../../../lib/index");
  const block = /```ts\n(import \{ derive, hint \}[\s\S]*?)```/.exec(read("docs/diagnose.md"));
  assert.ok(block, "the Hints example");
  const head = /derive\("σ′", (\{.*\})\);/.exec(block![1]);
  assert.ok(head, "the example's derive() call");
  const spec = Function(`return (${head![1]});`)();
  const d = derive("σ′", spec);
  const quoted = [...block![1].matchAll(/^hint\(d\)\s*\/\/ "(.*)"$/gm)].map((m) => m[1]);
  assert.is(quoted.length, 2, "two hint lines");
  for (const q of quoted) {
    const printed = hint(d);
    // the docs may cut an answer short with "…"
    const shown = q.replace(/\s*—?\s*…$/, "");
    assert.ok(printed.startsWith(shown), `docs: ${q}\nkit:  ${printed}`);
  }
});

s.run();
