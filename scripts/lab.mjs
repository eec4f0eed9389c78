#!/usr/bin/env node
// npm run lab: opens the tutorials in a Jupyter web UI, with the project's own tslab
// kernel. Builds the lib when dist/ is missing or older than lib/, then starts
// JupyterLab (`jupyter lab`) when it is installed, else the classic Notebook
// (`jupyter notebook`), on 127.0.0.1 with notebooks/ as its folder and the
// project's jupyter/ folder first on JUPYTER_PATH, so that the kernel
// "TypeScript (stepwise tslab)" is listed without a global `tslab install`.
// Prints the URL with its token; Ctrl-C shuts the server and its kernels down.
//
// Usage: npm run lab [-- --port 8890] [-- --classic] [-- <more Jupyter options>]
// Only Node built-ins are used here.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const notebooks = join(root, "notebooks");

function fail(message) {
  console.error(`\nstepwise lab: ${message}`);
  process.exit(1);
}

/** Command-line options: --port N (or --port=N), --classic, and everything else passed on to Jupyter. */
function parseArgs(argv) {
  const opts = { port: 8888, classic: false, extra: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--port(?:=(.*))?$/.exec(a);
    if (m) {
      const v = m[1] ?? argv[++i];
      const port = Number(v);
      if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port must be a whole number from 1 to 65535, got ${JSON.stringify(v)}.`);
      opts.port = port;
    } else if (a === "--classic") opts.classic = true;
    else opts.extra.push(a);
  }
  return opts;
}

/** The newest modification time (ms) of the files under a folder, 0 when it does not exist. */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the lib (npm run build) when dist/index.js is missing or a file in lib/ is newer than dist/. */
function buildIfStale() {
  const dist = join(root, "dist");
  if (existsSync(join(dist, "index.js")) && newest(dist) >= newest(join(root, "lib"))) return;
  console.log("stepwise lab: dist/ is missing or older than lib/, building: npm run build");
  const r = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) fail(`npm run build failed (exit ${r.status ?? r.signal}); fix the errors above and try again.`);
}

/** True when `jupyter <sub> --version` runs. */
const works = (sub) => spawnSync("jupyter", [sub, "--version"], { stdio: "ignore", env: jupyterEnv() }).status === 0;

/**
 * The environment for Jupyter: the project's jupyter/ folder first on JUPYTER_PATH
 * (its kernels/tslab runs this project's node_modules/tslab), without FORCE_COLOR
 * (no ANSI colours in the kernel's output). Same rules as lib/pipeline/jupyter-env.ts.
 */
function jupyterEnv() {
  const { FORCE_COLOR: _colour, ...env } = process.env;
  const rest = process.env.JUPYTER_PATH ? [process.env.JUPYTER_PATH] : [];
  return { ...env, JUPYTER_PATH: [join(root, "jupyter"), ...rest].join(delimiter) };
}

const opts = parseArgs(process.argv.slice(2));
buildIfStale();

const lab = !opts.classic && works("lab");
if (!lab && !works("notebook")) {
  fail(
    "no Jupyter web UI found: neither `jupyter lab` nor `jupyter notebook` runs. Install one: " +
      "JupyterLab with `pip install jupyterlab` (where PyPI is reachable), or the classic Notebook " +
      "on Debian/Ubuntu with `apt-get install -y jupyter-notebook` (as root).",
  );
}

const token = process.env.JUPYTER_TOKEN || randomBytes(24).toString("hex");
const app = lab ? "ServerApp" : "NotebookApp";
const args = [
  lab ? "lab" : "notebook",
  "--ip=127.0.0.1",
  `--port=${opts.port}`,
  "--no-browser",
  `--notebook-dir=${notebooks}`,
  `--${app}.token=${token}`,
  ...(process.getuid?.() === 0 ? ["--allow-root"] : []),
  ...opts.extra,
];
console.log(`stepwise lab: starting ${lab ? "JupyterLab" : "the classic Jupyter Notebook (JupyterLab is not installed)"} on ${notebooks}`);

// Own process group and no terminal on stdin: a Ctrl-C reaches only this script, which
// then asks Jupyter to stop (SIGTERM: it shuts its kernels down and exits).
const server = spawn("jupyter", args, { cwd: notebooks, env: jupyterEnv(), stdio: ["ignore", "pipe", "pipe"], detached: true });
let announced = false;
function relay(chunk, out) {
  out.write(chunk);
  if (announced) return;
  const m = /https?:\/\/127\.0\.0\.1:(\d+)\//.exec(String(chunk));
  if (!m) return;
  announced = true;
  const url = `http://127.0.0.1:${m[1]}/${lab ? "lab" : "tree"}?token=${token}`;
  console.log(`\nstepwise lab: open ${url}\nstepwise lab: pick the kernel "TypeScript (stepwise tslab)" for new notebooks; Ctrl-C stops the server.\n`);
}
server.stdout.on("data", (c) => relay(c, process.stdout));
server.stderr.on("data", (c) => relay(c, process.stderr));
server.on("error", (err) => fail(`could not start jupyter: ${err.message}`));

let stopping = 0;
function stop(signal) {
  const now = Date.now();
  if (stopping && now - stopping > 1000) {
    console.error(`\nstepwise lab: ${signal} again, killing the server.`);
    try { process.kill(-server.pid, "SIGKILL"); } catch { /* already gone */ }
    return;
  }
  if (stopping) return; // npm forwards the terminal's Ctrl-C, so one press can arrive twice
  stopping = now;
  console.error(`\nstepwise lab: ${signal}, shutting the Jupyter server and its kernels down…`);
  try { server.kill("SIGTERM"); } catch { /* already gone */ }
  setTimeout(() => {
    try { process.kill(-server.pid, "SIGKILL"); } catch { /* already gone */ }
  }, 15_000).unref();
}
process.on("SIGINT", () => stop("Ctrl-C"));
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGHUP", () => stop("SIGHUP"));
server.on("exit", (code, signal) => {
  if (!stopping && !announced) fail(`jupyter exited before serving (exit ${code ?? signal}); see its messages above.`);
  process.exit(stopping ? 0 : code ?? 1);
});
