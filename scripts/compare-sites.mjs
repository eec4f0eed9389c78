#!/usr/bin/env node
/**
 * Did a change alter the site? Builds the site of the tutorial notebooks at two commits
 * (each in a temporary git worktree that reuses this checkout's node_modules and .venv)
 * and compares every page's HTML, content-hashed asset names normalised, printing the
 * pages only one side has and, per differing page, the first differing lines.
 *
 *   node scripts/compare-sites.mjs BASE HEAD [--notebooks DIR] [--keep]
 *
 * BASE, HEAD: any commit-ish. --notebooks: the folder built (default notebooks).
 * --keep: leave the worktrees and sites in the temporary folder (printed).
 * Exit code 0 when every page is the same after normalisation, 1 when one differs,
 * 2 on a usage or build error (naming the commit and the command that failed).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

/**
 * Replaces what changes with asset contents but not with the page: `name.0123abcd.woff2`
 * style content hashes and `?v=hash` query strings.
 * @param {string} html a page
 * @returns {string} the page with every hash written HASH
 */
export function normaliseHtml(html) {
  return html
    .replace(/\.[0-9a-f]{8,64}\.(js|mjs|css|woff2?|ttf|svg|png|json)\b/g, ".HASH.$1")
    .replace(/([?&]v=)[0-9a-f]{6,64}\b/g, "$1HASH");
}

/** Every .html file under dir, as paths relative to it. */
function pages(dir, rel = "") {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) return pages(dir, r);
    return e.name.endsWith(".html") ? [r] : [];
  });
}

function run(cmd, args, cwd, what) {
  try {
    execFileSync(cmd, args, { cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 64 << 20 });
  } catch (err) {
    throw new Error(
      `${what}: ${cmd} ${args.join(" ")} failed in ${cwd}: ${String(err.stderr ?? err.message).slice(-2000)}`,
    );
  }
}

/**
 * Builds the site of `notebooks` at commit `rev` in a worktree under `tmp`.
 * @returns {string} the site's folder
 * @throws Error naming the commit and the failing command
 */
function buildAt(rev, tmp, notebooks, worktrees) {
  const wt = path.join(tmp, rev.replace(/[^\w.-]/g, "_"));
  worktrees.push(wt);
  run("git", ["worktree", "add", "--detach", wt, rev], ROOT, `checking out ${rev}`);
  for (const shared of ["node_modules", ".venv"]) {
    if (existsSync(path.join(ROOT, shared))) symlinkSync(path.resolve(ROOT, shared), path.join(wt, shared));
  }
  run("npx", ["tsc", "-p", "tsconfig.build.json"], wt, `building the lib at ${rev}`);
  const out = path.join(tmp, `site-${path.basename(wt)}`);
  run(
    "node",
    [
      "bin/stepwise.js",
      "build",
      notebooks,
      "--out",
      out,
      "--title",
      "stepwise",
      "--cache-dir",
      path.join(wt, ".cache"),
    ],
    wt,
    `building the site at ${rev}`,
  );
  return out;
}

/**
 * Compares two built sites page by page.
 * @returns {{ onlyA: string[], onlyB: string[], differ: { page: string, lines: string[] }[], same: number }}
 */
export function compareSites(a, b, context = 6) {
  const pa = new Set(pages(a));
  const pb = new Set(pages(b));
  const differ = [];
  let same = 0;
  for (const page of [...pa].filter((p) => pb.has(p)).sort()) {
    // one tag per line, so a difference names the element that changed
    const la = normaliseHtml(readFileSync(path.join(a, page), "utf8")).split(/(?<=>)/);
    const lb = normaliseHtml(readFileSync(path.join(b, page), "utf8")).split(/(?<=>)/);
    if (la.join("") === lb.join("")) {
      same++;
      continue;
    }
    const lines = [];
    for (let i = 0; i < Math.max(la.length, lb.length) && lines.length < context * 2; i++) {
      if (la[i] !== lb[i])
        lines.push(`  #${i} - ${String(la[i]).slice(0, 300)}`, `  #${i} + ${String(lb[i]).slice(0, 300)}`);
    }
    differ.push({ page, lines });
  }
  return {
    onlyA: [...pa].filter((p) => !pb.has(p)).sort(),
    onlyB: [...pb].filter((p) => !pa.has(p)).sort(),
    differ,
    same,
  };
}

function main(argv) {
  const keep = argv.includes("--keep");
  const ni = argv.indexOf("--notebooks");
  const notebooks = ni >= 0 ? argv[ni + 1] : "notebooks";
  const revs = argv.filter((x, i) => !x.startsWith("--") && (ni < 0 || i !== ni + 1));
  if (revs.length !== 2) {
    console.error(
      `usage: node scripts/compare-sites.mjs BASE HEAD [--notebooks DIR] [--keep]; got ${JSON.stringify(argv)}`,
    );
    return 2;
  }
  const tmp = mkdtempSync(path.join(tmpdir(), "stepwise-compare-"));
  const worktrees = [];
  try {
    const sites = revs.map((rev) => buildAt(rev, tmp, notebooks, worktrees));
    const r = compareSites(sites[0], sites[1]);
    for (const p of r.onlyA) console.log(`only at ${revs[0]}: ${p}`);
    for (const p of r.onlyB) console.log(`only at ${revs[1]}: ${p}`);
    for (const d of r.differ) console.log(`differs: ${d.page}\n${d.lines.join("\n")}`);
    const total = r.same + r.differ.length;
    console.log(
      `${r.same} of ${total} pages the same (${revs[0]} → ${revs[1]}), ${r.onlyA.length + r.onlyB.length} on one side only`,
    );
    return r.differ.length + r.onlyA.length + r.onlyB.length === 0 ? 0 : 1;
  } catch (err) {
    console.error(err.message);
    return 2;
  } finally {
    if (keep) console.log(`kept: ${tmp}`);
    else {
      for (const wt of worktrees.filter((w) => existsSync(w)))
        run("git", ["worktree", "remove", "--force", wt], ROOT, `removing ${wt}`);
      rmSync(tmp, { recursive: true, force: true });
      run("git", ["worktree", "prune"], ROOT, "pruning worktrees");
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename))
  process.exitCode = main(process.argv.slice(2));
