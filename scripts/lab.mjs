#!/usr/bin/env node
// npm run lab: opens the tutorials in a Jupyter web UI with the project's own kernels
// (tslab's TypeScript and JavaScript modes). Builds the lib when dist/ is missing or older
// than lib/, puts plotly.js where the server serves it (jupyter/nbextensions/), then starts
// JupyterLab 4 from the project's .venv (made by `node scripts/setup.mjs`; a JupyterLab on
// PATH otherwise) on 127.0.0.1 with notebooks/ as its folder and the project's jupyter/
// folder first on JUPYTER_PATH, so the kernels "TypeScript (stepwise tslab)" and
// "JavaScript (stepwise jslab)" are listed without a global `tslab install`.
// `--notebook` starts Notebook 7 from the venv instead, `--classic` the classic Notebook
// (Debian's jupyter-notebook 6.4, or nbclassic where installed).
// The kernels the server starts get their ports outside the system's ephemeral range, as the
// executor's do: the server reads the kit's config from jupyter/config/ (on JUPYTER_CONFIG_PATH),
// which names the kernel managers of lib/pipeline/server_kernel_managers.py.
// The token travels in the environment (JUPYTER_TOKEN), never on the command line, so
// other users cannot read it with ps; set JUPYTER_TOKEN yourself to choose it. The
// script prints the URL with the token; Ctrl-C shuts the server and its kernels down.
//
// With --dir FOLDER outside the kit, notebooks there import "stepwise" through a link the
// script writes once, FOLDER/node_modules/stepwise → this kit (as `npm link stepwise` would);
// --no-link leaves the folder untouched.
//
// Usage: npm run lab [-- --port 8890] [-- --dir FOLDER [--no-link]] [-- --notebook | --classic] [-- <more Jupyter options>]
// Only Node built-ins are used here.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const notebooks = join(root, "notebooks");
const venvJupyter = join(root, ".venv", "bin", "jupyter");

function fail(message) {
  console.error(`\nstepwise lab: ${message}`);
  process.exit(1);
}

/** Command-line options: --port N (or --port=N), --notebook, --classic, and everything else passed on to Jupyter. */
function parseArgs(argv) {
  const opts = { port: 8888, classic: false, notebook: false, dir: notebooks, link: true, extra: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--port(?:=(.*))?$/.exec(a);
    if (m) {
      const v = m[1] ?? argv[++i];
      const port = Number(v);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        fail(`--port must be a whole number from 1 to 65535, got ${JSON.stringify(v)}.`);
      opts.port = port;
    } else if (a === "--dir" || a.startsWith("--dir=")) {
      const v = a === "--dir" ? argv[++i] : a.slice("--dir=".length);
      if (!v || !existsSync(v) || !statSync(v).isDirectory())
        fail(`--dir must name an existing folder, got ${JSON.stringify(v)}.`);
      opts.dir = resolve(v);
    } else if (a === "--no-link") opts.link = false;
    else if (a === "--classic") opts.classic = true;
    else if (a === "--notebook") opts.notebook = true;
    else if (/^--(ServerApp|NotebookApp|IdentityProvider)\.token(=|$)/.test(a))
      fail(
        "pass the token as JUPYTER_TOKEN in the environment, not on the command line (ps shows command lines to every user).",
      );
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

/**
 * The environment for the server: jupyterEnv() with the kit's config folder for this server
 * (jupyter/config/server for jupyter_server's apps, jupyter/config/notebook6 for the classic
 * Notebook 6) after any JUPYTER_CONFIG_PATH of the user's. Its config names the kernel manager
 * class that gives the kernels the server starts ports outside the ephemeral range
 * (lib/pipeline/server_kernel_managers.py), and nothing else. Jupyter ranks JUPYTER_CONFIG_PATH
 * above the user's config folder (~/.jupyter or JUPYTER_CONFIG_DIR), so that one setting wins over
 * the user's; every other setting of theirs still applies.
 *
 * @param {{ app: string }} front the frontend chooseFrontend() picked ("NotebookApp": the classic Notebook 6)
 * @returns {Record<string, string>} the environment to start the server with (without its token)
 */
function serverEnv(front) {
  const config = join(root, "jupyter", "config", front.app === "NotebookApp" ? "notebook6" : "server");
  const rest = process.env.JUPYTER_CONFIG_PATH ? [process.env.JUPYTER_CONFIG_PATH] : [];
  return { ...jupyterEnv(), JUPYTER_CONFIG_PATH: [...rest, config].join(delimiter) };
}

/** `cmd args… --version` prints a version: the first number, e.g. 7, else null. */
function majorVersion(cmd, args) {
  if (cmd.startsWith("/") && !existsSync(cmd)) return null;
  const r = spawnSync(cmd, [...args, "--version"], { encoding: "utf8", env: jupyterEnv() });
  const m = r.status === 0 ? /(\d+)\.\d+/.exec(r.stdout) : null;
  return m ? Number(m[1]) : null;
}

/**
 * Which Jupyter frontend to start, as { name, cmd, args, app, path }: JupyterLab 4 (the
 * default), Notebook 7 (--notebook) or the classic Notebook (--classic).
 */
function chooseFrontend(opts) {
  const jupyter = existsSync(venvJupyter) ? venvJupyter : "jupyter";
  if (opts.classic) {
    if (majorVersion(jupyter, ["nbclassic"]) !== null)
      return {
        name: "the classic Notebook (nbclassic)",
        cmd: jupyter,
        args: ["nbclassic"],
        app: "ServerApp",
        path: "tree",
      };
    for (const cmd of ["/usr/bin/jupyter-notebook", "jupyter-notebook"]) {
      const v = majorVersion(cmd, []);
      if (v !== null && v < 7)
        return { name: `the classic Notebook ${v}`, cmd, args: [], app: "NotebookApp", path: "tree" };
    }
    fail(
      "--classic: no classic Notebook found. On Debian/Ubuntu: apt-get install -y jupyter-notebook (as root), or pip install nbclassic into .venv.",
    );
  }
  if (opts.notebook) {
    const v = majorVersion(jupyter, ["notebook"]);
    if (v !== null && v >= 7)
      return { name: `Notebook ${v}`, cmd: jupyter, args: ["notebook"], app: "ServerApp", path: "tree" };
    fail(
      "--notebook: Notebook 7 is not installed. Run `node scripts/setup.mjs`, which installs it into .venv from jupyter/requirements.txt.",
    );
  }
  const v = majorVersion(jupyter, ["lab"]);
  if (v !== null && v >= 4)
    return {
      name: `JupyterLab ${v}${jupyter === venvJupyter ? " from .venv" : ""}`,
      cmd: jupyter,
      args: ["lab"],
      app: "ServerApp",
      path: "lab",
    };
  fail(
    "JupyterLab 4 is not installed" +
      (existsSync(venvJupyter) ? " in .venv" : " (no .venv)") +
      ". Run `node scripts/setup.mjs`, which makes .venv with the pinned packages of jupyter/requirements.txt " +
      "(or pip install -r jupyter/requirements.txt into a Python environment of your own); " +
      "`npm run lab -- --classic` starts the classic Notebook where it is installed.",
  );
}

const opts = parseArgs(process.argv.slice(2));
buildIfStale();
if (opts.link) {
  try {
    const link = require(join(root, "dist", "pipeline", "kit-link.js")).linkKitInto(opts.dir);
    if (link)
      console.log(
        `stepwise lab: so that notebooks in ${opts.dir} can import "stepwise", linked ${link} -> ${root} (remove it with \`rm ${link}\`; --no-link skips this)`,
      );
  } catch (err) {
    fail(String(err.message ?? err));
  }
}
try {
  require(join(root, "dist", "jupyter", "plotly-asset.js")).installPlotlyAsset(join(root, "jupyter"));
} catch (err) {
  fail(String(err.message ?? err));
}
const front = chooseFrontend(opts);
const lab = front.path === "lab";
const token = process.env.JUPYTER_TOKEN || randomBytes(24).toString("hex");
const args = [
  ...front.args,
  "--ip=127.0.0.1",
  `--port=${opts.port}`,
  `--${front.app}.port_retries=0`,
  "--no-browser",
  `--notebook-dir=${opts.dir}`,
  // offline: no announcements feed, no update check
  ...(lab ? ["--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"] : []),
  ...(process.getuid?.() === 0 ? ["--allow-root"] : []),
  ...opts.extra,
];
console.log(`stepwise lab: starting ${front.name} on ${opts.dir}`);

// Own process group and no terminal on stdin: a Ctrl-C reaches only this script, which
// then asks Jupyter to stop (SIGTERM: it shuts its kernels down and exits).
const server = spawn(front.cmd, args, {
  cwd: opts.dir,
  env: { ...serverEnv(front), JUPYTER_TOKEN: token },
  stdio: ["ignore", "pipe", "pipe"],
  detached: true,
});
let announced = false;
function relay(chunk, out) {
  out.write(chunk);
  if (announced) return;
  const m = /https?:\/\/127\.0\.0\.1:(\d+)\//.exec(String(chunk));
  if (!m) return;
  announced = true;
  const url = `http://127.0.0.1:${m[1]}/${front.path}?token=${token}`;
  console.log(
    `\nstepwise lab: open ${url}\nstepwise lab: pick the kernel "TypeScript (stepwise tslab)" for new notebooks; Ctrl-C stops the server.\n`,
  );
}
server.stdout.on("data", (c) => relay(c, process.stdout));
server.stderr.on("data", (c) => relay(c, process.stderr));
server.on("error", (err) => fail(`could not start jupyter: ${err.message}`));

let stopping = 0;
function stop(signal) {
  const now = Date.now();
  if (stopping && now - stopping > 1000) {
    console.error(`\nstepwise lab: ${signal} again, killing the server.`);
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
    return;
  }
  if (stopping) return; // npm forwards the terminal's Ctrl-C, so one press can arrive twice
  stopping = now;
  console.error(`\nstepwise lab: ${signal}, shutting the Jupyter server and its kernels down…`);
  try {
    server.kill("SIGTERM");
  } catch {
    /* already gone */
  }
  setTimeout(() => {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }, 15_000).unref();
}
process.on("SIGINT", () => stop("Ctrl-C"));
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGHUP", () => stop("SIGHUP"));
server.on("exit", (code, signal) => {
  if (!stopping && !announced) fail(`jupyter exited before serving (exit ${code ?? signal}); see its messages above.`);
  process.exit(stopping ? 0 : (code ?? 1));
});
