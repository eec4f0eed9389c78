#!/usr/bin/env node
// Set-up for a fresh clone, run before `npm start` and `npm test` (prestart/pretest):
// installs the npm packages; makes the project-local Python environment .venv/ with the
// pinned Jupyter packages of jupyter/requirements.txt (JupyterLab, Notebook 7, nbclient,
// plotly's renderer extension…), falling back to Debian's Jupyter packages where no venv
// can be made; with --browser also Chromium and the classic Notebook; then builds the lib
// and puts plotly.js where the Jupyter server serves it. A second run checks and skips.
// Every step says what it does; a step that cannot be done stops with a message saying
// what to install by hand. Only Node built-ins are used here.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const wantBrowser = process.argv.includes("--browser");

function fail(message) {
  console.error(`\nstepwise setup: ${message}`);
  process.exit(1);
}

function run(cmd, args, what) {
  console.log(`stepwise setup: ${what}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) fail(`${what} failed (${cmd} ${args.join(" ")} exited with ${r.status ?? r.signal}).`);
}

const [major] = process.versions.node.split(".").map(Number);
if (major < 20) fail(`Node.js 20 or newer is needed, this is ${process.version}.`);

// 1. npm packages: `npm ci` when node_modules is missing or older than the lock file.
const lock = join(root, "package-lock.json");
const installed = join(root, "node_modules", ".package-lock.json");
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  run("npm", ["ci", "--no-audit", "--no-fund"], "installing npm packages");
}

// 2. The project's Python environment: .venv/ with jupyter/requirements.txt, skipped when
//    the stamp holds the requirements' hash and the packages import. STEPWISE_NO_VENV=1
//    skips it (Debian's packages are used then).
const venv = join(root, ".venv");
const venvPython = join(venv, "bin", "python");
const requirements = join(root, "jupyter", "requirements.txt");
const stamp = join(venv, ".stepwise-requirements");
const wanted = createHash("sha256").update(readFileSync(requirements)).digest("hex");
const imports = "import jupyterlab, notebook, nbclient, nbformat, nbconvert, plotly";
const venvWorks = () =>
  existsSync(venvPython) && spawnSync(venvPython, ["-c", imports], { stdio: "ignore" }).status === 0;

/** Makes or refreshes .venv; returns null when done, else why it could not be done. */
function makeVenv() {
  if (existsSync(stamp) && readFileSync(stamp, "utf8").trim() === wanted && venvWorks()) {
    console.log("stepwise setup: Python environment .venv is up to date (jupyter/requirements.txt unchanged).");
    return null;
  }
  if (!existsSync(venvPython) || spawnSync(venvPython, ["-m", "pip", "--version"], { stdio: "ignore" }).status !== 0) {
    const base = ["python3", "/usr/bin/python3"].find(
      (py) => spawnSync(py, ["-c", "import venv, ensurepip"], { stdio: "ignore" }).status === 0,
    );
    if (!base) return "no python3 with the venv and ensurepip modules (on Debian/Ubuntu: apt-get install python3-venv)";
    rmSync(venv, { recursive: true, force: true });
    console.log(`stepwise setup: creating the Python environment: ${base} -m venv .venv`);
    const r = spawnSync(base, ["-m", "venv", venv], { cwd: root, stdio: "inherit" });
    if (r.status !== 0) return `${base} -m venv .venv exited with ${r.status ?? r.signal}`;
  }
  console.log(
    "stepwise setup: installing the pinned Jupyter packages (about a minute): .venv/bin/python -m pip install -r jupyter/requirements.txt; pip's output goes to .venv/pip-install.log",
  );
  // One retry per index request, not pip's five with back-off: where an index is out of
  // reach (a machine with only a local index) five retries cost minutes per package.
  // PIP_RETRIES in the environment overrides this.
  const retries = process.env.PIP_RETRIES === undefined ? ["--retries", "1"] : [];
  // pip's own lines (a warning per index location it skips, retries) go to a log, shown when it fails
  const r = spawnSync(venvPython, ["-m", "pip", "install", "--quiet", ...retries, "-r", requirements], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const log = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  try {
    writeFileSync(join(venv, "pip-install.log"), log);
  } catch {
    // the log is a convenience
  }
  if (r.status !== 0) {
    console.error(log.trim().split("\n").slice(-30).join("\n"));
    return `pip install -r jupyter/requirements.txt exited with ${r.status ?? r.signal} (its last lines above; all of them in .venv/pip-install.log)`;
  }
  if (!venvWorks()) return `.venv/bin/python cannot run \`${imports}\` after the install`;
  writeFileSync(stamp, `${wanted}\n`);
  return null;
}

const venvProblem = process.env.STEPWISE_NO_VENV === "1" ? "STEPWISE_NO_VENV=1 is set" : makeVenv();
if (venvProblem === null) {
  const v = execFileSync(
    venvPython,
    ["-c", "import jupyterlab, nbclient; print(jupyterlab.__version__, nbclient.__version__)"],
    { encoding: "utf8" },
  )
    .trim()
    .split(" ");
  console.log(
    `stepwise setup: Jupyter from .venv: JupyterLab ${v[0]}, nbclient ${v[1]} (the pipeline and npm run lab use it).`,
  );
} else {
  console.log(
    `stepwise setup: no project Python environment (${venvProblem}); falling back to Debian's Jupyter packages (nbclient, classic Notebook; no JupyterLab).`,
  );
}

// 3. Debian packages (only where missing): Jupyter's executor when there is no venv, and
//    Chromium and the classic Notebook server for the browser tests.
const canApt = process.platform === "linux" && existsSync("/usr/bin/apt-get") && process.getuid?.() === 0;
const hasNbclient =
  venvProblem === null ||
  ["/usr/bin/python3", "python3"].some(
    (py) => spawnSync(py, ["-c", "import nbclient, nbformat, nbconvert"], { stdio: "ignore" }).status === 0,
  ) ||
  (process.env.STEPWISE_PYTHON &&
    spawnSync(process.env.STEPWISE_PYTHON, ["-c", "import nbclient"], { stdio: "ignore" }).status === 0);
const hasChromium = existsSync("/usr/bin/chromium");
// The classic Notebook server (Debian's 6.4), which one frontend test drives in Chromium.
const hasNotebook = existsSync("/usr/bin/jupyter-notebook");
const debs = [
  ...(hasNbclient ? [] : ["jupyter-nbconvert", "python3-nbclient", "python3-nbformat"]),
  ...(wantBrowser && !hasChromium ? ["chromium"] : []),
  ...(wantBrowser && !hasNotebook ? ["jupyter-notebook"] : []),
];
if (debs.length > 0) {
  if (!canApt) {
    fail(
      `missing: ${debs.join(", ")}. Install them yourself: on Debian/Ubuntu as root ` +
        `\`apt-get install -y ${debs.join(" ")}\`; elsewhere \`pip install -r jupyter/requirements.txt\` into a Python environment` +
        (wantBrowser
          ? ", a Chromium at /usr/bin/chromium and the classic Notebook at /usr/bin/jupyter-notebook (Debian's jupyter-notebook)"
          : "") +
        " (set STEPWISE_PYTHON to a Python that has nbclient).",
    );
  }
  run("apt-get", ["update", "-q"], "updating Debian's package lists");
  run("apt-get", ["install", "-y", "-q", "--no-install-recommends", ...debs], "installing Debian packages");
}

// 4. Build the lib (CommonJS + .d.ts in dist/), which the notebooks import as "stepwise".
run("npm", ["run", "--silent", "build"], "building the lib");
try {
  execFileSync("node", ["-e", "require('stepwise')"], { cwd: join(root, "notebooks"), stdio: "pipe" });
} catch (err) {
  fail(`the built lib does not load by name from notebooks/: ${String(err.stderr || err.message).trim()}`);
}
// 5. plotly.js as a static file of the project's Jupyter data folder (jupyter/nbextensions/,
//    git-ignored), for chart outputs in frontends without plotly's renderer.
try {
  const { installPlotlyAsset } = require(join(root, "dist", "jupyter", "plotly-asset.js"));
  const { file, written } = installPlotlyAsset(join(root, "jupyter"));
  if (written) console.log(`stepwise setup: plotly.js for Jupyter frontends written to ${file.slice(root.length + 1)}`);
} catch (err) {
  fail(String(err.message ?? err));
}
console.log("stepwise setup: ready.");
