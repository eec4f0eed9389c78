import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";

const HELPER = path.resolve(__dirname, "..", "temp-folders.ts");
const TSX = path.resolve(__dirname, "..", "..", "node_modules", "tsx", "dist", "cli.mjs");

/** Runs a script in a child process with tsx; the script gets the helper as `t` and the parent folder as `parent`. */
function child(body: string, parent: string): { status: number | null; stdout: string } {
  const script = `const t = require(${JSON.stringify(HELPER)}); const parent = ${JSON.stringify(parent)};\n${body}`;
  const r = spawnSync(process.execPath, [TSX, "--eval", script], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout };
}

test("tempFolder: every folder a test process makes is gone after it exits, whether it ended normally, threw or got SIGTERM", () => {
  const parent = mkdtempSync(path.join(os.tmpdir(), "stepwise-temp-folders-test-"));
  try {
    const made = (prefix: string, end: string) => `
      const fs = require("node:fs");
      const a = t.tempFolder("${prefix}-a-", parent);
      const b = t.tempFolder("${prefix}-b-", parent);
      fs.mkdirSync(a + "/deep/er", { recursive: true });
      fs.writeFileSync(a + "/deep/er/file.txt", "x");
      fs.writeFileSync(b + "/file.txt", "y");
      console.log(JSON.stringify([a, b, fs.existsSync(a + "/deep/er/file.txt")]));
      ${end}`;
    const ok = child(made("ok", ""), parent);
    assert.is(ok.status, 0);
    const [a, b, written] = JSON.parse(ok.stdout) as [string, string, boolean];
    assert.ok(written, "the child wrote into its folder");
    assert.not.ok(existsSync(a) || existsSync(b), "removed after a normal exit");

    const thrown = child(made("thrown", 'throw new Error("a failing test");'), parent);
    assert.is.not(thrown.status, 0);
    assert.equal(readdirSync(parent), [], "removed after an uncaught error too: the parent folder is as it was");

    // stopped by a signal (Ctrl-C, a timeout's SIGTERM) while a test waits: removed, and the exit status is the signal's
    const stopped = child(made("term", 'process.kill(process.pid, "SIGTERM"); setInterval(() => {}, 1000);'), parent);
    assert.is(stopped.status, 143);
    assert.ok(stopped.stdout.includes("term-a-"), "the child made its folders before the signal");
    assert.equal(readdirSync(parent), [], "removed after SIGTERM too");
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test.run();
