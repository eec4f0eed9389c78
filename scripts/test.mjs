#!/usr/bin/env node
// npm test: every suite in order. Each suite is a command; uvu suites report their
// counts, which are summed into one closing line "N passed, M failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// Colours only on a terminal: a log file gets plain text.
const colour = process.stdout.isTTY ? [] : ["--no-color"];
const uvu = (dir) => ["npx", ["uvu", "-r", "tsx/cjs", ...colour, dir, "\\.test\\.ts$"]];
const suites = [
  ["types", ["node", ["scripts/tsc.mjs", "-p", "tsconfig.json"]]],
  ["lint", ["npm", ["run", "--silent", "lint"]]],
  ["unit", uvu("test/unit")],
  ["mutants", ["npx", ["tsx", "scripts/mutants.ts"]]],
  ["notebooks", uvu("test/notebooks")],
  ["site", uvu("test/site")],
  ["frontend", uvu("test/frontend")],
].filter(([, [, args]]) => args[0] !== "uvu" || existsSync(join(root, args[args.length - 2])));

// The suites get a temporary folder of their own (TMPDIR, which os.tmpdir() and Python's tempfile
// read), empty at the start: whatever a test leaves there is found at the end, not mixed up with
// the files of other programs sharing /tmp.
const tmp = mkdtempSync(join(tmpdir(), "stepwise-test-run-"));

let passed = 0;
let failed = 0;
const started = Date.now();
for (const [name, [cmd, args]] of suites) {
  const t0 = Date.now();
  console.log(`\n── ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, FORCE_COLOR: "0", TMPDIR: tmp },
  });
  process.stdout.write(r.stdout ?? "");
  const total = Number(/Total:\s+(\d+)/.exec(r.stdout ?? "")?.[1] ?? NaN);
  const ok = Number(/Passed:\s+(\d+)/.exec(r.stdout ?? "")?.[1] ?? NaN);
  if (Number.isFinite(total)) {
    passed += ok;
    failed += total - ok;
    if (r.status !== 0 && total === ok) failed++; // crashed outside a test
  } else if (r.status === 0) passed++;
  else failed++;
  console.log(
    `── ${name}: ${r.status === 0 ? "ok" : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}
// tsx keeps its compile cache in <tmp>/tsx-<uid>: the tool's, not a test's
const left = readdirSync(tmp).filter((name) => !/^tsx-\d+$/.test(name));
if (left.length === 0) passed++;
else failed++;
console.log(
  `\n── temporary folder: ${left.length === 0 ? "ok, as it was (empty)" : `FAILED, the tests left ${left.length} entries in it: ${left.join(", ")}`}`,
);
rmSync(tmp, { recursive: true, force: true });
console.log(`\nstepwise tests finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
