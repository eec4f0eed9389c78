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
// Usage: node scripts/tsc.mjs [tsc arguments…]   (e.g. -p tsconfig.build.json)
// Exit code: tsc's own; 2 when the installed typescript is not the pinned version.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
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
process.exit(r.status ?? 1);
