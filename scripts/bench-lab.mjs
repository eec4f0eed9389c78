// The JupyterLab part of `npm run bench` (called from scripts/bench.mjs), figures from one run:
//  5. CPU time (user + system, the build and all its children) of executing the notebooks
//     with the project venv's nbclient against Debian's (/usr/bin/python3), and the ratio;
//  6. the time from starting `npm run lab` (scripts/lab.mjs) until the server answers and
//     until JupyterLab is usable in Chromium (the app restored, the launcher shown);
//  7. Run All wall time per tutorial in JupyterLab, from the command until every cell ran
//     and the kernel is idle.
// Only measures; asserts nothing. Only Node built-ins and playwright-core.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { CHROMIUM_LAUNCH } from "./bench-browser.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const s = (x) => `${x.toFixed(2)} s`;

/** CPU seconds (user + system) of this process's waited-for children so far, from /proc/self/stat. */
function childCpu() {
  const fields = readFileSync("/proc/self/stat", "utf8")
    .replace(/^.*\) /, "")
    .split(" ");
  return (Number(fields[13]) + Number(fields[14])) / 100; // cutime, cstime in clock ticks (USER_HZ = 100)
}

/** A port of 19000–19099 (the range this project's JupyterLab bench and tests use) free on 127.0.0.1. */
async function freePort() {
  for (let p = 19050; p < 19100; p++) {
    const ok = await new Promise((resolve) => {
      const srv = net.createServer();
      srv.once("error", () => resolve(false));
      srv.listen(p, "127.0.0.1", () => srv.close(() => resolve(true)));
    });
    if (ok) return p;
  }
  throw new Error("no free port in 19050–19099");
}

/** a. The build's CPU time with each Python's nbclient. */
function nbclientCpu(root, dir) {
  const pythons = [
    ["venv", path.join(root, ".venv", "bin", "python")],
    ["Debian", "/usr/bin/python3"],
  ];
  const rows = [];
  for (const [name, py] of pythons) {
    const version = spawnSync(py, ["-c", "import nbclient; print(nbclient.__version__)"], { encoding: "utf8" });
    if (version.status !== 0) {
      rows.push({ name, note: `${py} has no nbclient` });
      continue;
    }
    const out = mkdtempSync(path.join(os.tmpdir(), "stepwise-bench-cpu-"));
    const cpu0 = childCpu();
    const t0 = process.hrtime.bigint();
    const r = spawnSync(
      process.execPath,
      [path.join(root, "bin", "stepwise.js"), "build", dir, "--out", path.join(out, "site"), "--title", "bench"],
      {
        cwd: root,
        env: { ...process.env, STEPWISE_PYTHON: py },
        encoding: "utf8",
      },
    );
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = childCpu() - cpu0;
    rmSync(out, { recursive: true, force: true });
    rows.push({
      name,
      py,
      nbclient: version.stdout.trim(),
      cpu,
      wall,
      failed: r.status !== 0 ? (r.stderr || r.stdout).trim().split("\n").slice(-2).join(" | ") : null,
    });
  }
  return rows;
}

/**
 * Runs the JupyterLab figures and prints them.
 *
 * @param {{ root: string, dir: string, files: string[], cpu?: boolean }} opts project root, the notebooks' folder and
 *   file names; cpu: false skips section 5 (two full builds)
 */
export async function benchLab({ root, dir, files, cpu = true }) {
  if (cpu) benchCpu(root, dir);
  await benchJupyterLab(root, dir, files);
}

/** 5. Prints the build's CPU time with each nbclient. */
function benchCpu(root, dir) {
  console.log("5. CPU time of the build's notebook execution: the venv's nbclient against Debian's");
  const rows = nbclientCpu(root, dir);
  for (const r of rows) {
    if (r.note) console.log(`   ${r.name.padEnd(7)} ${r.note}`);
    else
      console.log(
        `   ${r.name.padEnd(7)} nbclient ${r.nbclient.padEnd(7)} CPU ${s(r.cpu)}  wall ${s(r.wall)}${r.failed ? `  (build failed: ${r.failed})` : ""}`,
      );
  }
  const [venv, deb] = rows;
  if (venv?.cpu && deb?.cpu) console.log(`   ratio CPU venv / Debian: ${(venv.cpu / deb.cpu).toFixed(2)}`);
  console.log("");
}

/** 6. and 7.: npm run lab until usable, Run All per tutorial. */
async function benchJupyterLab(root, dir, files) {
  if (!existsSync(path.join(root, ".venv", "bin", "jupyter-lab"))) {
    console.log("6./7. JupyterLab: skipped, .venv has no JupyterLab (run node scripts/setup.mjs)\n");
    return;
  }
  const { chromium } = await import("playwright-core");
  const home = mkdtempSync(path.join(os.tmpdir(), "stepwise-bench-lab-"));
  for (const d of ["config", "data", "runtime"]) mkdirSync(path.join(home, d));
  // inside the project (git-ignored), so that the notebooks' `import … from "stepwise"` resolves
  mkdirSync(path.join(root, "test-artifacts"), { recursive: true });
  const work = mkdtempSync(path.join(root, "test-artifacts", "bench-lab-"));
  for (const f of files) copyFileSync(path.join(dir, f), path.join(work, f));
  const port = await freePort();
  const token = randomBytes(16).toString("hex");
  const base = `http://127.0.0.1:${port}/`;
  const env = {
    ...process.env,
    JUPYTER_TOKEN: token,
    JUPYTER_CONFIG_DIR: path.join(home, "config"),
    JUPYTER_DATA_DIR: path.join(home, "data"),
    JUPYTER_RUNTIME_DIR: path.join(home, "runtime"),
  };
  const t0 = Date.now();
  const lab = spawn(
    process.execPath,
    [path.join(root, "scripts", "lab.mjs"), `--port=${port}`, `--dir=${work}`, "--LabApp.expose_app_in_browser=True"],
    { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let log = "";
  lab.stdout.on("data", (c) => (log += c));
  lab.stderr.on("data", (c) => (log += c));
  let browser;
  try {
    let answered = 0;
    while (!answered) {
      if (lab.exitCode !== null) throw new Error(`npm run lab exited: ${log.trim().split("\n").slice(-3).join(" | ")}`);
      if (Date.now() - t0 > 180_000) throw new Error("npm run lab did not answer within 180 s");
      try {
        if ((await fetch(`${base}api/status`, { headers: { Authorization: `token ${token}` } })).ok)
          answered = Date.now();
      } catch {
        await sleep(100);
      }
    }
    browser = await chromium.launch(CHROMIUM_LAUNCH);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${base}lab?token=${token}`);
    await page.waitForFunction(
      () => !!window.jupyterapp && !!document.querySelector(".jp-Launcher .jp-LauncherCard"),
      undefined,
      { timeout: 180_000, polling: 100 },
    );
    const usable = Date.now();
    console.log("6. npm run lab until JupyterLab is usable (cold start, loopback)");
    console.log(`   server answers /api/status:        ${s((answered - t0) / 1000)}`);
    console.log(
      `   JupyterLab usable in Chromium:     ${s((usable - t0) / 1000)}  (page load ${s((usable - answered) / 1000)})\n`,
    );

    console.log("7. Run All in JupyterLab, per tutorial (until every cell ran and the kernel is idle)");
    let total = 0;
    for (const [i, f] of files.entries()) {
      const p = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await p.goto(`${base}lab/workspaces/bench-${i + 1}/tree/${encodeURIComponent(f)}?token=${token}`);
      await p.waitForFunction(
        (name) => {
          const w = window.jupyterapp?.shell.currentWidget;
          return (
            !!w &&
            w.context?.path === name &&
            w.sessionContext?.session?.kernel &&
            w.sessionContext.kernelDisplayStatus === "idle"
          );
        },
        f,
        { timeout: 180_000, polling: 100 },
      );
      const r0 = Date.now();
      await p.evaluate(() => window.jupyterapp.commands.execute("notebook:run-all-cells"));
      await p.waitForFunction(
        () => {
          const w = window.jupyterapp.shell.currentWidget;
          const busy = w.content.widgets.some(
            (c) =>
              c.model.type === "code" &&
              (/\*/.test(c.node.querySelector(".jp-InputPrompt")?.textContent ?? "") ||
                (c.model.sharedModel.getSource().trim() !== "" && c.model.executionCount == null)),
          );
          return !busy && w.sessionContext.kernelDisplayStatus === "idle";
        },
        undefined,
        { timeout: 300_000, polling: 100 },
      );
      const secs = (Date.now() - r0) / 1000;
      total += secs;
      console.log(`   ${f.padEnd(48)} ${s(secs)}`);
      await p.close();
      const sessions = await (
        await fetch(`${base}api/sessions`, { headers: { Authorization: `token ${token}` } })
      ).json();
      for (const x of sessions.filter((y) => y.path === f))
        await fetch(`${base}api/sessions/${x.id}`, { method: "DELETE", headers: { Authorization: `token ${token}` } });
    }
    console.log(`   total (one notebook at a time):    ${s(total)}\n`);
  } catch (err) {
    console.log(`6./7. JupyterLab: failed: ${err.message}\n`);
  } finally {
    await browser?.close().catch(() => undefined);
    lab.kill("SIGTERM");
    await new Promise((r) => (lab.exitCode !== null ? r() : lab.once("exit", r)));
    rmSync(work, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  }
}
