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
// can never be imported or counted in the execution cache's key. A build of lib/ whose sources,
// options and compiler are those of the last one, into an output folder left as that build wrote
// it, is skipped (scripts/lib-build-stamp.mjs).
//
// Usage: node scripts/tsc.mjs [tsc arguments…]   (e.g. -p tsconfig.build.json)
// Exit code: tsc's own; 2 when the installed typescript is not the pinned version.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsCurrent, inputsDigest, recordBuild } from "./lib-build-stamp.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pinned = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).devDependencies?.typescript;
const installed = JSON.parse(readFileSync(join(root, "node_modules", "typescript", "package.json"), "utf8")).version;
if (installed !== pinned) {
  console.error(`stepwise: node_modules/typescript is ${installed}, package.json pins ${pinned}; run npm ci`);
  process.exit(2);
}
const args = process.argv.slice(2);
const project = args[args.indexOf("-p") + 1];
const buildsLib = args.includes("-p") && project.endsWith("tsconfig.build.json");
const outDir = buildsLib
  ? resolve(args.includes("--outDir") ? args[args.indexOf("--outDir") + 1] : join(root, "dist"))
  : "";
if (buildsLib && buildIsCurrent(root, args, outDir)) {
  // scripts/lib-build-stamp.mjs: same sources, options and compiler as the last build, its output untouched
  console.log(`stepwise: ${relative(process.cwd(), outDir) || outDir} is up to date with lib/ (not compiled again)`);
  process.exit(0);
}
const inputs = buildsLib ? inputsDigest(root, args) : "";
const r = spawnSync(
  process.execPath,
  [join(root, "node_modules", "typescript", "bin", "tsc"), ...process.argv.slice(2)],
  { cwd: process.cwd(), stdio: "inherit" },
);
if (r.status === 0 && buildsLib) {
  pruneOrphans(outDir, join(root, "lib"));
  recordBuild(root, outDir, inputs);
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
