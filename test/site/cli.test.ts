import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { ROOT, buildLibOnce, tempDir } from "./helpers";

const BIN = path.join(ROOT, "bin", "stepwise.js");
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });

const s = suite("bin/stepwise.js");
s.before(buildLibOnce);

s("should build a folder of notebooks written elsewhere and say how to open the site", () => {
  const out = path.join(tempDir("stepwise-cli-"), "public");
  // --no-cache: the fixtures executed by an earlier test would else come from the execution cache
  const r = run("build", "test/fixtures/site", "--out", out, "--title", "CLI", "--jobs", "2", "--no-cache");
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /\[1\/3\] ✓ \S+\.ipynb {2}executed in \d+\.\d s/);
  assert.match(
    r.stdout,
    new RegExp(`site written to ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/ — 3 page\\(s\\), 5 chart\\(s\\)`),
  );
  assert.match(r.stdout, /open it: {2}node bin\/stepwise\.js serve /);
  assert.ok(readFileSync(path.join(out, "index.html"), "utf8").includes("<h1>CLI</h1>"));
});

s("should exit 1 naming notebook, cell and message when a cell throws, leaving no site", () => {
  const out = path.join(tempDir("stepwise-cli-"), "public");
  const r = run("build", "test/fixtures/failing", "--out", out);
  assert.is(r.status, 1);
  assert.match(r.stdout, /\[1\/1\] ✗ boom\.ipynb {2}failed after/);
  assert.match(r.stderr, /^stepwise: error: boom\.ipynb, cell 3 \(code cell 2\): Error: boom$/m);
  assert.not.ok(existsSync(out));
});

s("should exit 2 with the usage for an unknown command or a bad option", () => {
  const unknown = run("publish");
  assert.is(unknown.status, 2);
  assert.match(unknown.stderr, /unknown command "publish"[\s\S]*Usage:/);
  const jobs = run("build", "notebooks", "--jobs", "0");
  assert.is(jobs.status, 2);
  assert.match(jobs.stderr, /--jobs must be a positive integer, got "0"/);
});

s.run();
