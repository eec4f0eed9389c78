#!/usr/bin/env node
// The project's one TypeScript compiler: the `typescript` package pinned in package.json's
// devDependencies, run from its own bin. `node_modules/.bin/tsc` cannot be trusted for
// this: tslab's dependency @tslab/typescript-for-tslab (TypeScript 5.0.4) installs a `tsc`
// bin too and npm lets it shadow typescript's, and the two emit different dist/ (which is
// part of the execution cache's key). Every command that compiles (npm run build,
// npm run typecheck, the test runner's type check, `stepwise dev`, `npm run mutants`, the
// tests' buildLibOnce) goes through this file; it refuses to run a compiler whose version
// is not the pinned one.
//
// After a successful build of lib/ (-p tsconfig.build.json), the outputs whose source is gone
// (a file moved or deleted in lib/) are removed from the output folder, so a stale module
// can never be imported or counted in the execution cache's key.
//
// Usage: node scripts/tsc.mjs [tsc arguments…]   (e.g. -p tsconfig.build.json)
// Exit code: tsc's own; 2 when the installed typescript is not the pinned version.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pinned = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).devDependencies?.typescript;
const installed = JSON.parse(readFileSync(join(root, "node_modules", "typescript", "package.json"), "utf8")).version;
if (installed !== pinned) {
  console.error(`stepwise: node_modules/typescript is ${installed}, package.json pins ${pinned}; run npm ci`);
  process.exit(2);
}
const r = spawnSync(
  process.execPath,
  [join(root, "node_modules", "typescript", "bin", "tsc"), ...process.argv.slice(2)],
  { cwd: process.cwd(), stdio: "inherit" },
);
const args = process.argv.slice(2);
const project = args[args.indexOf("-p") + 1];
if (r.status === 0 && args.includes("-p") && project.endsWith("tsconfig.build.json")) {
  const outIndex = args.indexOf("--outDir");
  pruneOrphans(outIndex >= 0 ? args[outIndex + 1] : join(root, "dist"), join(root, "lib"));
}
process.exit(r.status ?? 1);

/**
 * Removes from outDir every compiled file (.js, .d.ts and their .map) whose lib/ source
 * (.ts) no longer exists, then the folders left empty.
 * @param {string} outDir the build's output folder
 * @param {string} srcDir lib/
 * @returns {boolean} whether the folder is empty afterwards
 */
function pruneOrphans(outDir, srcDir) {
  if (!existsSync(outDir)) return false;
  let left = 0;
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    const out = join(outDir, entry.name);
    if (entry.isDirectory()) {
      if (pruneOrphans(out, join(srcDir, entry.name))) rmdirSync(out);
      else left++;
      continue;
    }
    const stem = entry.name.replace(/(\.d)?\.(js|ts)(\.map)?$/, "");
    if (stem !== entry.name && !existsSync(join(srcDir, `${stem}.ts`))) rmSync(out);
    else left++;
  }
  return left === 0;
}
