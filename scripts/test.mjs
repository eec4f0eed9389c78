#!/usr/bin/env node
// npm test: every suite in order. Each suite is a command; uvu suites report their
// counts, which are summed into one closing line "N passed, M failed".
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// Colours only on a terminal: a log file gets plain text.
const colour = process.stdout.isTTY ? [] : ["--no-color"];
const uvu = (dir) => ["npx", ["uvu", "-r", "tsx/cjs", ...colour, dir, "\\.test\\.ts$"]];
const suites = [
  ["types", ["npx", ["tsc", "-p", "tsconfig.json"]]],
  ["lint", ["npm", ["run", "--silent", "lint"]]],
  ["unit", uvu("test/unit")],
  ["mutants", ["npx", ["tsx", "scripts/mutants.ts"]]],
  ["notebooks", uvu("test/notebooks")],
  ["site", uvu("test/site")],
  ["frontend", uvu("test/frontend")],
].filter(([, [, args]]) => args[0] !== "uvu" || existsSync(join(root, args[args.length - 2])));

let passed = 0;
let failed = 0;
const started = Date.now();
for (const [name, [cmd, args]] of suites) {
  const t0 = Date.now();
  console.log(`\n── ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, FORCE_COLOR: "0" } });
  process.stdout.write(r.stdout ?? "");
  const total = Number(/Total:\s+(\d+)/.exec(r.stdout ?? "")?.[1] ?? NaN);
  const ok = Number(/Passed:\s+(\d+)/.exec(r.stdout ?? "")?.[1] ?? NaN);
  if (Number.isFinite(total)) {
    passed += ok;
    failed += total - ok;
    if (r.status !== 0 && total === ok) failed++; // crashed outside a test
  } else if (r.status === 0) passed++;
  else failed++;
  console.log(`── ${name}: ${r.status === 0 ? "ok" : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
console.log(`\nstepwise tests finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
