import { existsSync, mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { main } from "../../../lib/pipeline/cli";
import { code, notebook, writeNotebook } from "./helpers";

/** Runs the CLI in this process and captures what it prints. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (...a: unknown[]) => void out.push(a.join(" "));
  console.error = (...a: unknown[]) => void err.push(a.join(" "));
  try {
    return { code: await main(args), out: out.join("\n"), err: err.join("\n") };
  } finally {
    console.log = log;
    console.error = error;
  }
}

const JS = { name: "jslab", language: "javascript" };

test("stepwise build stops after the first failing notebook; with --keep-going it runs every one and lists all failures (exit 1, no site)", async () => {
  const base = mkdtempSync(path.join(os.tmpdir(), "stepwise-keep-going-test-"));
  try {
    const dir = path.join(base, "nbs");
    writeNotebook(
      path.join(dir, "1-first.ipynb"),
      notebook([code("console.log('one')"), code("throw new RangeError('first fails')")], JS),
    );
    writeNotebook(path.join(dir, "2-ok.ipynb"), notebook([code("console.log('fine')")], JS));
    writeNotebook(path.join(dir, "3-third.ipynb"), notebook([code("throw new TypeError('third fails')")], JS));
    const common = [
      dir,
      "--out",
      path.join(base, "site"),
      "--jobs",
      "1",
      "--no-cache",
      "--cache-dir",
      path.join(base, "cache"),
    ];

    const stop = await cli(["build", ...common]);
    assert.is(stop.code, 1);
    assert.match(stop.out, /\[1\/3\] ✗ 1-first\.ipynb/);
    assert.not.match(stop.out, /2-ok\.ipynb|3-third\.ipynb/, "nothing starts after the first failure");
    assert.match(stop.err, /1-first\.ipynb, cell 2 \(code cell 2\): RangeError: first fails/);

    const all = await cli(["build", ...common, "--keep-going"]);
    assert.is(all.code, 1);
    assert.match(all.out, /\[1\/3\] ✗ 1-first\.ipynb/);
    assert.match(all.out, /\[2\/3\] ✓ 2-ok\.ipynb {2}executed in/);
    assert.match(all.out, /\[3\/3\] ✗ 3-third\.ipynb/);
    assert.match(
      all.err,
      /2 of 3 notebooks failed:\n {2}✗ 1-first\.ipynb, cell 2 \(code cell 2\): RangeError: first fails\n {2}✗ 3-third\.ipynb, cell 1 \(code cell 1\): TypeError: third fails/,
    );
    assert.not.ok(existsSync(path.join(base, "site", "index.html")), "no site is written when a notebook failed");
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

test.run();
