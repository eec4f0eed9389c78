import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../../lib/pipeline/build";
import { code, endlessCell, notebook, ROOT, tempDir, waitFor, writeNotebook } from "./helpers";

const BIN = path.join(ROOT, "bin", "stepwise.js");

const out = suite("--out is checked before anything runs");
const dir = tempDir("stepwise-out-test-");
const marker = path.join(dir, "ran.txt");
out.before(() => {
  // the notebook leaves a file behind if it ever runs
  writeNotebook(
    path.join(dir, "nb", "writes.ipynb"),
    notebook([code(`import * as fs from "fs";\nfs.writeFileSync(${JSON.stringify(marker)}, "ran");`)]),
  );
  writeFileSync(path.join(dir, "a-file"), "x");
  mkdirSync(path.join(dir, "foreign"));
  writeFileSync(path.join(dir, "foreign", "keep.txt"), "mine");
});

out(
  "should refuse a file, a path below a file, a foreign folder and the notebooks' folder without executing",
  async () => {
    const cases: [string, RegExp][] = [
      [path.join(dir, "a-file"), /--out .*a-file is a file, not a folder/],
      [path.join(dir, "a-file", "site"), /--out .*a-file\/site cannot be created: .*a-file is a file, not a folder/],
      [path.join(dir, "foreign"), /foreign exists and was not written by stepwise/],
      [path.join(dir, "nb"), /--out .*nb would replace .*nb, which the build reads/],
      [dir, /would replace/],
    ];
    for (const [target, message] of cases) {
      try {
        await buildSite({ notebooksDir: path.join(dir, "nb"), out: target, cacheDir: path.join(dir, "cache") });
        assert.unreachable(`--out ${target} should be refused`);
      } catch (err) {
        assert.match((err as Error).message, message);
      }
    }
    assert.not.ok(existsSync(marker), "no notebook ran");
    assert.is(readFileSync(path.join(dir, "foreign", "keep.txt"), "utf8"), "mine");
  },
);

out("should print one clear line from the command line, not a raw ENOTDIR", () => {
  const r = spawnSync(process.execPath, [BIN, "build", path.join(dir, "nb"), "--out", path.join(dir, "a-file", "x")], {
    encoding: "utf8",
  });
  assert.is(r.status, 1);
  assert.match(r.stderr, /^stepwise: error: --out .* cannot be created: .*a-file is a file, not a folder$/m);
  assert.not.ok(r.stderr.includes("ENOTDIR"));
  assert.not.ok(existsSync(marker));
  assert.not.match(r.stdout, /building/, "no progress line before the error");
});

out("should name a bad number or a missing folder before any progress line, negative numbers included", () => {
  const cases: [string[], RegExp][] = [
    [["--timeout", "-5"], /--timeout must be a positive integer, got "-5"/],
    [["-j", "-2"], /--jobs must be a positive integer, got "-2"/],
    [["--jobs", "0"], /--jobs must be a positive integer, got "0"/],
    [["--timeout", "abc"], /--timeout must be a positive integer, got "abc"/],
  ];
  for (const [args, message] of cases) {
    const r = spawnSync(
      process.execPath,
      [BIN, "build", path.join(dir, "nb"), "--out", path.join(dir, "site-x"), ...args],
      { encoding: "utf8" },
    );
    assert.is(r.status, 2, args.join(" "));
    assert.match(r.stderr, message);
    assert.not.match(r.stdout, /building/, args.join(" "));
  }
  const missing = spawnSync(
    process.execPath,
    [BIN, "build", path.join(dir, "no-such-folder"), "--out", path.join(dir, "site-x")],
    { encoding: "utf8" },
  );
  assert.is(missing.status, 1);
  assert.match(missing.stderr, /no such folder: .*no-such-folder/);
  assert.not.match(missing.stdout, /building/);
  assert.not.ok(existsSync(marker), "no notebook ran");
});

out("should warn when serve is pointed at a folder that is not a site, and serve it anyway", async () => {
  const plain = path.join(dir, "plain");
  mkdirSync(plain, { recursive: true });
  writeFileSync(path.join(plain, "notes.txt"), "hello");
  const child = spawn(process.execPath, [BIN, "serve", plain, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  try {
    await waitFor("serve printed where it serves", () => /serving/.test(stdout));
    assert.match(
      stderr,
      /warning: .*plain\/ has no index\.html and was not written by `stepwise build`; serving its files anyway/,
    );
    const url = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)![1];
    assert.is(await (await fetch(url + "notes.txt")).text(), "hello");
  } finally {
    child.kill("SIGTERM");
  }
});

/** Pids of live processes whose environment holds `tag` (the build and everything it started). */
function processesTagged(tag: string): number[] {
  const pids: number[] = [];
  for (const p of readdirSync("/proc")) {
    if (!/^\d+$/.test(p)) continue;
    try {
      if (readFileSync(`/proc/${p}/environ`, "latin1").includes(tag)) pids.push(Number(p));
    } catch {
      // gone already
    }
  }
  return pids;
}
const kernelsTagged = (tag: string) =>
  processesTagged(tag).filter((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, "latin1").includes("tslab");
    } catch {
      return false;
    }
  });

const signals = suite("Ctrl-C and SIGTERM during a build");

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  signals(`should stop the kernel and the executor and remove the temporary folders on ${signal}`, async () => {
    const work = tempDir("stepwise-signal-test-");
    const tmp = path.join(work, "tmp");
    mkdirSync(tmp);
    mkdirSync(path.join(work, "nb"));
    const inside = path.join(work, "nb", "inside.txt");
    writeNotebook(
      path.join(work, "nb", "endless-loop.ipynb"),
      notebook([code("const a = 1;"), code(endlessCell(inside, "busy"))]),
    );
    const tag = `STEPWISE_SIGNAL_TEST=${Math.random().toString(36).slice(2)}`;
    const [k, v] = tag.split("=");
    const child = spawn(
      process.execPath,
      [BIN, "build", path.join(work, "nb"), "--out", path.join(work, "site"), "--no-cache", "--timeout", "120"],
      {
        env: { ...process.env, [k]: v, TMPDIR: tmp },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    let stdout = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.on("data", (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // a build that ended or hung before the endless cell fails the test with its own output
    const buildOutput = () => `the build's stdout:\n${stdout}\nits stderr:\n${stderr}`;
    const running = (happened: () => boolean) => () => {
      if (child.exitCode !== null) throw new Error(`the build exited with ${child.exitCode} first; ${buildOutput()}`);
      return happened();
    };
    try {
      await waitFor(
        "the kernel started",
        running(() => kernelsTagged(tag).length > 0),
      );
      await waitFor(
        "the kernel entered the endless cell",
        running(() => existsSync(inside)),
      );
    } catch (err) {
      child.kill("SIGKILL");
      throw new Error(`${(err as Error).message}; ${buildOutput()}`);
    }
    assert.ok(
      readdirSync(tmp).some((f) => f.startsWith("stepwise-run-") || f.startsWith("stepwise-exec-")),
      "the build made temporary folders",
    );
    child.kill(signal);
    const status = await exited;
    assert.is(status, signal === "SIGINT" ? 130 : 143, stderr);
    await waitFor("every tagged process ended", () => processesTagged(tag).length === 0, 30_000).catch(() => 0);
    assert.equal(processesTagged(tag), [], "no kernel or helper process is left");
    assert.equal(readdirSync(tmp), [], "the temporary folders are gone");
    assert.equal(readdirSync(work).sort(), ["nb", "tmp"], "no site and no half-built site");
    assert.match(stderr, new RegExp(`${signal}: stopping kernels`));
    assert.not.match(stdout, /✗|failed/, `the interrupted notebook is not reported as failed: ${stdout}`);
    if (stdout.includes("endless-loop.ipynb"))
      assert.match(stdout, new RegExp(`■ endless-loop\\.ipynb  stopped by ${signal} after`));
  });
}

signals(
  "should stop the kernel and the executor when the build is killed with SIGKILL (it cannot stop them itself)",
  async () => {
    const work = tempDir("stepwise-sigkill-test-");
    mkdirSync(path.join(work, "nb"));
    const inside = path.join(work, "nb", "inside.txt");
    writeNotebook(
      path.join(work, "nb", "endless-loop.ipynb"),
      notebook([code("const a = 1;"), code(endlessCell(inside, "busy"))]),
    );
    const tag = `STEPWISE_SIGKILL_TEST=${Math.random().toString(36).slice(2)}`;
    const [k, v] = tag.split("=");
    const child = spawn(
      process.execPath,
      [BIN, "build", path.join(work, "nb"), "--out", path.join(work, "site"), "--no-cache", "--timeout", "120"],
      {
        env: { ...process.env, [k]: v },
        stdio: ["ignore", "ignore", "ignore"],
      },
    );
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    await waitFor("the kernel started", () => kernelsTagged(tag).length > 0);
    await waitFor("the kernel entered the endless cell", () => existsSync(inside));
    const before = processesTagged(tag).filter((p) => p !== child.pid);
    assert.ok(before.length >= 2, `an executor and a kernel run: ${before}`);
    child.kill("SIGKILL");
    await exited;
    await waitFor("every tagged process ended", () => processesTagged(tag).length === 0, 30_000).catch(() => 0);
    assert.equal(processesTagged(tag), [], "the executor saw its parent go, killed the kernel and exited");
  },
);

out.run();
signals.run();
